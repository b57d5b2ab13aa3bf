package org.mixbench.analysis.loudness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Measured behaviour of {@link TruePeakMeter} beyond the EBU test cases. */
class TruePeakMeterTest {

    private static PeakSnapshot measure(double fs, float[][] x) {
        TruePeakMeter meter = new TruePeakMeter(fs, x.length);
        Signals.feed(meter, x);
        return meter.snapshot();
    }

    /** BS.1770-4 Annex 2: 4x below 88.2 kHz, 2x up to 176.4 kHz, none above. */
    @Test
    void theOversamplingFactorFollowsTheSampleRate() {
        assertEquals(4, TruePeakMeter.oversampling(8_000));
        assertEquals(4, TruePeakMeter.oversampling(44_100));
        assertEquals(4, TruePeakMeter.oversampling(48_000));
        assertEquals(2, TruePeakMeter.oversampling(88_200));
        assertEquals(2, TruePeakMeter.oversampling(96_000));
        assertEquals(1, TruePeakMeter.oversampling(176_400));
        assertEquals(1, TruePeakMeter.oversampling(384_000));
    }

    /**
     * The interpolator's symmetric-pair arithmetic equals a plain polyphase convolution with the designed phases:
     * noise with a burst whose crests fall between samples reads the largest of the directly evaluated oversampled
     * values, which here lies between samples (so the interpolation is what is being compared).
     */
    @ParameterizedTest(name = "{0} Hz")
    @ValueSource(doubles = {48_000, 96_000})
    void theFastInterpolatorEqualsADirectPolyphaseConvolution(double fs) {
        SplittableRandom random = new SplittableRandom(5);
        float[] x = new float[20_000];
        float[] burst = Signals.sineAtRatio(fs, 0.25, 0.9, 45, 0.01, 0.002);
        for (int i = 0; i < x.length; i++) {
            float b = i >= 9000 && i - 9000 < burst.length ? burst[i - 9000] : 0;
            x[i] = (float) (random.nextGaussian() * 0.05) + b;
        }
        int factor = TruePeakMeter.oversampling(fs);
        double[][] phases = Interpolator.phases(factor);
        int taps = Interpolator.TAPS;
        double samples = 0;
        double between = 0;
        for (int n = 0; n < x.length + taps / 2; n++) {
            samples = Math.max(samples, Math.abs(n < x.length ? x[n] : 0));
            for (double[] phase : phases) {
                double sum = 0;
                for (int k = 0; k < taps; k++) {
                    int i = n - taps + 1 + k;
                    sum += phase[k] * (i >= 0 && i < x.length ? x[i] : 0);
                }
                between = Math.max(between, Math.abs(sum));
            }
        }
        assertTrue(between > samples * 1.05, "the signal peaks between samples: " + between + " vs " + samples);
        PeakSnapshot s = measure(fs, new float[][] {x});
        assertEquals(between, s.truePeak(0), 1e-5 * between);
        assertEquals(samples, s.samplePeak(0), 1e-7);
        assertEquals(factor, s.oversampling());
    }

    /**
     * Sines from 20 Hz to 0.42 fs at many phases read their amplitude within +0.03 dB (the interpolator's passband
     * ripple) and no lower than the unavoidable under-read of 4x oversampling, {@code 20 log10(cos(pi f / 4 fs))},
     * less 0.03 dB.
     */
    @ParameterizedTest(name = "{0} Hz")
    @ValueSource(doubles = {44_100, 48_000})
    void sinesReadTheirAmplitudeWithinTheBoundOfFourTimesOversampling(double fs) {
        double worstOver = -1;
        double worstUnder = -1;
        for (double ratio = 20 / fs; ratio <= 0.42; ratio *= 1.07) {
            for (double phase = 0; phase < 90; phase += 13) {
                float[] x = Signals.sineAtRatio(fs, ratio, 0.5, phase, 0.05, 0.005);
                double db = measure(fs, new float[][] {x}).truePeakDbtp(0) - PeakSnapshot.decibels(0.5);
                double bound = 20 * Math.log10(Math.cos(Math.PI * ratio / 4));
                worstOver = Math.max(worstOver, db);
                worstUnder = Math.max(worstUnder, bound - db);
                assertTrue(db <= 0.03 && db >= bound - 0.03,
                        "sine at " + ratio * fs + " Hz, phase " + phase + ": " + db + " dB (bound " + bound + ")");
            }
        }
        Report.line("true-peak", "%6.0f Hz sines to 0.42 fs: highest reading %+.4f dB, lowest %.4f dB beyond the "
                + "4x bound", fs, worstOver, worstUnder);
    }

    /** Digital silence reads 0 linear and -Infinity dB; no sample measured reads the same. */
    @Test
    void silenceReadsMinusInfinity() {
        TruePeakMeter meter = new TruePeakMeter(48_000, 2);
        assertEquals(Double.NEGATIVE_INFINITY, meter.snapshot().truePeakMaxDbtp());
        float[] z = new float[10_000];
        meter.process(new float[][] {z, z}, 0, z.length);
        meter.finish();
        PeakSnapshot s = meter.snapshot();
        assertEquals(0.0, s.truePeakMax());
        assertEquals(Double.NEGATIVE_INFINITY, s.truePeakMaxDbtp());
        assertEquals(Double.NEGATIVE_INFINITY, s.samplePeakMaxDbfs());
        assertEquals(10_000, s.frames());
    }

