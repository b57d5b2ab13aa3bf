package org.mixbench.convert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Locale;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Measured behaviour of the ditherer: noise floors against theory, independence of the error from the signal, the
 * shaped spectrum, the output grid and clip reporting. The error is always output minus input, in double.
 */
class DithererTest {
    private static final double RATE = 44_100;
    private static final int FRAMES = 1 << 18;
    private static final double LSB16 = Math.scalb(1.0, -15);

    /** A 1 kHz sine at -60 dBFS: quiet enough that plain rounding would be distortion, not noise. */
    private static float[] quietSine(int frames) {
        float[] x = new float[frames];
        for (int i = 0; i < frames; i++) {
            x[i] = (float) (0.001 * Math.sin(2 * Math.PI * 1000 * i / RATE));
        }
        return x;
    }

    /** Three sines at -12 dBFS each plus noise: busy enough that rounding error is uniform. */
    private static float[] busySignal(int frames) {
        SplittableRandom random = new SplittableRandom(11);
        float[] x = new float[frames];
        for (int i = 0; i < frames; i++) {
            double t = i / RATE;
            x[i] = (float) (0.25 * Math.sin(2 * Math.PI * 441.3 * t) + 0.25 * Math.sin(2 * Math.PI * 1234.5 * t)
                    + 0.25 * Math.sin(2 * Math.PI * 7777.7 * t) + 0.05 * (random.nextDouble() - 0.5));
        }
        return x;
    }

