package com.example.misbehaving;

import org.mixbench.api.processor.ProcessorFactory;
import org.osgi.service.component.annotations.Component;

/** A processor that misbehaves: {@link Misbehaviour#NAN}. */
@Component(service = ProcessorFactory.class, property = {"id=com.example.misbehaving.nan", "name=NaN Maker",
    "category=Test", "vendor=Example Studio", "version=1.0.0"})
public final class NanFactory extends MisbehavingFactory {
    /** Used by DS. */
    public NanFactory() {
        super("com.example.misbehaving.nan", "NaN Maker", Misbehaviour.NAN);
    }
}
