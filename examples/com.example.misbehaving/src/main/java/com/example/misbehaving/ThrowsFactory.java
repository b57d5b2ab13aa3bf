package com.example.misbehaving;

import org.mixbench.api.processor.ProcessorFactory;
import org.osgi.service.component.annotations.Component;

/** A processor that misbehaves: {@link Misbehaviour#THROWS}. */
@Component(service = ProcessorFactory.class, property = {"id=com.example.misbehaving.throws", "name=Throws",
    "category=Test", "vendor=Example Studio", "version=1.0.0"})
public final class ThrowsFactory extends MisbehavingFactory {
    /** Used by DS. */
    public ThrowsFactory() {
        super("com.example.misbehaving.throws", "Throws", Misbehaviour.THROWS);
    }
}
