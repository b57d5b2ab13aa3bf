package com.example.misbehaving;

import org.mixbench.api.processor.ProcessorFactory;
import org.osgi.service.component.annotations.Component;

/** A processor that misbehaves: {@link Misbehaviour#LATENT_THROWS}. */
@Component(service = ProcessorFactory.class, property = {"id=com.example.misbehaving.latent-throws", "name=Latent Thrower",
    "category=Test", "vendor=Example Studio", "version=1.0.0"})
public final class LatentThrowsFactory extends MisbehavingFactory {
    /** Used by DS. */
    public LatentThrowsFactory() {
        super("com.example.misbehaving.latent-throws", "Latent Thrower", Misbehaviour.LATENT_THROWS);
    }
}
