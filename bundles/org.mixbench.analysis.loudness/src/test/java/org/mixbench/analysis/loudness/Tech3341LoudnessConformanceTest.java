package org.mixbench.analysis.loudness;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mixbench.analysis.loudness.Signals.gain;
import static org.mixbench.analysis.loudness.Signals.same;
import static org.mixbench.analysis.loudness.Signals.tones;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mixbench.analysis.loudness.Signals.Format;
import org.mixbench.analysis.loudness.Signals.History;

/**
 * EBU Tech 3341 (v4, 2023) Table 1, the minimum-requirement test signals for momentary (M), short-term (S) and
 * integrated (I) loudness, cases 1 to 6 and 9 to 14, each synthesised from its published definition at 44.1, 48 and
 * 96 kHz, as float and rounded to 16 and 24 bits, and checked with the specification's tolerance of +/-0.1 LU. All
 * tones are 1 kHz sines applied in phase to both channels of a stereo signal (case 6: five channels); a level in dBFS
 * is the sine's peak. Cases 7 and 8 are authentic programme material that cannot be synthesised.
 *
 * <p>Cases 10, 11, 13 and 14 test that the maxima catch every burst wherever it falls against the meter's update
 * grid. Tech 3341 places the bursts at different times; here burst {@code i} also starts {@code i * 0.25 ms} later
 * than a whole number of 5 ms, so the bursts' edges sweep a whole update interval of this meter (a meter updating
 * every 100 ms fails cases 13 and 14). The measured values are written to {@code target/conformance/tech3341.txt}.
 */
class Tech3341LoudnessConformanceTest {
    static final double TOLERANCE = 0.1;
    private static final double HOP = 0.005;
    private static final double SHIFT = 0.00025;

    static Stream<Arguments> ratesAndFormats() {
        List<Arguments> all = new ArrayList<>();
        for (double fs : new double[] {44_100, 48_000, 96_000}) {
            for (Format format : Format.values()) {
                all.add(Arguments.of(fs, format));
            }
        }
        return all.stream();
    }

    private static LoudnessSnapshot measure(double fs, float[][] channels, History history) {
        LoudnessMeter meter = new LoudnessMeter(fs, channels.length);
        if (history != null) {
            meter.setHistoryListener(HOP, history);
        }
        Signals.feed(meter, channels);
        return meter.snapshot();
    }

    private static LoudnessSnapshot stereo(double fs, Format format, float[] x) {
        return measure(fs, same(format.apply(x), 2), null);
    }

    static void check(String caseName, double fs, Format format, String quantity, double expected, double actual,
            double tolerance) {
        Report.line("tech3341", "%-8s %6.0f Hz %-6s %-22s %8.3f  (expected %.1f +/-%.1f)", caseName, fs, format,
                quantity, actual, expected, tolerance);
        assertTrue(Math.abs(actual - expected) <= tolerance, caseName + " at " + fs + " Hz, " + format + ": "
                + quantity + " = " + actual + ", expected " + expected + " +/-" + tolerance);
    }

    /** Case 1: 20 s of a stereo sine at -23 dBFS reads M, S and I of -23.0 LUFS (and so do both maxima). */
    @ParameterizedTest(name = "{0} Hz {1}")
    @MethodSource("ratesAndFormats")
    void aStereoSineAtMinus23DbfsReadsMinus23LufsMomentaryShortTermAndIntegrated(double fs, Format format) {
        LoudnessSnapshot s = stereo(fs, format, tones(fs, -23, 20));
        check("case 1", fs, format, "M", -23, s.momentaryLufs(), TOLERANCE);
        check("case 1", fs, format, "S", -23, s.shortTermLufs(), TOLERANCE);
        check("case 1", fs, format, "I", -23, s.integratedLufs(), TOLERANCE);
        check("case 1", fs, format, "max M", -23, s.momentaryMaxLufs(), TOLERANCE);
        check("case 1", fs, format, "max S", -23, s.shortTermMaxLufs(), TOLERANCE);
    }

