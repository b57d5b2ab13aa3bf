package org.mixbench.processors.limiter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mixbench.api.processor.AudioBlock;
import org.mixbench.testkit.Signals;

/** What an engineer relies on: the delay, transparency below the ceiling, distortion, release, linking, smoothing. */
class LimiterBehaviourTest {
    private static final double RATE = 48_000;

    @BeforeAll
    static void clearReports() {
        Rig.clearReports("latency", "thd+n", "release");
    }

    private static double target(double ceilingDb) {
        return ceilingDb - LimiterProcessor.SAFETY_DB;
    }

    @ParameterizedTest(name = "{0} Hz")
    @ValueSource(ints = {44_100, 48_000, 88_200, 96_000, 192_000})
    void theReportedLatencyIsTheDelayOfAnImpulse(int rate) {
        LimiterProcessor p = Rig.limiter(rate, 2, Map.of());
        int latency = p.latencyFrames();
        float[][] x = new float[2][rate / 10];
        x[0][1000] = 0.25f;
        x[1][1000] = -0.125f;
        float[][] y = Rig.renderWithTail(p, x);
        for (int c = 0; c < 2; c++) {
            for (int i = 0; i < y[c].length; i++) {
                float expected = i == 1000 + latency ? x[c][1000] : 0f;
                if (y[c][i] != expected) {
                    fail("channel " + c + " frame " + i + ": " + y[c][i] + " where " + expected + " was due");
                }
            }
        }
        assertEquals(latency, p.latencyFrames(), "latency is constant after prepare");
        double ms = 1000.0 * latency / rate;
        assertTrue(ms >= 1.5 && ms <= 5, "look-ahead " + ms + " ms");
        Rig.report("latency", "%6d Hz: latency %d frames = %.3f ms, detection oversampled %dx", rate, latency, ms,
                p.oversampling());
    }

    @Test
    void belowTheCeilingTheOutputIsTheInputDelayedBitForBit() {
        float[][] x = Signals.program(2, (int) RATE * 2, RATE, 21);
        Materials.normalise(x, -3);
        assertTrue(Rig.truePeakDbtp(x, RATE, 0) < target(-1) - 0.5, "the material stays under the ceiling");
        LimiterProcessor p = Rig.limiter(RATE, 2, Map.of());
        int latency = p.latencyFrames();
        float[][] y = Rig.renderWithTail(p, x);
        for (int c = 0; c < 2; c++) {
            for (int i = 0; i < y[c].length; i++) {
                float expected = i < latency ? 0f : x[c][i - latency];
                if (y[c][i] != expected) {
                    fail("channel " + c + " frame " + i + ": " + y[c][i] + " instead of " + expected);
                }
            }
        }
        assertEquals(0.0, p.gainReductionDb(0), "no reduction");
    }

    @Test
    void belowTheCeilingANegativeGainIsAPureGainWithinFloatPrecision() {
        float[][] x = Signals.program(2, (int) RATE, RATE, 22);
        Materials.normalise(x, 0);
        LimiterProcessor p = Rig.limiter(RATE, 2, Map.of("gain", -6.0));
        int latency = p.latencyFrames();
        float[][] y = Rig.renderWithTail(p, x);
        double g = Rig.amplitude(-6);
        for (int c = 0; c < 2; c++) {
            for (int i = latency; i < y[c].length; i++) {
                double expected = x[c][i - latency] * g;
                assertEquals(expected, y[c][i], 1e-7 + 1e-6 * Math.abs(expected), "frame " + i);
            }
        }
    }

    /** THD+N of the last second of {@code y}: everything but the fitted sine at {@code f}, relative to the sine. */
    private static double thdPlusNoise(float[] y, int from, int to, double f, double rate) {
        // least-squares fit of a sin + b cos + c, by the normal equations
        double[][] m = new double[3][3];
        double[] v = new double[3];
        for (int i = from; i < to; i++) {
            double w = 2 * Math.PI * f * i / rate;
            double[] basis = {Math.sin(w), Math.cos(w), 1};
            for (int r = 0; r < 3; r++) {
                v[r] += basis[r] * y[i];
                for (int k = 0; k < 3; k++) {
                    m[r][k] += basis[r] * basis[k];
                }
            }
        }
        double[] a = solve(m, v);
        double residual = 0;
        double fundamental = 0;
        for (int i = from; i < to; i++) {
            double w = 2 * Math.PI * f * i / rate;
            double fit = a[0] * Math.sin(w) + a[1] * Math.cos(w);
            residual += Math.pow(y[i] - fit - a[2], 2);
            fundamental += fit * fit;
        }
        return Math.sqrt(residual / fundamental);
    }

