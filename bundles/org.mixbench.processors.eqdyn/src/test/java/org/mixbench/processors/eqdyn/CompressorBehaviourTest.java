package org.mixbench.processors.eqdyn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mixbench.api.processor.Processor;

class CompressorBehaviourTest {
    private static final double RATE = 48_000;
    private final CompressorFactory factory = new CompressorFactory();

    /** Threshold -20 dB, ratio 4, hard knee, peak detection, attack 10 ms, release 100 ms, then {@code extra}. */
    private Processor compressor(Map<String, Double> extra) {
        Map<String, Double> v = new HashMap<>(Map.of("threshold", -20.0, "ratio", 4.0, "knee", 0.0,
                "attack", 10.0, "release", 100.0, "makeup", 0.0, "detection", (double) CompressorFactory.PEAK,
                "mix", 100.0));
        v.putAll(extra);
        return Audio.prepared(factory, RATE, 1, v);
    }

    private static double settledLevelDb(float[] y, double frequency) {
        int n = y.length;
        return Audio.db(Audio.fitAmplitude(y, frequency, RATE, n - (int) RATE / 2, n));
    }

    @Test
    void aSteadySineTenDecibelsOverTheThresholdAtRatioFourIsReducedBySevenAndAHalfDecibels() {
        Processor p = compressor(Map.of());
        float[] x = Audio.sine(1000, Audio.amplitude(-10), RATE, 2 * (int) RATE);
        Audio.run(p, x);
        // static curve: out = T + (in - T) / R = -20 + 10 / 4 = -17.5 dBFS, a reduction of 7.5 dB
        assertEquals(-17.5, settledLevelDb(x, 1000), 0.2);
        assertEquals(7.5, ((CompressorProcessor) p).gainReductionDb(), 0.2, "the meter reads the reduction");
    }

    @Test
    void makeupRaisesTheCompressedSignal() {
        Processor p = compressor(Map.of("makeup", 6.0));
        float[] x = Audio.sine(1000, Audio.amplitude(-10), RATE, 2 * (int) RATE);
        Audio.run(p, x);
        assertEquals(-11.5, settledLevelDb(x, 1000), 0.2);
    }

    @Test
    void rmsDetectionReadsASineThreeDecibelsBelowItsPeak() {
        Processor p = compressor(Map.of("detection", (double) CompressorFactory.RMS));
        float[] x = Audio.sine(1000, Audio.amplitude(-10), RATE, 2 * (int) RATE);
        Audio.run(p, x);
        // RMS level -13.01 dB: 6.99 dB over, reduced by 6.99 * 3/4 = 5.24 dB
        assertEquals(-10 - 5.24, settledLevelDb(x, 1000), 0.2);
    }

    @Test
    void theSoftKneeFollowsTheQuadraticCurveOfGiannoulisMassbergAndReiss() {
        double slope = 1 / 4.0 - 1;
        assertEquals(0.0, CompressorProcessor.gainReduction(-27, -20, slope, 12), 1e-12, "below the knee");
        assertEquals(0.75 * 12 / 8, CompressorProcessor.gainReduction(-20, -20, slope, 12), 1e-12, "at threshold");
        assertEquals(7.5, CompressorProcessor.gainReduction(-10, -20, slope, 12), 1e-12, "above the knee");
        assertEquals(CompressorProcessor.gainReduction(-14, -20, slope, 12),
                CompressorProcessor.gainReduction(-14 + 1e-9, -20, slope, 12), 1e-6, "continuous at the knee's top");
        Processor p = compressor(Map.of("knee", 12.0));
        float[] x = Audio.constant(Audio.amplitude(-20), (int) RATE);
        Audio.run(p, x);
        assertEquals(-20 - 1.125, Audio.db(x[x.length - 1]), 0.01, "a steady level at the threshold");
    }

    /** Seconds from the step at {@code at} until the reduction has covered 1 - 1/e of its way from start to end. */
    private static double timeConstant(float[] in, float[] out, int at, double startDb, double endDb) {
        double mark = startDb + (endDb - startDb) * (1 - Math.exp(-1));
        for (int k = at; k < out.length; k++) {
            double reduction = -Audio.db(out[k] / in[k]);
            if (endDb > startDb ? reduction >= mark : reduction <= mark) {
                return (k - at + 1) / RATE;
            }
        }
        return Double.NaN;
    }

