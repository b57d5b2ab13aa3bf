package org.mixbench.processors.multiband;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mixbench.testkit.Signals;

class MultibandDynamicsTest {
    private static final double RATE = 48_000;
    private static final int FRAMES = 2 * (int) RATE;
    /** 4 bands split at 200 Hz, 1 kHz and 5 kHz: a tone deep in band 1 and one in band 3. */
    private static final double BAND_1_HZ = 30;
    private static final double BAND_3_HZ = 2236;
    /** The magnitude of band 3 at its tone; the rest of the tone is in bands 2 and 4, all in phase. */
    private static final double BAND_3_SHARE = Bench.highPass(BAND_3_HZ, 1000, RATE)
            * Bench.lowPass(BAND_3_HZ, 5000, RATE);

    /** The amplitude of {@code hz} over the last half second of {@code y}. */
    private static double settled(float[] y, double hz) {
        return Bench.toneAmplitude(y, hz, RATE, y.length - (int) RATE / 2, y.length);
    }

    private static final double SIDE_HZ = 800;
    private static final double MID_HZ = 600;

    private static Map<String, Double> values(Object... pairs) {
        Map<String, Double> v = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            v.put((String) pairs[i], ((Number) pairs[i + 1]).doubleValue());
        }
        return v;
    }

    /** Two tones, one in band 1 and one in band 3, each at -12 dBFS, through 4 bands with {@code v}. */
    private static float[] twoTones(Map<String, Double> v) {
        Map<String, Double> all = values("bands", 4, "crossover1", 200, "crossover2", 1000, "crossover3", 5000);
        all.putAll(v);
        float[] x = Bench.sum(Bench.sine(BAND_1_HZ, Bench.amplitude(-12), RATE, FRAMES),
                Bench.sine(BAND_3_HZ, Bench.amplitude(-12), RATE, FRAMES));
        Bench.run(Bench.prepared(all, RATE, 1), x);
        return x;
    }

    @Test
    void aLowThresholdAtRatioFourInBandOneReducesOnlyTheToneInBandOne() {
        float[] reference = twoTones(values());
        float[] compressed = twoTones(values("band1.threshold", -40, "band1.ratio", 4));
        double low = Bench.db(settled(compressed, BAND_1_HZ) / settled(reference, BAND_1_HZ));
        double high = Bench.db(settled(compressed, BAND_3_HZ) / settled(reference, BAND_3_HZ));
        // peak -12 dBFS is 28 dB over -40: reduced by 28 * 3/4 = 21 dB (the hard knee holds the peak's reduction)
        assertEquals(-21, low, 0.2, "the band 1 tone");
        assertEquals(0, high, 0.01, "the band 3 tone is untouched");
        assertEquals(-12, Bench.db(settled(reference, BAND_1_HZ)), 0.01, "without compression both pass at level");
    }

    @Test
    void theMeterReadsTheStaticReductionForASteadyToneInItsBand() {
        // 3 bands at 100 Hz and 5 kHz: 707 Hz sits where band 2 is flat; threshold -20, ratio 4, tone at -8 dBFS
        Map<String, Double> v = values("bands", 3, "crossover1", 100, "crossover2", 5000, "band2.threshold", -20,
                "band2.ratio", 4, "band2.knee", 0);
        MultibandProcessor p = Bench.prepared(v, RATE, 2);
        float[] left = Bench.sine(707, Bench.amplitude(-8), RATE, FRAMES);
        float[] right = left.clone();
        Bench.run(p, left, right);
        // (-8 - -20) * (1 - 1/4) = 9 dB
        assertEquals(9.0, p.gainReductionDb(1), 0.1, "band 2's meter");
        assertEquals(0.0, p.gainReductionDb(0), 0.0, "band 1's meter");
        assertEquals(0.0, p.gainReductionDb(2), 0.0, "band 3's meter");
        assertEquals(-17.0, Bench.db(settled(left, 707)), 0.15, "the tone comes out 9 dB down");
        assertEquals(3, p.gainReductionMeters());
        assertEquals(List.of("Low", "Mid", "High"),
                List.of(p.gainReductionMeterName(0), p.gainReductionMeterName(1), p.gainReductionMeterName(2)));
        assertThrows(IndexOutOfBoundsException.class, () -> p.gainReductionDb(3));
    }

    @Test
    void rmsDetectionReadsASineThreeDecibelsBelowItsPeak() {
        Map<String, Double> v = values("bands", 3, "crossover1", 100, "crossover2", 5000, "band2.threshold", -20,
                "band2.ratio", 4, "detection", MultibandFactory.RMS);
        MultibandProcessor p = Bench.prepared(v, RATE, 1);
        float[] x = Bench.sine(707, Bench.amplitude(-8), RATE, FRAMES);
        Bench.run(p, x);
        // RMS -11.01 dBFS: 8.99 dB over, reduced by 6.74 dB
        assertEquals(6.74, p.gainReductionDb(1), 0.15);
        assertEquals(-8 - 6.74, Bench.db(settled(x, 707)), 0.2);
    }

    @Test
    void aBypassedBandPassesUnchangedWhateverItsSettings() {
        float[] reference = twoTones(values());
        float[] bypassed = twoTones(values("band1.threshold", -40, "band1.ratio", 10, "band1.makeup", 12,
                "band1.bypass", 1));
        assertArrayEquals(reference, bypassed, "bit for bit");
    }

    @Test
    void soloPlaysOnlyTheSoloedBands() {
        float[] reference = twoTones(values());
        float[] soloThree = twoTones(values("band3.solo", 1));
        assertEquals(Bench.db(BAND_3_SHARE), Bench.db(settled(soloThree, BAND_3_HZ) / settled(reference, BAND_3_HZ)),
                0.01, "band 3 alone carries its Linkwitz-Riley share of the tone");
        assertTrue(Bench.db(settled(soloThree, BAND_1_HZ) / settled(reference, BAND_1_HZ)) < -80,
                "band 1 is silent");
        float[] soloBoth = twoTones(values("band1.solo", 1, "band3.solo", 1));
        assertEquals(Bench.db(Bench.lowPass(BAND_1_HZ, 200, RATE)),
                Bench.db(settled(soloBoth, BAND_1_HZ) / settled(reference, BAND_1_HZ)), 0.01);
        assertEquals(Bench.db(BAND_3_SHARE), Bench.db(settled(soloBoth, BAND_3_HZ) / settled(reference, BAND_3_HZ)),
                0.01);
        float[] inactive = twoTones(values("bands", 4, "band5.solo", 1));
        assertArrayEquals(reference, inactive, "a solo on a band beyond the band count does nothing");
    }

    @Test
    void inMidSideModeSideOnlyContentIsCompressedAndTheMidIsUntouched() {
        // band 2 of 3 (100 Hz to 5 kHz): a loud side tone and a quiet mid tone, threshold -20
        Map<String, Double> v = values("bands", 3, "crossover1", 100, "crossover2", 5000, "mode",
                MultibandFactory.MID_SIDE, "band2.threshold", -20, "band2.ratio", 4);
        float[] side = Bench.sine(SIDE_HZ, Bench.amplitude(-8), RATE, FRAMES);
        float[] mid = Bench.sine(MID_HZ, Bench.amplitude(-30), RATE, FRAMES);
        float[] left = new float[FRAMES];
        float[] right = new float[FRAMES];
        for (int i = 0; i < FRAMES; i++) {
            left[i] = mid[i] + side[i];
            right[i] = mid[i] - side[i];
        }
        MultibandProcessor p = Bench.prepared(v, RATE, 2);
        Bench.run(p, left, right);
        float[] m = new float[FRAMES];
        float[] s = new float[FRAMES];
        for (int i = 0; i < FRAMES; i++) {
            m[i] = (left[i] + right[i]) / 2;
            s[i] = (left[i] - right[i]) / 2;
        }
        MultibandProcessor neutral = Bench.prepared(values("bands", 3, "crossover1", 100, "crossover2", 5000, "mode",
                MultibandFactory.MID_SIDE), RATE, 2);
        float[] l0 = new float[FRAMES];
        float[] r0 = new float[FRAMES];
        for (int i = 0; i < FRAMES; i++) {
            l0[i] = mid[i] + side[i];
            r0[i] = mid[i] - side[i];
        }
        Bench.run(neutral, l0, r0);
        float[] m0 = new float[FRAMES];
        float[] s0 = new float[FRAMES];
        for (int i = 0; i < FRAMES; i++) {
            m0[i] = (l0[i] + r0[i]) / 2;
            s0[i] = (l0[i] - r0[i]) / 2;
        }
        assertEquals(0, Bench.db(settled(m, MID_HZ) / settled(m0, MID_HZ)), 0.001, "the mid keeps its level");
        assertEquals(-30, Bench.db(settled(m0, MID_HZ)), 0.01, "band 2 is flat there");
        assertTrue(settled(m, SIDE_HZ) < Bench.amplitude(-100), "no side leaks into the mid");
        assertEquals(-9, Bench.db(settled(s, SIDE_HZ) / settled(s0, SIDE_HZ)), 0.15, "the side is reduced by 9 dB");
        assertTrue(settled(s, MID_HZ) < Bench.amplitude(-100), "no mid leaks into the side");
        assertEquals(9, p.gainReductionDb(1), 0.1);
    }

    @Test
    void inStereoLinkModeTheQuietChannelIsReducedAsMuchAsTheLoudOne() {
        Map<String, Double> v = values("bands", 3, "crossover1", 100, "crossover2", 5000, "band2.threshold", -20,
                "band2.ratio", 4);
        float[] left = Bench.sine(707, Bench.amplitude(-8), RATE, FRAMES);
        float[] right = Bench.sine(707, Bench.amplitude(-40), RATE, FRAMES);
        Bench.run(Bench.prepared(v, RATE, 2), left, right);
        assertEquals(-8 - 9, Bench.db(settled(left, 707)), 0.15);
        assertEquals(-40 - 9, Bench.db(settled(right, 707)), 0.15);
    }

    @Test
    void aFreshInstanceLeavesProgramBelowFullScaleAtUnityGain() {
        float[][] program = Signals.program(2, FRAMES, RATE, 9);
        float[][] fresh = Signals.copy(program);
        MultibandProcessor p = Bench.prepared(Map.of(), RATE, 2);
        Bench.run(p, fresh);
        Map<String, Double> allBypassed = new HashMap<>();
        for (int b = 1; b <= 5; b++) {
            allBypassed.put("band" + b + ".bypass", 1.0);
        }
        float[][] bypassed = Signals.copy(program);
        Bench.run(Bench.prepared(allBypassed, RATE, 2), bypassed);
        assertArrayEquals(bypassed[0], fresh[0]);
        assertArrayEquals(bypassed[1], fresh[1]);
        for (int b = 0; b < p.gainReductionMeters(); b++) {
            assertEquals(0.0, p.gainReductionDb(b), 0.0);
        }
        assertEquals(List.of("Low", "Low mid", "High mid", "High"), List.of(p.gainReductionMeterName(0),
                p.gainReductionMeterName(1), p.gainReductionMeterName(2), p.gainReductionMeterName(3)));
    }

    @Test
    void makeupRaisesItsBandAndOutputRaisesEverything() {
        float[] reference = twoTones(values());
        float[] made = twoTones(values("band3.makeup", 6, "output", -3));
        assertEquals(-3, Bench.db(settled(made, BAND_1_HZ) / settled(reference, BAND_1_HZ)), 0.01);
        double raised = 1 + (Bench.amplitude(6) - 1) * BAND_3_SHARE;
        assertEquals(Bench.db(raised) - 3, Bench.db(settled(made, BAND_3_HZ) / settled(reference, BAND_3_HZ)), 0.01,
                "band 3's share of the tone 6 dB up, the rest as it was, all 3 dB down");
    }

    @Test
    void attackAndReleaseFollowTheBandsTimeConstants() {
        // band 2 of 3 at threshold -20, ratio 4: a 707 Hz burst at -8 dBFS; the reduction covers 63 % of its 9 dB
        // in about the attack time (plus the first peak's 0.35 ms) and falls back by 63 % in about release + attack
        Map<String, Double> v = values("bands", 3, "crossover1", 100, "crossover2", 5000, "band2.threshold", -20,
                "band2.ratio", 4, "band2.attack", 5, "band2.release", 50);
        MultibandProcessor p = Bench.prepared(v, RATE, 1);
        int latency = p.latencyFrames();
        int on = 4800 + latency;
        int off = on + 24_000;
        float[] x = Bench.sine(707, Bench.amplitude(-8), RATE, off + 24_000);
        java.util.Arrays.fill(x, 0, on - latency, 0f);
        java.util.Arrays.fill(x, off - latency, x.length, 0f);
        org.mixbench.api.processor.AudioBlock block = new org.mixbench.api.processor.AudioBlock(1, 16, 0);
        double attack = -1;
        double release = -1;
        for (int pos = 0; pos < x.length; pos += 16) {
            System.arraycopy(x, pos, block.channel(0), 0, 16);
            block.setFrames(16);
            p.process(block);
            double gr = p.gainReductionDb(1);
            if (attack < 0 && pos >= on && gr >= 9 * (1 - Math.exp(-1))) {
                attack = (pos + 16 - on) / RATE;
            }
            if (release < 0 && pos >= off && gr <= 9 * Math.exp(-1)) {
                release = (pos + 16 - off) / RATE;
            }
        }
        assertEquals(0.0055, attack, 0.0007, "attack");
        assertEquals(0.055, release, 0.002, "release");
    }
}
