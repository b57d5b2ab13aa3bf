package com.example.misbehaving;

import org.mixbench.api.processor.ProcessorFactory;
import org.osgi.service.component.annotations.Component;

/** A processor that misbehaves: {@link Misbehaviour#OOM_IN_PREPARE}. */
@Component(service = ProcessorFactory.class, property = {"id=com.example.misbehaving.oom", "name=Memory Hog",
    "category=Test", "vendor=Example Studio", "version=1.0.0"})
public final class OomInPrepareFactory extends MisbehavingFactory {
    /** Used by DS. */
    public OomInPrepareFactory() {
        super("com.example.misbehaving.oom", "Memory Hog", Misbehaviour.OOM_IN_PREPARE);
    }
}
