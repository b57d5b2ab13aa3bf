package org.mixbench.processors.mastering;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.mixbench.api.processor.AudioBlock;
import org.mixbench.api.processor.ParameterEvents;
import org.mixbench.api.processor.ProcessSpec;
import org.mixbench.api.processor.Processor;
import org.mixbench.api.processor.ProcessorState;

class StereoImagerTest {
    private static final double RATE = 48_000;

    private static Processor imager(Map<String, Double> parameters) {
        Processor p = new StereoImagerFactory().create();
        p.prepare(new ProcessSpec(RATE, 512, 2));
        p.restoreState(ProcessorState.of(parameters));
        return p;
    }

    private static void run(Processor p, float[][] audio) {
        float[][] view = new float[2][512];
        AudioBlock block = new AudioBlock(view, new ParameterEvents(0));
        for (int at = 0; at < audio[0].length; at += 512) {
            int n = Math.min(512, audio[0].length - at);
            System.arraycopy(audio[0], at, view[0], 0, n);
            System.arraycopy(audio[1], at, view[1], 0, n);
            block.setFrames(n);
            p.process(block);
            System.arraycopy(view[0], 0, audio[0], at, n);
            System.arraycopy(view[1], 0, audio[1], at, n);
        }
    }

    private static float[][] noise(int frames) {
        SplittableRandom random = new SplittableRandom(3);
        float[][] out = new float[2][frames];
        for (int i = 0; i < frames; i++) {
            out[0][i] = (float) (random.nextDouble() - 0.5);
            out[1][i] = (float) (0.6 * out[0][i] + 0.4 * (random.nextDouble() - 0.5));
        }
        return out;
    }

    /** A sine of {@code hz} on the side only ({@code sideOnly}) or the mid only. */
    private static float[][] sine(double hz, boolean sideOnly) {
        float[][] out = new float[2][(int) RATE];
        for (int i = 0; i < out[0].length; i++) {
            float x = (float) (0.25 * Math.sin(2 * Math.PI * hz * i / RATE));
            out[0][i] = x;
            out[1][i] = sideOnly ? -x : x;
        }
        return out;
    }

    /** The RMS level in dB of the side (or mid) over the second half, after the filters settled. */
    private static double levelDb(float[][] audio, boolean side) {
        double sum = 0;
        int n = 0;
        for (int i = audio[0].length / 2; i < audio[0].length; i++) {
            double v = side ? (audio[0][i] - audio[1][i]) / 2 : (audio[0][i] + audio[1][i]) / 2;
            sum += v * v;
            n++;
        }
        return 10 * Math.log10(sum / n);
    }

    @Test
    void atFullWidthInEveryBandWithMonoOffTheInputPassesBitForBit() {
        float[][] audio = noise(48_000);
        float[][] before = {audio[0].clone(), audio[1].clone()};
        run(imager(Map.of()), audio);
        assertArrayEquals(before[0], audio[0]);
        assertArrayEquals(before[1], audio[1]);
    }

    @Test
    void atZeroWidthTheTwoChannelsAreIdenticalCorrelationPlusOne() {
        float[][] audio = noise(48_000);
        run(imager(Map.of("low_width", 0.0, "mid_width", 0.0, "high_width", 0.0)), audio);
        assertArrayEquals(audio[0], audio[1]);
        double lr = 0;
        double ll = 0;
        double rr = 0;
        for (int i = 0; i < audio[0].length; i++) {
            lr += audio[0][i] * audio[1][i];
            ll += audio[0][i] * audio[0][i];
            rr += audio[1][i] * audio[1][i];
        }
        assertEquals(1.0, lr / Math.sqrt(ll * rr), 1e-9);
    }

    @Test
    void theBandsSumFlatSoAWidthScalesTheSideByTheSameAmountAtEveryFrequency() {
        for (double hz : new double[] {40, 120, 250, 1000, 4000, 9000, 16000}) {
            float[][] audio = sine(hz, true);
            double in = levelDb(audio, true);
            run(imager(Map.of("low_width", 50.0, "mid_width", 50.0, "high_width", 50.0)), audio);
            assertEquals(in - 6.0206, levelDb(audio, true), 0.01, hz + " Hz");
        }
    }

    @Test
    void aBandsWidthActsOnItsBandAndTheMidIsNeverChangedInLevel() {
        float[][] high = sine(12_000, true);
        double in = levelDb(high, true);
        run(imager(Map.of("high_width", 200.0)), high);
        assertEquals(in + 6.0206, levelDb(high, true), 0.05, "the high band's side doubled");
        float[][] lowSide = sine(60, true);
        run(imager(Map.of("high_width", 200.0)), lowSide);
        assertEquals(in, levelDb(lowSide, true), 0.05, "the low band's side untouched");
        float[][] midOnly = sine(250, false);
        double mid = levelDb(midOnly, false);
        run(imager(Map.of("low_width", 0.0, "mid_width", 200.0, "mono_below", 150.0)), midOnly);
        assertEquals(mid, levelDb(midOnly, false), 0.01, "the mid passes its all passes at unity");
    }

    @Test
    void monoBelowRemovesTheSideBassAndKeepsTheSideAboveIt() {
        float[][] bass = sine(40, true);
        double in = levelDb(bass, true);
        run(imager(Map.of("mono_below", 150.0)), bass);
        assertEquals(true, levelDb(bass, true) < in - 40, "a 40 Hz side at least 40 dB down with mono below 150 Hz");
        float[][] presence = sine(2000, true);
        run(imager(Map.of("mono_below", 150.0)), presence);
        assertEquals(in, levelDb(presence, true), 0.05, "2 kHz side untouched");
    }
}
