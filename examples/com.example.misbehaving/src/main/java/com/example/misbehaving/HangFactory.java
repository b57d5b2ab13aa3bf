package com.example.misbehaving;

import org.mixbench.api.processor.ProcessorFactory;
import org.osgi.service.component.annotations.Component;

/** A processor that misbehaves: {@link Misbehaviour#HANG}. */
@Component(service = ProcessorFactory.class, property = {"id=com.example.misbehaving.hang", "name=Hanger",
    "category=Test", "vendor=Example Studio", "version=1.0.0"})
public final class HangFactory extends MisbehavingFactory {
    /** Used by DS. */
    public HangFactory() {
        super("com.example.misbehaving.hang", "Hanger", Misbehaviour.HANG);
    }
}
