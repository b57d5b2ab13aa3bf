package org.mixbench.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Linear phase and delay compensation: what goes in at time t comes out at time t, symmetric about it. */
class SampleRateConverterTimingTest {

    static Stream<Arguments> pairs() {
        return SampleRateConverterQualityTest.pairs();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("pairs")
    void thePolyphaseTableIsExactlySymmetric(int inRate, int outRate) {
        SampleRateConverter src = new SampleRateConverter(inRate, outRate, 1, 64);
        int up = src.phases();
        int taps = src.tapsPerPhase();
        int half = taps / 2;
        assertEquals(0, taps % 8, "taps per phase are a multiple of 8");
        assertEquals(0.0, src.coefficient(0, taps - 1), 0.0, "row 0 ends on the window's zero");
        for (int j = 0; j < taps - 1; j++) {
            if (src.coefficient(0, j) != src.coefficient(0, 2 * half - 2 - j)) {
                fail("row 0 is not symmetric about tap " + (half - 1) + " at tap " + j);
            }
        }
        for (int p = 1; p < up; p++) {
            for (int j = 0; j < taps; j++) {
                if (src.coefficient(p, j) != src.coefficient(up - p, taps - 1 - j)) {
                    fail("row " + p + " tap " + j + " differs from its mirror in row " + (up - p));
                }
            }
        }
    }

    /**
     * A unit impulse at an input frame that falls on the output grid (a multiple of {@code inRate / gcd}): the output
     * frame at that time holds the peak, and the frames around it are equal in pairs, bit for bit, because they lie
     * at times symmetric about the impulse and the filter is symmetric.
     */
    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("pairs")
    void anImpulseComesOutSymmetricAboutItsOwnTime(int inRate, int outRate) {
        SampleRateConverter src = new SampleRateConverter(inRate, outRate, 1, 777);
        int down = inRate / PolyphaseFilter.gcd(inRate, outRate);
        int up = src.phases();
        int at = 3 * down + (src.tapsPerPhase() / down + 1) * down; // on the output grid, clear of the start
        float[][] in = new float[1][at + 4 * src.tapsPerPhase() + 1000];
        in[0][at] = 0.5f;
        float[] out = Streams.convert(src, in, 777)[0];
        int centre = at / down * up;
        int peak = 0;
        for (int k = 1; k < out.length; k++) {
            if (Math.abs(out[k]) > Math.abs(out[peak])) {
                peak = k;
            }
        }
        assertEquals(centre, peak, "the peak lies at the impulse's time");
        int reach = (int) ((long) src.tapsPerPhase() * outRate / inRate / 2) + 2;
        for (int d = 1; d <= reach; d++) {
            if (out[centre + d] != out[centre - d]) {
                fail(String.format(Locale.ROOT, "asymmetric at +-%d output frames: %.9g vs %.9g", d,
                        out[centre + d], out[centre - d]));
            }
        }
        assertEquals(0f, out[centre + reach + 5], "the response ends with the filter");
    }

    /**
     * A band-limited click (a Gaussian of 50 microseconds, whose spectrum is below -170 dB from 20 kHz on) centred
     * between two input frames comes out as the same Gaussian sampled at the output times: within 1e-5 of full scale
     * everywhere, which leaves no room for a delay of even a thousandth of a frame.
     */
    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("pairs")
    void aBandLimitedClickComesOutCentredAtTheTimeItWentIn(int inRate, int outRate) {
        double sigma = 50e-6;
        double centre = 0.0123456789;
        int frames = (int) (0.03 * inRate);
        float[][] in = new float[1][frames];
        for (int i = 0; i < frames; i++) {
            in[0][i] = (float) gaussian((double) i / inRate, centre, sigma);
        }
        SampleRateConverter src = new SampleRateConverter(inRate, outRate, 1, 500);
        float[] out = Streams.convert(src, in, 500)[0];
        double worst = 0;
        double moment = 0;
        double energy = 0;
        for (int k = 0; k < out.length; k++) {
            double t = (double) k / outRate;
            worst = Math.max(worst, Math.abs(out[k] - gaussian(t, centre, sigma)));
            moment += t * out[k] * out[k];
            energy += (double) out[k] * out[k];
        }
        assertTrue(worst < 1e-5, String.format(Locale.ROOT, "%d -> %d: the click differs by %.2e from the same"
                + " click at the same time", inRate, outRate, worst));
        double centroid = moment / energy;
        assertEquals(centre, centroid, 1e-9, "centre of the click's energy, in seconds");
    }

    private static double gaussian(double t, double centre, double sigma) {
        double x = (t - centre) / sigma;
        return 0.9 * Math.exp(-0.5 * x * x);
    }
}
