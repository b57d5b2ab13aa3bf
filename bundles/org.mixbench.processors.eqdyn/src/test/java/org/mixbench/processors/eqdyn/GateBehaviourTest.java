package org.mixbench.processors.eqdyn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mixbench.api.processor.Processor;

class GateBehaviourTest {
    private static final double RATE = 48_000;
    private final GateFactory factory = new GateFactory();

    /** Threshold -40 dB, ratio 20, attack 1 ms, hold 0, release 10 ms, no hysteresis, then {@code extra}. */
    private Processor gate(Map<String, Double> extra) {
        Map<String, Double> v = new HashMap<>(Map.of("threshold", -40.0, "range", 80.0, "ratio", 20.0,
                "attack", 1.0, "hold", 0.0, "release", 10.0, "hysteresis", 0.0));
        v.putAll(extra);
        return Audio.prepared(factory, RATE, 1, v);
    }

    @Test
    void belowTheThresholdTheSignalIsAttenuatedByTheRange() {
        Processor p = gate(Map.of("range", 30.0));
        float[] x = Audio.sine(1000, Audio.amplitude(-60), RATE, (int) RATE);
        Audio.run(p, x);
        assertEquals(-90, Audio.db(Audio.fitAmplitude(x, 1000, RATE, x.length / 2, x.length)), 0.1);
    }

    @Test
    void atALowRatioItExpandsDownwardByTheRatio() {
        Processor p = gate(Map.of("ratio", 2.0));
        float[] x = Audio.constant(Audio.amplitude(-50), (int) RATE);
        Audio.run(p, x);
        assertEquals(-60, Audio.db(x[x.length - 1]), 0.01);
    }

    @Test
    void aboveTheThresholdItOpensWithTheAttackAndThenPassesAtUnity() {
        Processor p = gate(Map.of("attack", 5.0));
        float[] input = Audio.sine(1000, Audio.amplitude(-20), RATE, (int) RATE);
        float[] x = input.clone();
        Audio.run(p, x);
        double opening = Audio.fitAmplitude(x, 1000, RATE, 48, 96) / Audio.amplitude(-20);
        assertTrue(opening < 0.5, "one millisecond in, the gate is still opening: " + opening);
        for (int i = 9600; i < x.length; i++) {
            assertEquals(input[i], x[i], 0.0, "unity after the attack, frame " + i);
        }
    }

    /** First frame at or after {@code from} whose gain (output over {@code level}) is below 1. */
    private static int closesAt(float[] out, double level, int from) {
        for (int i = from; i < out.length; i++) {
            if (out[i] < level) {
                return i;
            }
        }
        return -1;
    }

    private float[] keyedDrop(double holdMs, int drop, int frames) {
        Processor p = gate(Map.of("sidechain", 1.0, "hold", holdMs));
        float[] x = Audio.constant(0.1, frames);
        float[] key = new float[frames];
        for (int i = 0; i < drop; i++) {
            key[i] = 0.5f;
        }
        Audio.runKeyed(p, new float[][] {key}, x);
        return x;
    }

    @Test
    void holdKeepsTheGateOpenForTheHoldTimeAfterTheKeyFalls() {
        int drop = 9600;
        float[] noHold = keyedDrop(0, drop, 4 * 9600);
        float[] hold = keyedDrop(100, drop, 4 * 9600);
        assertEquals(0.1f, noHold[drop - 1], 0f, "open before the drop");
        int closeWithout = closesAt(noHold, 0.1, drop);
        int closeWith = closesAt(hold, 0.1, drop);
        assertTrue(closeWithout > drop, "the detector's release delays the close a little");
        assertEquals(4800, closeWith - closeWithout, 1, "closing is delayed by exactly the hold time");
        assertTrue(hold[hold.length - 1] < 0.1 * Audio.amplitude(-79), "fully closed in the end");
    }

    @Test
    void hysteresisKeepsAnOpenGateOpenAndAClosedGateClosedBetweenItsTwoThresholds() {
        int frames = (int) RATE;
        float[] between = Audio.constant(Audio.amplitude(-42), frames);
        float[] fromClosed = between.clone();
        Audio.run(gate(Map.of("hysteresis", 4.0)), fromClosed);
        // closed, the expander's (level - threshold) * (ratio - 1) = -38 dB applies
        assertEquals(-42 - 38, Audio.db(fromClosed[frames - 1]), 0.01, "stays closed");

        float[] fromOpen = between.clone();
        for (int i = 0; i < 4800; i++) {
            fromOpen[i] = (float) Audio.amplitude(-30);
        }
        Audio.run(gate(Map.of("hysteresis", 4.0)), fromOpen);
        assertEquals((float) Audio.amplitude(-42), fromOpen[frames - 1], 0f, "stays open");

        float[] noHysteresis = fromOpen.clone();
        for (int i = 0; i < 4800; i++) {
            noHysteresis[i] = (float) Audio.amplitude(-30);
        }
        for (int i = 4800; i < frames; i++) {
            noHysteresis[i] = (float) Audio.amplitude(-42);
        }
        Audio.run(gate(Map.of("hysteresis", 0.0)), noHysteresis);
        assertEquals(-42 - 38, Audio.db(noHysteresis[frames - 1]), 0.01, "without hysteresis it closes");
    }

    @Test
    void aLoudMainInputWithASilentKeyIsGated() {
        Processor p = gate(Map.of("sidechain", 1.0, "range", 40.0));
        float[] x = Audio.constant(0.5, (int) RATE);
        Audio.runKeyed(p, new float[][] {new float[x.length]}, x);
        assertEquals(Audio.db(0.5) - 40, Audio.db(x[x.length - 1]), 0.01);
    }

    @Test
    void aQuietMainInputKeyedByALoudKeyPassesAtUnity() {
        Processor p = gate(Map.of("sidechain", 1.0));
        float[] x = Audio.constant(Audio.amplitude(-70), (int) RATE);
        Audio.runKeyed(p, new float[][] {Audio.constant(0.5, x.length)}, x);
        assertEquals((float) Audio.amplitude(-70), x[x.length - 1], 0f);
    }

    @Test
    void theFactoryOffersItsPresets() {
        assertTrue(factory.presets().stream().anyMatch(pr -> pr.name().equals("Tight drums")));
    }
}
