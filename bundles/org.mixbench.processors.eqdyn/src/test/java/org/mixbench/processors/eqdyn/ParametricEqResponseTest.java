package org.mixbench.processors.eqdyn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mixbench.api.processor.Processor;
import org.mixbench.dsp.BiquadDesign;

/** Frequency responses measured with steady sines and a least-squares amplitude fit. */
class ParametricEqResponseTest {
    private final ParametricEqFactory factory = new ParametricEqFactory();

    private static Map<String, Double> band(int type, double frequency, double gain, double q, int slope) {
        Map<String, Double> v = new HashMap<>();
        v.put("band1.enabled", 1.0);
        v.put("band1.type", (double) type);
        v.put("band1.frequency", frequency);
        v.put("band1.gain", gain);
        v.put("band1.q", q);
        v.put("band1.slope", (double) slope);
        return v;
    }

    /** Gain in dB at {@code frequency}: one second to settle, then a fit over at least half a second. */
    private double responseDb(Map<String, Double> values, double frequency, double rate) {
        Processor p = Audio.prepared(factory, rate, 1, values);
        int settle = (int) rate;
        int window = (int) Math.max(rate / 2, 20 * rate / frequency);
        float[] x = Audio.sine(frequency, 0.25, rate, settle + window);
        double in = Audio.fitAmplitude(x, frequency, rate, settle, settle + window);
        Audio.run(p, x);
        return Audio.db(Audio.fitAmplitude(x, frequency, rate, settle, settle + window) / in);
    }

    @ParameterizedTest
    @ValueSource(doubles = {44_100, 48_000})
    void aBellOfSixDecibelsAtOneKilohertzGivesSixDecibelsThereAndNothingTwoDecadesBelow(double rate) {
        Map<String, Double> bell = band(BiquadDesign.BELL, 1000, 6, 1, 0);
        assertEquals(6.0, responseDb(bell, 1000, rate), 0.05);
        assertEquals(0.0, responseDb(bell, 10, rate), 0.05);
        assertEquals(0.0, responseDb(bell, 20_000, rate), 0.1);
    }

    @ParameterizedTest
    @ValueSource(doubles = {44_100, 48_000})
    void aLowShelfReachesItsGainBelowTheCornerAndHalfOfItAtTheCorner(double rate) {
        Map<String, Double> shelf = band(BiquadDesign.LOW_SHELF, 100, 6, BiquadDesign.BUTTERWORTH_Q, 0);
        assertEquals(6.0, responseDb(shelf, 10, rate), 0.1);
        assertEquals(3.0, responseDb(shelf, 100, rate), 0.05);
        assertEquals(0.0, responseDb(shelf, 5000, rate), 0.05);
    }

    @ParameterizedTest
    @ValueSource(doubles = {44_100, 48_000})
    void aHighShelfReachesItsGainAboveTheCornerAndHalfOfItAtTheCorner(double rate) {
        Map<String, Double> shelf = band(BiquadDesign.HIGH_SHELF, 2000, -6, BiquadDesign.BUTTERWORTH_Q, 0);
        assertEquals(-6.0, responseDb(shelf, 20_000, rate), 0.1);
        assertEquals(-3.0, responseDb(shelf, 2000, rate), 0.05);
        assertEquals(0.0, responseDb(shelf, 50, rate), 0.05);
    }

    @ParameterizedTest
    @ValueSource(doubles = {44_100, 48_000})
    void aHighPassOfTwentyFourDecibelsPerOctaveIsThreeDownAtItsCornerAndTwentyFourAnOctaveBelow(double rate) {
        Map<String, Double> hp = band(BiquadDesign.HIGH_PASS, 100, 0, BiquadDesign.BUTTERWORTH_Q, 1);
        assertEquals(-3.0, responseDb(hp, 100, rate), 0.1);
        assertEquals(-24.0, responseDb(hp, 50, rate), 1.0);
        assertEquals(0.0, responseDb(hp, 1000, rate), 0.05);
    }

    @Test
    void eachPassSlopeIsAButterworthCascadeThreeDownAtTheCornerAndSteeperBySixDecibelsPerOrder() {
        for (int slope = 0; slope < 4; slope++) {
            int order = 2 * (slope + 1);
            Map<String, Double> hp = band(BiquadDesign.HIGH_PASS, 1000, 0, BiquadDesign.BUTTERWORTH_Q, slope);
            Map<String, Double> lp = band(BiquadDesign.LOW_PASS, 1000, 0, BiquadDesign.BUTTERWORTH_Q, slope);
            // |H|^2 = 1 / (1 + (f/fc)^(2 order)) for a Butterworth low pass, one octave away
            double octave = -10 * Math.log10(1 + Math.pow(2, 2 * order));
            assertEquals(-3.01, responseDb(hp, 1000, 48_000), 0.05, "high pass corner, order " + order);
            assertEquals(octave, responseDb(hp, 500, 48_000), 0.3, "high pass octave below, order " + order);
            assertEquals(-3.01, responseDb(lp, 1000, 48_000), 0.05, "low pass corner, order " + order);
            assertEquals(octave, responseDb(lp, 2000, 48_000), 0.3, "low pass octave above, order " + order);
        }
    }

