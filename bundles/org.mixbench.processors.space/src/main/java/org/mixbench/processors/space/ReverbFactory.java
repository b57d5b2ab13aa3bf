package org.mixbench.processors.space;

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
 * Contributes the Reverb: an algorithmic stereo reverb (input diffusion and a 16-line feedback delay network) with
 * pre-delay, size, decay time, damping, width and mix. Stateless; any thread.
 */
@Component(service = ProcessorFactory.class, property = {
    "id=" + ReverbFactory.ID, "name=Reverb", "category=Reverb", "vendor=Mixbench", "version=1.0.0"})
public final class ReverbFactory extends AbstractProcessorFactory {
    /** Stable id. */
    public static final String ID = "mixbench.reverb";
    static final int PRE_DELAY = 0;
    static final int SIZE = 1;
    static final int DECAY = 2;
    static final int DAMPING = 3;
    static final int WIDTH = 4;
    static final int MIX = 5;

    /** Longest pre-delay in milliseconds. */
    static final double MAX_PRE_DELAY_MS = 200;

    private static final Descriptor DESCRIPTOR = new Descriptor(ID, "Reverb", "Reverb", "Mixbench", "1.0.0");
    private static final List<ParameterDescriptor> PARAMETERS = List.of(
            ParameterDescriptor.linear("predelay", "Pre-delay", "ms", 0, MAX_PRE_DELAY_MS, 10, 1),
            ParameterDescriptor.linear("size", "Size", "%", 0, 100, 60, 0),
            ParameterDescriptor.logarithmic("decay", "Decay (RT60)", "s", 0.2, 20, 2, 2),
            ParameterDescriptor.linear("damping", "Damping", "%", 0, 100, 40, 0),
            ParameterDescriptor.linear("width", "Width", "%", 0, 100, 100, 0),
            ParameterDescriptor.linear("mix", "Mix", "%", 0, 100, 25, 0));

    private static final List<Preset> PRESETS = List.of(
            new Preset("Small room", ProcessorState.of(Map.of("predelay", 4.0, "size", 15.0, "decay", 0.5,
                    "damping", 60.0, "width", 80.0, "mix", 20.0))),
            new Preset("Vocal plate", ProcessorState.of(Map.of("predelay", 25.0, "size", 45.0, "decay", 1.8,
                    "damping", 25.0, "width", 100.0, "mix", 22.0))),
            new Preset("Large hall", ProcessorState.of(Map.of("predelay", 35.0, "size", 100.0, "decay", 3.5,
                    "damping", 50.0, "width", 100.0, "mix", 30.0))));

    /** Used by DS. */
    public ReverbFactory() {
        super(DESCRIPTOR, PARAMETERS);
    }

    /** A new, inactive reverb with default values. Main thread. */
    @Override
    public Processor create() {
        return new ReverbProcessor(PARAMETERS);
    }

    /** Small room, vocal plate and large hall. Any thread. */
    @Override
    public List<Preset> presets() {
        return PRESETS;
    }
}
