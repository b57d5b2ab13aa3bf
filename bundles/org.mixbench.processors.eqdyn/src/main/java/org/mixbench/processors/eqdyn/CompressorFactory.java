package org.mixbench.processors.eqdyn;

import java.util.List;
import java.util.Map;

import org.mixbench.api.contribution.Descriptor;
import org.mixbench.api.processor.ParameterDescriptor;
import org.mixbench.api.processor.Preset;
import org.mixbench.api.processor.Processor;
import org.mixbench.api.processor.ProcessorFactory;
import org.mixbench.api.processor.ProcessorState;
import org.mixbench.dsp.AbstractProcessorFactory;
import org.osgi.service.component.annotations.Component;

/**
 * Contributes the compressor: feed-forward, stereo-linked, soft knee, peak or RMS detection, with an external key
 * through {@link org.mixbench.api.processor.SidechainInput}. Its processors are {@link CompressorProcessor}s, which
 * publish their gain reduction for a meter.
 */
@Component(service = ProcessorFactory.class, property = {
    "id=" + CompressorFactory.ID, "name=Compressor", "category=Dynamics", "vendor=Mixbench", "version=1.0.0"})
public final class CompressorFactory extends AbstractProcessorFactory {
    /** Stable id. */
    public static final String ID = "mixbench.compressor";
    static final int THRESHOLD = 0;
    static final int RATIO = 1;
    static final int KNEE = 2;
    static final int ATTACK = 3;
    static final int RELEASE = 4;
    static final int MAKEUP = 5;
    static final int DETECTION = 6;
    static final int SIDECHAIN = 7;
    static final int MIX = 8;
    /** Values of the detection choice. */
    static final int PEAK = 0;
    static final int RMS = 1;

    private static final Descriptor DESCRIPTOR =
            new Descriptor(ID, "Compressor", "Dynamics", "Mixbench", "1.0.0");
    private static final List<ParameterDescriptor> PARAMETERS = List.of(
            ParameterDescriptor.linear("threshold", "Threshold", "dB", -60, 0, -18, 1),
            ParameterDescriptor.logarithmic("ratio", "Ratio", ":1", 1, 20, 4, 2),
            ParameterDescriptor.linear("knee", "Knee", "dB", 0, 24, 6, 1),
            ParameterDescriptor.logarithmic("attack", "Attack", "ms", 0.1, 200, 10, 1),
            ParameterDescriptor.logarithmic("release", "Release", "ms", 5, 2000, 100, 0),
            ParameterDescriptor.linear("makeup", "Makeup", "dB", 0, 24, 0, 1),
            ParameterDescriptor.choice("detection", "Detection", PEAK, "Peak", "RMS"),
            ParameterDescriptor.toggle("sidechain", "External sidechain", false),
            ParameterDescriptor.linear("mix", "Mix", "%", 0, 100, 100, 0));

    /** Used by DS. */
    public CompressorFactory() {
        super(DESCRIPTOR, PARAMETERS);
    }

    /** A new, inactive {@link CompressorProcessor} at the defaults. Main thread. */
    @Override
    public Processor create() {
        return new CompressorProcessor(PARAMETERS);
    }

    /** "Vocal", "Drum bus glue" and "Mastering gentle". Any thread. */
    @Override
    public List<Preset> presets() {
        return List.of(
                preset("Vocal", -24, 3, 6, 5, 80, 6, RMS),
                preset("Drum bus glue", -16, 2, 6, 30, 200, 2, PEAK),
                preset("Mastering gentle", -12, 1.5, 12, 30, 300, 1, RMS));
    }

    private static Preset preset(String name, double threshold, double ratio, double knee, double attack,
            double release, double makeup, int detection) {
        return new Preset(name, ProcessorState.of(Map.of("threshold", threshold, "ratio", ratio, "knee", knee,
                "attack", attack, "release", release, "makeup", makeup, "detection", (double) detection,
                "sidechain", 0.0, "mix", 100.0)));
    }
}
