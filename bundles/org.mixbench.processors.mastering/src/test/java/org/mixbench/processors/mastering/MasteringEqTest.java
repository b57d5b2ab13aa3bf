package org.mixbench.processors.mastering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mixbench.processors.mastering.MasteringEqFactory.BELL;
import static org.mixbench.processors.mastering.MasteringEqFactory.HIGH_PASS;
import static org.mixbench.processors.mastering.MasteringEqFactory.HIGH_SHELF;
import static org.mixbench.processors.mastering.MasteringEqFactory.LEFT;
import static org.mixbench.processors.mastering.MasteringEqFactory.LOW_SHELF;
import static org.mixbench.processors.mastering.MasteringEqFactory.MID;
import static org.mixbench.processors.mastering.MasteringEqFactory.SIDE;
import static org.mixbench.processors.mastering.MasteringEqFactory.STEREO;
import static org.mixbench.processors.mastering.MasteringEqFactory.TILT;
import static org.mixbench.processors.mastering.MasteringEqFactory.band;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.mixbench.api.processor.AudioBlock;
import org.mixbench.api.processor.ParameterDescriptor;
import org.mixbench.api.processor.ProcessSpec;
import org.mixbench.api.processor.Processor;
import org.mixbench.api.processor.ProcessorState;
import org.mixbench.dsp.BiquadDesign;
import org.mixbench.dsp.RealFft;

class MasteringEqTest {
    private static final double RATE = 48_000;
    private static final int BLOCK = 512;
    private static final double Q = BiquadDesign.BUTTERWORTH_Q;
    private static final List<ParameterDescriptor> PARAMETERS = new MasteringEqFactory().parameters();

    /** The setting of the brief: five stereo bands of different kinds, down to a 24 dB/oct high pass at 25 Hz. */
    private static Map<String, Double> masterSetting(int phase) {
        Map<String, Double> values = new HashMap<>();
        values.putAll(band(1, LOW_SHELF, 100, 3, Q, 0, STEREO));
        values.putAll(band(2, BELL, 400, -4, 1.4, 0, STEREO));
        values.putAll(band(3, BELL, 3000, 2, 1.0, 0, STEREO));
        values.putAll(band(4, HIGH_SHELF, 10000, 2.5, Q, 0, STEREO));
        values.putAll(band(5, HIGH_PASS, 25, 0, Q, 1, STEREO));
        values.put("phase", (double) phase);
        return values;
    }

    private static Map<String, Double> with(Map<String, Double> a, Map<String, Double> b) {
        Map<String, Double> values = new HashMap<>(a);
        values.putAll(b);
        return values;
    }

    private static Processor eq(Map<String, Double> values, int channels) {
        Processor p = new MasteringEqFactory().create();
        p.restoreState(ProcessorState.of(values));
        p.prepare(new ProcessSpec(RATE, BLOCK, channels));
        return p;
    }

    private static int parameter(String id) {
        for (int i = 0; i < PARAMETERS.size(); i++) {
            if (PARAMETERS.get(i).id().equals(id)) {
                return i;
            }
        }
        throw new IllegalArgumentException(id);
    }

    /** Renders {@code audio} in place in blocks of {@link #BLOCK}; {@code events} is {frame, parameter, value}. */
    private static void run(Processor p, float[][] audio, double[]... events) {
        AudioBlock block = new AudioBlock(audio.length, BLOCK, 8);
        for (int at = 0; at < audio[0].length; at += BLOCK) {
            int n = Math.min(BLOCK, audio[0].length - at);
            for (int c = 0; c < audio.length; c++) {
                System.arraycopy(audio[c], at, block.channel(c), 0, n);
            }
            block.setFrames(n);
            block.events().clear();
            for (double[] e : events) {
                if (e[0] >= at && e[0] < at + n) {
                    block.events().add((int) e[0] - at, (int) e[1], e[2]);
                }
            }
            p.process(block);
            for (int c = 0; c < audio.length; c++) {
                System.arraycopy(block.channel(c), 0, audio[c], at, n);
            }
        }
    }