    /** Case 2: 20 s of a stereo sine at -33 dBFS reads M, S and I of -33.0 LUFS. */
    @ParameterizedTest(name = "{0} Hz {1}")
    @MethodSource("ratesAndFormats")
    void aStereoSineAtMinus33DbfsReadsMinus33LufsMomentaryShortTermAndIntegrated(double fs, Format format) {
        LoudnessSnapshot s = stereo(fs, format, tones(fs, -33, 20));
        check("case 2", fs, format, "M", -33, s.momentaryLufs(), TOLERANCE);
        check("case 2", fs, format, "S", -33, s.shortTermLufs(), TOLERANCE);
        check("case 2", fs, format, "I", -33, s.integratedLufs(), TOLERANCE);
    }

    /** Case 3: -36 dBFS 10 s, -23 dBFS 60 s, -36 dBFS 10 s: the relative gate removes the quiet parts, I = -23.0. */
    @ParameterizedTest(name = "{0} Hz {1}")
    @MethodSource("ratesAndFormats")
    void theRelativeGateRemovesTheQuietStartAndEndOfCase3(double fs, Format format) {
        LoudnessSnapshot s = stereo(fs, format, tones(fs, -36, 10, -23, 60, -36, 10));
        check("case 3", fs, format, "I", -23, s.integratedLufs(), TOLERANCE);
    }

    /**
     * Case 4: -72 dBFS 10 s, -36 dBFS 10 s, -23 dBFS 60 s, -36 dBFS 10 s, -72 dBFS 10 s: the absolute and the relative
     * gate together leave I = -23.0.
     */
    @ParameterizedTest(name = "{0} Hz {1}")
    @MethodSource("ratesAndFormats")
    void theAbsoluteAndRelativeGatesTogetherLeaveMinus23LufsInCase4(double fs, Format format) {
        LoudnessSnapshot s = stereo(fs, format, tones(fs, -72, 10, -36, 10, -23, 60, -36, 10, -72, 10));
        check("case 4", fs, format, "I", -23, s.integratedLufs(), TOLERANCE);
    }

    /** Case 5: -26 dBFS 20 s, -20 dBFS 20.1 s, -26 dBFS 20 s: nothing is gated, the energy mean is I = -23.0. */
    @ParameterizedTest(name = "{0} Hz {1}")
    @MethodSource("ratesAndFormats")
    void theIntegratedLoudnessOfCase5IsTheEnergyMeanOfItsThreeParts(double fs, Format format) {
        LoudnessSnapshot s = stereo(fs, format, tones(fs, -26, 20, -20, 20.1, -26, 20));
        check("case 5", fs, format, "I", -23, s.integratedLufs(), TOLERANCE);
    }

    /**
     * Case 6: five channels L R C Ls Rs at -28, -28, -24, -30, -30 dBFS for 20 s: the surround channels weigh 1.41,
     * I = -23.0.
     */
    @ParameterizedTest(name = "{0} Hz {1}")
    @MethodSource("ratesAndFormats")
    void fiveChannelsWithSurroundWeightsReadMinus23LufsInCase6(double fs, Format format) {
        float[] x = tones(fs, 0, 20);
        double[] levels = {-28, -28, -24, -30, -30};
        float[][] channels = new float[5][];
        for (int c = 0; c < 5; c++) {
            channels[c] = format.apply(gain(x, levels[c]));
        }
        LoudnessSnapshot s = measure(fs, channels, null);
        check("case 6", fs, format, "I", -23, s.integratedLufs(), TOLERANCE);
    }

