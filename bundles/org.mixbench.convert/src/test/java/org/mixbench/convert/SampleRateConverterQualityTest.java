package org.mixbench.convert;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Measured frequency-domain quality of the converter for every pair of supported rates, with steady-state tones at
 * -1 dBFS: passband flatness and phase, alias rejection (downsampling) and image rejection (upsampling). All
 * measurements skip the start and the end of the output by the filter length plus a millisecond, so that only the
 * steady state is measured.
 */
class SampleRateConverterQualityTest {
    private static final double AMPLITUDE = Math.pow(10, -1 / 20.0);
    private static final double[] PASSBAND_TONES = {10, 20, 100, 1000, 5000, 10_000, 15_000, 19_000, 20_000};
    private static final double SECONDS = 0.4;

    static Stream<Arguments> pairs() {
        List<Arguments> pairs = new ArrayList<>();
        for (int in : Streams.RATES) {
            for (int out : Streams.RATES) {
                if (in != out) {
                    pairs.add(Arguments.of(in, out));
                }
            }
        }
        return pairs.stream();
    }

    static Stream<Arguments> downsampling() {
        return pairs().filter(a -> (int) a.get()[0] > (int) a.get()[1]);
    }

    static Stream<Arguments> upsampling() {
        return pairs().filter(a -> (int) a.get()[0] < (int) a.get()[1]);
    }

    /**
     * A logarithmic sweep from 10 Hz to 22 kHz over four seconds through 48 to 44.1 kHz. The envelope is measured in
     * windows of 256 output frames (or two periods, if longer) by a least-squares fit of {@code a sin(phi(t)) + b
     * cos(phi(t))}, where {@code phi} is the sweep's exact phase at the output frame times; every window between
     * 20 Hz and 20 kHz must come out within 0.01 dB of the input level.
     */
    @org.junit.jupiter.api.Test
    void aLogSweepThrough48To44100KeepsItsEnvelopeFlatWithinOneHundredthOfADecibelBelow20kHz() {
        int inRate = 48_000;
        int outRate = 44_100;
        double f1 = 10;
        double f2 = 22_000;
        double duration = 4;
        double k = Math.log(f2 / f1) / duration;
        java.util.function.DoubleUnaryOperator phase = t -> 2 * Math.PI * f1 / k * (Math.exp(k * t) - 1);
        float[][] in = new float[1][(int) (duration * inRate)];
        for (int i = 0; i < in[0].length; i++) {
            in[0][i] = (float) (AMPLITUDE * Math.sin(phase.applyAsDouble((double) i / inRate)));
        }
        SampleRateConverter src = new SampleRateConverter(inRate, outRate, 1, 1000);
        float[] out = Streams.convert(src, in, 1000)[0];
        int end = out.length - (int) Math.ceil(((double) src.tapsPerPhase() / inRate + 0.001) * outRate);
        double worst = 0;
        int windows = 0;
        int from = 0;
        while (true) {
            double f = f1 * Math.exp(k * from / outRate);
            int length = Math.max(256, (int) Math.ceil(2 * outRate / f));
            int to = from + length;
            double fEnd = f1 * Math.exp(k * to / outRate);
            if (to > end || fEnd > 20_000) {
                break;
            }
            if (f >= 20) {
                double ss = 0;
                double sc = 0;
                double cc = 0;
                double ys = 0;
                double yc = 0;
                for (int n = from; n < to; n++) {
                    double p = phase.applyAsDouble((double) n / outRate);
                    double s = Math.sin(p);
                    double c = Math.cos(p);
                    ss += s * s;
                    sc += s * c;
                    cc += c * c;
                    ys += out[n] * s;
                    yc += out[n] * c;
                }
                double det = ss * cc - sc * sc;
                double a = (ys * cc - yc * sc) / det;
                double b = (yc * ss - ys * sc) / det;
                double deviation = Measure.db(Math.hypot(a, b) / AMPLITUDE);
                assertTrue(Math.abs(deviation) <= 0.01, String.format(Locale.ROOT,
                        "sweep envelope %+.5f dB at %.0f..%.0f Hz", deviation, f, fEnd));
                worst = Math.max(worst, Math.abs(deviation));
                windows++;
            }
            from = to;
        }
        assertTrue(windows > 100, "too few windows measured: " + windows);
        System.out.printf(Locale.ROOT, "sweep     48000 ->  44100: %d windows from 20 Hz to 20 kHz, worst %.2e dB%n",
                windows, worst);
    }

