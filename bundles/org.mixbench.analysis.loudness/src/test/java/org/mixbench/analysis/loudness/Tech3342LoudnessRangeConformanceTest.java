package org.mixbench.analysis.loudness;

import static org.mixbench.analysis.loudness.Signals.same;
import static org.mixbench.analysis.loudness.Signals.tones;
import static org.mixbench.analysis.loudness.Tech3341LoudnessConformanceTest.check;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mixbench.analysis.loudness.Signals.Format;

/**
 * EBU Tech 3342 (v4, 2023) Table 1, the loudness range test signals 1 to 4: stereo 1 kHz sines at stepped levels,
 * 20 s per step, synthesised at 44.1, 48 and 96 kHz, as float and rounded to 16 and 24 bits. The specification
 * allows +/-1 LU; every case is also held to +/-0.1 LU, which a correct implementation meets on these steady tones.
 * Cases 5 and 6 are authentic programme material that cannot be synthesised. Measured values go to
 * {@code target/conformance/tech3341.txt} with the Tech 3341 results.
 */
class Tech3342LoudnessRangeConformanceTest {
    private static final double SPECIFIED = 1.0;
    private static final double INSTRUMENT = 0.1;

    private static void range(String name, double fs, Format format, double expected, double... levelAndSeconds) {
        LoudnessMeter meter = new LoudnessMeter(fs, 2);
        Signals.feed(meter, same(format.apply(tones(fs, levelAndSeconds)), 2));
        double lra = meter.snapshot().loudnessRangeLu();
        check(name, fs, format, "LRA (spec +/-1 LU)", expected, lra, SPECIFIED);
        check(name, fs, format, "LRA (instrument)", expected, lra, INSTRUMENT);
    }

    /** Tech 3342 case 1: -20 dBFS then -30 dBFS, 20 s each: LRA = 10 LU. */
    @ParameterizedTest(name = "{0} Hz {1}")
    @MethodSource("org.mixbench.analysis.loudness.Tech3341LoudnessConformanceTest#ratesAndFormats")
    void twentyThenThirtyDecibelsBelowFullScaleSpanTenLoudnessUnits(double fs, Format format) {
        range("3342-1", fs, format, 10, -20, 20, -30, 20);
    }

    /** Tech 3342 case 2: -20 dBFS then -15 dBFS, 20 s each: LRA = 5 LU. */
    @ParameterizedTest(name = "{0} Hz {1}")
    @MethodSource("org.mixbench.analysis.loudness.Tech3341LoudnessConformanceTest#ratesAndFormats")
    void twentyThenFifteenDecibelsBelowFullScaleSpanFiveLoudnessUnits(double fs, Format format) {
        range("3342-2", fs, format, 5, -20, 20, -15, 20);
    }

    /** Tech 3342 case 3: -40 dBFS then -20 dBFS, 20 s each: the quiet part is above the -20 LU gate, LRA = 20 LU. */
    @ParameterizedTest(name = "{0} Hz {1}")
    @MethodSource("org.mixbench.analysis.loudness.Tech3341LoudnessConformanceTest#ratesAndFormats")
    void fortyThenTwentyDecibelsBelowFullScaleSpanTwentyLoudnessUnits(double fs, Format format) {
        range("3342-3", fs, format, 20, -40, 20, -20, 20);
    }

    /**
     * Tech 3342 case 4: -50, -35, -20, -35, -50 dBFS, 20 s each: the -50 dBFS parts fall below the relative gate,
     * LRA = 15 LU.
     */
    @ParameterizedTest(name = "{0} Hz {1}")
    @MethodSource("org.mixbench.analysis.loudness.Tech3341LoudnessConformanceTest#ratesAndFormats")
    void theRelativeGateDropsTheQuietestStepsOfCase4LeavingFifteenLoudnessUnits(double fs, Format format) {
        range("3342-4", fs, format, 15, -50, 20, -35, 20, -20, 20, -35, 20, -50, 20);
    }
}
