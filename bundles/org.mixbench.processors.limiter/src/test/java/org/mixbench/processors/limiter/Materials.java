package org.mixbench.processors.limiter;

import java.util.SplittableRandom;

/**
 * Deterministic stereo test material for the limiter, each normalised to a sample peak of -1 dBFS (the clipped
 * master to 0 dBFS, as such masters are): pink noise, a drum loop, square waves, a sine sweep and a hard-clipped
 * music-like master.
 */
final class Materials {
    private Materials() {
    }

    /** The materials by name, for parameterised tests. */
    static float[][] named(String name, double rate, double seconds) {
        return switch (name) {
            case "pink noise" -> pinkNoise(rate, seconds, 11);
            case "drum loop" -> drumLoop(rate, seconds, 12);
            case "square waves" -> squareWaves(rate, seconds);
            case "sine sweep" -> sineSweep(rate, seconds);
            case "clipped master" -> clippedMaster(rate, seconds, 13);
            default -> throw new IllegalArgumentException(name);
        };
    }

    /**
     * Pink noise (-3 dB per octave) by the Voss method: the sum of 16 random values, value {@code k} drawn afresh
     * every {@code 2^k} frames, plus white noise of the same weight; independent per channel.
     */
    static float[][] pinkNoise(double rate, double seconds, long seed) {
        int frames = (int) (rate * seconds);
        SplittableRandom random = new SplittableRandom(seed);
        float[][] x = new float[2][frames];
        for (int c = 0; c < 2; c++) {
            double[] rows = new double[16];
            double sum = 0;
            for (int k = 0; k < rows.length; k++) {
                rows[k] = random.nextDouble(-1, 1);
                sum += rows[k];
            }
            for (int i = 0; i < frames; i++) {
                // row k changes when bit k is the lowest set bit of the frame number: every 2^(k+1) frames
                int k = Integer.numberOfTrailingZeros(i + 1);
                if (k < rows.length) {
                    double v = random.nextDouble(-1, 1);
                    sum += v - rows[k];
                    rows[k] = v;
                }
                x[c][i] = (float) (sum + random.nextDouble(-1, 1));
            }
        }
        return normalise(x, -1);
    }

    /**
     * A drum loop at 120 BPM: a kick (a pitch sweep from 160 to 50 Hz with a 2 ms click) on every beat, a snare
     * (noise and a 190 Hz tone, both decaying in some 60 ms) on beats 2 and 4, closed hats (high-passed noise,
     * 15 ms) on every eighth, and a bass note under it; panned a little apart.
     */
    static float[][] drumLoop(double rate, double seconds, long seed) {
        int frames = (int) (rate * seconds);
        SplittableRandom random = new SplittableRandom(seed);
        float[][] x = new float[2][frames];
        int eighth = (int) (rate * 0.25);
        double hpState = 0;
        double previous = 0;
        for (int i = 0; i < frames; i++) {
            int step = i / eighth;
            double t = (double) (i % eighth) / rate;
            double tBeat = (double) (i % (2 * eighth)) / rate;
            boolean onBeat = step % 2 == 0;
            double kick = 0;
            if (onBeat) {
                // instantaneous frequency 50 + 110 exp(-t / 30 ms) Hz, integrated
                double phase = 2 * Math.PI * (50 * tBeat + 110 * 0.03 * (1 - Math.exp(-tBeat / 0.03)));
                kick = Math.sin(phase) * Math.exp(-tBeat / 0.25) + (tBeat < 0.002 ? 0.6 * (1 - tBeat / 0.002) : 0);
            }
            double snare = 0;
            int beat = step / 2;
            if (onBeat && beat % 2 == 1) {
                double decay = Math.exp(-tBeat / 0.06);
                snare = (0.8 * random.nextDouble(-1, 1) + 0.5 * Math.sin(2 * Math.PI * 190 * tBeat)) * decay;
            }
            double white = random.nextDouble(-1, 1);
            double high = white - previous + 0.6 * hpState; // first-order high pass, corner some 3 kHz
            previous = white;
            hpState = high;
            double hat = 0.35 * high * Math.exp(-t / 0.015);
            double bassFrequency = (step / 8) % 2 == 0 ? 55 : 73.4;
            double bass = 0.3 * Math.sin(2 * Math.PI * bassFrequency * i / rate)
                    + 0.1 * Math.sin(2 * Math.PI * 2 * bassFrequency * i / rate);
            double mono = kick + bass;
            x[0][i] = (float) (mono + 0.9 * snare + 0.7 * hat);
            x[1][i] = (float) (mono + 0.7 * snare + 0.9 * hat);
        }
        return normalise(x, -1);
    }

