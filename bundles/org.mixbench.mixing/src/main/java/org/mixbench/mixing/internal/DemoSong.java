package org.mixbench.mixing.internal;

import java.util.SplittableRandom;

/**
 * Synthesises the demo song's multitrack: sixteen bars of A minor at 120 bpm (Am, F, C, G), as four stems with
 * musical parts, not test tones: drums (kick, snare, hats, a fill every eighth bar), bass (an eighth-note line on the
 * roots with a filter envelope), chords (a detuned saw pad, wide stereo) and a lead melody with vibrato from bar
 * five. Deterministic: the same samples every run. Thread: the calling thread.
 */
final class DemoSong {
    static final double TEMPO = 120;
    static final int BARS = 16;
    private static final double[][] CHORDS = {
        {57, 60, 64, 69}, {53, 57, 60, 65}, {48, 55, 60, 64}, {55, 59, 62, 67}};
    private static final int[] ROOTS = {45, 41, 48, 43};
    private static final int[] MELODY = {
        69, -1, 72, 74, 76, -1, 74, 72, 69, -1, 67, 69, 72, -1, -1, -1,
        72, -1, 74, 76, 79, -1, 76, 74, 72, 74, 72, 69, 67, -1, 69, -1,
        76, -1, 79, 81, 79, -1, 76, 74, 72, -1, 74, 76, 74, 72, 69, -1,
        69, 72, 74, 76, 74, 72, 69, 67, 69, -1, -1, -1, -1, -1, -1, -1};

    final double rate;
    final int frames;
    final double beat;

    DemoSong(double rate) {
        this.rate = rate;
        this.beat = 60.0 / TEMPO;
        this.frames = (int) Math.round(BARS * 4 * beat * rate + rate);
    }

    private static double hz(double midi) {
        return 440 * Math.pow(2, (midi - 69) / 12.0);
    }

    /**
     * The level the drums are synthesised at: their hits overlap up to about +2 dBTP at full level, so the stem is
     * written 6 dB down (peaking near -4 dBTP) and the session's drum trim brings it back.
     */
    static final double DRUM_LEVEL = 0.5;

    /** Stereo drums, at {@link #DRUM_LEVEL}. */
    float[][] drums() {
        float[][] out = drumsAtFullLevel();
        for (float[] channel : out) {
            for (int i = 0; i < channel.length; i++) {
                channel[i] *= (float) DRUM_LEVEL;
            }
        }
        return out;
    }

    private float[][] drumsAtFullLevel() {
        float[][] out = new float[2][frames];
        SplittableRandom random = new SplittableRandom(1);
        for (int bar = 0; bar < BARS; bar++) {
            boolean fill = bar % 8 == 7;
            for (int step = 0; step < 16; step++) {
                double t = (bar * 4 + step / 4.0) * beat;
                if (step % 8 == 0 || (step == 10 && bar % 2 == 1)) {
                    kick(out, t, 0.9);
                }
                if (step % 8 == 4 || (fill && step >= 12)) {
                    snare(out, t, fill && step >= 12 ? 0.45 + 0.05 * (step - 12) : 0.55, random);
                }
                if (step % 2 == 0) {
                    hat(out, t, step % 4 == 2 ? 0.16 : 0.1, step == 14 ? 0.25 : 0.045, random, -0.3);
                }
            }
        }
        return out;
    }

    private void kick(float[][] out, double t, double level) {
        int start = (int) (t * rate);
        int length = (int) (0.45 * rate);
        double phase = 0;
        for (int i = 0; i < length && start + i < frames; i++) {
            double s = i / rate;
            double f = 45 + 90 * Math.exp(-s * 30);
            phase += 2 * Math.PI * f / rate;
            double v = level * Math.sin(phase) * Math.exp(-s * 7) + (i < 48 ? 0.2 * (1 - i / 48.0) : 0);
            out[0][start + i] += (float) v;
            out[1][start + i] += (float) v;
        }
    }

    private void snare(float[][] out, double t, double level, SplittableRandom random) {
        int start = (int) (t * rate);
        int length = (int) (0.25 * rate);
        double lp = 0;
        double[] lowPass = lowPass(10_000);
        double[] first = new double[4];
        double[] second = new double[4];
        for (int i = 0; i < length && start + i < frames; i++) {
            double s = i / rate;
            double noise = random.nextDouble() * 2 - 1;
            lp += 0.5 * (noise - lp);
            double rattle = biquad(lowPass, second, biquad(lowPass, first, noise - lp));
            double body = Math.sin(2 * Math.PI * 185 * s) * Math.exp(-s * 25);
            double v = level * (rattle * 0.8 * Math.exp(-s * 14) + 0.6 * body);
            out[0][start + i] += (float) (v * 0.95);
            out[1][start + i] += (float) (v * 1.05);
        }
    }

    /**
     * A hi-hat: differentiated noise (bright) through a fourth-order low pass at 12 kHz, so that its energy sits
     * in the presence range like a real cymbal's rather than between 20 and 24 kHz.
     */
    private void hat(float[][] out, double t, double level, double decay, SplittableRandom random, double pan) {
        int start = (int) (t * rate);
        int length = (int) (decay * 6 * rate);
        double previous = 0;
        double[] lowPass = lowPass(12_000);
        double[] first = new double[4];
        double[] second = new double[4];
        for (int i = 0; i < length && start + i < frames; i++) {
            double s = i / rate;
            double noise = random.nextDouble() * 2 - 1;
            double high = biquad(lowPass, second, biquad(lowPass, first, noise - previous));
            previous = noise;
            double v = level * high * Math.exp(-s / decay);
            out[0][start + i] += (float) (v * (1 - pan) / 2 * 1.4);
            out[1][start + i] += (float) (v * (1 + pan) / 2 * 1.4);
        }
    }

