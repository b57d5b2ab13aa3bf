package org.mixbench.dsp;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.mixbench.api.processor.ParameterDescriptor;
import org.mixbench.api.processor.ProcessorState;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The current values of a processor's parameters, indexed like its factory's parameter list, starting at the
 * defaults; saves and restores them as a {@link ProcessorState}. Reading and setting never allocate.
 *
 * <p>Thread: owned by the processor; the main thread uses it while inactive, the audio thread while active.
 */
@ProviderType
public final class ParameterBank {
    private final List<ParameterDescriptor> descriptors;
    private final double[] values;

    /** A bank with every parameter at its default. */
    public ParameterBank(List<ParameterDescriptor> descriptors) {
        this.descriptors = List.copyOf(descriptors);
        this.values = new double[descriptors.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = descriptors.get(i).defaultValue();
        }
    }

    /** Number of parameters. */
    public int size() {
        return values.length;
    }

    /** Descriptor of parameter {@code index}. */
    public ParameterDescriptor descriptor(int index) {
        return descriptors.get(index);
    }

    /** Current value of parameter {@code index}, in its units. */
    public double get(int index) {
        return values[index];
    }

    /** Sets parameter {@code index}, clamped to its range; returns the value actually set. Ignores a bad index. */
    public double set(int index, double value) {
        if (index < 0 || index >= values.length) {
            return Double.NaN;
        }
        values[index] = descriptors.get(index).clamp(value);
        return values[index];
    }

    /** Index of the parameter with stable id {@code id}, or -1. */
    public int indexOf(String id) {
        for (int i = 0; i < descriptors.size(); i++) {
            if (descriptors.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    /** Every value by stable id. Main thread. */
    public ProcessorState save() {
        Map<String, Double> map = new HashMap<>();
        for (int i = 0; i < values.length; i++) {
            map.put(descriptors.get(i).id(), values[i]);
        }
        return ProcessorState.of(map);
    }

    /** Takes the values of {@code state} that name known parameters, clamped; others are ignored. Main thread. */
    public void restore(ProcessorState state) {
        state.parameters().forEach((id, value) -> {
            int index = indexOf(id);
            if (index >= 0 && value != null) {
                set(index, value);
            }
        });
    }
}
