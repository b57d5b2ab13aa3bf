package org.mixbench.convert.internal;

import java.util.List;

import org.mixbench.api.contribution.Descriptor;
import org.mixbench.api.processor.ParameterDescriptor;
import org.mixbench.api.processor.Processor;
import org.mixbench.api.processor.ProcessorFactory;
import org.mixbench.dsp.AbstractProcessorFactory;
import org.osgi.service.component.annotations.Component;

/**
 * Contributes the dither stage: word-length reduction to 8, 16, 20 or 24 bits with no dither, TPDF dither or
 * F-weighted noise-shaped dither, in place, through {@link org.mixbench.convert.Ditherer}. Stateless; any thread.
 */
@Component(service = ProcessorFactory.class, property = {
    "id=" + DitherFactory.ID, "name=Dither", "category=Conversion", "vendor=Mixbench", "version=1.0.0"})
public final class DitherFactory extends AbstractProcessorFactory {
    /** Stable id. */
    public static final String ID = "mixbench.dither";
    static final int BITS = 0;
    static final int TYPE = 1;
    /** Word lengths by index of the {@code bits} choice. */
    static final int[] BIT_CHOICES = {8, 16, 20, 24};

    private static final Descriptor DESCRIPTOR = new Descriptor(ID, "Dither", "Conversion", "Mixbench", "1.0.0");
    private static final List<ParameterDescriptor> PARAMETERS = List.of(
            ParameterDescriptor.choice("bits", "Bits", 1, "8", "16", "20", "24"),
            ParameterDescriptor.choice("type", "Type", 1, "None", "TPDF", "Shaped"));

    /** Used by DS. */
    public DitherFactory() {
        super(DESCRIPTOR, PARAMETERS);
    }

    /** A new, inactive dither processor at 16 bits with TPDF dither. Main thread. */
    @Override
    public Processor create() {
        return new DitherProcessor(PARAMETERS);
    }
}