    private static double[] solve(double[][] m, double[] v) {
        int n = v.length;
        for (int col = 0; col < n; col++) {
            for (int row = col + 1; row < n; row++) {
                double factor = m[row][col] / m[col][col];
                for (int k = col; k < n; k++) {
                    m[row][k] -= factor * m[col][k];
                }
                v[row] -= factor * v[col];
            }
        }
        double[] x = new double[n];
        for (int row = n - 1; row >= 0; row--) {
            double s = v[row];
            for (int k = row + 1; k < n; k++) {
                s -= m[row][k] * x[k];
            }
            x[row] = s / m[row][row];
        }
        return x;
    }

    /**
     * A steady sine reduced by 6 dB: its crests come faster than the hold lets go, so the gain stays constant and
     * the limiter adds next to nothing; what remains is the few thousandths of a dB by which the detected crest moves
     * from cycle to cycle (a meter's interpolator reads a crest between two samples a little differently from one on
     * a sample), smoothed by the hold. The bound, -90 dB (0.003 %), sits far below audibility and below the best
     * converters, and it fails as soon as the gain ripples once per cycle by +-0.0005 dB (a release acting between the
     * crests gives -40 to -60 dB). 1 kHz at 48 kHz repeats every 48 samples exactly; 997 Hz does not, so its crests
     * fall at every point between the samples; 50 Hz is the lowest tone the hold covers.
     */
    @ParameterizedTest(name = "{0} Hz at {1} Hz")
    @CsvSource({"1000, 48000", "997, 48000", "997, 44100", "100, 48000", "50, 48000", "5000, 48000"})
    void aSineReducedBySixDecibelsHasThdPlusNoiseBelowMinus90Db(double frequency, int rate) {
        double amplitude = Rig.amplitude(target(-1) + 6);
        float[][] x = new float[1][2 * rate];
        for (int i = 0; i < x[0].length; i++) {
            x[0][i] = (float) (amplitude * Math.sin(2 * Math.PI * frequency * i / rate));
        }
        LimiterProcessor p = Rig.limiter(rate, 1, Map.of());
        float[][] y = Rig.renderWithTail(p, x);
        int end = x[0].length;
        double thdN = thdPlusNoise(y[0], end - rate, end, frequency, rate);
        double db = Rig.db(thdN);
        Rig.report("thd+n", "%6.0f Hz sine at %d Hz, 6 dB reduction: THD+N %.1f dB (%.5f %%), meter %.3f dB",
                frequency, rate, db, 100 * thdN, p.gainReductionDb(0));
        assertEquals(6.0, p.gainReductionDb(0), 0.05, "the meter reads the reduction of the last block");
        assertTrue(db < -90, "THD+N " + db + " dB");
    }

    /** Gain reduction per 1 ms block while {@code x} (mono) goes through a limiter with {@code values}. */
    private static double[] reductionPerMillisecond(float[] x, Map<String, Double> values) {
        LimiterProcessor p = Rig.limiter(RATE, 1, values);
        int block = (int) RATE / 1000;
        double[] reduction = new double[x.length / block];
        AudioBlock b = new AudioBlock(1, block, 1);
        for (int k = 0; k < reduction.length; k++) {
            System.arraycopy(x, k * block, b.channel(0), 0, block);
            b.setFrames(block);
            p.process(b);
            reduction[k] = p.gainReductionDb(0);
        }
        return reduction;
    }

    /** Milliseconds from {@code fromMs} until the reduction is under 1 dB for good. */
    private static int recoveryMs(double[] reduction, int fromMs) {
        int last = fromMs;
        for (int k = fromMs; k < reduction.length; k++) {
            if (reduction[k] >= 1) {
                last = k + 1;
            }
        }
        assertTrue(last < reduction.length - 10, "the gain never recovered");
        return last - fromMs;
    }

