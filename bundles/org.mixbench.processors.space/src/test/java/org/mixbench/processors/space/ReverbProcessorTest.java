package org.mixbench.processors.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mixbench.api.processor.Processor;
import org.mixbench.dsp.Biquad;

class ReverbProcessorTest {
    private final ReverbFactory factory = new ReverbFactory();

    /** Wet only, no pre-delay, plus {@code more}. */
    private static Map<String, Double> wet(Map<String, Double> more) {
        Map<String, Double> values = new HashMap<>(Map.of("mix", 100.0, "predelay", 0.0));
        values.putAll(more);
        return values;
    }

    private float[][] impulseResponse(Map<String, Double> values, int frames) {
        return Bench.render(Bench.prepared(factory, 2, values), Bench.impulse(2, frames));
    }

    /**
     * RT60 from the energy decay curve (Schroeder backward integration of L + R), by a least-squares line through
     * the curve from -5 to -35 dB (T30), extrapolated to 60 dB.
     */
    static double rt60(float[][] ir) {
        int n = ir[0].length;
        double[] edc = new double[n];
        double sum = 0;
        for (int i = n - 1; i >= 0; i--) {
            for (float[] channel : ir) {
                sum += (double) channel[i] * channel[i];
            }
            edc[i] = sum;
        }
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        int count = 0;
        for (int i = 0; i < n; i++) {
            double db = 10 * Math.log10(edc[i] / edc[0]);
            if (db <= -5 && db >= -35) {
                double t = i / Bench.RATE;
                sx += t;
                sy += db;
                sxx += t * t;
                sxy += t * db;
                count++;
            }
        }
        double slope = (count * sxy - sx * sy) / (count * sxx - sx * sx);
        return -60 / slope;
    }

    /** The impulse response filtered to the 1 kHz octave band (707 to 1414 Hz, 12 dB/oct each side). */
    static float[][] octaveAt1k(float[][] ir) {
        float[][] band = new float[ir.length][];
        for (int c = 0; c < ir.length; c++) {
            Biquad high = new Biquad();
            high.highPass(Bench.RATE, 707);
            Biquad low = new Biquad();
            low.lowPass(Bench.RATE, 1414);
            band[c] = new float[ir[c].length];
            for (int i = 0; i < ir[c].length; i++) {
                band[c][i] = (float) low.process(high.process(ir[c][i]));
            }
        }
        return band;
    }

    /** Broadband without damping, and in the 1 kHz octave (the mid-band RT60 of acoustics) with damping. */
    private void assertDecay(double seconds) {
        int frames = (int) (Bench.RATE * seconds * 2.5);
        float[][] undamped = impulseResponse(wet(Map.of("decay", seconds, "damping", 0.0)), frames);
        assertEquals(seconds, rt60(undamped), 0.1 * seconds, "broadband RT60 without damping");
        for (double damping : new double[] {40, 70}) {
            float[][] damped = impulseResponse(wet(Map.of("decay", seconds, "damping", damping)), frames);
            assertEquals(seconds, rt60(octaveAt1k(damped)), 0.1 * seconds, "1 kHz RT60 at damping " + damping);
        }
    }

    @Test
    void theMeasuredRt60IsWithinTenPercentOfOneSecond() {
        assertDecay(1);
    }

    @Test
    void theMeasuredRt60IsWithinTenPercentOfThreeSeconds() {
        assertDecay(3);
    }

    @Test
    void theLateTailIsDenseWithoutPeriodicRinging() {
        double decay = 2;
        float[] tail = impulseResponse(wet(Map.of("decay", decay, "size", 60.0)), 48_000)[0];
        // Undo the exponential decay over 0.3 .. 0.8 s so every part of the window weighs alike.
        int from = 14_400;
        int length = 24_000;
        double[] x = new double[length];
        for (int i = 0; i < length; i++) {
            x[i] = tail[from + i] * Math.pow(10, 3 * (from + i) / (decay * Bench.RATE));
        }
        double zero = 0;
        for (double v : x) {
            zero += v * v;
        }
        double worst = 0;
        int worstLag = 0;
        for (int lag = 48; lag < 9600; lag++) {
            double r = 0;
            for (int i = 0; i + lag < length; i++) {
                r += x[i] * x[i + lag];
            }
            if (Math.abs(r / zero) > worst) {
                worst = Math.abs(r / zero);
                worstLag = lag;
            }
        }
        assertTrue(worst < 0.3, "autocorrelation " + worst + " at lag " + worstLag);
    }

