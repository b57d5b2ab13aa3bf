package com.example.misbehaving;

import java.util.List;

import org.mixbench.api.contribution.Descriptor;
import org.mixbench.api.processor.ParameterDescriptor;
import org.mixbench.api.processor.Processor;
import org.mixbench.api.processor.ProcessorFactory;

/** The shared factory: a descriptor, no parameters, a processor that misbehaves in its own way. */
abstract class MisbehavingFactory implements ProcessorFactory {
    private final Descriptor descriptor;
    private final Misbehaviour how;

    MisbehavingFactory(String id, String name, Misbehaviour how) {
        this.descriptor = new Descriptor(id, name, "Test", "Example Studio", "1.0.0");
        this.how = how;
    }

    @Override
    public Descriptor descriptor() {
        return descriptor;
    }

    @Override
    public List<ParameterDescriptor> parameters() {
        return List.of();
    }

    @Override
    public Processor create() {
        return new MisbehavingProcessor(how);
    }
}