    /**
     * When a 12 dB reduction released exponentially with time constant {@code tauMs} falls under 1 dB, counted from
     * the end of the loud input: the look-ahead delay and the hold, then {@code tauMs * ln 12}.
     */
    private static double predictedRecoveryMs(double tauMs) {
        double lookAheadMs = 1000.0 * Rig.limiter(RATE, 1, Map.of()).latencyFrames() / RATE;
        return lookAheadMs + 1000 * LimiterProcessor.HOLD_SECONDS + tauMs * Math.log(12);
    }

    /** A 1 kHz burst that needs 12 dB of reduction, {@code burstMs} long after 100 ms of silence, 4 s in all. */
    private static float[] burst(int burstMs) {
        float[] x = new float[(int) RATE * 4];
        double amplitude = Rig.amplitude(target(-1) + 12);
        int start = (int) RATE / 10;
        int end = start + burstMs * (int) RATE / 1000;
        for (int i = start; i < end; i++) {
            x[i] = (float) (amplitude * Math.sin(2 * Math.PI * 1000 * (i - start) / RATE));
        }
        return x;
    }

    private static final int BURST_END_SPIKE = 100 + 5;
    private static final int BURST_END_SUSTAINED = 100 + 2000;

    @Test
    void afterASingleTransientTheGainRecoversWithinAFewHundredMilliseconds() {
        double[] spike = reductionPerMillisecond(burst(5), Map.of());
        double peak = 0;
        for (double r : spike) {
            peak = Math.max(peak, r);
        }
        assertEquals(12, peak, 0.2, "the transient needed 12 dB");
        int ms = recoveryMs(spike, BURST_END_SPIKE);
        Rig.report("release", "isolated 5 ms spike, 12 dB, release 100 ms, auto: under 1 dB after %d ms", ms);
        assertTrue(ms < 300, "recovered after " + ms + " ms");
        // auto release: the fast stage's time constant is half the 100 ms release
        assertEquals(predictedRecoveryMs(50), ms, 5, "the fast stage's time constant is half the release");
    }

    @Test
    void withAutoReleaseASustainedLoudPassageReleasesMoreSlowlyThanAnIsolatedSpike() {
        int spike = recoveryMs(reductionPerMillisecond(burst(5), Map.of()), BURST_END_SPIKE);
        int sustained = recoveryMs(reductionPerMillisecond(burst(2000), Map.of()), BURST_END_SUSTAINED);
        Rig.report("release", "auto release, 100 ms: spike recovers in %d ms, 2 s of limiting in %d ms", spike,
                sustained);
        assertTrue(sustained > 3 * spike, "sustained " + sustained + " ms against spike " + spike + " ms");
        // the slow stage recovers with 5 x 100 ms, from at most the full 12 dB
        assertTrue(sustained < predictedRecoveryMs(500), "sustained " + sustained + " ms");
    }

    @Test
    void withoutAutoReleaseTheReleaseIsTheSameAfterASpikeAndAfterASustainedPassage() {
        Map<String, Double> manual = Map.of("auto_release", 0.0);
        int spike = recoveryMs(reductionPerMillisecond(burst(5), manual), BURST_END_SPIKE);
        int sustained = recoveryMs(reductionPerMillisecond(burst(2000), manual), BURST_END_SUSTAINED);
        Rig.report("release", "manual release, 100 ms: spike recovers in %d ms, 2 s of limiting in %d ms", spike,
                sustained);
        // one stage whose time constant is the release
        assertEquals(predictedRecoveryMs(100), spike, 5);
        assertEquals(spike, sustained, 5);
    }

    @Test
    void theReleaseParameterScalesTheRecovery() {
        int fast = recoveryMs(reductionPerMillisecond(burst(5), Map.of("auto_release", 0.0, "release", 20.0)),
                BURST_END_SPIKE);
        int slow = recoveryMs(reductionPerMillisecond(burst(5), Map.of("auto_release", 0.0, "release", 400.0)),
                BURST_END_SPIKE);
        assertEquals(predictedRecoveryMs(20), fast, 5);
        assertEquals(predictedRecoveryMs(400), slow, 5);
    }

