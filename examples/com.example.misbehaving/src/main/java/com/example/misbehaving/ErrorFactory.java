package com.example.misbehaving;

import org.mixbench.api.processor.ProcessorFactory;
import org.osgi.service.component.annotations.Component;

/** A processor that misbehaves: {@link Misbehaviour#ERROR}. */
@Component(service = ProcessorFactory.class, property = {"id=com.example.misbehaving.error", "name=Error Thrower",
    "category=Test", "vendor=Example Studio", "version=1.0.0"})
public final class ErrorFactory extends MisbehavingFactory {
    /** Used by DS. */
    public ErrorFactory() {
        super("com.example.misbehaving.error", "Error Thrower", Misbehaviour.ERROR);
    }
}
