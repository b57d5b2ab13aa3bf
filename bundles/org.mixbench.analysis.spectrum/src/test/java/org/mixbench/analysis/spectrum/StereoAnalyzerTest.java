package org.mixbench.analysis.spectrum;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mixbench.api.processor.AudioBlock;
import org.mixbench.testkit.Signals;

class StereoAnalyzerTest {
    private static final int SECOND = (int) Audio.RATE;

    private static StereoSnapshot analyze(float[]... channels) {
        StereoAnalyzer analyzer = new StereoAnalyzer(Audio.spec(channels.length), StereoSettings.defaults());
        Audio.feed(analyzer, channels, 512);
        return analyzer.snapshot();
    }

    private static float[] scaled(float[] x, double gain) {
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = (float) (x[i] * gain);
        }
        return y;
    }

    @Test
    void identicalChannelsCorrelateAtPlusOne() {
        float[] noise = Audio.whiteNoise(2 * SECOND, 0.2, 1);
        StereoSnapshot s = analyze(noise, noise.clone());
        assertEquals(1.0, s.correlation(), 1e-12);
        assertEquals(1.0, s.runningCorrelation(), 1e-12);
        assertEquals(0.0, s.balanceDb(), 1e-12);
        assertEquals(Double.NEGATIVE_INFINITY, s.sideDbfs());
    }

    @Test
    void invertedChannelsCorrelateAtMinusOne() {
        float[] noise = Audio.whiteNoise(2 * SECOND, 0.2, 2);
        StereoSnapshot s = analyze(noise, scaled(noise, -1));
        assertEquals(-1.0, s.correlation(), 1e-12);
        assertEquals(-1.0, s.runningCorrelation(), 1e-12);
        assertEquals(Double.NEGATIVE_INFINITY, s.midDbfs());
    }

    @Test
    void independentNoisesCorrelateNearZeroOverTenSeconds() {
        StereoSnapshot s = analyze(Audio.whiteNoise(10 * SECOND, 0.2, 3), Audio.whiteNoise(10 * SECOND, 0.2, 4));
        assertTrue(Math.abs(s.correlation()) < 0.02, "correlation " + s.correlation());
        // the 300 ms meter averages about 0.6 s of samples: its spread is about 0.006
        assertTrue(Math.abs(s.runningCorrelation()) < 0.05, "meter " + s.runningCorrelation());
    }

    @Test
    void aSineAndItsCosineCorrelateAtZero() {
        StereoSnapshot s = analyze(Audio.sine(10 * SECOND, 1000, 0.5, 0), Audio.sine(10 * SECOND, 1000, 0.5,
                Math.PI / 2));
        assertEquals(0.0, s.correlation(), 1e-3);
        assertEquals(0.0, s.runningCorrelation(), 1e-3);
        // mid and side of a quadrature pair are equal: |1 + i| = |1 - i|
        assertEquals(s.midDbfs(), s.sideDbfs(), 1e-3);
    }

    @Test
    void aSilentChannelHasNoCorrelation() {
        StereoSnapshot s = analyze(Audio.sine(SECOND, 1000, 0.5), new float[SECOND]);
        assertTrue(Double.isNaN(s.correlation()));
        assertTrue(Double.isNaN(s.runningCorrelation()));
        assertEquals(Double.NEGATIVE_INFINITY, s.balanceDb(), "the right channel is silent");
        assertEquals(Double.NEGATIVE_INFINITY, s.rmsDbfs()[1]);
        assertEquals(s.midDbfs(), s.sideDbfs(), 1e-12, "L alone: M = S = L / 2");
        assertEquals(s.rmsDbfs()[0] - 6.0206, s.midDbfs(), 1e-3);
    }

    @Test
    void aFullScaleSineReadsMinus3Point01Dbfs() {
        StereoSnapshot s = analyze(Audio.sine(10 * SECOND, 997, 1.0), Audio.sine(10 * SECOND, 997, 1.0));
        assertEquals(-3.0103, s.rmsDbfs()[0], 0.01);
        assertEquals(-3.0103, s.rmsDbfs()[1], 0.01);
        assertEquals(-3.0103, s.runningRmsDbfs()[0], 0.01);
        assertEquals(-3.0103, s.midDbfs(), 0.01);
    }

    @Test
    void aFullScaleSquareReadsZeroDbfs() {
        float[] square = new float[SECOND];
        for (int t = 0; t < square.length; t++) {
            square[t] = (t / 24) % 2 == 0 ? 1f : -1f;
        }
        assertEquals(0.0, analyze(square).rmsDbfs()[0], 1e-12);
    }

    @Test
    void midSideAndBalanceOfKnownSignals() {
        // L = 0.5 sin, R = 0.25 sin: M = 0.375 sin, S = 0.125 sin, R is 6.02 dB below L
        StereoSnapshot s = analyze(Audio.sine(10 * SECOND, 1000, 0.5), Audio.sine(10 * SECOND, 1000, 0.25));
        assertEquals(20 * Math.log10(0.375 / Math.sqrt(2)), s.midDbfs(), 0.01);
        assertEquals(20 * Math.log10(0.125 / Math.sqrt(2)), s.sideDbfs(), 0.01);
        assertEquals(-6.0206, s.balanceDb(), 1e-3);
        assertEquals(-6.0206, s.runningBalanceDb(), 1e-3);
        assertEquals(s.midDbfs(), s.runningMidDbfs(), 0.01);
        assertEquals(s.sideDbfs(), s.runningSideDbfs(), 0.01);
        assertEquals(1.0, s.correlation(), 1e-9);
        StereoSnapshot right = analyze(Audio.sine(10 * SECOND, 1000, 0.1), Audio.sine(10 * SECOND, 1000, 0.2));
        assertEquals(6.0206, right.balanceDb(), 1e-3, "right louder is positive");
    }

    @Test
    void aSingleChannelHasOneRmsValueAndNoCorrelation() {
        StereoSnapshot s = analyze(Audio.sine(2 * SECOND, 997, 1.0));
        assertEquals(1, s.rmsDbfs().length);
        assertEquals(-3.0103, s.rmsDbfs()[0], 0.01);
        assertTrue(Double.isNaN(s.correlation()));
        assertTrue(Double.isNaN(s.runningCorrelation()));
        assertTrue(Double.isNaN(s.balanceDb()));
        assertEquals(s.rmsDbfs()[0], s.midDbfs(), 1e-12, "mono is its own mid");
        assertEquals(Double.NEGATIVE_INFINITY, s.sideDbfs());
    }

    @Test
    void silenceAndNothingReadNegativeInfinity() {
        StereoAnalyzer analyzer = new StereoAnalyzer(Audio.spec(2), StereoSettings.defaults());
        StereoSnapshot empty = analyzer.snapshot();
        assertEquals(0, empty.frames());
        assertEquals(Double.NEGATIVE_INFINITY, empty.rmsDbfs()[0]);
        assertTrue(Double.isNaN(empty.correlation()));
        Audio.feed(analyzer, new float[][] {new float[SECOND], new float[SECOND]}, 512);
        StereoSnapshot silent = analyzer.snapshot();
        assertEquals(SECOND, silent.frames());
        assertEquals(Double.NEGATIVE_INFINITY, silent.midDbfs());
        assertTrue(Double.isNaN(silent.correlation()));
        assertTrue(Double.isNaN(silent.balanceDb()));
    }

    @Test
    void theMeterFollowsAStepWithItsTimeConstant() {
        StereoAnalyzer analyzer = new StereoAnalyzer(Audio.spec(2), StereoSettings.defaults());
        int step = SECOND;
        float[] x = new float[2 * SECOND];
        for (int t = step; t < x.length; t++) {
            x[t] = 0.5f;
        }
        AudioBlock block = new AudioBlock(2, 1, 0);
        double target = 0.25 * (1 - Math.exp(-1));
        int crossing = -1;
        for (int t = 0; t < x.length && crossing < 0; t++) {
            block.channel(0)[0] = x[t];
            block.channel(1)[0] = x[t];
            analyzer.process(block);
            if (Math.pow(10, analyzer.snapshot().runningRmsDbfs()[0] / 10) >= target) {
                crossing = t + 1 - step;
            }
        }
        assertEquals(0.3, crossing / Audio.RATE, 1e-4, "seconds to 1 - 1/e of the step in mean square");
    }

    @Test
    void theGoniometerRingKeepsOnlyTheLatestPoints() {
        StereoSettings settings = new StereoSettings(0.3, 64, 3);
        StereoAnalyzer analyzer = new StereoAnalyzer(Audio.spec(2), settings);
        int frames = 10_000;
        float[] left = new float[frames];
        float[] right = new float[frames];
        for (int t = 0; t < frames; t++) {
            left[t] = t / 16384f;
            right[t] = -t / 32768f;
        }
        Audio.feedRandomly(analyzer, new float[][] {left, right}, 9);
        StereoSnapshot s = analyzer.snapshot();
        assertEquals(64, s.goniometerPoints());
        // every third sample is kept: samples 2, 5, 8, ...; the newest is 9998
        for (int i = 0; i < 64; i++) {
            int t = 9998 - 3 * (63 - i);
            assertEquals((float) ((left[t] - (double) right[t]) * 0.5), s.goniometerSide()[i], "side of point " + i);
            assertEquals((float) ((left[t] + (double) right[t]) * 0.5), s.goniometerMid()[i], "mid of point " + i);
        }
    }

    @Test
    void aShortInputFillsTheGoniometerOnlyWithWhatCame() {
        StereoAnalyzer analyzer = new StereoAnalyzer(Audio.spec(1), new StereoSettings(0.3, 1024, 1));
        Audio.feed(analyzer, new float[][] {Audio.sine(100, 1000, 0.5)}, 7);
        StereoSnapshot s = analyzer.snapshot();
        assertEquals(100, s.goniometerPoints());
        assertEquals(0f, s.goniometerSide()[50], "mono has no side");
    }

    @Test
    void anyBlockSizesFromZeroToTheMaximumGiveTheSameMeasurements() {
        float[][] x = Signals.program(3, 5 * SECOND, Audio.RATE, 7);
        StereoSettings settings = new StereoSettings(0.3, 4096, 3);
        StereoAnalyzer whole = new StereoAnalyzer(Audio.spec(3), settings);
        Audio.feed(whole, x, Audio.MAX_BLOCK);
        for (long seed = 1; seed <= 3; seed++) {
            StereoAnalyzer pieces = new StereoAnalyzer(Audio.spec(3), settings);
            Audio.feedRandomly(pieces, x, seed);
            StereoSnapshot a = whole.snapshot();
            StereoSnapshot b = pieces.snapshot();
            assertEquals(a.frames(), b.frames());
            assertEquals(a.correlation(), b.correlation(), 1e-9 * Math.abs(a.correlation()));
            assertEquals(a.runningCorrelation(), b.runningCorrelation(), 1e-9 * Math.abs(a.runningCorrelation()));
            assertEquals(a.balanceDb(), b.balanceDb(), 1e-9);
            assertEquals(a.midDbfs(), b.midDbfs(), 1e-9);
            assertEquals(a.sideDbfs(), b.sideDbfs(), 1e-9);
            assertArrayEquals(a.rmsDbfs(), b.rmsDbfs(), 1e-9);
            assertArrayEquals(a.runningRmsDbfs(), b.runningRmsDbfs(), 1e-9);
            assertArrayEquals(a.goniometerSide(), b.goniometerSide());
            assertArrayEquals(a.goniometerMid(), b.goniometerMid());
        }
    }

    @Test
    void resetForgetsEverythingMeasured() {
        float[][] first = Signals.program(2, 2 * SECOND, Audio.RATE, 1);
        float[][] second = Signals.program(2, 2 * SECOND, Audio.RATE, 2);
        StereoAnalyzer fresh = new StereoAnalyzer(Audio.spec(2), StereoSettings.defaults());
        Audio.feed(fresh, second, 512);
        StereoAnalyzer reused = new StereoAnalyzer(Audio.spec(2), StereoSettings.defaults());
        Audio.feed(reused, first, 300);
        reused.reset();
        assertEquals(0, reused.snapshot().frames());
        assertEquals(0, reused.snapshot().goniometerPoints());
        Audio.feed(reused, second, 512);
        assertEquals(fresh.snapshot(), reused.snapshot());
    }
}
