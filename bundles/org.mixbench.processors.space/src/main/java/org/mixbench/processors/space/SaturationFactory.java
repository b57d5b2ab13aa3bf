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
 * Contributes Saturation: drive into a tape (tanh), tube (asymmetric) or hard-clip curve, oversampled 2x, 4x or 8x
 * (the "oversampling" choice, 8x by default), with a tilt tone control, output level and dry/wet mix. Every
 * oversampling setting has the same latency, so the choice trades only cost against aliasing; see
 * {@link SaturationProcessor} for the figures. Stateless; any thread.
 *
 * <p>Parameters: drive 0 to 36 dB; type tape, tube or hard clip; tone (tilt) -6 to +6 dB; output -24 to +12 dB;
 * mix 0 to 100 %; oversampling 2x, 4x or 8x (index 0, 1, 2; default 8x, which is what sessions saved before the
 * parameter existed sound like).
 */
@Component(service = ProcessorFactory.class, property = {
    "id=" + SaturationFactory.ID, "name=Saturation", "category=Distortion", "vendor=Mixbench", "version=1.0.0"})
public final class SaturationFactory extends AbstractProcessorFactory {
    /** Stable id. */
    public static final String ID = "mixbench.saturation";
    static final int DRIVE = 0;
    static final int TYPE = 1;
    static final int TONE = 2;
    static final int OUTPUT = 3;
    static final int MIX = 4;
    static final int OVERSAMPLING = 5;
    static final int TAPE = 0;
    static final int TUBE = 1;
    static final int HARD_CLIP = 2;
    static final int X2 = 0;
    static final int X4 = 1;
    static final int X8 = 2;

    private static final Descriptor DESCRIPTOR =
            new Descriptor(ID, "Saturation", "Distortion", "Mixbench", "1.0.0");
    private static final List<ParameterDescriptor> PARAMETERS = List.of(
            ParameterDescriptor.linear("drive", "Drive", "dB", 0, 36, 6, 1),
            ParameterDescriptor.choice("type", "Type", TAPE, "Tape", "Tube", "Hard clip"),
            ParameterDescriptor.linear("tone", "Tone (tilt)", "dB", -6, 6, 0, 1),
            ParameterDescriptor.decibels("output", "Output", -24, 12, 0),
            ParameterDescriptor.linear("mix", "Mix", "%", 0, 100, 100, 0),
            ParameterDescriptor.choice("oversampling", "Oversampling", X8, "2x", "4x", "8x"));

    private static final List<Preset> PRESETS = List.of(
            new Preset("Warm tape", ProcessorState.of(Map.of("drive", 9.0, "type", (double) TAPE, "tone", -1.5,
                    "output", -4.0, "mix", 100.0))),
            new Preset("Tube grit", ProcessorState.of(Map.of("drive", 18.0, "type", (double) TUBE, "tone", 1.0,
                    "output", -10.0, "mix", 60.0))));

    /** Used by DS. */
    public SaturationFactory() {
        super(DESCRIPTOR, PARAMETERS);
    }

    /** A new, inactive saturator with default values. Main thread. */
    @Override
    public Processor create() {
        return new SaturationProcessor(PARAMETERS);
    }

    /** Warm tape and tube grit. Any thread. */
    @Override
    public List<Preset> presets() {
        return PRESETS;
    }
}
