package org.mixbench.analysis.loudness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mixbench.analysis.loudness.Signals.same;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mixbench.analysis.loudness.Signals.Format;

/**
 * EBU Tech 3341 (v4, 2023) Table 1, true-peak cases 15 to 23, synthesised at 44.1 and 48 kHz, as float and rounded
 * to 16 and 24 bits, checked with the specification's tolerance of +0.2/-0.4 dB. Cases 15 to 19 are stereo sines
 * with 10 ms fades: fs/4 at -6 dBFS and 0 degrees, fs/4 at 45 degrees, fs/6 at 60 degrees, fs/8 at 67.5 degrees
 * (all -6.0 dBTP), and fs/4 at 45 degrees with samples at 0 dBFS (true peak +3.0 dBTP). Cases 20 to 23 are one
 * signal made at four times the rate (an fs/6 tone at -6 dBFS with one period of fs/4 at full scale, band-limited
 * to 0.45 fs), normalised to a true peak of exactly 0 dBTP and then decimated at offsets of 0, 1, 2 and 3
 * oversampled periods, so that the peak falls at each quarter of a sample period: all read 0.0 dBTP. Measured values
 * go to {@code target/conformance/tech3341-true-peak.txt}.
 */
class Tech3341TruePeakConformanceTest {
    private static final double UP = 0.2;
    private static final double DOWN = 0.4;

    static Stream<Arguments> ratesAndFormats() {
        List<Arguments> all = new ArrayList<>();
        for (double fs : new double[] {44_100, 48_000}) {
            for (Format format : Format.values()) {
                all.add(Arguments.of(fs, format));
            }
        }
        return all.stream();
    }

    private static void check(String name, double fs, Format format, double expected, float[] x) {
        TruePeakMeter meter = new TruePeakMeter(fs, 2);
        Signals.feed(meter, same(format.apply(x), 2));
        PeakSnapshot s = meter.snapshot();
        double dbtp = s.truePeakMaxDbtp();
        Report.line("tech3341-true-peak", "%-8s %6.0f Hz %-6s true peak %7.3f dBTP (expected %.1f +%.1f/-%.1f), "
                + "sample peak %7.3f dBFS", name, fs, format, dbtp, expected, UP, DOWN, s.samplePeakMaxDbfs());
        assertTrue(dbtp <= expected + UP && dbtp >= expected - DOWN, name + " at " + fs + " Hz, " + format
                + ": true peak " + dbtp + " dBTP, expected " + expected + " +" + UP + "/-" + DOWN);
        assertEquals(s.truePeakDbtp(0), s.truePeakDbtp(1), 1e-9, "both channels carry the same signal");
        assertTrue(s.truePeakMax() >= s.samplePeakMax(), "true peak is never below the sample peak");
    }

    /** Case 15: a sine at fs/4, 0 degrees, -6 dBFS: its samples hit the crests, true peak -6.0 dBTP. */
    @ParameterizedTest(name = "{0} Hz {1}")
    @MethodSource("ratesAndFormats")
    void aQuarterRateSineWithSamplesOnItsCrestsReadsMinusSixDbtp(double fs, Format format) {
        check("case 15", fs, format, -6, Signals.sineAtRatio(fs, 0.25, 0.5, 0, 1, 0.01));
    }

    /** Case 16: a sine at fs/4, 45 degrees, peak -6 dBFS: samples at -9 dBFS, true peak -6.0 dBTP. */
    @ParameterizedTest(name = "{0} Hz {1}")
    @MethodSource("ratesAndFormats")
    void aQuarterRateSineWhoseCrestsFallBetweenSamplesReadsMinusSixDbtp(double fs, Format format) {
        check("case 16", fs, format, -6, Signals.sineAtRatio(fs, 0.25, 0.5, 45, 1, 0.01));
    }

    /** Case 17: a sine at fs/6, 60 degrees, peak -6 dBFS: true peak -6.0 dBTP. */
    @ParameterizedTest(name = "{0} Hz {1}")
    @MethodSource("ratesAndFormats")
    void aSixthRateSineAtSixtyDegreesReadsMinusSixDbtp(double fs, Format format) {
        check("case 17", fs, format, -6, Signals.sineAtRatio(fs, 1.0 / 6, 0.5, 60, 1, 0.01));
    }

    /** Case 18: a sine at fs/8, 67.5 degrees, peak -6 dBFS: true peak -6.0 dBTP. */
    @ParameterizedTest(name = "{0} Hz {1}")
    @MethodSource("ratesAndFormats")
    void anEighthRateSineAtSixtySevenAndAHalfDegreesReadsMinusSixDbtp(double fs, Format format) {
        check("case 18", fs, format, -6, Signals.sineAtRatio(fs, 0.125, 0.5, 67.5, 1, 0.01));
    }

    /** Case 19: a sine at fs/4, 45 degrees, amplitude 1.41: samples at 0 dBFS, true peak +3.0 dBTP. */
    @ParameterizedTest(name = "{0} Hz {1}")
    @MethodSource("ratesAndFormats")
    void aQuarterRateSineWithSamplesAtFullScaleReadsPlusThreeDbtp(double fs, Format format) {
        check("case 19", fs, format, 3, Signals.sineAtRatio(fs, 0.25, 1.41, 45, 1, 0.01));
    }

    /** Cases 20 to 23: a 0 dBTP peak at each quarter of a sample period reads 0.0 dBTP. */
    @ParameterizedTest(name = "{0} Hz {1}")
    @MethodSource("ratesAndFormats")
    void aZeroDbtpPeakAtEachQuarterOfASamplePeriodReadsZeroDbtp(double fs, Format format) {
        float[][] offsets = InterSamplePeakSignal.decimated(fs);
        for (int o = 0; o < 4; o++) {
            check("case " + (20 + o), fs, format, 0, offsets[o]);
        }
    }
}