    @Test
    void theWetTailsAreDecorrelatedAtFullWidthAndIdenticalAtZeroWidth() {
        float[][] wide = impulseResponse(wet(Map.of("decay", 2.0, "width", 100.0)), 48_000);
        assertTrue(Math.abs(correlation(wide, 2400, 48_000)) < 0.5, "correlation at full width "
                + correlation(wide, 2400, 48_000));
        float[][] narrow = impulseResponse(wet(Map.of("decay", 2.0, "width", 0.0)), 48_000);
        assertEquals(1.0, correlation(narrow, 2400, 48_000), 1e-6);
    }

    @Test
    void aMonoSourceGivesDecorrelatedTailsToo() {
        float[][] input = new float[2][48_000];
        input[0][0] = 1;
        input[1][0] = 1;
        float[][] out = Bench.render(Bench.prepared(factory, 2, wet(Map.of("decay", 2.0))), input);
        assertTrue(Math.abs(correlation(out, 2400, 48_000)) < 0.5, "correlation " + correlation(out, 2400, 48_000));
    }

    private static double correlation(float[][] x, int from, int to) {
        double lr = 0;
        double ll = 0;
        double rr = 0;
        for (int i = from; i < to; i++) {
            lr += (double) x[0][i] * x[1][i];
            ll += (double) x[0][i] * x[0][i];
            rr += (double) x[1][i] * x[1][i];
        }
        return lr / Math.sqrt(ll * rr);
    }

    @Test
    void theFirstWetSampleArrivesExactlyAfterThePreDelay() {
        float[][] out = impulseResponse(wet(Map.of("predelay", 50.0)), 4800);
        for (float[] channel : out) {
            assertEquals(2400, Bench.firstAbove(channel, 0), "50 ms at 48 kHz");
        }
        float[][] none = impulseResponse(wet(Map.of("predelay", 0.0)), 4800);
        assertNotEquals(0.0f, none[0][0], "no pre-delay: the wet signal starts at once");
    }

    @Test
    void dampingMakesHighFrequenciesDecayFaster() {
        double bright = brightnessOfLateTail(0);
        double dark = brightnessOfLateTail(100);
        assertTrue(dark < 0.3 * bright, "late-tail brightness: undamped " + bright + ", damped " + dark);
    }

    /** Energy of the first difference over energy: a rough measure of high-frequency content. */
    private double brightnessOfLateTail(double damping) {
        float[] x = impulseResponse(wet(Map.of("decay", 2.0, "damping", damping)), 48_000)[0];
        double diff = 0;
        double all = 0;
        for (int i = 24_000; i < 48_000; i++) {
            diff += (x[i] - x[i - 1]) * (x[i] - x[i - 1]);
            all += x[i] * x[i];
        }
        return diff / all;
    }

    @Test
    void theReportedTailCoversTheDecayTo90Decibels() {
        Processor p = Bench.prepared(factory, 2, wet(Map.of("decay", 0.5, "predelay", 20.0)));
        int tail = p.tailFrames();
        float[][] out = Bench.render(p, Bench.impulse(2, tail + 24_000));
        double peak = 0;
        for (int i = 0; i < 4800; i++) {
            peak = Math.max(peak, Math.abs(out[0][i]));
        }
        double after = 0;
        for (int i = tail; i < out[0].length; i++) {
            after = Math.max(after, Math.abs(out[0][i]));
        }
        assertTrue(Bench.db(after / peak) < -90, "after the tail: " + Bench.db(after / peak) + " dB");
    }
}