    /** Left: 1 kHz bursts 10 dB over the ceiling; right: a steady quiet 440 Hz tone. */
    private static float[][] loudLeftQuietRight() {
        int frames = (int) RATE * 2;
        float[][] x = new float[2][frames];
        double loud = Rig.amplitude(target(-1) + 10);
        for (int i = 0; i < frames; i++) {
            x[0][i] = (float) (i > frames / 4 ? loud * Math.sin(2 * Math.PI * 1000 * i / RATE) : 0);
            x[1][i] = (float) (0.1 * Math.sin(2 * Math.PI * 440 * i / RATE));
        }
        return x;
    }

    /** The right channel's reduction, dB, over the last half second: its output against its delayed input. */
    private static double rightReductionDb(Map<String, Double> values) {
        float[][] x = loudLeftQuietRight();
        LimiterProcessor p = Rig.limiter(RATE, 2, values);
        float[][] y = Rig.renderWithTail(p, x);
        int latency = p.latencyFrames();
        double in = 0;
        double out = 0;
        for (int i = x[1].length - (int) RATE / 2; i < x[1].length; i++) {
            in += x[1][i] * (double) x[1][i];
            out += y[1][i + latency] * (double) y[1][i + latency];
        }
        return -10 * Math.log10(out / in);
    }

    @Test
    void linkedChannelsShareOneGainSoTheImageDoesNotMove() {
        assertEquals(10, rightReductionDb(Map.of()), 0.1, "100 % link: the quiet side follows the loud one");
    }

    @Test
    void unlinkedChannelsAreLimitedIndependently() {
        assertEquals(0, rightReductionDb(Map.of("link", 0.0)), 1e-9, "0 % link: the quiet side is untouched");
        assertEquals(5, rightReductionDb(Map.of("link", 50.0)), 0.1, "50 % link: half the loud side's reduction");
    }

    @Test
    void sixChannelsAreLinkedAndKeptUnderTheCeiling() {
        int frames = (int) RATE;
        float[][] x = new float[6][frames];
        for (int c = 0; c < 6; c++) {
            double amplitude = c == 3 ? Rig.amplitude(target(-1) + 8) : 0.1;
            for (int i = 0; i < frames; i++) {
                x[c][i] = (float) (amplitude * Math.sin(2 * Math.PI * (200 + 100 * c) * i / RATE));
            }
        }
        LimiterProcessor p = Rig.limiter(RATE, 6, Map.of());
        float[][] y = Rig.renderWithTail(p, x);
        int latency = p.latencyFrames();
        assertTrue(Rig.truePeakDbtp(y, RATE, 0) <= -1.0);
        for (int c = 0; c < 6; c++) {
            double in = 0;
            double out = 0;
            for (int i = frames / 2; i < frames; i++) {
                in += x[c][i] * (double) x[c][i];
                out += y[c][i + latency] * (double) y[c][i + latency];
            }
            assertEquals(8, -10 * Math.log10(out / in), 0.1, "channel " + c + " follows the loudest");
        }
    }

    @Test
    void aGainChangeRampsOverTwentyMillisecondsWithoutAStep() {
        LimiterProcessor p = Rig.limiter(RATE, 1, Map.of());
        int frames = (int) RATE / 5;
        int at = 4_800 + 100;
        float[] y = new float[frames];
        AudioBlock block = new AudioBlock(1, Rig.BLOCK, 4);
        for (int pos = 0; pos < frames; pos += Rig.BLOCK) {
            int n = Math.min(Rig.BLOCK, frames - pos);
            java.util.Arrays.fill(block.channel(0), 0, n, 0.01f);
            block.setFrames(n);
            block.events().clear();
            if (at >= pos && at < pos + n) {
                block.events().add(at - pos, LimiterFactory.GAIN, 12.0);
            }
            p.process(block);
            System.arraycopy(block.channel(0), 0, y, pos, n);
        }
        int latency = p.latencyFrames();
        int ramp = (int) (0.020 * RATE);
        double high = 0.01 * Rig.amplitude(12);
        double stepDb = 12.0 / ramp;
        for (int i = latency; i < frames; i++) {
            if (i < at + latency) {
                assertEquals(0.01f, y[i], "before the change, frame " + i);
            } else if (i >= at + latency + ramp) {
                assertEquals(high, y[i], high * 1e-6, "after the ramp, frame " + i);
            } else {
                double step = Rig.db(y[i] / (double) y[i - 1]);
                assertTrue(step > 0 && step < 1.01 * stepDb, "frame " + i + " moves " + step + " dB");
            }
        }
    }

