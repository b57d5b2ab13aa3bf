package org.mixbench.api.processor;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The parameter changes that take effect inside one block, sorted by frame offset: the means of sample-accurate
 * automation. The host owns and fills it before {@code process}; the processor only reads it. Storage is fixed at
 * construction, so filling and reading never allocate.
 *
 * <p>Thread: filled and read on the audio thread only.
 */
@ProviderType
public final class ParameterEvents {
    private final int[] frames;
    private final int[] parameters;
    private final double[] values;
    private int size;

    /** Creates an empty list that can hold {@code capacity} events per block. Main thread, while preparing. */
    public ParameterEvents(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must not be negative: " + capacity);
        }
        frames = new int[capacity];
        parameters = new int[capacity];
        values = new double[capacity];
    }

    /** Number of events in this block. */
    public int size() {
        return size;
    }

    /** How many events fit. */
    public int capacity() {
        return frames.length;
    }

    /** Frame offset within the block at which event {@code i} takes effect, {@code 0 <= frame < block frames}. */
    public int frame(int i) {
        checkIndex(i);
        return frames[i];
    }

    /** Index of the changed parameter in the factory's {@link ProcessorFactory#parameters()} list. */
    public int parameter(int i) {
        checkIndex(i);
        return parameters[i];
    }

    /** New value of the parameter, in its own units (not normalised). */
    public double value(int i) {
        checkIndex(i);
        return values[i];
    }

    /** Host: removes every event. Audio thread. */
    public void clear() {
        size = 0;
    }

    /**
     * Host: adds an event, keeping the list sorted by frame (events at the same frame keep their order). Returns
     * {@code false}, and adds nothing, when the list is full. Audio thread; never allocates.
     */
    public boolean add(int frame, int parameter, double value) {
        if (frame < 0 || parameter < 0) {
            throw new IllegalArgumentException("frame and parameter must not be negative");
        }
        if (size == frames.length) {
            return false;
        }
        int at = size;
        while (at > 0 && frames[at - 1] > frame) {
            frames[at] = frames[at - 1];
            parameters[at] = parameters[at - 1];
            values[at] = values[at - 1];
            at--;
        }
        frames[at] = frame;
        parameters[at] = parameter;
        values[at] = value;
        size++;
        return true;
    }

    private void checkIndex(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException(i);
        }
    }
}
