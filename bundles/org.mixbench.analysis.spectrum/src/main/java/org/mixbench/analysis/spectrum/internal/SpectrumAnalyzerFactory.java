package org.mixbench.analysis.spectrum.internal;

import org.mixbench.analysis.spectrum.SpectrumAnalyzer;
import org.mixbench.analysis.spectrum.SpectrumSettings;
import org.mixbench.analysis.spectrum.SpectrumSnapshot;
import org.mixbench.api.analysis.AnalysisSpec;
import org.mixbench.api.analysis.Analyzer;
import org.mixbench.api.analysis.AnalyzerFactory;
import org.mixbench.api.contribution.Descriptor;
import org.osgi.service.component.annotations.Component;

/**
 * Contributes the spectrum analyzer with {@link SpectrumSettings#defaults()}: 8192 points, Blackman-Harris, 50 %
 * overlap, the mid of all channels, the long-term linear average (the CLI's {@code spectrum_peaks}) with an
 * exponential average and peak hold beside it. Stateless; any thread.
 */
@Component(service = AnalyzerFactory.class, property = {
    "id=" + SpectrumAnalyzerFactory.ID, "name=Spectrum", "category=Spectrum", "vendor=Mixbench", "version=1.0.0"})
public final class SpectrumAnalyzerFactory implements AnalyzerFactory {
    /** Stable id. */
    public static final String ID = "mixbench.spectrum";

    private static final Descriptor DESCRIPTOR = new Descriptor(ID, "Spectrum", "Spectrum", "Mixbench", "1.0.0");

    /** Used by DS, on the thread that activates the component. */
    public SpectrumAnalyzerFactory() {
    }

    /** The descriptor, the same as the service properties. Any thread. */
    @Override
    public Descriptor descriptor() {
        return DESCRIPTOR;
    }

    /** A fresh spectrum analyzer with the defaults. Main thread or the analysis thread before its first block. */
    @Override
    public Analyzer<SpectrumSnapshot> create(AnalysisSpec spec) {
        return new SpectrumAnalyzer(spec, SpectrumSettings.defaults());
    }
}
