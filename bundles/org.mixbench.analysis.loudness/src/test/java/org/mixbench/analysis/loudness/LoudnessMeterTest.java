package org.mixbench.analysis.loudness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mixbench.analysis.loudness.Signals.same;
import static org.mixbench.analysis.loudness.Signals.tones;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mixbench.analysis.loudness.Signals.History;
import org.mixbench.api.processor.AudioBlock;
import org.mixbench.api.processor.ParameterEvents;

/** Measured behaviour of {@link LoudnessMeter} beyond the EBU test cases. */
class LoudnessMeterTest {

    private static LoudnessSnapshot measure(double fs, float[][] channels) {
        LoudnessMeter meter = new LoudnessMeter(fs, channels.length);
        Signals.feed(meter, channels);
        return meter.snapshot();
    }

    /** BS.1770-4: a 0 dBFS 997 Hz sine on one front channel reads -3.01 LKFS. */
    @ParameterizedTest(name = "{0} Hz")
    @ValueSource(doubles = {44_100, 48_000, 96_000, 192_000})
    void aFullScale997HzSineOnOneChannelReadsMinus3Point01Lkfs(double fs) {
        float[] x = new float[(int) (10 * fs)];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) Math.sin(2 * Math.PI * 997 * i / fs);
        }
        float[] silent = new float[x.length];
        double integrated = measure(fs, new float[][] {x, silent, silent, silent, silent}).integratedLufs();
        Report.line("rates", "%6.0f Hz: 997 Hz at 0 dBFS on L of 5.0 reads %.4f LKFS (BS.1770: -3.01)", fs,
                integrated);
        assertEquals(-3.01, integrated, 0.03);
    }

    /** Any sample rate from 8 to 384 kHz, including fractional 5 ms sub-blocks: a -23 dBFS stereo 1 kHz tone. */
    @ParameterizedTest(name = "{0} Hz")
    @ValueSource(doubles = {8_000, 11_025, 16_000, 22_050, 32_000, 44_100, 48_000, 88_200, 96_000, 176_400,
        192_000, 352_800, 384_000})
    void everySupportedSampleRateReadsAMinus23DbfsToneAsMinus23Lufs(double fs) {
        LoudnessSnapshot s = measure(fs, same(tones(fs, -23, 10), 2));
        Report.line("rates", "%6.0f Hz: -23 dBFS 1 kHz stereo reads I %.4f, M %.4f, S %.4f, frames %d", fs,
                s.integratedLufs(), s.momentaryLufs(), s.shortTermLufs(), s.frames());
        double tolerance = fs < 32_000 ? 0.15 : 0.05;
        assertEquals(-23, s.integratedLufs(), tolerance);
        assertEquals(-23, s.momentaryLufs(), tolerance);
        assertEquals(-23, s.shortTermLufs(), tolerance);
        assertEquals(Math.round(10 * fs), s.frames());
        assertEquals(97, s.gatingBlocks(), "blocks end at 0.4, 0.5, ... 10.0 s");
    }

    /** Mono is one channel of weight 1, not dual mono: a -23 dBFS mono tone reads 3 dB below the same in stereo. */
    @Test
    void monoIsMeasuredAsOneChannelNotAsDualMono() {
        float[] x = tones(48_000, -23, 10);
        double mono = measure(48_000, new float[][] {x}).integratedLufs();
        double stereo = measure(48_000, same(x, 2)).integratedLufs();
        assertEquals(10 * Math.log10(2), stereo - mono, 0.001);
        assertEquals(-26.0, mono, 0.05);
    }

    /** 5.1 in the order L R C LFE Ls Rs: the LFE is excluded, the surrounds weigh 1.41 (+1.49 dB). */
    @Test
    void theLfeIsExcludedAndTheSurroundsWeigh1Point41In51() {
        float[] x = tones(48_000, -20, 5);
        float[] z = new float[x.length];
        double front = measure(48_000, new float[][] {x, z, z, z, z, z}).integratedLufs();
        double centre = measure(48_000, new float[][] {z, z, x, z, z, z}).integratedLufs();
        double lfe = measure(48_000, new float[][] {z, z, z, x, z, z}).integratedLufs();
        double surround = measure(48_000, new float[][] {z, z, z, z, x, z}).integratedLufs();
        assertEquals(front, centre, 1e-9);
        assertEquals(Double.NEGATIVE_INFINITY, lfe);
        assertEquals(10 * Math.log10(1.41), surround - front, 1e-6);
        assertTrue(Arrays.equals(new double[] {1, 1, 1, 0, 1.41, 1.41}, LoudnessMeter.defaultWeights(6)));
    }

    /** Block lengths do not matter: 1-frame blocks and 4096-frame blocks give the same results. */
    @Test
    void theResultsDoNotDependOnTheBlockLengths() {
        float[][] x = MusicSignal.render(48_000, 2, 20, 7);
        LoudnessMeter whole = new LoudnessMeter(48_000, 2);
        whole.process(x, 0, x[0].length);
        LoudnessMeter ones = new LoudnessMeter(48_000, 2);
        for (int i = 0; i < x[0].length; i++) {
            ones.process(x, i, 1);
        }
        LoudnessMeter mixed = new LoudnessMeter(48_000, 2);
        Signals.feed(mixed, x);
        LoudnessSnapshot a = whole.snapshot();
        for (LoudnessSnapshot b : new LoudnessSnapshot[] {ones.snapshot(), mixed.snapshot()}) {
            assertEquals(a.frames(), b.frames());
            assertEquals(a.integratedLufs(), b.integratedLufs(), 1e-9);
            assertEquals(a.loudnessRangeLu(), b.loudnessRangeLu(), 1e-9);
            assertEquals(a.momentaryLufs(), b.momentaryLufs(), 1e-9);
            assertEquals(a.shortTermLufs(), b.shortTermLufs(), 1e-9);
            assertEquals(a.momentaryMaxLufs(), b.momentaryMaxLufs(), 1e-9);
            assertEquals(a.shortTermMaxLufs(), b.shortTermMaxLufs(), 1e-9);
        }
    }

    /**
     * The histograms are as good as the full lists: on three minutes of music-like material, integrated loudness and
     * loudness range computed exactly from every gating block and every 3 s value (taken from the 0.1 s history:
     * the momentary windows ending on the 100 ms grid from 0.4 s on are the gating blocks, the short-term ones from
     * 3 s on are the range values) agree with the meter within 0.01 LU.
     */
    @Test
    void theHistogramsAgreeWithTheExactComputationWithinOneHundredthOfALoudnessUnit() {
        double fs = 48_000;
        float[][] x = MusicSignal.render(fs, 2, 180, 11);
        LoudnessMeter meter = new LoudnessMeter(fs, 2);
        History history = new History(2000);
        meter.setHistoryListener(0.1, history);
        Signals.feed(meter, x);
        LoudnessSnapshot s = meter.snapshot();
        assertEquals(1800, history.count);

        double[] blocks = Arrays.copyOfRange(history.momentary, 3, history.count);
        double exactIntegrated = exactGatedMean(blocks, -10);
        double[] shortTerms = Arrays.copyOfRange(history.shortTerm, 29, history.count);
        double exactRange = exactRange(shortTerms);
        Report.line("histogram", "integrated: histogram %.5f, exact %.5f; LRA: histogram %.5f, exact %.5f",
                s.integratedLufs(), exactIntegrated, s.loudnessRangeLu(), exactRange);
        assertEquals(exactIntegrated, s.integratedLufs(), 0.01);
        assertEquals(exactRange, s.loudnessRangeLu(), 0.01);
        assertTrue(s.loudnessRangeLu() > 3, "the material has dynamics: LRA " + s.loudnessRangeLu());
    }

    private static double energy(double lufs) {
        return Math.pow(10, (lufs + 0.691) / 10);
    }

    private static double exactGatedMean(double[] lufs, double relative) {
        double sum = 0;
        int n = 0;
        for (double l : lufs) {
            if (l > -70) {
                sum += energy(l);
                n++;
            }
        }
        double gate = LoudnessMeter.lufs(sum / n) + relative;
        sum = 0;
        n = 0;
        for (double l : lufs) {
            if (l > -70 && l > gate) {
                sum += energy(l);
                n++;
            }
        }
        return LoudnessMeter.lufs(sum / n);
    }

    private static double exactRange(double[] lufs) {
        double sum = 0;
        int n = 0;
        for (double l : lufs) {
            if (l > -70) {
                sum += energy(l);
                n++;
            }
        }
        double gate = LoudnessMeter.lufs(sum / n) - 20;
        double[] kept = Arrays.stream(lufs).filter(l -> l > -70 && l > gate).sorted().toArray();
        int count = kept.length;
        return kept[(int) Math.round((count - 1) * 0.95)] - kept[(int) Math.round((count - 1) * 0.10)];
    }

    /** The history holds the windows ending at (i + 1) * hop, the same values the snapshot shows at that instant. */
    @Test
    void theHistoryHoldsTheWindowsEndingAtEachHop() {
        double fs = 44_100;
        float[][] x = MusicSignal.render(fs, 2, 10, 3);
        LoudnessMeter meter = new LoudnessMeter(fs, 2);
        History history = new History(1000);
        meter.setHistoryListener(0.01, history);
        LoudnessMeter stepped = new LoudnessMeter(fs, 2);
        Signals.feed(meter, x);
        assertEquals(1000, history.count);
        for (int i : new int[] {0, 39, 299, 512, 999}) {
            int end = (int) Math.round((i + 1) * 0.01 * fs);
            stepped.reset();
            stepped.process(x, 0, end);
            LoudnessSnapshot s = stepped.snapshot();
            assertEquals(s.momentaryLufs(), history.momentary[i], 1e-9, "momentary at hop " + i);
            assertEquals(s.shortTermLufs(), history.shortTerm[i], 1e-9, "short-term at hop " + i);
        }
    }

    /** Hops must be positive multiples of 5 ms. */
    @Test
    void aHopThatIsNotAMultipleOfFiveMillisecondsIsRefused() {
        LoudnessMeter meter = new LoudnessMeter(48_000, 2);
        assertThrows(IllegalArgumentException.class, () -> meter.setHistoryListener(0.003, (i, m, s) -> { }));
        assertThrows(IllegalArgumentException.class, () -> meter.setHistoryListener(0, (i, m, s) -> { }));
        meter.setHistoryListener(0.01, (i, m, s) -> { });
        meter.setHistoryListener(0.25, (i, m, s) -> { });
    }

    /** Nothing measured reads NaN, silence reads -Infinity, and too little to gate reads -Infinity / NaN. */
    @Test
    void silenceAndEmptinessHaveNoFiniteLoudness() {
        LoudnessMeter meter = new LoudnessMeter(48_000, 2);
        LoudnessSnapshot empty = meter.snapshot();
        assertTrue(Double.isNaN(empty.momentaryLufs()) && Double.isNaN(empty.shortTermLufs()));
        assertTrue(Double.isNaN(empty.momentaryMaxLufs()) && Double.isNaN(empty.loudnessRangeLu()));
        assertEquals(Double.NEGATIVE_INFINITY, empty.integratedLufs());
        float[] z = new float[48_000 * 5];
        meter.process(new float[][] {z, z}, 0, z.length);
        LoudnessSnapshot silent = meter.snapshot();
        assertEquals(Double.NEGATIVE_INFINITY, silent.momentaryLufs());
        assertEquals(Double.NEGATIVE_INFINITY, silent.shortTermLufs());
        assertEquals(Double.NEGATIVE_INFINITY, silent.momentaryMaxLufs());
        assertEquals(Double.NEGATIVE_INFINITY, silent.integratedLufs());
        assertTrue(Double.isNaN(silent.loudnessRangeLu()));
        assertEquals(0, silent.gatingBlocks());
    }

    /** A tone quieter than -70 LUFS is below the absolute gate. */
    @Test
    void aToneBelowTheAbsoluteGateHasNoIntegratedLoudness() {
        LoudnessSnapshot s = measure(48_000, same(tones(48_000, -75, 10), 2));
        assertEquals(-75, s.momentaryLufs(), 0.05);
        assertEquals(Double.NEGATIVE_INFINITY, s.integratedLufs());
    }

    /** NaN and infinite samples are measured as silence and counted; the filters recover at once. */
    @Test
    void nonFiniteSamplesAreMeasuredAsZeroAndCounted() {
        float[] x = tones(48_000, -23, 10);
        float[] y = x.clone();
        y[1000] = Float.NaN;
        y[200_000] = Float.POSITIVE_INFINITY;
        y[300_000] = Float.NEGATIVE_INFINITY;
        LoudnessSnapshot clean = measure(48_000, same(x, 2));
        LoudnessSnapshot dirty = measure(48_000, same(y, 2));
        assertEquals(6, dirty.nonFiniteSamples());
        assertEquals(0, clean.nonFiniteSamples());
        assertEquals(clean.integratedLufs(), dirty.integratedLufs(), 0.01);
        assertEquals(clean.momentaryLufs(), dirty.momentaryLufs(), 1e-6);
    }

    /** After reset the meter measures exactly like a new one. */
    @Test
    void resetForgetsEverything() {
        float[][] music = MusicSignal.render(48_000, 2, 8, 5);
        float[][] tone = same(tones(48_000, -30, 6), 2);
        LoudnessMeter used = new LoudnessMeter(48_000, 2);
        Signals.feed(used, music);
        used.reset();
        assertEquals(new LoudnessMeter(48_000, 2).snapshot(), used.snapshot());
        Signals.feed(used, tone);
        assertEquals(measure(48_000, tone), used.snapshot());
    }

    /** It is an analyzer: it reads audio blocks and leaves them untouched. */
    @Test
    void itMeasuresAudioBlocksWithoutChangingThem() {
        float[][] x = MusicSignal.render(48_000, 2, 5, 9);
        float[][] copy = {x[0].clone(), x[1].clone()};
        AudioBlock block = new AudioBlock(2, 512, 1);
        LoudnessMeter meter = new LoudnessMeter(48_000, 2);
        for (int at = 0; at < x[0].length; at += 512) {
            int n = Math.min(512, x[0].length - at);
            System.arraycopy(x[0], at, block.channel(0), 0, n);
            System.arraycopy(x[1], at, block.channel(1), 0, n);
            block.setFrames(n);
            meter.process(block);
            for (int c = 0; c < 2; c++) {
                assertTrue(Arrays.equals(x[c], at, at + n, block.channel(c), 0, n));
            }
        }
        assertTrue(Arrays.equals(copy[0], x[0]));
        assertEquals(measure(48_000, x).integratedLufs(), meter.snapshot().integratedLufs(), 1e-9);
        assertThrows(IllegalArgumentException.class,
                () -> meter.process(new AudioBlock(new float[3][16], new ParameterEvents(1))));
    }

    /** Unsupported rates and layouts are refused at construction. */
    @Test
    void unsupportedRatesAndLayoutsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new LoudnessMeter(7_999, 2));
        assertThrows(IllegalArgumentException.class, () -> new LoudnessMeter(384_001, 2));
        assertThrows(IllegalArgumentException.class, () -> new LoudnessMeter(48_000, 9));
        assertThrows(IllegalArgumentException.class, () -> new LoudnessMeter(48_000, new double[] {1, -1}));
        assertEquals(9, new LoudnessMeter(48_000, new double[] {1, 1, 1, 0, 1.41, 1.41, 1, 1, 1}).channels());
    }
}