    /** Renders {@code audio} in place in blocks whose sizes cycle through {@code sizes}, with events as in run. */
    private static void runRagged(Processor p, float[][] audio, int[] sizes, double[]... events) {
        AudioBlock block = new AudioBlock(audio.length, BLOCK, 8);
        int k = 0;
        for (int at = 0; at < audio[0].length;) {
            int n = Math.min(sizes[k++ % sizes.length], audio[0].length - at);
            for (int c = 0; c < audio.length; c++) {
                System.arraycopy(audio[c], at, block.channel(c), 0, n);
            }
            block.setFrames(n);
            block.events().clear();
            for (double[] e : events) {
                if (e[0] >= at && e[0] < at + n) {
                    block.events().add((int) e[0] - at, (int) e[1], e[2]);
                }
            }
            p.process(block);
            for (int c = 0; c < audio.length; c++) {
                System.arraycopy(block.channel(c), 0, audio[c], at, n);
            }
            at += n;
        }
    }

    private static float[][] noise(int channels, int frames, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[][] out = new float[channels][frames];
        for (int i = 0; i < frames; i++) {
            for (int c = 0; c < channels; c++) {
                out[c][i] = (float) (0.5 * (random.nextDouble() - 0.5));
            }
        }
        return out;
    }

    private static float[][] copy(float[][] x) {
        float[][] y = new float[x.length][];
        for (int c = 0; c < x.length; c++) {
            y[c] = x[c].clone();
        }
        return y;
    }

    /** The response of channel 0 to a unit impulse at frame 0 on channel 0 (and on channel 1 too when stereo). */
    private static double[] impulseResponse(Processor p, int channels, int frames) {
        float[][] audio = new float[channels][frames];
        for (int c = 0; c < channels; c++) {
            audio[c][0] = 1;
        }
        run(p, audio);
        double[] h = new double[frames];
        for (int i = 0; i < frames; i++) {
            h[i] = audio[0][i];
        }
        return h;
    }

    @Test
    void linearPhaseMagnitudeMatchesMinimumPhaseWithinFiveHundredthsOfADecibelFrom20HzTo20kHz() {
        int size = 1 << 16;
        double[] minimum = impulseResponse(eq(masterSetting(0), 2), 2, size);
        double[] linear = impulseResponse(eq(masterSetting(1), 2), 2, size);
        RealFft fft = new RealFft(size);
        fft.forward(minimum);
        fft.forward(linear);
        double worst = 0;
        double worstHz = 0;
        for (int k = (int) Math.ceil(20.0 * size / RATE); k <= 20000.0 * size / RATE; k++) {
            double a = Math.hypot(minimum[2 * k], minimum[2 * k + 1]);
            double b = Math.hypot(linear[2 * k], linear[2 * k + 1]);
            double deviation = Math.abs(20 * Math.log10(b / a));
            if (deviation > worst) {
                worst = deviation;
                worstHz = k * RATE / size;
            }
        }
        System.out.printf("linear vs minimum phase: worst magnitude deviation %.5f dB at %.1f Hz%n", worst, worstHz);
        assertTrue(worst < 0.05, "worst deviation " + worst + " dB at " + worstHz + " Hz");
    }

    @Test
    void linearPhaseGroupDelayIsTheLatencyWithinHalfASampleFrom20HzTo20kHz() {
        int size = 1 << 16;
        Processor p = eq(masterSetting(1), 2);
        int latency = p.latencyFrames();
        double[] h = impulseResponse(p, 2, size);
        RealFft fft = new RealFft(size);
        fft.forward(h);
        double worst = 0;
        double previous = Double.NaN;
        int first = (int) Math.floor(20.0 * size / RATE);
        int last = (int) Math.ceil(20000.0 * size / RATE);
        for (int k = first; k <= last; k++) {
            double phase = Math.atan2(h[2 * k + 1], h[2 * k]);
            if (!Double.isNaN(previous)) {
                double step = phase - previous;
                // Unwrap, and express as a delay: tau = -d(phase)/d(omega), omega step 2 pi / size.
                step -= 2 * Math.PI * Math.rint(step / (2 * Math.PI) + latency / (double) size);
                double delay = -step * size / (2 * Math.PI);
                worst = Math.max(worst, Math.abs(delay - latency));
            }
            previous = phase;
        }
        System.out.printf("linear phase: group delay within %.2e samples of the latency %d%n", worst, latency);
        assertTrue(worst < 0.5, "group delay deviates by " + worst + " samples");
    }

