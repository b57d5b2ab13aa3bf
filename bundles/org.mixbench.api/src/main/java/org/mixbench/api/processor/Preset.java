package org.mixbench.api.processor;

import java.util.Objects;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A named starting point for a processor: a state to restore. Immutable.
 *
 * @param name  the name shown to users ("Vocal presence", "Drum bus glue")
 * @param state the parameter values (ids missing from it keep their defaults)
 */
@ProviderType
public record Preset(String name, ProcessorState state) {
    /** Checks both fields. */
    public Preset {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
    }
}
