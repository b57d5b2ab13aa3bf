package com.example.bitcrusher;

import java.util.List;

import org.mixbench.api.contribution.Descriptor;
import org.mixbench.api.processor.ParameterDescriptor;
import org.mixbench.api.processor.Processor;
import org.mixbench.api.processor.ProcessorFactory;
import org.mixbench.dsp.AbstractProcessorFactory;
import org.osgi.service.component.annotations.Component;

/** Contributes a lo-fi bitcrusher: word-length reduction and sample-and-hold decimation, with a dry/wet mix. */
@Component(service = ProcessorFactory.class, property = {
    "id=" + BitcrusherFactory.ID, "name=Bitcrusher", "category=Distortion", "vendor=Example Studio",
    "version=1.0.0"})
public final class BitcrusherFactory extends AbstractProcessorFactory {
    /** Stable id. */
    public static final String ID = "com.example.bitcrusher";
    static final int BITS = 0;
    static final int HOLD = 1;
    static final int MIX = 2;

    private static final Descriptor DESCRIPTOR =
            new Descriptor(ID, "Bitcrusher", "Distortion", "Example Studio", "1.0.0");
    private static final List<ParameterDescriptor> PARAMETERS = List.of(
            ParameterDescriptor.linear("bits", "Bits", "bit", 1, 24, 8, 1),
            ParameterDescriptor.logarithmic("hold", "Downsample", "x", 1, 64, 1, 1),
            ParameterDescriptor.linear("mix", "Mix", "%", 0, 100, 100, 0));

    /** Used by DS. */
    public BitcrusherFactory() {
        super(DESCRIPTOR, PARAMETERS);
    }

    @Override
    public Processor create() {
        return new BitcrusherProcessor(PARAMETERS);
    }
}