    /** Output minus input, in units of full scale, after dithering a copy of {@code x} in calls of 1000 frames. */
    private static double[] error(float[] x, int bits, DitherType type) {
        float[][] y = {x.clone()};
        Ditherer d = new Ditherer(1, bits, type);
        for (int i = 0; i < x.length; i += 1000) {
            d.process(y, i, Math.min(1000, x.length - i));
        }
        double[] e = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            e[i] = (double) y[0][i] - x[i];
        }
        return e;
    }

    private static double rms(double[] e) {
        double s = 0;
        for (double v : e) {
            s += v * v;
        }
        return Math.sqrt(s / e.length);
    }

    @Test
    void tpdfNoiseFloorAt16BitsIsHalfAnLsbRmsWithinAQuarterDecibel() {
        double measured = Measure.db(rms(error(quietSine(FRAMES), 16, DitherType.TPDF)) / (LSB16 / 2));
        System.out.printf(Locale.ROOT, "dither TPDF 16 bit: error RMS %+.3f dB re LSB/2 (%.2f dBFS)%n", measured,
                Measure.db(LSB16 / 2) + measured);
        assertEquals(0, measured, 0.25, "TPDF error RMS re LSB/2, dB");
    }

    @Test
    void noDitherOnABusySignalLeavesAnLsbOverRootTwelveRmsWithinAQuarterDecibel() {
        double measured = Measure.db(rms(error(busySignal(FRAMES), 16, DitherType.NONE)) / (LSB16 / Math.sqrt(12)));
        System.out.printf(Locale.ROOT, "dither none 16 bit: error RMS %+.3f dB re LSB/sqrt(12)%n", measured);
        assertEquals(0, measured, 0.25, "rounding error RMS re LSB/sqrt(12), dB");
    }

    /**
     * The defining property of TPDF dither: the first two moments of the total error do not depend on the signal.
     * Measured on constant inputs at several fractions of an LSB (where plain rounding would give a constant error of
     * that fraction and no variance at all): mean within 0.01 LSB of 0, variance within 3 % of LSB^2/4.
     */
    @Test
    void tpdfErrorHasZeroMeanAndTheSameVarianceWhateverTheSignalLevel() {
        double[] fractions = {0, 0.125, 0.25, 0.5, 0.75, 0.9};
        for (double fraction : fractions) {
            float level = (float) ((1000 + fraction) * LSB16);
            float[] x = new float[100_000];
            java.util.Arrays.fill(x, level);
            double[] e = error(x, 16, DitherType.TPDF);
            double mean = 0;
            for (double v : e) {
                mean += v;
            }
            mean /= e.length;
            double variance = 0;
            for (double v : e) {
                variance += (v - mean) * (v - mean);
            }
            variance /= e.length;
            double meanLsb = mean / LSB16;
            double varianceRatio = variance / (LSB16 * LSB16 / 4);
            assertEquals(0, meanLsb, 0.01, "mean error at " + fraction + " LSB, in LSB");
            assertEquals(1, varianceRatio, 0.03, "error variance re LSB^2/4 at " + fraction + " LSB");
        }
        double[] x = new double[FRAMES];
        float[] sine = quietSine(FRAMES);
        double[] e = error(sine, 16, DitherType.TPDF);
        double xe = 0;
        double xx = 0;
        double ee = 0;
        for (int i = 0; i < FRAMES; i++) {
            x[i] = sine[i];
            xe += x[i] * e[i];
            xx += x[i] * x[i];
            ee += e[i] * e[i];
        }
        double correlation = xe / Math.sqrt(xx * ee);
        assertEquals(0, correlation, 0.01, "correlation of the error with a -60 dBFS sine");
    }

    /**
     * The F-weighted shape, measured by Welch's method (Hann windows of 4096) on the error at 16 bits and 44.1 kHz:
     * far less noise than TPDF from 1 to 6 kHz (the theory of the filter says 18.1 dB), more in total (theory
     * +18.4 dB), and both within 0.5 dB of that theory: {@code |1 - sum h_i e^(-i w i)|^2} times LSB^2/4.
     */
    @Test
    void shapedDitherPutsFarLessNoiseThanTpdfBetween1And6kHzAndMoreInTotal() {
        float[] x = quietSine(FRAMES);
        double[] tpdf = Measure.powerPerBin(error(x, 16, DitherType.TPDF), 4096);
        double[] shaped = Measure.powerPerBin(error(x, 16, DitherType.SHAPED), 4096);
        double bandTpdf = Measure.band(tpdf, RATE, 1000, 6000);
        double bandShaped = Measure.band(shaped, RATE, 1000, 6000);
        double totalTpdf = Measure.band(tpdf, RATE, 0, RATE / 2);
        double totalShaped = Measure.band(shaped, RATE, 0, RATE / 2);
        double bandGain = 10 * Math.log10(bandShaped / bandTpdf);
        double totalGain = 10 * Math.log10(totalShaped / totalTpdf);

        double theoryBand = 0;
        double theoryTotal = 0;
        int bins = 0;
        int inBand = 0;
        for (int k = 0; k <= 2048; k++) {
            double f = k * RATE / 4096;
            double g = noiseTransferPower(f);
            theoryTotal += g;
            bins++;
            if (f >= 1000 && f <= 6000) {
                theoryBand += g;
                inBand++;
            }
        }
        double theoryBandGain = 10 * Math.log10(theoryBand / inBand);
        double theoryTotalGain = 10 * Math.log10(theoryTotal / bins);
        System.out.printf(Locale.ROOT, "dither shaped 16 bit: 1-6 kHz %+.2f dB re TPDF (theory %+.2f),"
                + " total %+.2f dB (theory %+.2f)%n", bandGain, theoryBandGain, totalGain, theoryTotalGain);
        assertTrue(bandGain < -12, "shaped noise in 1-6 kHz re TPDF: " + bandGain + " dB");
        assertTrue(totalGain > 6, "shaped noise in total re TPDF: " + totalGain + " dB");
        assertEquals(theoryBandGain, bandGain, 0.5, "1-6 kHz band against the filter's theory");
        assertEquals(theoryTotalGain, totalGain, 0.5, "total against the filter's theory");
        assertEquals(0, 10 * Math.log10(totalTpdf / (LSB16 * LSB16 / 4)), 0.25, "TPDF is white at LSB^2/4");
    }

    private static double noiseTransferPower(double f) {
        double re = 1;
        double im = 0;
        for (int i = 0; i < Ditherer.F_WEIGHTED.length; i++) {
            double w = 2 * Math.PI * f / RATE * (i + 1);
            re -= Ditherer.F_WEIGHTED[i] * Math.cos(w);
            im += Ditherer.F_WEIGHTED[i] * Math.sin(w);
        }
        return re * re + im * im;
    }

    @ParameterizedTest
    @EnumSource(DitherType.class)
    void everyOutputLiesOnTheGridOfTheWordLengthWithinTheRange(DitherType type) {
        for (int bits = 8; bits <= 24; bits++) {
            float[] x = busySignal(20_000);
            for (int i = 0; i < x.length; i += 97) {
                x[i] = i % 2 == 0 ? 1.3f : -1.3f;
            }
            float[][] y = {x};
            new Ditherer(1, bits, type).process(y, 0, x.length);
            double scale = Math.scalb(1.0, bits - 1);
            for (float v : y[0]) {
                double k = v * scale;
                if (k != Math.rint(k) || k < -scale || k > scale - 1) {
                    fail(String.format(Locale.ROOT, "%s, %d bits: %.12g is %.6f steps", type, bits, v, k));
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(DitherType.class)
    void clippingIsCountedExactlyWithTheFirstFrameAndThePeak(DitherType type) {
        float[][] x = {busySignal(30_000), busySignal(30_000)};
        int hot = 0;
        for (int i = 12_345; i < 30_000; i += 1000) {
            x[0][i] = 1.25f;
            hot++;
        }
        for (int i = 12_346; i < 30_000; i += 500) {
            x[1][i] = -1.5f;
            hot++;
        }
        Ditherer d = new Ditherer(2, 16, type);
        assertEquals(ClipReport.none(0), d.clipReport(), "nothing before the stream");
        int[] sizes = {4000, 1, 0, 7000, 333};
        int pos = 0;
        for (int k = 0; pos < 30_000; k++) {
            int n = Math.min(sizes[k % sizes.length], 30_000 - pos);
            d.process(x, pos, n);
            pos += n;
            if (pos < 12_345) {
                assertEquals(ClipReport.none(d.clipReport().peak()), d.clipReport(), "no clip before frame 12345");
            }
        }
        ClipReport report = d.clipReport();
        assertEquals(new ClipReport(hot, 12_345, 1.5), report);
        assertTrue(report.clipped());
        d.reset();
        assertEquals(ClipReport.none(0), d.clipReport(), "reset clears the report");
    }

    @Test
    void roundingClipsExactlyWhatDoesNotFitTheWordLength() {
        double lsb = LSB16;
        float[][] x = {{(float) (1 - lsb), (float) (1 - lsb / 2), 1f, -1f, (float) (-1 - lsb / 2), (float) (-1 - lsb)}};
        Ditherer d = new Ditherer(1, 16, DitherType.NONE);
        d.process(x, 0, 6);
        assertArrayEquals(new float[] {(float) (1 - lsb), (float) (1 - lsb), (float) (1 - lsb), -1f, -1f, -1f}, x[0]);
        assertEquals(new ClipReport(3, 1, 1 + lsb), d.clipReport(), "1 - LSB/2 rounds up to 1, which is clipped");
    }

    @ParameterizedTest
    @EnumSource(DitherType.class)
    void theOutputDoesNotDependOnHowTheStreamIsCutIntoCalls(DitherType type) {
        float[] left = busySignal(10_000);
        float[] right = quietSine(10_000);
        float[][] whole = {left.clone(), right.clone()};
        float[][] ragged = {left.clone(), right.clone()};
        new Ditherer(2, 16, type).process(whole, 0, 10_000);
        Ditherer d = new Ditherer(2, 16, type);
        int[] sizes = {1, 17, 0, 511, 64, 3, 2000};
        for (int pos = 0, k = 0; pos < 10_000; k++) {
            int n = Math.min(sizes[k % sizes.length], 10_000 - pos);
            d.process(ragged, pos, n);
            pos += n;
        }
        assertArrayEquals(whole[0], ragged[0]);
        assertArrayEquals(whole[1], ragged[1]);
    }

    @ParameterizedTest
    @EnumSource(DitherType.class)
    void resetReseedsTheGeneratorsAndClearsTheShapingFilter(DitherType type) {
        float[] x = quietSine(5000);
        Ditherer d = new Ditherer(1, 16, type);
        float[][] first = {x.clone()};
        d.process(first, 0, 5000);
        d.reset();
        float[][] second = {x.clone()};
        d.process(second, 0, 5000);
        assertArrayEquals(first[0], second[0]);
    }

    @Test
    void channelsGetIndependentDither() {
        float[] x = quietSine(50_000);
        float[][] y = {x.clone(), x.clone()};
        new Ditherer(2, 16, DitherType.TPDF).process(y, 0, x.length);
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < x.length; i++) {
            double a = (double) y[0][i] - x[i];
            double b = (double) y[1][i] - x[i];
            ab += a * b;
            aa += a * a;
            bb += b * b;
        }
        assertEquals(0, ab / Math.sqrt(aa * bb), 0.02, "correlation of the two channels' errors");
    }

    @Test
    void wordLengthsOutsideEightToTwentyFourAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Ditherer(2, 7, DitherType.TPDF));
        assertThrows(IllegalArgumentException.class, () -> new Ditherer(2, 25, DitherType.TPDF));
        assertThrows(IllegalArgumentException.class, () -> new Ditherer(0, 16, DitherType.TPDF));
    }
}
