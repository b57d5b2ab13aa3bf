package org.mixbench.processors.basic;

import java.util.List;

import org.mixbench.api.contribution.Descriptor;
import org.mixbench.api.processor.ParameterDescriptor;
import org.mixbench.api.processor.Processor;
import org.mixbench.api.processor.ProcessorFactory;
import org.mixbench.dsp.AbstractProcessorFactory;
import org.osgi.service.component.annotations.Component;

/**
 * Contributes the stereo utility: balance, stereo width (mid/side), mono fold-down and channel swap. On a mono
 * input it passes the signal unchanged; on more than two channels it works on the first pair.
 */
@Component(service = ProcessorFactory.class, property = {
    "id=" + StereoUtilityFactory.ID, "name=Stereo Utility", "category=Utility", "vendor=Mixbench",
    "version=1.0.0"})
public final class StereoUtilityFactory extends AbstractProcessorFactory {
    /** Stable id. */
    public static final String ID = "mixbench.stereo-utility";
    static final int BALANCE = 0;
    static final int WIDTH = 1;
    static final int MONO = 2;
    static final int SWAP = 3;

    private static final Descriptor DESCRIPTOR =
            new Descriptor(ID, "Stereo Utility", "Utility", "Mixbench", "1.0.0");
    private static final List<ParameterDescriptor> PARAMETERS = List.of(
            ParameterDescriptor.linear("balance", "Balance", "%", -100, 100, 0, 0),
            ParameterDescriptor.linear("width", "Width", "%", 0, 200, 100, 0),
            ParameterDescriptor.toggle("mono", "Mono", false),
            ParameterDescriptor.toggle("swap", "Swap L/R", false));

    /** Used by DS. */
    public StereoUtilityFactory() {
        super(DESCRIPTOR, PARAMETERS);
    }

    @Override
    public Processor create() {
        return new StereoUtilityProcessor(PARAMETERS);
    }
}