    /**
     * Naive square waves (every sample +-peak): 1 kHz on the left, 2.99 kHz on the right, whose band-limited
     * reconstructions overshoot their samples by up to a few dB.
     */
    static float[][] squareWaves(double rate, double seconds) {
        int frames = (int) (rate * seconds);
        float[][] x = new float[2][frames];
        double[] frequencies = {1000, 2990};
        for (int c = 0; c < 2; c++) {
            for (int i = 0; i < frames; i++) {
                double phase = frequencies[c] * i / rate;
                x[c][i] = phase - Math.floor(phase) < 0.5 ? 1f : -1f;
            }
        }
        return normalise(x, -1);
    }

    /** An exponential sine sweep from 20 Hz to 20 kHz over the whole length, the same on both channels. */
    static float[][] sineSweep(double rate, double seconds) {
        int frames = (int) (rate * seconds);
        float[][] x = new float[2][frames];
        double k = Math.log(20_000.0 / 20);
        for (int i = 0; i < frames; i++) {
            double t = i / rate;
            double phase = 2 * Math.PI * 20 * seconds / k * (Math.exp(t / seconds * k) - 1);
            float v = (float) Math.sin(phase);
            x[0][i] = v;
            x[1][i] = v;
        }
        return normalise(x, -1);
    }

    /**
     * A loud, hard-clipped master: chords of band-limited saw tones, bass, the drum loop and some noise, pushed 9 dB
     * over full scale and clipped at +-1.0 (0 dBFS), which leaves flat tops whose reconstruction overshoots.
     */
    static float[][] clippedMaster(double rate, double seconds, long seed) {
        int frames = (int) (rate * seconds);
        float[][] drums = drumLoop(rate, seconds, seed);
        SplittableRandom random = new SplittableRandom(seed + 1);
        float[][] x = new float[2][frames];
        double[][] chords = {{220, 277.2, 329.6}, {196, 246.9, 293.7}, {174.6, 220, 261.6}, {196, 246.9, 311.1}};
        int bar = (int) (rate * 2);
        for (int i = 0; i < frames; i++) {
            double[] chord = chords[(i / bar) % chords.length];
            double t = i / rate;
            double pad = 0;
            for (double f : chord) {
                for (int h = 1; f * h < 0.45 * rate && h <= 30; h++) {
                    pad += Math.sin(2 * Math.PI * f * h * t + h) / h;
                }
            }
            double noise = random.nextDouble(-1, 1);
            for (int c = 0; c < 2; c++) {
                double v = 0.12 * pad * (c == 0 ? 1 : 0.9) + 0.9 * drums[c][i] + 0.03 * noise;
                x[c][i] = (float) v;
            }
        }
        normalise(x, 9);
        for (float[] channel : x) {
            for (int i = 0; i < channel.length; i++) {
                channel[i] = Math.max(-1f, Math.min(1f, channel[i]));
            }
        }
        return x;
    }

    /** Scales {@code x} in place to a sample peak of {@code peakDb} dBFS and returns it. */
    static float[][] normalise(float[][] x, double peakDb) {
        double peak = 0;
        for (float[] channel : x) {
            for (float v : channel) {
                peak = Math.max(peak, Math.abs(v));
            }
        }
        double scale = Math.pow(10, peakDb / 20) / peak;
        for (float[] channel : x) {
            for (int i = 0; i < channel.length; i++) {
                channel[i] = (float) (channel[i] * scale);
            }
        }
        return x;
    }
}
