package org.mixbench.processors.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mixbench.api.processor.AudioBlock;
import org.mixbench.api.processor.Processor;

class DelayProcessorTest {
    private final DelayFactory factory = new DelayFactory();

    /** Wet only, no feedback, filters wide open, plus {@code more}. */
    private static Map<String, Double> wet(Map<String, Double> more) {
        Map<String, Double> values = new HashMap<>(Map.of("mix", 100.0, "feedback", 0.0, "lowcut", 20.0,
                "highcut", 20000.0));
        values.putAll(more);
        return values;
    }

    @Test
    void anImpulseThroughA250MsDelayComesOutAtExactlyFrame12000() {
        Processor p = Bench.prepared(factory, 2, wet(Map.of("time", 250.0)));
        float[][] out = Bench.render(p, Bench.impulse(2, 20_000));
        for (float[] channel : out) {
            assertEquals(12_000, Bench.firstAbove(channel, 0), "first non-zero frame");
            assertEquals(1.0, channel[12_000], 1e-6, "the echo has unit gain");
            assertEquals(0.0, channel[12_001], 0.0, "and no smear after it");
        }
    }

    @Test
    void aQuarterNoteAt120BpmDelaysBy24000FramesAndFollowsTheTempo() {
        Map<String, Double> values = wet(Map.of("sync", 1.0, "note", (double) DelayFactory.QUARTER));
        float[][] at120 = Bench.render(Bench.prepared(factory, 1, values), Bench.impulse(1, 30_000), 120);
        assertEquals(24_000, Bench.firstAbove(at120[0], 0));
        float[][] at100 = Bench.render(Bench.prepared(factory, 1, values), Bench.impulse(1, 30_000), 100);
        assertEquals(28_800, Bench.firstAbove(at100[0], 0), "600 ms at 100 bpm");
        Map<String, Double> dottedEighth = wet(Map.of("sync", 1.0, "note", 5.0));
        float[][] dotted = Bench.render(Bench.prepared(factory, 1, dottedEighth), Bench.impulse(1, 30_000), 120);
        assertEquals(18_000, Bench.firstAbove(dotted[0], 0), "a dotted eighth at 120 bpm is 375 ms");
    }

    @Test
    void fiftyPercentFeedbackMakesEachEchoSixDecibelsLower() {
        Processor p = Bench.prepared(factory, 1, wet(Map.of("time", 100.0, "feedback", 50.0)));
        // A 20 ms burst of 1 kHz (exactly 20 cycles); each echo is measured by its energy.
        float[][] input = new float[1][48_000];
        for (int i = 0; i < 960; i++) {
            input[0][i] = (float) (0.5 * Math.sin(2 * Math.PI * 1000 * i / Bench.RATE));
        }
        float[] out = Bench.render(p, input)[0];
        double previous = Double.NaN;
        for (int k = 1; k <= 5; k++) {
            double level = 10 * Math.log10(Bench.energy(out, k * 4800 - 200, k * 4800 + 1400));
            if (k > 1) {
                assertEquals(-6.0206, level - previous, 0.05, "echo " + k + " against echo " + (k - 1));
            }
            previous = level;
        }
    }

    @Test
    void pingPongAlternatesEchoesBetweenLeftAndRight() {
        Processor p = Bench.prepared(factory, 2, wet(Map.of("time", 100.0, "feedback", 50.0, "pingpong", 1.0)));
        float[][] out = Bench.render(p, Bench.impulse(2, 30_000));
        for (int k = 1; k <= 5; k++) {
            int from = k * 4800 - 10;
            int to = k * 4800 + 400;
            double left = Bench.energy(out[0], from, to);
            double right = Bench.energy(out[1], from, to);
            if (k % 2 == 1) {
                assertTrue(left > 1e6 * right, "echo " + k + " is on the left: L " + left + " R " + right);
            } else {
                assertTrue(right > 1e6 * left, "echo " + k + " is on the right: L " + left + " R " + right);
            }
        }
        assertEquals(1.0, out[0][4800], 1e-6, "the first echo is the mono sum at unit gain");
        assertEquals(0.0, out[1][4800], 0.0);
    }

    @Test
    void aTimeChangeGlidesWithoutAJump() {
        Processor p = Bench.prepared(factory, 1, wet(Map.of("time", 250.0)));
        float[][] input = Bench.sine(1, 48_000, 440, 0.5);
        AudioBlock block = new AudioBlock(1, Bench.BLOCK, 4);
        double steepest = 0;
        float last = 0;
        for (int pos = 0; pos < 48_000; pos += Bench.BLOCK) {
            int n = Math.min(Bench.BLOCK, 48_000 - pos);
            System.arraycopy(input[0], pos, block.channel(0), 0, n);
            block.setFrames(n);
            block.events().clear();
            if (pos == 24_064) {
                block.events().add(100, DelayFactory.TIME, 310);
            }
            p.process(block);
            for (int i = 0; i < n; i++) {
                float v = block.channel(0)[i];
                if (pos + i > 12_001) {
                    steepest = Math.max(steepest, Math.abs(v - last));
                }
                last = v;
            }
        }
        // The steady sine moves by at most 2 pi 440 / 48000 * 0.5 = 0.029 per frame; a jump in the read position
        // would move it by up to 1.
        assertTrue(steepest < 0.04, "largest step " + steepest);
    }

    @Test
    void theReportedTailCoversTheFeedbackDecayTo90Decibels() {
        Processor p = Bench.prepared(factory, 1, wet(Map.of("time", 50.0, "feedback", 70.0)));
        int tail = p.tailFrames();
        float[][] out = Bench.render(p, Bench.impulse(1, tail + 48_000));
        double first = Math.abs(out[0][2400]);
        double after = 0;
        for (int i = tail; i < out[0].length; i++) {
            after = Math.max(after, Math.abs(out[0][i]));
        }
        assertTrue(Bench.db(after / first) < -90, "after the tail: " + Bench.db(after / first) + " dB");
        double before = 0;
        for (int i = tail - 4800; i < tail; i++) {
            before = Math.max(before, Math.abs(out[0][i]));
        }
        assertTrue(Bench.db(before / first) > -100, "the tail is not grossly long: " + Bench.db(before / first));
    }

    @Test
    void zeroMixPassesTheDryInputUnchanged() {
        Processor p = Bench.prepared(factory, 2, Map.of("mix", 0.0, "feedback", 80.0));
        float[][] input = Bench.sine(2, 20_000, 997, 0.3);
        float[][] out = Bench.render(p, input);
        for (int c = 0; c < 2; c++) {
            for (int i = 0; i < input[c].length; i++) {
                assertEquals(input[c][i], out[c][i], 1e-7);
            }
        }
    }
}
