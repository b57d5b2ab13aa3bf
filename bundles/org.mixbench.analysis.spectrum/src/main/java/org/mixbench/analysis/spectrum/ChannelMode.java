package org.mixbench.analysis.spectrum;

import org.osgi.annotation.versioning.ProviderType;

/** Which signal a {@link SpectrumAnalyzer} transforms. Immutable; any thread. */
@ProviderType
public enum ChannelMode {
    /** One spectrum of the mid signal, the average of all channels (the default; mono input is its own mid). */
    MID,
    /** One spectrum per input channel, in channel order. */
    PER_CHANNEL
}
