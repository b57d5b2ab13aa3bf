package org.mixbench.analysis.loudness.internal;

import org.mixbench.analysis.loudness.LoudnessMeter;
import org.mixbench.analysis.loudness.LoudnessSnapshot;
import org.mixbench.api.analysis.AnalysisSpec;
import org.mixbench.api.analysis.Analyzer;
import org.mixbench.api.analysis.AnalyzerFactory;
import org.mixbench.api.contribution.Descriptor;
import org.osgi.service.component.annotations.Component;

/**
 * Contributes the EBU R128 loudness meter: momentary, short-term, integrated, loudness range and their maxima,
 * through {@link LoudnessMeter} in the default BS.1770 channel layout for the channel count (1 to 8). Stateless; any
 * thread.
 */
@Component(service = AnalyzerFactory.class, property = {
    "id=" + LoudnessAnalyzerFactory.ID, "name=Loudness (EBU R128)", "category=Loudness", "vendor=Mixbench",
    "version=1.0.0"})
public final class LoudnessAnalyzerFactory implements AnalyzerFactory {
    /** Stable id. */
    public static final String ID = "mixbench.loudness";
    private static final Descriptor DESCRIPTOR =
            new Descriptor(ID, "Loudness (EBU R128)", "Loudness", "Mixbench", "1.0.0");

    /** Used by DS. */
    public LoudnessAnalyzerFactory() {
    }

    /** Who this analyzer is. Any thread. */
    @Override
    public Descriptor descriptor() {
        return DESCRIPTOR;
    }

    /**
     * A fresh loudness meter for {@code spec}. Main thread, or the analysis thread before its first block.
     *
     * @throws IllegalArgumentException for a sample rate outside 8 to 384 kHz or more than 8 channels
     */
    @Override
    public Analyzer<LoudnessSnapshot> create(AnalysisSpec spec) {
        return new LoudnessMeter(spec.sampleRate(), spec.channels());
    }
}
