package org.mixbench.processors.basic;

import java.util.List;

import org.mixbench.api.contribution.Descriptor;
import org.mixbench.api.processor.ParameterDescriptor;
import org.mixbench.api.processor.Processor;
import org.mixbench.api.processor.ProcessorFactory;
import org.mixbench.dsp.AbstractProcessorFactory;
import org.osgi.service.component.annotations.Component;

/** Contributes the gain/trim stage: a level change in dB, smoothed so that moves and automation never click. */
@Component(service = ProcessorFactory.class, property = {
    "id=" + GainFactory.ID, "name=Gain", "category=Utility", "vendor=Mixbench", "version=1.0.0"})
public final class GainFactory extends AbstractProcessorFactory {
    /** Stable id. */
    public static final String ID = "mixbench.gain";
    static final int GAIN = 0;
    static final int INVERT = 1;

    private static final Descriptor DESCRIPTOR = new Descriptor(ID, "Gain", "Utility", "Mixbench", "1.0.0");
    private static final List<ParameterDescriptor> PARAMETERS = List.of(
            ParameterDescriptor.decibels("gain", "Gain", -96, 24, 0),
            ParameterDescriptor.toggle("invert", "Polarity invert", false));

    /** Used by DS. */
    public GainFactory() {
        super(DESCRIPTOR, PARAMETERS);
    }

    @Override
    public Processor create() {
        return new GainProcessor(PARAMETERS);
    }
}
