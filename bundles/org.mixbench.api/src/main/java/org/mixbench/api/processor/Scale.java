package org.mixbench.api.processor;

import org.osgi.annotation.versioning.ProviderType;

/**
 * How a parameter's range maps to a control's travel (0 to 1), so that a knob or a fader moves the way an engineer
 * expects.
 */
@ProviderType
public enum Scale {
    /** Travel proportional to the value (pan, mix, ratio steps). */
    LINEAR,
    /** Travel proportional to the logarithm of the value (frequencies, times); the range must be positive. */
    LOGARITHMIC,
    /**
     * The value is in decibels; travel follows a fader law: linear in dB over the upper part of the range and
     * compressed toward the minimum, which reads as minus infinity when the range reaches down to -96 dB or below.
     */
    DECIBEL
}