    /**
     * Case 9: 1.34 s at -20 dBFS then 1.66 s at -30 dBFS, five times: every 3 s window holds the same energy, so S is
     * -23.0 for every window ending after 3 s (checked every 5 ms).
     */
    @ParameterizedTest(name = "{0} Hz {1}")
    @MethodSource("ratesAndFormats")
    void theShortTermLoudnessOfCase9StaysAtMinus23AfterThreeSeconds(double fs, Format format) {
        double[] pattern = new double[20];
        for (int i = 0; i < 5; i++) {
            pattern[4 * i] = -20;
            pattern[4 * i + 1] = 1.34;
            pattern[4 * i + 2] = -30;
            pattern[4 * i + 3] = 1.66;
        }
        History history = new History(4000);
        measure(fs, same(format.apply(tones(fs, pattern)), 2), history);
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < history.count; i++) {
            if ((i + 1) * HOP >= 3.0 - 1e-9) {
                low = Math.min(low, history.shortTerm[i]);
                high = Math.max(high, history.shortTerm[i]);
            }
        }
        assertTrue(history.count >= 2999, "history of 15 s at 5 ms: " + history.count);
        check("case 9", fs, format, "lowest S after 3 s", -23, low, TOLERANCE);
        check("case 9", fs, format, "highest S after 3 s", -23, high, TOLERANCE);
    }

    /**
     * Case 12: 0.18 s at -20 dBFS then 0.22 s at -30 dBFS, 25 times: M is -23.0 for every window ending after 1 s
     * (checked every 5 ms).
     */
    @ParameterizedTest(name = "{0} Hz {1}")
    @MethodSource("ratesAndFormats")
    void theMomentaryLoudnessOfCase12StaysAtMinus23AfterOneSecond(double fs, Format format) {
        double[] pattern = new double[100];
        for (int i = 0; i < 25; i++) {
            pattern[4 * i] = -20;
            pattern[4 * i + 1] = 0.18;
            pattern[4 * i + 2] = -30;
            pattern[4 * i + 3] = 0.22;
        }
        History history = new History(3000);
        measure(fs, same(format.apply(tones(fs, pattern)), 2), history);
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < history.count; i++) {
            if ((i + 1) * HOP >= 1.0 - 1e-9) {
                low = Math.min(low, history.momentary[i]);
                high = Math.max(high, history.momentary[i]);
            }
        }
        assertTrue(history.count >= 1999, "history of 10 s at 5 ms: " + history.count);
        check("case 12", fs, format, "lowest M after 1 s", -23, low, TOLERANCE);
        check("case 12", fs, format, "highest M after 1 s", -23, high, TOLERANCE);
    }

    /**
     * Case 10: twenty separate signals, each a 3 s burst at -23 dBFS after {@code i * 0.15 s} (plus
     * {@code i * 0.25 ms}) of silence and followed by 1 s of silence: the maximum short-term loudness of each is
     * -23.0.
     */
    @ParameterizedTest(name = "{0} Hz {1}")
    @MethodSource("ratesAndFormats")
    void theShortTermMaximumCatchesEveryThreeSecondBurstOfCase10(double fs, Format format) {
        double worst = 0;
        double worstValue = 0;
        for (int i = 0; i < 20; i++) {
            float[] x = tones(fs, Double.NEGATIVE_INFINITY, i * (0.15 + SHIFT), -23, 3, Double.NEGATIVE_INFINITY, 1);
            double max = stereo(fs, format, x).shortTermMaxLufs();
            assertTrue(Math.abs(max + 23) <= TOLERANCE, "case 10 segment " + (i + 1) + ": max S " + max);
            if (Math.abs(max + 23) >= worst) {
                worst = Math.abs(max + 23);
                worstValue = max;
            }
        }
        check("case 10", fs, format, "max S, worst of 20", -23, worstValue, TOLERANCE);
    }

    /**
     * Case 13: twenty separate signals, each a 0.4 s burst at -23 dBFS after {@code i * 0.02 s} (plus
     * {@code i * 0.25 ms}) of silence and followed by 1 s of silence: the maximum momentary loudness of each is
     * -23.0 (a window must end within 9 ms of the burst's end; this meter's end every 5 ms).
     */
    @ParameterizedTest(name = "{0} Hz {1}")
    @MethodSource("ratesAndFormats")
    void theMomentaryMaximumCatchesEveryFourHundredMillisecondBurstOfCase13(double fs, Format format) {
        double worst = 0;
        double worstValue = 0;
        for (int i = 0; i < 20; i++) {
            float[] x = tones(fs, Double.NEGATIVE_INFINITY, i * (0.02 + SHIFT), -23, 0.4, Double.NEGATIVE_INFINITY, 1);
            double max = stereo(fs, format, x).momentaryMaxLufs();
            assertTrue(Math.abs(max + 23) <= TOLERANCE, "case 13 segment " + (i + 1) + ": max M " + max);
            if (Math.abs(max + 23) >= worst) {
                worst = Math.abs(max + 23);
                worstValue = max;
            }
        }
        check("case 13", fs, format, "max M, worst of 20", -23, worstValue, TOLERANCE);
    }

    /**
     * Case 11: one signal of twenty segments; segment {@code i} is {@code i * 0.15 s} (plus {@code i * 0.25 ms}) of
     * silence, a 3 s burst at {@code -38 + i} dBFS and {@code 3 - i * 0.15 s} of silence: the maximum short-term
     * loudness within the successive segments is -38.0, -37.0, ..., -19.0 (read from the 5 ms history).
     */
    @ParameterizedTest(name = "{0} Hz {1}")
    @MethodSource("ratesAndFormats")
    void theShortTermMaximaOfCase11StepThroughMinus38ToMinus19(double fs, Format format) {
        double[] pattern = new double[120];
        double[] ends = new double[21];
        long frames = 0;
        for (int i = 0; i < 20; i++) {
            double[] seg = {Double.NEGATIVE_INFINITY, i * (0.15 + SHIFT), -38 + i, 3, Double.NEGATIVE_INFINITY,
                3 - i * 0.15};
            System.arraycopy(seg, 0, pattern, 6 * i, 6);
            for (int j = 1; j < 6; j += 2) {
                frames += Math.round(seg[j] * fs);
            }
            ends[i + 1] = frames / fs;
        }
        History history = new History(25_000);
        measure(fs, same(format.apply(tones(fs, pattern)), 2), history);
        double worst = 0;
        for (int i = 0; i < 20; i++) {
            double max = history.maxShortTerm(HOP, ends[i], ends[i + 1]);
            assertTrue(Math.abs(max - (-38 + i)) <= TOLERANCE, "case 11 segment " + (i + 1) + ": max S " + max);
            worst = Math.max(worst, Math.abs(max - (-38 + i)));
        }
        check("case 11", fs, format, "max S, worst |error|", 0, worst, TOLERANCE);
    }

    /**
     * Case 14: one signal of twenty segments; segment {@code i} is {@code i * 0.02 s} (plus {@code i * 0.25 ms}) of
     * silence, a 0.4 s burst at {@code -38 + i} dBFS and {@code 0.4 - i * 0.02 s} of silence: the maximum momentary
     * loudness within the successive segments is -38.0, ..., -19.0 (read from the 5 ms history).
     */
    @ParameterizedTest(name = "{0} Hz {1}")
    @MethodSource("ratesAndFormats")
    void theMomentaryMaximaOfCase14StepThroughMinus38ToMinus19(double fs, Format format) {
        double[] pattern = new double[120];
        double[] ends = new double[21];
        long frames = 0;
        for (int i = 0; i < 20; i++) {
            double[] seg = {Double.NEGATIVE_INFINITY, i * (0.02 + SHIFT), -38 + i, 0.4, Double.NEGATIVE_INFINITY,
                0.4 - i * 0.02};
            System.arraycopy(seg, 0, pattern, 6 * i, 6);
            for (int j = 1; j < 6; j += 2) {
                frames += Math.round(seg[j] * fs);
            }
            ends[i + 1] = frames / fs;
        }
        History history = new History(5_000);
        measure(fs, same(format.apply(tones(fs, pattern)), 2), history);
        double worst = 0;
        for (int i = 0; i < 20; i++) {
            double max = history.maxMomentary(HOP, ends[i], ends[i + 1]);
            assertTrue(Math.abs(max - (-38 + i)) <= TOLERANCE, "case 14 segment " + (i + 1) + ": max M " + max);
            worst = Math.max(worst, Math.abs(max - (-38 + i)));
        }
        check("case 14", fs, format, "max M, worst |error|", 0, worst, TOLERANCE);
    }
}
