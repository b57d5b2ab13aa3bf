package org.mixbench.api.processor;

import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A processor's saved state as plain values, which sessions store: every parameter by its stable id, in its own units,
 * plus optional opaque strings for state that is not a parameter (a loaded impulse response's path, say). Immutable.
 *
 * @param parameters parameter values by {@link ParameterDescriptor#id()}
 * @param data       other state by key; empty for most processors
 */
@ProviderType
public record ProcessorState(Map<String, Double> parameters, Map<String, String> data) {
    /** Copies both maps so the record stays immutable. */
    public ProcessorState {
        parameters = Map.copyOf(parameters);
        data = Map.copyOf(data);
    }

    /** A state made only of parameter values. */
    public static ProcessorState of(Map<String, Double> parameters) {
        return new ProcessorState(parameters, Map.of());
    }
}
