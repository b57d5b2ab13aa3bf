package com.example.misbehaving;

import org.mixbench.api.processor.ProcessorFactory;
import org.osgi.service.component.annotations.Component;

/** A processor that misbehaves: {@link Misbehaviour#EXIT}. */
@Component(service = ProcessorFactory.class, property = {"id=com.example.misbehaving.exit", "name=Exiter",
    "category=Test", "vendor=Example Studio", "version=1.0.0"})
public final class ExitFactory extends MisbehavingFactory {
    /** Used by DS. */
    public ExitFactory() {
        super("com.example.misbehaving.exit", "Exiter", Misbehaviour.EXIT);
    }
}