    @Test
    void latencyIsHalfTheSpanAndAnImpulseComesOutSymmetricAroundIt() {
        Processor p = eq(masterSetting(1), 2);
        assertEquals(8192, p.latencyFrames());
        double[] h = impulseResponse(p, 2, 3 * 8192);
        int peak = 0;
        for (int i = 0; i < h.length; i++) {
            if (Math.abs(h[i]) > Math.abs(h[peak])) {
                peak = i;
            }
        }
        assertEquals(8192, peak);
        for (int t = 1; t < 8192; t++) {
            assertEquals(h[8192 - t], h[8192 + t], 1e-6, "taps " + t + " either side of the peak");
        }
        // Minimum phase: the same latency, the response starts at it.
        Processor m = eq(masterSetting(0), 2);
        assertEquals(8192, m.latencyFrames());
        double[] g = impulseResponse(m, 2, 9000);
        for (int i = 0; i < 8192; i++) {
            assertEquals(0.0, g[i], 0.0, "frame " + i);
        }
        assertTrue(Math.abs(g[8192]) > 0.5, "first sample of the minimum-phase response");
    }

    @Test
    void withEveryBandOffMinimumPhaseIsTheInputDelayedBitForBit() {
        Processor p = new MasteringEqFactory().create();
        p.prepare(new ProcessSpec(RATE, BLOCK, 2));
        float[][] input = noise(2, 40_000, 1);
        float[][] out = copy(input);
        run(p, out);
        int latency = p.latencyFrames();
        for (int c = 0; c < 2; c++) {
            for (int i = 0; i < out[c].length; i++) {
                float expected = i < latency ? 0f : input[c][i - latency];
                assertEquals(Float.floatToIntBits(expected), Float.floatToIntBits(out[c][i]), "channel " + c
                        + " frame " + i);
            }
        }
    }

    @Test
    void withEveryBandOffLinearPhaseIsTheInputDelayedWithinAMillionth() {
        Processor p = eq(Map.of("phase", 1.0), 2);
        float[][] input = noise(2, 40_000, 2);
        float[][] out = copy(input);
        run(p, out);
        int latency = p.latencyFrames();
        double worst = 0;
        for (int c = 0; c < 2; c++) {
            for (int i = 0; i < out[c].length; i++) {
                float expected = i < latency ? 0f : input[c][i - latency];
                worst = Math.max(worst, Math.abs(expected - out[c][i]));
            }
        }
        assertTrue(worst < 1e-6, "worst difference " + worst);
    }

    /** Max |side out - side in delayed| (or mid when {@code mid}) for a band on {@code route}. */
    private static double untouchedPart(int route, int phase, boolean mid) {
        Map<String, Double> values = with(band(1, BELL, 1000, 9, 0.7, 0, route),
                band(2, HIGH_PASS, 200, 0, Q, 3, route));
        values.put("phase", (double) phase);
        Processor p = eq(values, 2);
        float[][] input = noise(2, 30_000, 3);
        float[][] out = copy(input);
        run(p, out);
        int latency = p.latencyFrames();
        double worst = 0;
        double changed = 0;
        for (int i = latency; i < out[0].length; i++) {
            double sign = mid ? 1 : -1;
            double before = 0.5 * (input[0][i - latency] + sign * input[1][i - latency]);
            double after = 0.5 * (out[0][i] + sign * out[1][i]);
            worst = Math.max(worst, Math.abs(after - before));
            double otherBefore = 0.5 * (input[0][i - latency] - sign * input[1][i - latency]);
            double otherAfter = 0.5 * (out[0][i] - sign * out[1][i]);
            changed = Math.max(changed, Math.abs(otherAfter - otherBefore));
        }
        assertTrue(changed > 0.05, "the band did nothing to the part it is on (" + changed + ")");
        return worst;
    }

    @Test
    void aMidBandLeavesTheSideUntouchedInBothModes() {
        assertTrue(untouchedPart(MID, 0, false) < 1e-6, "minimum phase");
        assertTrue(untouchedPart(MID, 1, false) < 1e-5, "linear phase");
    }

    @Test
    void aSideBandLeavesTheMidUntouchedInBothModes() {
        assertTrue(untouchedPart(SIDE, 0, true) < 1e-6, "minimum phase");
        assertTrue(untouchedPart(SIDE, 1, true) < 1e-5, "linear phase");
    }