    @Test
    void attackAndReleaseTimeConstantsMeasuredFromLevelStepsMatchTheSettings() {
        Processor p = compressor(Map.of("attack", 10.0, "release", 100.0));
        Processor fastAttack = compressor(Map.of("attack", 0.5, "release", 100.0));
        int up = 4800;
        int down = up + 24_000;
        float[] in = new float[down + 96_000];
        for (int i = 0; i < in.length; i++) {
            in[i] = i >= up && i < down ? 1f : 0.01f;
        }
        float[] out = in.clone();
        Audio.run(p, out);
        assertEquals(15.0, -Audio.db(out[down - 1]), 0.01, "settled at (0 - -20) * 3/4");
        assertEquals(0.010, timeConstant(in, out, up, 0, 15), 0.00005, "attack");
        // a falling reduction passes the release and then the attack one-pole: about release + attack
        float[] fast = in.clone();
        Audio.run(fastAttack, fast);
        assertEquals(0.1005, timeConstant(in, fast, down, 15, 0), 0.0005, "release");
    }

    @Test
    void aQuietMainInputKeyedByALoudSidechainIsAttenuated() {
        Processor p = compressor(Map.of("sidechain", 1.0));
        float[] x = Audio.sine(300, Audio.amplitude(-30), RATE, (int) RATE);
        float[][] key = {Audio.sine(1000, 1.0, RATE, (int) RATE), Audio.sine(1000, 1.0, RATE, (int) RATE)};
        Audio.runKeyed(p, key, x);
        // key at 0 dBFS: 20 dB over, reduced by 15 dB
        assertEquals(-45, settledLevelDb(x, 300), 0.2);
    }

    @Test
    void aLoudMainInputWithASilentSidechainPassesUnchanged() {
        Processor p = compressor(Map.of("sidechain", 1.0));
        float[] input = Audio.sine(1000, 1.0, RATE, (int) RATE);
        float[] x = input.clone();
        Audio.runKeyed(p, new float[][] {new float[input.length]}, x);
        assertArrayEquals(input, x);
    }

    @Test
    void withTheSidechainSwitchOffTheKeyIsIgnored() {
        Processor p = compressor(Map.of("sidechain", 0.0));
        float[] input = Audio.sine(1000, Audio.amplitude(-30), RATE, (int) RATE);
        float[] x = input.clone();
        Audio.runKeyed(p, new float[][] {Audio.constant(1.0, input.length)}, x);
        assertArrayEquals(input, x);
    }

    @Test
    void detectionIsStereoLinkedSoTheQuietChannelIsReducedAsMuchAsTheLoudOne() {
        Map<String, Double> v = Map.of("threshold", -20.0, "ratio", 4.0, "knee", 0.0);
        Processor p = Audio.prepared(factory, RATE, 2, v);
        float[] left = Audio.sine(1000, Audio.amplitude(-10), RATE, 2 * (int) RATE);
        float[] right = Audio.sine(1000, Audio.amplitude(-40), RATE, 2 * (int) RATE);
        Audio.run(p, left, right);
        assertEquals(-40 - 7.5, settledLevelDb(right, 1000), 0.2);
    }

    @Test
    void aMixOfZeroPassesTheDrySignal() {
        Processor p = compressor(Map.of("mix", 0.0));
        float[] input = Audio.sine(1000, 1.0, RATE, (int) RATE);
        float[] x = input.clone();
        Audio.run(p, x);
        assertArrayEquals(input, x);
    }

    @Test
    void aHalfMixBlendsDryAndCompressedInAmplitude() {
        Processor p = compressor(Map.of("mix", 50.0));
        float[] x = Audio.constant(Audio.amplitude(-10), (int) RATE);
        Audio.run(p, x);
        double expected = Audio.amplitude(-10) * (0.5 + 0.5 * Audio.amplitude(-7.5));
        assertEquals(expected, x[x.length - 1], 1e-4);
    }

    @Test
    void theFactoryOffersItsPresets() {
        assertTrue(factory.presets().stream().map(pr -> pr.name()).toList()
                .containsAll(java.util.List.of("Vocal", "Drum bus glue", "Mastering gentle")));
    }
}