    /** RBJ low-pass coefficients {b0, b1, b2, a1, a2} (normalised), Q of a Butterworth section. */
    private double[] lowPass(double hz) {
        double w = 2 * Math.PI * hz / rate;
        double alpha = Math.sin(w) / (2 * Math.sqrt(0.5));
        double a0 = 1 + alpha;
        double b1 = (1 - Math.cos(w)) / a0;
        return new double[] {b1 / 2, b1, b1 / 2, -2 * Math.cos(w) / a0, (1 - alpha) / a0};
    }

    /** One sample through a biquad (direct form I); {@code z} holds x1, x2, y1, y2. */
    private static double biquad(double[] c, double[] z, double x) {
        double y = c[0] * x + c[1] * z[0] + c[2] * z[1] - c[3] * z[2] - c[4] * z[3];
        z[1] = z[0];
        z[0] = x;
        z[3] = z[2];
        z[2] = y;
        return y;
    }

    /** Mono bass. */
    float[][] bass() {
        float[][] out = new float[1][frames];
        int[] pattern = {0, 0, 12, 0, 0, 7, 0, 12};
        for (int bar = 0; bar < BARS; bar++) {
            int root = ROOTS[bar % 4];
            for (int e = 0; e < 8; e++) {
                double t = (bar * 4 + e / 2.0) * beat;
                note(out[0], t, beat / 2 * 0.9, hz(root + pattern[e]), 0.32, true);
            }
        }
        return out;
    }

    private void note(float[] out, double t, double length, double f, double level, boolean saw) {
        int start = (int) (t * rate);
        int n = (int) (length * rate);
        double phase = 0;
        double lp = 0;
        for (int i = 0; i < n + (int) (0.02 * rate) && start + i < frames; i++) {
            double s = i / rate;
            phase += f / rate;
            phase -= Math.floor(phase);
            double osc = saw ? 2 * phase - 1 : Math.sin(2 * Math.PI * phase);
            double cutoff = 0.05 + 0.25 * Math.exp(-s * 12);
            lp += cutoff * (osc - lp);
            double env = Math.min(1, s / 0.004) * (i < n ? 1 : Math.max(0, 1 - (i - n) / (0.02 * rate)));
            out[start + i] += (float) (level * lp * env);
        }
    }

    /** Stereo chord pad. */
    float[][] chords() {
        float[][] out = new float[2][frames];
        for (int bar = 0; bar < BARS; bar++) {
            double[] chord = CHORDS[bar % 4];
            int start = (int) (bar * 4 * beat * rate);
            int n = (int) (4 * beat * rate);
            for (int k = 0; k < chord.length; k++) {
                for (int side = 0; side < 2; side++) {
                    double f = hz(chord[k]) * (side == 0 ? 0.997 : 1.003);
                    double phase = (k * 0.13 + side * 0.37) % 1;
                    double lp = 0;
                    for (int i = 0; i < n + (int) (0.3 * rate) && start + i < frames; i++) {
                        double s = i / rate;
                        phase += f / rate;
                        phase -= Math.floor(phase);
                        lp += 0.08 * ((2 * phase - 1) - lp);
                        double env = Math.min(1, s / 0.25) * (i < n ? 1 : Math.exp(-(i - n) / (0.08 * rate)));
                        out[side][start + i] += (float) (0.06 * lp * env);
                    }
                }
            }
        }
        return out;
    }

    /** Mono lead melody from bar five. */
    float[][] lead() {
        float[][] out = new float[1][frames];
        for (int i = 0; i < MELODY.length * 2; i++) {
            int note = MELODY[i % MELODY.length];
            if (note < 0) {
                continue;
            }
            int length = 1;
            while (i + length < MELODY.length * 2 && MELODY[(i + length) % MELODY.length] < 0 && length < 4) {
                length++;
            }
            double t = (16 + i / 2.0) * beat;
            if (t >= BARS * 4 * beat) {
                break;
            }
            int start = (int) (t * rate);
            int n = (int) (length * beat / 2 * 0.95 * rate);
            double f = hz(note);
            double phase = 0;
            for (int k = 0; k < n + (int) (0.05 * rate) && start + k < frames; k++) {
                double s = k / rate;
                double vibrato = 1 + 0.004 * Math.sin(2 * Math.PI * 5.5 * s) * Math.min(1, s / 0.3);
                phase += f * vibrato / rate;
                phase -= Math.floor(phase);
                double tri = 4 * Math.abs(phase - 0.5) - 1;
                double square = phase < 0.5 ? 1 : -1;
                double env = Math.min(1, s / 0.01) * (k < n ? 0.85 + 0.15 * Math.exp(-s * 8)
                        : Math.max(0, 1 - (k - n) / (0.05 * rate)));
                out[0][start + k] += (float) (0.22 * (0.7 * tri + 0.3 * square * 0.5) * env);
            }
        }
        return out;
    }
}
