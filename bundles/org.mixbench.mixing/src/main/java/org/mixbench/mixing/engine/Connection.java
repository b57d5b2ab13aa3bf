package org.mixbench.mixing.engine;

/**
 * A path from one strip into a destination's input, delayed by a fixed number of frames so that every path into the
 * destination arrives aligned (plugin delay compensation). A ring buffer sized at construction; writing adds the
 * delayed signal into the destination's accumulator. Thread: the render thread.
 */
final class Connection {
    private final float[][] ring;
    private final int delay;
    private final float[][] destination;
    private int writeAt;

    Connection(int delay, int maxBlock, float[][] destination) {
        this.delay = delay;
        this.destination = destination;
        this.ring = delay == 0 ? null : new float[2][delay + maxBlock];
    }

    int delay() {
        return delay;
    }

    /** Adds {@code source} x gains, delayed, into the destination. */
    void write(float[][] source, int frames, float left, float right) {
        if (ring == null) {
            for (int i = 0; i < frames; i++) {
                destination[0][i] += source[0][i] * left;
                destination[1][i] += source[1][i] * right;
            }
            return;
        }
        int size = ring[0].length;
        for (int i = 0; i < frames; i++) {
            int w = (writeAt + i) % size;
            ring[0][w] = source[0][i] * left;
            ring[1][w] = source[1][i] * right;
            int r = (writeAt + i - delay + size) % size;
            destination[0][i] += ring[0][r];
            destination[1][i] += ring[1][r];
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
                destination[0][i] += l;
                destination[1][i] += r;
            } else {
                int w = (writeAt + i) % size;
                ring[0][w] = l;
                ring[1][w] = r;
                int rd = (writeAt + i - delay + size) % size;
                destination[0][i] += ring[0][rd];
                destination[1][i] += ring[1][rd];
            }
        }
        if (ring != null) {
            writeAt = (writeAt + frames) % size;
        }
    }
}
