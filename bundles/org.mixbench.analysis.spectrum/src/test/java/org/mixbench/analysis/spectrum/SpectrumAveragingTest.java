package org.mixbench.analysis.spectrum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mixbench.api.processor.AudioBlock;

/** Linear, exponential and peak-hold averaging. */
class SpectrumAveragingTest {
    private static final int SECOND = (int) Audio.RATE;

    private static float[] concat(float[]... parts) {
        int length = 0;
        for (float[] p : parts) {
            length += p.length;
        }
        float[] x = new float[length];
        int at = 0;
        for (float[] p : parts) {
            System.arraycopy(p, 0, x, at, p.length);
            at += p.length;
        }
        return x;
    }

    @Test
    void theLinearAverageIsTheMeanPowerOfEveryFrame() {
        SpectrumSettings settings = SpectrumSettings.defaults().withWindow(Window.FLAT_TOP).withFftSize(1024);
        SpectrumAnalyzer analyzer = new SpectrumAnalyzer(Audio.spec(1), settings);
        // 10 s at full scale, then 10 s at half amplitude: the mean power is (1 + 1/4) / 2
        Audio.feed(analyzer, new float[][] {concat(Audio.sine(10 * SECOND, 1500, 1.0),
            Audio.sine(10 * SECOND, 1500, 0.5))}, 512);
        SpectrumSnapshot s = analyzer.snapshot();
        assertEquals(Audio.db(0.625), s.averageDbfs(0, 32), 0.02);
        assertEquals(1 + (20 * SECOND - 1024) / 512, s.frames());
        assertEquals(20 * SECOND, s.samples());
    }

    @Test
    void framesStartAfterOneFftSizeAndFollowEveryHop() {
        SpectrumSettings settings = SpectrumSettings.defaults().withOverlap(0.75);
        SpectrumAnalyzer analyzer = new SpectrumAnalyzer(Audio.spec(1), settings);
        assertEquals(2048, settings.hop());
        Audio.feed(analyzer, new float[][] {new float[8191]}, 1000);
        assertEquals(0, analyzer.snapshot().frames());
        Audio.feed(analyzer, new float[][] {new float[1]}, 1000);
        assertEquals(1, analyzer.snapshot().frames());
        Audio.feed(analyzer, new float[][] {new float[2048 * 3 + 2047]}, 1000);
        assertEquals(4, analyzer.snapshot().frames());
        assertEquals(Double.NEGATIVE_INFINITY, analyzer.snapshot().averageDbfs(0, 100), "silence");
    }

    @Test
    void theExponentialAverageCoversOneMinusOneOverEOfAStepInOneTimeConstant() {
        double tau = 0.5;
        int n = 1024;
        SpectrumSettings settings = SpectrumSettings.defaults().withWindow(Window.FLAT_TOP).withFftSize(n)
                .withOverlap(0.75).withExponentialSeconds(tau);
        SpectrumAnalyzer analyzer = new SpectrumAnalyzer(Audio.spec(1), settings);
        int hop = settings.hop();
        int step = 2 * SECOND;
        float[] x = concat(new float[step], Audio.sine(4 * SECOND, 1500, 1.0));
        // watch the exponential trace in the tone's bin after every frame, timed at the frame's centre
        AudioBlock block = new AudioBlock(1, hop, 0);
        double crossing = Double.NaN;
        double target = 1 - Math.exp(-1);
        double before = 0;
        for (int from = 0, frame = 0; from + hop <= x.length; from += hop) {
            System.arraycopy(x, from, block.channel(0), 0, hop);
            analyzer.process(block);
            if (from + hop < n) {
                continue;
            }
            double power = Math.pow(10, analyzer.snapshot().exponentialDbfs(0, 32) / 10);
            double centre = (from + hop - n / 2.0) / Audio.RATE;
            if (Double.isNaN(crossing) && before < target && power >= target) {
                double previousCentre = centre - hop / Audio.RATE;
                crossing = previousCentre + (target - before) / (power - before) * (hop / Audio.RATE);
            }
            before = power;
            frame++;
        }
        assertEquals(tau, crossing - step / Audio.RATE, 0.01 * tau, "time to 1 - 1/e of the step");
        assertEquals(0.0, analyzer.snapshot().exponentialDbfs(0, 32), 0.01, "settled after 8 time constants");
    }

    @Test
    void peakHoldKeepsTheMaximumOfEveryFrame() {
        // a bin-centred tone, continuous in phase, whose amplitude steps 0.1, 1, 0.01, 0 for 1, 1, 3, 1 seconds
        SpectrumSettings settings = SpectrumSettings.defaults().withSpectrogramRows(128);
        SpectrumAnalyzer analyzer = new SpectrumAnalyzer(Audio.spec(1), settings);
        float[] x = Audio.sine(6 * SECOND, 256 * Audio.RATE / 8192, 1.0);
        for (int t = 0; t < x.length; t++) {
            x[t] *= t < SECOND ? 0.1f : t < 2 * SECOND ? 1f : t < 5 * SECOND ? 0.01f : 0f;
        }
        Audio.feed(analyzer, new float[][] {x}, 777);
        SpectrumSnapshot s = analyzer.snapshot();
        Spectrogram every = analyzer.spectrogram(0);
        assertEquals(s.frames(), every.rows(), "the ring holds every frame");
        for (int k = 0; k < s.bins(); k++) {
            double highest = Double.NEGATIVE_INFINITY;
            for (int row = 0; row < every.rows(); row++) {
                highest = Math.max(highest, every.dbfs(row, k));
            }
            assertEquals(highest, s.peakHoldDbfs(0, k), 1e-5, "bin " + k);
            assertTrue(s.peakHoldDbfs(0, k) >= s.averageDbfs(0, k), "peak hold is never below the average, bin " + k);
        }
        assertEquals(0.0, s.peakHoldDbfs(0, 256), 0.01, "the loudest second");
        // the 1 s exponential trace has decayed for 4 s since the loud second: about 10 log10(e^-4) = -17.4 dB
        assertEquals(-17.4, s.exponentialDbfs(0, 256), 2.0, "the live trace has fallen");
    }

    @Test
    void peakHoldFallsAtItsDecayRate() {
        SpectrumSettings settings = SpectrumSettings.defaults().withWindow(Window.FLAT_TOP).withFftSize(1024)
                .withPeakDecayDbPerSecond(10);
        SpectrumAnalyzer analyzer = new SpectrumAnalyzer(Audio.spec(1), settings);
        Audio.feed(analyzer, new float[][] {Audio.sine(SECOND, 1500, 1.0)}, 512);
        double held = analyzer.snapshot().peakHoldDbfs(0, 32);
        Audio.feed(analyzer, new float[][] {new float[2 * SECOND]}, 512);
        double after = analyzer.snapshot().peakHoldDbfs(0, 32);
        assertEquals(0.0, held, 0.02);
        assertEquals(-20.0, after - held, 0.2, "10 dB per second over 2 s");
    }
}
