package org.mixbench.analysis.spectrum.internal;

import org.mixbench.analysis.spectrum.StereoAnalyzer;
import org.mixbench.analysis.spectrum.StereoSettings;
import org.mixbench.analysis.spectrum.StereoSnapshot;
import org.mixbench.api.analysis.AnalysisSpec;
import org.mixbench.api.analysis.Analyzer;
import org.mixbench.api.analysis.AnalyzerFactory;
import org.mixbench.api.contribution.Descriptor;
import org.osgi.service.component.annotations.Component;

/**
 * Contributes the stereo analyzer with {@link StereoSettings#defaults()}: phase correlation (the CLI's
 * {@code correlation}), balance, mid and side, RMS per channel (the CLI's {@code rms_dbfs}) over the whole input and
 * as 300 ms meters, and goniometer points. Stateless; any thread.
 */
@Component(service = AnalyzerFactory.class, property = {
    "id=" + StereoAnalyzerFactory.ID, "name=Stereo and correlation", "category=Stereo", "vendor=Mixbench",
    "version=1.0.0"})
public final class StereoAnalyzerFactory implements AnalyzerFactory {
    /** Stable id. */
    public static final String ID = "mixbench.stereo";

    private static final Descriptor DESCRIPTOR =
            new Descriptor(ID, "Stereo and correlation", "Stereo", "Mixbench", "1.0.0");

    /** Used by DS, on the thread that activates the component. */
    public StereoAnalyzerFactory() {
    }

    /** The descriptor, the same as the service properties. Any thread. */
    @Override
    public Descriptor descriptor() {
        return DESCRIPTOR;
    }

    /** A fresh stereo analyzer with the defaults. Main thread or the analysis thread before its first block. */
    @Override
    public Analyzer<StereoSnapshot> create(AnalysisSpec spec) {
        return new StereoAnalyzer(spec, StereoSettings.defaults());
    }
}
