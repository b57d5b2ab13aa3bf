package org.mixbench.processors.space;

/**
 * A circular delay line of floats with a fractional read: third-order Lagrange interpolation between the two middle
 * of four samples (passive, so it is safe inside feedback loops), linear below two frames. Sized once in the
 * constructor (main thread, while preparing); writing and reading never allocate (audio thread).
 */
final class DelayLine {
    /** Values smaller than this are written as zero, so that decaying feedback never reaches denormal floats. */
    static final double DENORMAL = 1e-25;

    private final float[] buffer;
    private final int mask;
    private int write;

    /** A line that can delay by at least {@code maxDelayFrames} (plus the interpolator's margin). Main thread. */
    DelayLine(int maxDelayFrames) {
        int size = Integer.highestOneBit(Math.max(4, maxDelayFrames + 4));
        if (size < maxDelayFrames + 4) {
            size <<= 1;
        }
        buffer = new float[size];
        mask = size - 1;
    }

    /** Largest delay {@link #read} accepts, in frames. */
    int maxDelay() {
        return buffer.length - 4;
    }

    /** Fills the line with silence. Audio thread. */
    void clear() {
        java.util.Arrays.fill(buffer, 0f);
        write = 0;
    }

    /** Appends one sample (flushed to zero when denormal-small). Audio thread. */
    void write(double x) {
        buffer[write] = (float) flush(x);
        write = (write + 1) & mask;
    }

    /**
     * The sample {@code delay} frames before the next write position: {@code read(1)} is the sample written last.
     * {@code delay} must be within 1 and {@link #maxDelay()}; an integer delay reads the stored sample exactly.
     * Audio thread.
     */
    double read(double delay) {
        int i = (int) delay;
        double f = delay - i;
        int p = write - i;
        double x0 = buffer[p & mask];
        if (f == 0) {
            return x0;
        }
        double x1 = buffer[(p - 1) & mask];
        if (i < 2) {
            return x0 + f * (x1 - x0);
        }
        double xm1 = buffer[(p + 1) & mask];
        double x2 = buffer[(p - 2) & mask];
        // Lagrange on the points at offsets -1, 0, 1, 2 evaluated at f in [0, 1).
        double fm1 = f - 1;
        double fm2 = f - 2;
        double fp1 = f + 1;
        return -f * fm1 * fm2 / 6 * xm1 + fp1 * fm1 * fm2 / 2 * x0 - fp1 * f * fm2 / 2 * x1
                + fp1 * f * fm1 / 6 * x2;
    }

    /** {@code x}, or zero when its magnitude is below {@link #DENORMAL}. Any thread. */
    static double flush(double x) {
        return Math.abs(x) < DENORMAL ? 0 : x;
    }
}
