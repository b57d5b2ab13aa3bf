package org.mixbench.processors.mastering;

import java.util.List;

import org.mixbench.api.contribution.Descriptor;
import org.mixbench.api.processor.ParameterDescriptor;
import org.mixbench.api.processor.Processor;
import org.mixbench.api.processor.ProcessorFactory;
import org.mixbench.dsp.AbstractProcessorFactory;
import org.osgi.service.component.annotations.Component;

/**
 * Contributes the stereo imager: the width of the side signal in three bands (mid/side), and mono below a chosen
 * frequency, for mastering and for vinyl pre-masters whose bass must be mono. At 100 % in every band with mono off
 * it passes its input bit for bit.
 */
@Component(service = ProcessorFactory.class, property = {
    "id=" + StereoImagerFactory.ID, "name=Stereo Imager", "category=Mastering", "vendor=Mixbench",
    "version=1.0.0"})
public final class StereoImagerFactory extends AbstractProcessorFactory {
    /** Stable id. */
    public static final String ID = "mixbench.imager";
    static final int LOW_WIDTH = 0;
    static final int MID_WIDTH = 1;
    static final int HIGH_WIDTH = 2;
    static final int LOW_CROSSOVER = 3;
    static final int HIGH_CROSSOVER = 4;
    static final int MONO_BELOW = 5;

    private static final Descriptor DESCRIPTOR = new Descriptor(ID, "Stereo Imager", "Mastering", "Mixbench",
            "1.0.0");
    private static final List<ParameterDescriptor> PARAMETERS = List.of(
            ParameterDescriptor.linear("low_width", "Low width", "%", 0, 200, 100, 0),
            ParameterDescriptor.linear("mid_width", "Mid width", "%", 0, 200, 100, 0),
            ParameterDescriptor.linear("high_width", "High width", "%", 0, 200, 100, 0),
            ParameterDescriptor.logarithmic("low_crossover", "Low crossover", "Hz", 40, 1000, 250, 0),
            ParameterDescriptor.logarithmic("high_crossover", "High crossover", "Hz", 1000, 16000, 4000, 0),
            ParameterDescriptor.linear("mono_below", "Mono below", "Hz", 0, 500, 0, 0));

    /** Used by DS. */
    public StereoImagerFactory() {
        super(DESCRIPTOR, PARAMETERS);
    }

    @Override
    public Processor create() {
        return new StereoImagerProcessor(PARAMETERS);
    }
}
