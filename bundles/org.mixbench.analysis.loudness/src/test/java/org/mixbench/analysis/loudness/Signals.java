package org.mixbench.analysis.loudness;

import java.util.Arrays;

/**
 * Test signals synthesised from their published definitions (EBU Tech 3341 and Tech 3342), word-length reduction to
 * 16 and 24 bits, and helpers that run the meters over whole signals in blocks of changing length.
 */
final class Signals {
    private Signals() {
    }

    /** How the synthesised signal reaches the meter. */
    enum Format {
        /** As synthesised, 32-bit float. */
        FLOAT(0),
        /** Rounded to 16-bit PCM. */
        PCM16(16),
        /** Rounded to 24-bit PCM. */
        PCM24(24);

        final int bits;

        Format(int bits) {
            this.bits = bits;
        }

        /** {@code x} as this format would hold it: a rounded copy on the integer grid, clamped to full scale. */
        float[] apply(float[] x) {
            if (bits == 0) {
                return x;
            }
            double scale = 1L << (bits - 1);
            double max = (scale - 1) / scale;
            float[] y = new float[x.length];
            for (int i = 0; i < x.length; i++) {
                double q = Math.rint(x[i] * scale) / scale;
                y[i] = (float) Math.max(-1.0, Math.min(max, q));
            }
            return y;
        }
    }

    /** A level in dBFS as the peak amplitude of a sine; -Infinity is silence. */
    static double amplitude(double dbfs) {
        return Math.pow(10, dbfs / 20);
    }

    /**
     * Segments of a 1 kHz sine (phase-continuous from the first sample) given as pairs {@code level dBFS, seconds};
     * a level of {@code Double.NEGATIVE_INFINITY} is silence. Each segment is {@code round(seconds * fs)} frames.
     */
    static float[] tones(double fs, double... levelAndSeconds) {
        int total = 0;
        for (int i = 1; i < levelAndSeconds.length; i += 2) {
            total += (int) Math.round(levelAndSeconds[i] * fs);
        }
        float[] x = new float[total];
        int at = 0;
        for (int i = 0; i < levelAndSeconds.length; i += 2) {
            int n = (int) Math.round(levelAndSeconds[i + 1] * fs);
            double a = amplitude(levelAndSeconds[i]);
            for (int j = at; j < at + n; j++) {
                x[j] = (float) (a * sine(j, 1000, fs));
            }
            at += n;
        }
        return x;
    }

    /** {@code sin(2 pi hz n / fs)} with the phase reduced exactly when both are integers. */
    static double sine(long n, double hz, double fs) {
        if (hz == Math.rint(hz) && fs == Math.rint(fs)) {
            long r = Math.floorMod(n * (long) hz, (long) fs);
            return Math.sin(2 * Math.PI * r / fs);
        }
        return Math.sin(2 * Math.PI * hz * n / fs);
    }

    /** {@code seconds} of a sine at {@code fs * ratio} Hz, given amplitude and start phase, faded in and out linearly
     * over {@code fade} seconds. */
    static float[] sineAtRatio(double fs, double ratio, double amplitude, double phaseDegrees, double seconds,
            double fade) {
        int n = (int) Math.round(seconds * fs);
        int f = (int) Math.round(fade * fs);
        float[] x = new float[n];
        double phase = Math.toRadians(phaseDegrees);
        for (int i = 0; i < n; i++) {
            double g = Math.min(1.0, Math.min((double) i / f, (double) (n - 1 - i) / f));
            x[i] = (float) (g * amplitude * Math.sin(2 * Math.PI * ratio * i + phase));
        }
        return x;
    }

    /** {@code count} copies of {@code x} end to end. */
    static float[] repeat(float[] x, int count) {
        float[] y = new float[x.length * count];
        for (int i = 0; i < count; i++) {
            System.arraycopy(x, 0, y, i * x.length, x.length);
        }
        return y;
    }

    /** {@code x} times the gain {@code db}. */
    static float[] gain(float[] x, double db) {
        double g = amplitude(db);
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = (float) (x[i] * g);
        }
        return y;
    }

    /** Block lengths that change all the time (1 to 4096 frames, with zero-length blocks), deterministic. */
    static int blockLength(int k) {
        return BLOCK_LENGTHS[k % BLOCK_LENGTHS.length];
    }

    private static final int[] BLOCK_LENGTHS = {4096, 1, 441, 0, 480, 1024, 17, 2048, 333, 4095, 64, 960};

    /** Runs {@code meter} over the whole of {@code channels} in blocks of changing length. */
    static void feed(LoudnessMeter meter, float[][] channels) {
        int length = channels[0].length;
        for (int at = 0, k = 0; at < length; k++) {
            int n = Math.min(blockLength(k), length - at);
            meter.process(channels, at, n);
            at += n;
        }
    }

    /** Runs {@code meter} over the whole of {@code channels} in blocks of changing length, then finishes it. */
    static void feed(TruePeakMeter meter, float[][] channels) {
        int length = channels[0].length;
        for (int at = 0, k = 0; at < length; k++) {
            int n = Math.min(blockLength(k), length - at);
            meter.process(channels, at, n);
            at += n;
        }
        meter.finish();
    }

    /** The same signal on {@code count} channels (one shared array, read only). */
    static float[][] same(float[] x, int count) {
        float[][] y = new float[count][];
        Arrays.fill(y, x);
        return y;
    }

    /** A history listener that keeps every value in arrays sized for {@code capacity} hops. */
    static final class History implements LoudnessMeter.HistoryListener {
        final double[] momentary;
        final double[] shortTerm;
        int count;

        History(int capacity) {
            momentary = new double[capacity];
            shortTerm = new double[capacity];
        }

        @Override
        public void loudness(long index, double momentaryLufs, double shortTermLufs) {
            if (index != count) {
                throw new AssertionError("history index " + index + " after " + count + " values");
            }
            momentary[count] = momentaryLufs;
            shortTerm[count++] = shortTermLufs;
        }

        /** The largest momentary value of the windows ending in {@code (from, to]} seconds at hop {@code hop}. */
        double maxMomentary(double hop, double from, double to) {
            return max(momentary, hop, from, to);
        }

        /** The largest short-term value of the windows ending in {@code (from, to]} seconds at hop {@code hop}. */
        double maxShortTerm(double hop, double from, double to) {
            return max(shortTerm, hop, from, to);
        }

        private double max(double[] values, double hop, double from, double to) {
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < count; i++) {
                double end = (i + 1) * hop;
                if (end > from + 1e-9 && end <= to + 1e-9) {
                    max = Math.max(max, values[i]);
                }
            }
            return max;
        }
    }
}