    @Test
    void theQOfATwelveDecibelPassFilterSetsItsResonance() {
        Map<String, Double> resonant = band(BiquadDesign.LOW_PASS, 1000, 0, 4, 0);
        assertEquals(Audio.db(4), responseDb(resonant, 1000, 48_000), 0.05);
    }

    @Test
    void withEveryBandOffTheInputPassesUnchanged() {
        Processor p = Audio.prepared(factory, 48_000, 2, Map.of());
        float[] left = Audio.sine(440, 0.5, 48_000, 4800);
        float[] right = Audio.sine(3000, 0.3, 48_000, 4800);
        float[] l = left.clone();
        float[] r = right.clone();
        Audio.run(p, l, r);
        assertArrayEquals(left, l);
        assertArrayEquals(right, r);
    }

    @Test
    void theOutputGainScalesTheSignal() {
        Processor p = Audio.prepared(factory, 48_000, 1, Map.of("output", -6.0));
        float[] x = Audio.constant(0.5, 4800);
        Audio.run(p, x);
        assertEquals(0.5 * Audio.amplitude(-6), x[4799], 1e-6);
    }

    @Test
    void aGainChangeGlidesOverAboutTenMillisecondsInsteadOfJumping() {
        Map<String, Double> values = band(BiquadDesign.BELL, 1000, 0, 1, 0);
        Processor p = Audio.prepared(factory, 48_000, 1, values);
        int at = 48_000;
        float[] x = Audio.sine(1000, 0.25, 48_000, at + 9600);
        Audio.runWithEvent(p, x, new int[] {Audio.BLOCK}, at, ParametricEqFactory.index(0, ParametricEqFactory.GAIN),
                12);
        // one period of 1 kHz is 48 frames
        double before = Audio.db(Audio.fitAmplitude(x, 1000, 48_000, at - 96, at) / 0.25);
        double twoMs = Audio.db(Audio.fitAmplitude(x, 1000, 48_000, at + 48, at + 96) / 0.25);
        double after = Audio.db(Audio.fitAmplitude(x, 1000, 48_000, at + 9600 - 96, at + 9600) / 0.25);
        assertEquals(0, before, 0.01);
        assertTrue(twoMs > 0.5 && twoMs < 6, "two milliseconds after the event the gain is on its way: " + twoMs);
        assertEquals(12, after, 0.05);
    }

    @Test
    void automationLandsOnTheSameFramesWhateverTheBlockSizes() {
        Map<String, Double> values = band(BiquadDesign.HIGH_PASS, 200, 0, 2, 2);
        float[] whole = Audio.sine(300, 0.25, 48_000, 24_000);
        float[] ragged = whole.clone();
        int frequency = ParametricEqFactory.index(0, ParametricEqFactory.FREQUENCY);
        Audio.runWithEvent(Audio.prepared(factory, 48_000, 1, values), whole, new int[] {Audio.BLOCK}, 10_007,
                frequency, 2000);
        Audio.runWithEvent(Audio.prepared(factory, 48_000, 1, values), ragged, new int[] {1, 17, 0, 511, 64, 3, 200},
                10_007, frequency, 2000);
        assertArrayEquals(whole, ragged);
    }

    @Test
    void switchingABandOnFadesItInRatherThanJumping() {
        Map<String, Double> values = band(BiquadDesign.BELL, 1000, -24, 1, 0);
        values.put("band1.enabled", 0.0);
        Processor p = Audio.prepared(factory, 48_000, 1, values);
        int at = 24_000;
        float[] x = Audio.sine(1000, 0.25, 48_000, at + 4800);
        Audio.runWithEvent(p, x, new int[] {Audio.BLOCK}, at, ParametricEqFactory.index(0, ParametricEqFactory.ENABLED),
                1);
        double fiveMs = Audio.db(Audio.fitAmplitude(x, 1000, 48_000, at + 216, at + 264) / 0.25);
        double after = Audio.db(Audio.fitAmplitude(x, 1000, 48_000, at + 4800 - 96, at + 4800) / 0.25);
        assertTrue(fiveMs > -6 && fiveMs < -1, "a quarter into the fade: " + fiveMs);
        assertEquals(-24, after, 0.05);
    }

    @Test
    void theFactoryOffersItsPresets() {
        assertTrue(factory.presets().stream().anyMatch(p -> p.name().equals("Vocal presence")));
        assertTrue(factory.presets().stream().anyMatch(p -> p.name().equals("Low cut 80 Hz")));
    }
}
