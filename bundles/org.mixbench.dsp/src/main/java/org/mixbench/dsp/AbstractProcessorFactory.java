package org.mixbench.dsp;

import java.util.List;

import org.mixbench.api.contribution.Descriptor;
import org.mixbench.api.processor.ParameterDescriptor;
import org.mixbench.api.processor.ProcessorFactory;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Holds a factory's descriptor and parameter list, so that a concrete factory only says how to create its processor.
 * Stateless; any thread.
 */
@ConsumerType
public abstract class AbstractProcessorFactory implements ProcessorFactory {
    private final Descriptor descriptor;
    private final List<ParameterDescriptor> parameters;

    /** A factory described by {@code descriptor} whose processors have {@code parameters}, in this order. */
    protected AbstractProcessorFactory(Descriptor descriptor, List<ParameterDescriptor> parameters) {
        this.descriptor = descriptor;
        this.parameters = List.copyOf(parameters);
    }

    @Override
    public final Descriptor descriptor() {
        return descriptor;
    }

    @Override
    public final List<ParameterDescriptor> parameters() {
        return parameters;
    }
}