    /** Peaks are per channel, and the maxima are over the channels. */
    @Test
    void peaksArePerChannel() {
        float[] loud = Signals.sineAtRatio(48_000, 0.25, 0.5, 45, 0.2, 0.01);
        float[] quiet = Signals.gain(loud, -20);
        PeakSnapshot s = measure(48_000, new float[][] {quiet, loud});
        assertEquals(-6.02, s.truePeakDbtp(1), 0.2);
        assertEquals(-26.02, s.truePeakDbtp(0), 0.2);
        assertEquals(s.truePeakDbtp(1), s.truePeakMaxDbtp());
        assertEquals(-9.03, s.samplePeakDbfs(1), 0.01);
        assertEquals(s.samplePeak(1), s.samplePeakMax());
    }

    /** Blocks of any length give exactly the same peaks. */
    @Test
    void theResultsDoNotDependOnTheBlockLengths() {
        float[][] x = MusicSignal.render(44_100, 2, 5, 21);
        TruePeakMeter whole = new TruePeakMeter(44_100, 2);
        whole.process(x, 0, x[0].length);
        whole.finish();
        TruePeakMeter small = new TruePeakMeter(44_100, 2);
        for (int at = 0; at < x[0].length; at += 7) {
            small.process(x, at, Math.min(7, x[0].length - at));
        }
        small.finish();
        assertArrayEquals(whole.snapshot().truePeak(), small.snapshot().truePeak());
        assertArrayEquals(whole.snapshot().samplePeak(), measure(44_100, x).samplePeak());
    }

    /** An inter-sample peak in the very last samples is measured once the stream is finished. */
    @Test
    void finishMeasuresThePeaksBetweenTheLastSamples() {
        float[] x = Signals.sineAtRatio(48_000, 0.25, 0.5, 45, 0.1, 0.02);
        float[] tail = new float[x.length + 4];
        System.arraycopy(x, 0, tail, 0, x.length);
        float[] end = {0.5f, 0.5f, -0.5f, -0.5f};
        System.arraycopy(end, 0, tail, x.length, 4);
        for (int i = 0; i < x.length; i++) {
            tail[i] *= 0.25f;
        }
        TruePeakMeter meter = new TruePeakMeter(48_000, 1);
        meter.process(new float[][] {tail}, 0, tail.length);
        double before = meter.snapshot().truePeak(0);
        meter.finish();
        double after = meter.snapshot().truePeak(0);
        assertTrue(after > 0.6 && after > before + 0.05, "before finish " + before + ", after " + after);
    }

    /** From 176.4 kHz up there is no oversampling: the true peak is the sample peak. */
    @Test
    void atTheHighestRatesTheTruePeakIsTheSamplePeak() {
        float[] x = Signals.sineAtRatio(192_000, 0.25, 0.5, 45, 0.1, 0.01);
        PeakSnapshot s = measure(192_000, new float[][] {x});
        assertEquals(1, s.oversampling());
        assertEquals(s.samplePeak(0), s.truePeak(0));
        assertEquals(-9.03, s.truePeakDbtp(0), 0.01);
    }

    /** NaN and infinite samples are measured as 0 and counted; they never become the peak. */
    @Test
    void nonFiniteSamplesAreMeasuredAsZeroAndCounted() {
        for (double fs : new double[] {48_000, 96_000, 192_000}) {
            float[] x = Signals.sineAtRatio(fs, 0.05, 0.25, 0, 0.1, 0.01);
            x[100] = Float.NaN;
            x[2000] = Float.POSITIVE_INFINITY;
            PeakSnapshot s = measure(fs, new float[][] {x});
            assertEquals(2, s.nonFiniteSamples());
            assertEquals(-12.04, s.truePeakDbtp(0), 0.05);
            assertTrue(s.samplePeak(0) <= 0.25);
        }
    }

    /** After reset the meter measures like a new one. */
    @Test
    void resetForgetsEverything() {
        TruePeakMeter meter = new TruePeakMeter(48_000, 2);
        Signals.feed(meter, MusicSignal.render(48_000, 2, 3, 1));
        meter.reset();
        assertEquals(new TruePeakMeter(48_000, 2).snapshot(), meter.snapshot());
        float[][] x = MusicSignal.render(48_000, 2, 3, 2);
        Signals.feed(meter, x);
        assertEquals(measure(48_000, x), meter.snapshot());
    }

    /** Snapshots are immutable: their arrays are copies. */
    @Test
    void snapshotsCannotBeChangedFromOutside() {
        double[] tp = {0.5, 0.25};
        PeakSnapshot s = new PeakSnapshot(48_000, 10, 4, tp, new double[] {0.4, 0.2}, 0);
        tp[0] = 9;
        s.truePeak()[1] = 9;
        assertEquals(0.5, s.truePeak(0));
        assertEquals(0.25, s.truePeak(1));
        assertThrows(IllegalArgumentException.class, () -> new PeakSnapshot(48_000, 0, 4, tp, new double[1], 0));
    }
}
