package org.mixbench.analysis.spectrum;

import java.util.SplittableRandom;

import org.jtransforms.fft.DoubleFFT_1D;
import org.mixbench.api.analysis.AnalysisSpec;
import org.mixbench.api.analysis.Analyzer;
import org.mixbench.api.processor.AudioBlock;

/** Test signals and a host loop that feeds them to an analyzer in blocks. */
final class Audio {
    static final double RATE = 48_000;
    static final int MAX_BLOCK = 4096;

    private Audio() {
    }

    static AnalysisSpec spec(int channels) {
        return new AnalysisSpec(RATE, channels, MAX_BLOCK);
    }

    /** {@code amplitude sin(2 pi f t / RATE + phase)} for {@code frames} samples. */
    static float[] sine(int frames, double frequency, double amplitude, double phase) {
        float[] x = new float[frames];
        for (int t = 0; t < frames; t++) {
            x[t] = (float) (amplitude * Math.sin(2 * Math.PI * frequency * t / RATE + phase));
        }
        return x;
    }

    static float[] sine(int frames, double frequency, double amplitude) {
        return sine(frames, frequency, amplitude, 0);
    }

    /** Gaussian white noise of standard deviation {@code sigma}. */
    static float[] whiteNoise(int frames, double sigma, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] x = new float[frames];
        for (int t = 0; t < frames; t += 2) {
            // Box-Muller: two independent normal values per pair of uniforms
            double u = 1 - random.nextDouble();
            double v = random.nextDouble();
            double radius = sigma * Math.sqrt(-2 * Math.log(u));
            x[t] = (float) (radius * Math.cos(2 * Math.PI * v));
            if (t + 1 < frames) {
                x[t + 1] = (float) (radius * Math.sin(2 * Math.PI * v));
            }
        }
        return x;
    }

    /**
     * Gaussian pink noise, exactly 1/f in expectation: complex Gaussian bins scaled by {@code f^-1/2} and transformed
     * back; {@code frames} must be a power of two (the noise is periodic over it). Scaled to {@code rms}.
     */
    static float[] pinkNoise(int frames, double rms, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] a = new double[frames];
        for (int k = 1; k < frames / 2; k++) {
            double scale = 1 / Math.sqrt(k);
            a[2 * k] = gaussian(random) * scale;
            a[2 * k + 1] = gaussian(random) * scale;
        }
        new DoubleFFT_1D(frames).realInverse(a, false);
        double sum = 0;
        for (double v : a) {
            sum += v * v;
        }
        double gain = rms / Math.sqrt(sum / frames);
        float[] x = new float[frames];
        for (int t = 0; t < frames; t++) {
            x[t] = (float) (a[t] * gain);
        }
        return x;
    }

    private static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    /** Feeds every channel of {@code x} in blocks of {@code blockFrames}. */
    static void feed(Analyzer<?> analyzer, float[][] x, int blockFrames) {
        AudioBlock block = new AudioBlock(x.length, MAX_BLOCK, 0);
        int frames = x[0].length;
        for (int from = 0; from < frames; from += blockFrames) {
            int n = Math.min(blockFrames, frames - from);
            copy(x, from, n, block);
            analyzer.process(block);
        }
    }

    /** Feeds {@code x} in blocks of random lengths from 0 to {@link #MAX_BLOCK}, the extremes included often. */
    static void feedRandomly(Analyzer<?> analyzer, float[][] x, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        AudioBlock block = new AudioBlock(x.length, MAX_BLOCK, 0);
        int frames = x[0].length;
        int from = 0;
        while (from < frames) {
            int pick = random.nextInt(10);
            int n = pick == 0 ? 0 : pick == 1 ? MAX_BLOCK : pick == 2 ? 1 : random.nextInt(MAX_BLOCK + 1);
            n = Math.min(n, frames - from);
            copy(x, from, n, block);
            analyzer.process(block);
            from += n;
        }
    }

    private static void copy(float[][] x, int from, int n, AudioBlock block) {
        for (int c = 0; c < x.length; c++) {
            System.arraycopy(x[c], from, block.channel(c), 0, n);
        }
        block.setFrames(n);
    }

    /** The bin with the highest long-term average in spectrum {@code s}. */
    static int loudestBin(SpectrumSnapshot snapshot, int s) {
        int best = 0;
        for (int k = 1; k < snapshot.bins(); k++) {
            if (snapshot.averageDbfs(s, k) > snapshot.averageDbfs(s, best)) {
                best = k;
            }
        }
        return best;
    }

    static double db(double power) {
        return 10 * Math.log10(power);
    }
}