    @Test
    void aLeftBandLeavesTheRightChannelUntouchedInBothModes() {
        for (int phase = 0; phase <= 1; phase++) {
            Map<String, Double> values = new HashMap<>(band(1, BELL, 2000, -9, 2, 0, LEFT));
            values.put("phase", (double) phase);
            Processor p = eq(values, 2);
            float[][] input = noise(2, 30_000, 4);
            float[][] out = copy(input);
            run(p, out);
            int latency = p.latencyFrames();
            for (int i = latency; i < out[1].length; i++) {
                assertEquals(input[1][i - latency], out[1][i], 1e-5, "phase " + phase + " frame " + i);
            }
        }
    }

    @Test
    void theTiltIsMinusHalfItsGainAt20HzAndPlusHalfAt20kHzAndLinearPhaseAgrees() {
        int size = 1 << 15;
        for (int phase = 0; phase <= 1; phase++) {
            Map<String, Double> values = new HashMap<>(band(1, TILT, 1000, 6, 1, 0, STEREO));
            values.put("phase", (double) phase);
            double[] h = impulseResponse(eq(values, 2), 2, size);
            RealFft fft = new RealFft(size);
            fft.forward(h);
            int low = (int) Math.round(20.0 * size / RATE);
            int high = (int) Math.round(20000.0 * size / RATE);
            int pivot = (int) Math.round(1000.0 * size / RATE);
            double lowDb = 20 * Math.log10(Math.hypot(h[2 * low], h[2 * low + 1]));
            double highDb = 20 * Math.log10(Math.hypot(h[2 * high], h[2 * high + 1]));
            double pivotDb = 20 * Math.log10(Math.hypot(h[2 * pivot], h[2 * pivot + 1]));
            // The section's own magnitude at the measured bins; near -3 dB and +3 dB, the ends of the tilt.
            double[] section = new double[5];
            BiquadDesign.design(BiquadDesign.TILT, 1000, 6, 1, RATE, section, 0);
            double lowSine = Math.sin(Math.PI * low / size);
            double highSine = Math.sin(Math.PI * high / size);
            double lowExpected = 10 * Math.log10(BiquadDesign.magnitudeSquared(section, 0, lowSine * lowSine));
            double highExpected = 10 * Math.log10(BiquadDesign.magnitudeSquared(section, 0, highSine * highSine));
            assertEquals(-3, lowExpected, 0.1);
            assertEquals(3, highExpected, 0.3);
            assertEquals(lowExpected, lowDb, 0.01, "phase " + phase + " at 20 Hz");
            assertEquals(highExpected, highDb, 0.01, "phase " + phase + " at 20 kHz");
            assertEquals(0, pivotDb, 0.05, "phase " + phase + " at the pivot");
        }
    }

    /** The largest second difference of channel 0 from {@code from} on: a click or step stands out in it. */
    private static double roughness(float[][] audio, int from) {
        double worst = 0;
        for (int i = from + 2; i < audio[0].length; i++) {
            worst = Math.max(worst, Math.abs(audio[0][i] - 2 * audio[0][i - 1] + audio[0][i - 2]));
        }
        return worst;
    }

