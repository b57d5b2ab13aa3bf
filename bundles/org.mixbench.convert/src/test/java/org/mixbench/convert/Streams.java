package org.mixbench.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs whole streams through a converter for the tests, checking the frame-count promises on the way. */
final class Streams {
    /** The six supported rates. */
    static final int[] RATES = {44_100, 48_000, 88_200, 96_000, 176_400, 192_000};

    private Streams() {
    }

    /**
     * Converts all of {@code in} through {@code src} (reset first) in calls whose sizes come from {@code sizes} in
     * turn, then flushes. Asserts that no call returns more than promised and that the stream yields exactly
     * {@code ceil(frames * outputRate / inputRate)} frames.
     */
    static float[][] convert(SampleRateConverter src, float[][] in, int... sizes) {
        src.reset();
        int channels = in.length;
        int frames = in[0].length;
        long expected = ((long) frames * src.outputRate() + src.inputRate() - 1) / src.inputRate();
        float[][] out = new float[channels][(int) expected];
        float[][] buffer = new float[channels][src.maxOutputFrames(src.maxInputFrames())];
        int written = 0;
        int pos = 0;
        int k = 0;
        while (pos < frames) {
            int n = Math.min(Math.min(sizes[k++ % sizes.length], src.maxInputFrames()), frames - pos);
            int got = src.process(in, pos, n, buffer, 0);
            assertTrue(got <= src.maxOutputFrames(n), "process returned " + got + " frames for " + n);
            assertTrue(written + got <= expected, "more output than ceil(in * out / in rate)");
            for (int c = 0; c < channels; c++) {
                System.arraycopy(buffer[c], 0, out[c], written, got);
            }
            written += got;
            pos += n;
        }
        int got;
        while ((got = src.flush(buffer, 0)) > 0) {
            assertTrue(got <= src.maxOutputFrames(src.maxInputFrames()), "flush returned " + got + " frames");
            assertTrue(written + got <= expected, "more output than ceil(in * out / in rate)");
            for (int c = 0; c < channels; c++) {
                System.arraycopy(buffer[c], 0, out[c], written, got);
            }
            written += got;
        }
        assertEquals(expected, written, "total output frames for " + frames + " input frames");
        assertEquals(expected, src.totalOutputFrames());
        return out;
    }

    /** One sine per channel at {@code amplitude}, {@code frames} long, phase 0 at frame 0. */
    static float[][] sines(double rate, int frames, double amplitude, double... frequencies) {
        float[][] x = new float[frequencies.length][frames];
        for (int c = 0; c < frequencies.length; c++) {
            double w = 2 * Math.PI * frequencies[c] / rate;
            for (int i = 0; i < frames; i++) {
                x[c][i] = (float) (amplitude * Math.sin(w * i));
            }
        }
        return x;
    }
}
