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
 * Contributes the gate / downward expander: below the threshold the signal falls by the ratio (a gate at high
 * ratios), never by more than the range; with hold, hysteresis and an external key through
 * {@link org.mixbench.api.processor.SidechainInput}.
 */
@Component(service = ProcessorFactory.class, property = {
    "id=" + GateFactory.ID, "name=Gate / Expander", "category=Dynamics", "vendor=Mixbench", "version=1.0.0"})
public final class GateFactory extends AbstractProcessorFactory {
    /** Stable id. */
    public static final String ID = "mixbench.gate";
    static final int THRESHOLD = 0;
    static final int RANGE = 1;
    static final int RATIO = 2;
    static final int ATTACK = 3;
    static final int HOLD = 4;
    static final int RELEASE = 5;
    static final int HYSTERESIS = 6;
    static final int SIDECHAIN = 7;

    private static final Descriptor DESCRIPTOR =
            new Descriptor(ID, "Gate / Expander", "Dynamics", "Mixbench", "1.0.0");
    private static final List<ParameterDescriptor> PARAMETERS = List.of(
            ParameterDescriptor.linear("threshold", "Threshold", "dB", -80, 0, -40, 1),
            ParameterDescriptor.linear("range", "Range", "dB", 0, 80, 80, 1),
            ParameterDescriptor.logarithmic("ratio", "Ratio", ":1", 1, 20, 20, 2),
            ParameterDescriptor.logarithmic("attack", "Attack", "ms", 0.1, 100, 1, 1),
            ParameterDescriptor.linear("hold", "Hold", "ms", 0, 500, 20, 0),
            ParameterDescriptor.logarithmic("release", "Release", "ms", 5, 2000, 100, 0),
            ParameterDescriptor.linear("hysteresis", "Hysteresis", "dB", 0, 12, 3, 1),
            ParameterDescriptor.toggle("sidechain", "External sidechain", false));

    /** Used by DS. */
    public GateFactory() {
        super(DESCRIPTOR, PARAMETERS);
    }

    /** A new, inactive gate at the defaults. Main thread. */
    @Override
    public Processor create() {
        return new GateProcessor(PARAMETERS);
    }

    /** "Tight drums" and "Gentle noise expander". Any thread. */
    @Override
    public List<Preset> presets() {
        return List.of(
                new Preset("Tight drums", ProcessorState.of(Map.of("threshold", -30.0, "range", 40.0,
                        "ratio", 20.0, "attack", 0.1, "hold", 30.0, "release", 60.0, "hysteresis", 4.0))),
                new Preset("Gentle noise expander", ProcessorState.of(Map.of("threshold", -50.0, "range", 15.0,
                        "ratio", 2.0, "attack", 2.0, "hold", 0.0, "release", 200.0, "hysteresis", 0.0))));
    }
}
