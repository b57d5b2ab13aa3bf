package org.mixbench.analysis.loudness;

import java.util.SplittableRandom;

/**
 * Deterministic music-like test material: kick, snare and hi-hat, a bass line, a chord pad with slow swells and a
 * lead with vibrato, each with its own envelope, panned across the stereo field (or spread over 5.1: lead in the
 * centre, bass also in the LFE, pad in the surrounds), in sections whose level changes by up to 25 dB (quiet intro,
 * verse, loud chorus, breakdown, ...), so that loudness range, gating and true peak all have work to do.
 */
final class MusicSignal {
    private static final int TABLE = 4096;
    private static final float[] SINE = new float[TABLE + 1];
    /** Section gains in dB, one per 8 bars. */
    private static final double[] SECTIONS = {-24, -14, -8, -16, -30, -10, -6, -20, -12, -4};

    static {
        for (int i = 0; i <= TABLE; i++) {
            SINE[i] = (float) Math.sin(2 * Math.PI * i / TABLE);
        }
    }

    private MusicSignal() {
    }

    private static double sin(double cycles) {
        double p = (cycles - Math.floor(cycles)) * TABLE;
        int i = (int) p;
        double f = p - i;
        return SINE[i] + f * (SINE[i + 1] - SINE[i]);
    }

    /** {@code seconds} of material on {@code channels} (1, 2 or 6) at {@code fs}, from {@code seed}. */
    static float[][] render(double fs, int channels, double seconds, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int frames = (int) Math.round(seconds * fs);
        float[][] out = new float[channels][frames];
        double bpm = 112 + random.nextInt(16);
        double beat = 60 / bpm;
        int[] bassNotes = {40, 40, 43, 45, 38, 38, 41, 43};
        int[][] chords = {{52, 55, 59}, {50, 53, 57}, {48, 52, 55}, {47, 50, 55}};
        int[] melody = new int[64];
        for (int i = 0; i < melody.length; i++) {
            melody[i] = 64 + new int[] {0, 2, 3, 5, 7, 8, 10, 12}[random.nextInt(8)];
        }
        double lowpass = 0;
        double hatState = 0;
        double[] noisePrev = new double[2];
        double pan = 0.5;
        for (int n = 0; n < frames; n++) {
            double t = n / fs;
            double beats = t / beat;
            int beatIndex = (int) beats;
            double inBeat = (beats - beatIndex) * beat;
            int bar = beatIndex / 4;
            int section = (bar / 8) % SECTIONS.length;
            double sectionGain = Math.pow(10, SECTIONS[section] / 20);
            double next = Math.pow(10, SECTIONS[(section + 1) % SECTIONS.length] / 20);
            double barInSection = (bar % 8 + (beats / 4 - bar)) / 8;
            if (barInSection > 0.9) {
                double u = (barInSection - 0.9) / 0.1;
                sectionGain = sectionGain * (1 - u) + next * u;
            }

            double kickTime = inBeat;
            double kick = Math.exp(-kickTime * 18) * sin(t * 50 + 3.5 * (1 - Math.exp(-kickTime * 30)));
            double noise = random.nextDouble() * 2 - 1;
            double snare = beatIndex % 2 == 1 ? Math.exp(-inBeat * 22) * (0.6 * noise + 0.4 * sin(t * 190)) : 0;
            double eighth = (beats * 2) - Math.floor(beats * 2);
            hatState = noise - hatState * 0.2;
            double hat = Math.exp(-eighth * beat / 2 * 60) * (noise - noisePrev[0]) * 0.5;
            noisePrev[0] = noise;

            int bassNote = bassNotes[(beatIndex / 2) % bassNotes.length];
            double bassFreq = 440 * Math.pow(2, (bassNote - 69) / 12.0);
            double bassEnv = Math.exp(-((beats * 2) % 1) * 1.5);
            double bassRaw = sin(t * bassFreq) + 0.4 * sin(2 * t * bassFreq) + 0.2 * sin(3 * t * bassFreq);
            double bass = 0.6 * bassEnv * bassRaw;

            int[] chord = chords[(bar / 2) % chords.length];
            double swell = 0.5 + 0.5 * sin(t / (beat * 16));
            double pad = 0;
            for (int note : chord) {
                double f = 440 * Math.pow(2, (note - 69) / 12.0);
                for (int h = 1; h <= 5; h++) {
                    pad += (sin(t * f * h * 1.003) + sin(t * f * h * 0.997)) / (h * 2.0);
                }
            }
            pad *= 0.08 * swell;

            int melodyNote = melody[(int) (beats * 2) % melody.length];
            double leadFreq = 440 * Math.pow(2, (melodyNote - 69) / 12.0) * (1 + 0.004 * sin(t * 5.5));
            double leadEnv = Math.min(1, eighth * 20) * Math.exp(-eighth * 1.2);
            double lead = section % 3 == 0 ? 0
                    : 0.25 * leadEnv * (sin(t * leadFreq + 0.3 * sin(t * leadFreq * 2)));

            lowpass += 0.02 * (bass - lowpass);
            pan = 0.5 + 0.35 * sin(t / 7.3);
            double g = sectionGain;
            double drums = 0.9 * kick + 0.5 * snare + 0.25 * hat;
            if (channels == 1) {
                out[0][n] = (float) (g * (drums + bass + pad + lead));
            } else if (channels == 2) {
                double noiseR = random.nextDouble() * 2 - 1;
                out[0][n] = (float) (g * (drums + bass + pad * (1 - pan) * 1.4 + lead * pan * 1.2 + 0.02 * noise));
                out[1][n] = (float) (g * (drums + bass + pad * pan * 1.4 + lead * (1 - pan) * 1.2 + 0.02 * noiseR));
            } else {
                double noiseR = random.nextDouble() * 2 - 1;
                out[0][n] = (float) (g * (0.8 * drums + 0.7 * bass + 0.5 * pad * (1 - pan)));
                out[1][n] = (float) (g * (0.8 * drums + 0.7 * bass + 0.5 * pad * pan));
                out[2][n] = (float) (g * (lead + 0.3 * snare));
                out[3][n] = (float) (g * 1.5 * lowpass);
                out[4][n] = (float) (g * (0.6 * pad + 0.03 * noise));
                out[5][n] = (float) (g * (0.6 * pad * swell + 0.03 * noiseR));
            }
        }
        double cutoff = Math.min(18_000, 0.4 * fs);
        for (float[] channel : out) {
            lowPass(channel, fs, cutoff, 0.5411961);
            lowPass(channel, fs, cutoff, 1.3065630);
        }
        return out;
    }

    /** A biquad low-pass (RBJ cookbook) of quality {@code q}, in place. */
    private static void lowPass(float[] x, double fs, double cutoff, double q) {
        double w = 2 * Math.PI * cutoff / fs;
        double alpha = Math.sin(w) / (2 * q);
        double a0 = 1 + alpha;
        double b0 = (1 - Math.cos(w)) / 2 / a0;
        double b1 = (1 - Math.cos(w)) / a0;
        double a1 = -2 * Math.cos(w) / a0;
        double a2 = (1 - alpha) / a0;
        double z1 = 0;
        double z2 = 0;
        for (int i = 0; i < x.length; i++) {
            double in = x[i];
            double y = b0 * in + z1;
            z1 = b1 * in - a1 * y + z2;
            z2 = b0 * in - a2 * y;
            x[i] = (float) y;
        }
    }
}
