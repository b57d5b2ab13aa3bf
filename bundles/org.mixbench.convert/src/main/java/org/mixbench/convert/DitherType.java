package org.mixbench.convert;

import org.osgi.annotation.versioning.ProviderType;

/** How a {@link Ditherer} reduces the word length. Immutable; any thread. */
@ProviderType
public enum DitherType {
    /**
     * Plain rounding to the nearest step, no dither. The error is signal-dependent distortion: for busy signals it
     * behaves like noise of RMS {@code LSB / sqrt(12)}, for quiet or simple signals it does not.
     */
    NONE,
    /**
     * Triangular-PDF dither of plus or minus one LSB before rounding: the total error is white noise of RMS
     * {@code LSB / 2}, independent of the signal in mean and variance (Lipshitz, Wannamaker and Vanderkooy,
     * "Quantization and Dither: A Theoretical Survey", JAES 40(5), 1992).
     */
    TPDF,
    /**
     * TPDF dither with error-feedback noise shaping by Wannamaker's 9-tap F-weighted filter (R. A. Wannamaker,
     * "Psychoacoustically Optimal Noise Shaping", JAES 40(7/8), 1992), designed for 44.1 kHz. The noise moves from
     * 1 to 6 kHz, where hearing is most sensitive, to above 12 kHz; its total power is about 18 dB higher than plain
     * TPDF. At other rates the curve scales with the rate.
     */
    SHAPED
}
