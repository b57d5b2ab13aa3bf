package org.mixbench.analysis.loudness.internal;

import org.mixbench.analysis.loudness.PeakSnapshot;
import org.mixbench.analysis.loudness.TruePeakMeter;
import org.mixbench.api.analysis.AnalysisSpec;
import org.mixbench.api.analysis.Analyzer;
import org.mixbench.api.analysis.AnalyzerFactory;
import org.mixbench.api.contribution.Descriptor;
import org.osgi.service.component.annotations.Component;

/**
 * Contributes the true-peak meter (BS.1770-4 Annex 2) with sample peaks, per channel, through {@link TruePeakMeter}.
 * Stateless; any thread.
 */
@Component(service = AnalyzerFactory.class, property = {
    "id=" + TruePeakAnalyzerFactory.ID, "name=True peak", "category=Loudness", "vendor=Mixbench", "version=1.0.0"})
public final class TruePeakAnalyzerFactory implements AnalyzerFactory {
    /** Stable id. */
    public static final String ID = "mixbench.true-peak";
    private static final Descriptor DESCRIPTOR = new Descriptor(ID, "True peak", "Loudness", "Mixbench", "1.0.0");

    /** Used by DS. */
    public TruePeakAnalyzerFactory() {
    }

    /** Who this analyzer is. Any thread. */
    @Override
    public Descriptor descriptor() {
        return DESCRIPTOR;
    }

    /**
     * A fresh true-peak meter for {@code spec}. Main thread, or the analysis thread before its first block.
     *
     * @throws IllegalArgumentException for a sample rate outside 8 to 384 kHz or more than 64 channels
     */
    @Override
    public Analyzer<PeakSnapshot> create(AnalysisSpec spec) {
        return new TruePeakMeter(spec.sampleRate(), spec.channels());
    }
}