    /** First and last output frames that are free of the start and end transients. */
    private static int[] steadyState(SampleRateConverter src, int outFrames) {
        double seconds = (double) src.tapsPerPhase() / src.inputRate() + 0.001;
        int skip = (int) Math.ceil(seconds * src.outputRate());
        return new int[] {skip, outFrames - skip};
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("pairs")
    void passbandIsFlatWithinOneHundredthOfADecibelFrom10HzTo20kHzWithZeroPhase(int inRate, int outRate) {
        SampleRateConverter src = new SampleRateConverter(inRate, outRate, PASSBAND_TONES.length, 4096);
        float[][] in = Streams.sines(inRate, (int) (SECONDS * inRate), AMPLITUDE, PASSBAND_TONES);
        float[][] out = Streams.convert(src, in, 4096);
        int[] range = steadyState(src, out[0].length);
        double worstRipple = 0;
        double worstPhase = 0;
        double worstResidual = -400;
        for (int c = 0; c < PASSBAND_TONES.length; c++) {
            Measure.Fit fit = Measure.sine(out[c], range[0], range[1], PASSBAND_TONES[c], outRate);
            double gainDb = Measure.db(fit.amplitude() / AMPLITUDE);
            double residualDb = Measure.db(fit.residualRms() / (AMPLITUDE / Math.sqrt(2)));
            assertTrue(Math.abs(gainDb) <= 0.01, String.format(Locale.ROOT,
                    "%d -> %d: %.0f Hz comes out at %+.5f dB", inRate, outRate, PASSBAND_TONES[c], gainDb));
            assertTrue(Math.abs(fit.phase()) <= 1e-6, String.format(Locale.ROOT,
                    "%d -> %d: %.0f Hz is shifted by %.2e rad", inRate, outRate, PASSBAND_TONES[c], fit.phase()));
            assertTrue(residualDb <= -120, String.format(Locale.ROOT,
                    "%d -> %d: %.0f Hz leaves %.1f dB of images and noise", inRate, outRate, PASSBAND_TONES[c],
                    residualDb));
            worstRipple = Math.max(worstRipple, Math.abs(gainDb));
            worstPhase = Math.max(worstPhase, Math.abs(fit.phase()));
            worstResidual = Math.max(worstResidual, residualDb);
        }
        System.out.printf(Locale.ROOT, "passband %6d -> %6d: taps/phase %4d, phases %3d, ripple %.2e dB,"
                + " phase %.1e rad, residual %.1f dB%n", inRate, outRate, src.tapsPerPhase(), src.phases(),
                worstRipple, worstPhase, worstResidual);
    }

    /**
     * Tones spread over the whole band between the output and the input Nyquist frequencies, and packed every 40 Hz
     * over the first kilohertz above the stopband edge, where a Kaiser design has its highest sidelobes (about one
     * sidelobe per {@code inputRate / taps} Hz, so each is sampled several times). The whole output, measured as RMS,
     * is alias.
     */
    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("downsampling")
    void tonesBetweenTheOutputAndTheInputNyquistFrequencyComeOutAtLeast120dBDown(int inRate, int outRate) {
        double edge = outRate / 2.0;
        double top = inRate / 2.0;
        List<Double> tones = new ArrayList<>();
        for (double fraction : new double[] {0.02, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99}) {
            tones.add(edge + fraction * (top - edge));
        }
        for (double delta = 5; delta < 1000; delta += 40) {
            tones.add(edge + delta);
        }
        if (inRate == 48_000 && outRate == 44_100) {
            tones.addAll(List.of(22_500.0, 23_000.0, 23_500.0, 23_900.0));
        }
        double[] f = tones.stream().mapToDouble(Double::doubleValue).toArray();
        SampleRateConverter src = new SampleRateConverter(inRate, outRate, f.length, 4096);
        float[][] in = Streams.sines(inRate, (int) (SECONDS * inRate), AMPLITUDE, f);
        float[][] out = Streams.convert(src, in, 4096);
        int[] range = steadyState(src, out[0].length);
        double worst = -400;
        double worstTone = 0;
        for (int c = 0; c < f.length; c++) {
            double level = Measure.db(Measure.rms(out[c], range[0], range[1]) / (AMPLITUDE / Math.sqrt(2)));
            assertTrue(level <= -120, String.format(Locale.ROOT, "%d -> %d: %.1f Hz aliases at %.1f dB", inRate,
                    outRate, f[c], level));
            if (level > worst) {
                worst = level;
                worstTone = f[c];
            }
        }
        System.out.printf(Locale.ROOT, "alias    %6d -> %6d: worst %.1f dB (at %.0f Hz)%n", inRate, outRate, worst,
                worstTone);
    }

    /**
     * Images of a 1 kHz and a 19 kHz tone, of a tone at 0.45 times the input rate, and of tones packed every 40 Hz
     * over the last kilohertz below the input Nyquist frequency (their images fall on the first, highest sidelobes of
     * the stopband). Everything that remains after a least-squares fit removes the tone and DC from the output is
     * counted as image (or noise), so the measured figure bounds the images from above.
     */
    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("upsampling")
    void imagesOfTonesAboveTheInputNyquistFrequencyAreAtLeast120dBDown(int inRate, int outRate) {
        List<Double> tones = new ArrayList<>(List.of(1000.0, 19_000.0, inRate * 0.45));
        for (double delta = 25; delta < 1000; delta += 40) {
            tones.add(inRate / 2.0 - delta);
        }
        double[] f = tones.stream().mapToDouble(Double::doubleValue).toArray();
        SampleRateConverter src = new SampleRateConverter(inRate, outRate, f.length, 4096);
        float[][] in = Streams.sines(inRate, (int) (SECONDS * inRate), AMPLITUDE, f);
        float[][] out = Streams.convert(src, in, 4096);
        int[] range = steadyState(src, out[0].length);
        double worst = -400;
        double worstTone = 0;
        for (int c = 0; c < f.length; c++) {
            Measure.Fit fit = Measure.sine(out[c], range[0], range[1], f[c], outRate);
            double level = Measure.db(fit.residualRms() / (AMPLITUDE / Math.sqrt(2)));
            assertTrue(level <= -120, String.format(Locale.ROOT, "%d -> %d: images of %.0f Hz at %.1f dB", inRate,
                    outRate, f[c], level));
            if (level > worst) {
                worst = level;
                worstTone = f[c];
            }
        }
        System.out.printf(Locale.ROOT, "images   %6d -> %6d: worst %.1f dB (of %.0f Hz)%n", inRate, outRate, worst,
                worstTone);
    }
}