    private static float[][] sine(double hz, double amplitude, int frames) {
        float[][] out = new float[2][frames];
        for (int i = 0; i < frames; i++) {
            out[0][i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / RATE));
            out[1][i] = out[0][i];
        }
        return out;
    }

    @Test
    void raisingABellWhilePlayingNeverClicksInEitherMode() {
        // A 1 kHz sine of amplitude 0.25; its second difference is 0.25 (2 pi 1000 / 48000)^2 = 0.0043 at most, and
        // 0.017 at the +12 dB the bell reaches. Switching the response at once adds a step many times that.
        double bound = 1.0 * Math.pow(2 * Math.PI * 1000 / RATE, 2) * 1.1;
        for (int phase = 0; phase <= 1; phase++) {
            Map<String, Double> values = new HashMap<>(band(1, BELL, 1000, 0, 1, 0, STEREO));
            values.put("phase", (double) phase);
            Processor p = eq(values, 2);
            float[][] audio = sine(1000, 0.25, 48_000);
            run(p, audio, new double[] {15_000, parameter("band1.gain"), 12},
                    new double[] {30_000, parameter("band1.frequency"), 1200});
            double rough = roughness(audio, p.latencyFrames() + 10);
            assertTrue(rough < bound, "phase " + phase + ": second difference " + rough + " above " + bound);
            // The change arrived: the last tenth of a second is louder than the input.
            double peak = 0;
            for (int i = 38_000; i < 48_000; i++) {
                peak = Math.max(peak, Math.abs(audio[0][i]));
            }
            assertTrue(peak > 0.8, "phase " + phase + ": the bell never rose (" + peak + ")");
        }
    }

    @Test
    void switchingThePhaseModeWhilePlayingKeepsTheLatencyAndNeverClicks() {
        Map<String, Double> values = masterSetting(0);
        Processor p = eq(values, 2);
        int latency = p.latencyFrames();
        float[][] audio = sine(440, 0.25, 96_000);
        int phase = parameter("phase");
        run(p, audio, new double[] {20_000, phase, 1}, new double[] {60_000, phase, 0});
        assertEquals(latency, p.latencyFrames());
        double bound = 0.25 * Math.pow(2 * Math.PI * 440 / RATE, 2) * 1.6;
        double rough = roughness(audio, latency + 100);
        assertTrue(rough < bound, "second difference " + rough + " above " + bound);
    }

    @Test
    void automationAndPhaseSwitchesGiveTheSameOutputBitForBitWhateverTheBlockSizes() {
        double[][] events = {
            {3_000, parameter("band2.gain"), 6}, {3_001, parameter("band3.channels"), MID},
            {9_999, parameter("phase"), 1}, {20_000, parameter("band1.frequency"), 60},
            {20_000, parameter("band6.enabled"), 1}, {26_123, parameter("band4.gain"), -3},
            {41_000, parameter("phase"), 0}, {47_500, parameter("band2.type"), TILT},
            {52_000, parameter("phase"), 1}, {52_100, parameter("output"), -2}};
        float[][] input = noise(2, 70_000, 7);
        float[][] whole = copy(input);
        runRagged(eq(masterSetting(0), 2), whole, new int[] {BLOCK}, events);
        float[][] ragged = copy(input);
        runRagged(eq(masterSetting(0), 2), ragged, new int[] {1, 64, 17, 0, 511, 3, 200, 128, 512}, events);
        for (int c = 0; c < 2; c++) {
            for (int i = 0; i < input[c].length; i++) {
                assertEquals(Float.floatToIntBits(whole[c][i]), Float.floatToIntBits(ragged[c][i]),
                        "channel " + c + " frame " + i);
            }
        }
    }

    @Test
    void aMonoEqFiltersWithStereoAndMidBandsAndIgnoresSideBands() {
        Map<String, Double> values = with(band(1, BELL, 1000, 6, 1, 0, SIDE), band(2, LOW_SHELF, 100, 0, Q, 0, MID));
        Processor p = eq(values, 1);
        float[][] input = noise(1, 20_000, 5);
        float[][] out = copy(input);
        run(p, out);
        int latency = p.latencyFrames();
        for (int i = latency; i < out[0].length; i++) {
            assertEquals(input[0][i - latency], out[0][i], 1e-6, "frame " + i);
        }
        Processor mid = eq(band(1, BELL, 1000, 6, 1, 0, MID), 1);
        float[][] filtered = copy(input);
        run(mid, filtered);
        double difference = 0;
        for (int i = latency; i < out[0].length; i++) {
            difference = Math.max(difference, Math.abs(filtered[0][i] - input[0][i - latency]));
        }
        assertTrue(difference > 0.05, "the mid band did nothing to a mono signal");
    }

    @Test
    void aFreshMasteringEqIsNeutralWithEveryBandOffAndMinimumPhase() {
        Processor p = new MasteringEqFactory().create();
        Map<String, Double> state = p.saveState().parameters();
        for (int b = 1; b <= MasteringEqFactory.BANDS; b++) {
            assertEquals(0.0, state.get("band" + b + ".enabled"));
        }
        assertEquals(0.0, state.get("phase"));
        assertEquals(0.0, state.get("output"));
    }

    @Test
    void theOutputGainScalesByItsDecibels() {
        Processor p = eq(Map.of("output", -6.0), 2);
        float[][] input = noise(2, 20_000, 6);
        float[][] out = copy(input);
        run(p, out);
        int latency = p.latencyFrames();
        double g = Math.pow(10, -6 / 20.0);
        for (int i = latency; i < out[0].length; i++) {
            assertEquals(input[0][i - latency] * g, out[0][i], 1e-6, "frame " + i);
        }
    }
}