    /**
     * Loud pink noise, then a quiet stretch (26 dB down), then loud again from the frame where the ceiling drops from
     * -1 to -6 dBTP: what arrived before the change leaves at -1 dBTP, everything that arrives from it on at -6.
     */
    @Test
    void aLoweredCeilingAppliesToEverythingThatArrivesFromItsFrameOn() {
        float[][] x = Materials.pinkNoise(RATE, 3, 31);
        int at = (int) RATE + 77;
        for (int c = 0; c < 2; c++) {
            for (int i = (int) RATE / 2; i < at; i++) {
                x[c][i] *= 0.05f;
            }
        }
        LimiterProcessor p = Rig.limiter(RATE, 2, Map.of("gain", 12.0));
        int latency = p.latencyFrames();
        float[][] y = Signals.copy(x);
        AudioBlock block = new AudioBlock(2, Rig.BLOCK, 4);
        for (int pos = 0; pos < x[0].length; pos += Rig.BLOCK) {
            int n = Math.min(Rig.BLOCK, x[0].length - pos);
            for (int c = 0; c < 2; c++) {
                System.arraycopy(y[c], pos, block.channel(c), 0, n);
            }
            block.setFrames(n);
            block.events().clear();
            if (at >= pos && at < pos + n) {
                block.events().add(at - pos, LimiterFactory.CEILING, -6.0);
            }
            p.process(block);
            for (int c = 0; c < 2; c++) {
                System.arraycopy(block.channel(c), 0, y[c], pos, n);
            }
        }
        float[][] before = new float[2][];
        for (int c = 0; c < 2; c++) {
            before[c] = java.util.Arrays.copyOf(y[c], at + latency);
        }
        double early = Rig.truePeakDbtp(before, RATE, 0);
        double late = Rig.truePeakDbtp(y, RATE, (int) RATE * 3 / 4);
        assertTrue(early <= -1.0 && early > -1.5, "before: " + early);
        assertTrue(late <= -6.0 && late > -6.5, "after: " + late);
        assertEquals(0, p.clampedSamples(), "the gain, not the clamp, followed the ceiling");
    }

    @Test
    void aNonFiniteInputSampleBecomesSilenceAndTheLimiterCarriesOn() {
        float[][] x = Materials.pinkNoise(RATE, 1, 41);
        x[0][1000] = Float.NaN;
        x[1][2000] = Float.POSITIVE_INFINITY;
        x[0][3000] = Float.MAX_VALUE; // finite, but infinite once driven
        LimiterProcessor p = Rig.limiter(RATE, 2, Map.of("gain", 6.0));
        int latency = p.latencyFrames();
        float[][] y = Rig.renderWithTail(p, x);
        assertEquals(0f, y[0][1000 + latency]);
        assertEquals(0f, y[1][2000 + latency]);
        assertEquals(0f, y[0][3000 + latency]);
        for (float[] channel : y) {
            for (float v : channel) {
                assertTrue(Float.isFinite(v));
            }
        }
        double late = Rig.truePeakDbtp(y, RATE, (int) RATE / 2);
        assertTrue(late <= -1.0 && late > -1.5, "still limiting normally half a second on: " + late);
    }

    @Test
    void theMeterIsOneStageNamedLimiter() {
        LimiterProcessor p = Rig.limiter(RATE, 2, new HashMap<>());
        assertEquals(1, p.gainReductionMeters());
        assertEquals("Limiter", p.gainReductionMeterName(0));
        assertEquals(0.0, p.gainReductionDb(0));
    }
}
