package org.mixbench.mixing.engine;

/**
 * A path from one strip into a destination's input, delayed by a fixed number of frames so that every path into the
 * destination arrives aligned (plugin delay compensation). A ring buffer sized at construction; writing leaves the
 * gained, delayed block in {@link #out}, which the destination sums with its other inputs in a fixed order (so the
 * result does not depend on which thread ran the source). Thread: the thread running the source node writes; the
 * thread running the destination reads, after the crew's level barrier.
 */
final class Connection {
    /** The block this connection delivers to its destination, valid after {@link #write}. */
    final float[][] out;
    private final float[][] ring;
    private final int delay;
    private int writeAt;

    Connection(int delay, int maxBlock) {
        this.delay = delay;
        this.out = new float[2][maxBlock];
        this.ring = delay == 0 ? null : new float[2][delay + maxBlock];
    }

    int delay() {
        return delay;
    }

    /** Leaves {@code source} x gains, delayed, in {@link #out}. */
    void write(float[][] source, int frames, float left, float right) {
        if (ring == null) {
            for (int i = 0; i < frames; i++) {
                out[0][i] = source[0][i] * left;
                out[1][i] = source[1][i] * right;
            }
            return;
        }
        int size = ring[0].length;
        for (int i = 0; i < frames; i++) {
            int w = (writeAt + i) % size;
            ring[0][w] = source[0][i] * left;
            ring[1][w] = source[1][i] * right;
            int r = (writeAt + i - delay + size) % size;
            out[0][i] = ring[0][r];
            out[1][i] = ring[1][r];
        }
        writeAt = (writeAt + frames) % size;
    }

    /** As {@link #write}, with the level in dB following an envelope per frame. */
    void writeAutomated(float[][] source, int frames, long position, Envelope levelDb, double left, double right) {
        int size = ring == null ? 0 : ring[0].length;
        for (int i = 0; i < frames; i++) {
            double g = Math.pow(10, levelDb.value(position + i) / 20);
            float l = (float) (source[0][i] * g * left);
            float r = (float) (source[1][i] * g * right);
            if (ring == null) {
                out[0][i] = l;
                out[1][i] = r;
            } else {
                int w = (writeAt + i) % size;
                ring[0][w] = l;
                ring[1][w] = r;
                int rd = (writeAt + i - delay + size) % size;
                out[0][i] = ring[0][rd];
                out[1][i] = ring[1][rd];
            }
        }
        if (ring != null) {
            writeAt = (writeAt + frames) % size;
        }
    }
}
