package org.mixbench.processors.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mixbench.api.processor.Processor;

class SaturationProcessorTest {
    private static final int SECOND = 48_000;
    private final SaturationFactory factory = new SaturationFactory();

    /** One second of a sine at {@code hz} and {@code dbfs} after one second of settling, through the saturator. */
    private float[] steadyOutput(Map<String, Double> values, double hz, double dbfs) {
        Processor p = Bench.prepared(factory, 1, values);
        float[][] out = Bench.render(p, Bench.sine(1, 2 * SECOND, hz, Math.pow(10, dbfs / 20)));
        float[] last = new float[SECOND];
        System.arraycopy(out[0], SECOND, last, 0, SECOND);
        return last;
    }

    @Test
    void aLowLevelSineGainsExactlyTheDriveForEveryCurve() {
        for (int type = 0; type < 3; type++) {
            for (double drive : new double[] {0, 12, 24}) {
                float[] y = steadyOutput(Map.of("drive", drive, "type", (double) type), 1000, -80);
                double gain = Bench.db(Bench.amplitude(y, 0, SECOND, 1000) / Math.pow(10, -80 / 20.0));
                assertEquals(drive, gain, 0.5, "type " + type + " at drive " + drive);
            }
        }
    }

    @Test
    void tapeAtHighDriveMakesOddHarmonicsOnly() {
        float[] y = steadyOutput(Map.of("drive", 24.0, "type", (double) SaturationFactory.TAPE), 1000, -12);
        double h1 = Bench.amplitude(y, 0, SECOND, 1000);
        double h2 = Bench.amplitude(y, 0, SECOND, 2000);
        double h3 = Bench.amplitude(y, 0, SECOND, 3000);
        assertTrue(Bench.db(h3 / h1) > -20, "third harmonic at " + Bench.db(h3 / h1) + " dB");
        assertTrue(Bench.db(h2 / h1) < -100, "second harmonic at " + Bench.db(h2 / h1) + " dB");
    }

    @Test
    void tubeAtHighDriveAddsEvenHarmonics() {
        float[] y = steadyOutput(Map.of("drive", 24.0, "type", (double) SaturationFactory.TUBE), 1000, -12);
        double h1 = Bench.amplitude(y, 0, SECOND, 1000);
        double h2 = Bench.amplitude(y, 0, SECOND, 2000);
        assertTrue(Bench.db(h2 / h1) > -30, "second harmonic at " + Bench.db(h2 / h1) + " dB");
    }

    /**
     * The strongest component of the output at a multiple of 1 kHz other than the true harmonics of 7 kHz below
     * 24 kHz (7, 14 and 21 kHz), relative to the fundamental, in dB. Every alias of a 7 kHz tone falls on such a bin.
     */
    private double worstAliasDb(int type, double dbfs) {
        return worstAliasDb(type, dbfs, SaturationFactory.X8);
    }

    /** As {@link #worstAliasDb(int, double)} at oversampling index {@code oversampling}. */
    private double worstAliasDb(int type, double dbfs, int oversampling) {
        float[] y = steadyOutput(Map.of("drive", 24.0, "type", (double) type, "oversampling", (double) oversampling),
                7000, dbfs);
        double fundamental = Bench.amplitude(y, 0, SECOND, 7000);
        double worst = 0;
        for (int k = 1; k <= 23; k++) {
            if (k % 7 != 0) {
                worst = Math.max(worst, Bench.amplitude(y, 0, SECOND, 1000.0 * k));
            }
        }
        return Bench.db(worst / fundamental);
    }

    @Test
    void aliasesOfA7KHzSineAtPlus24DecibelsDriveStay60DecibelsDown() {
        assertTrue(worstAliasDb(SaturationFactory.TAPE, -6) < -60, "tape: " + worstAliasDb(0, -6) + " dB");
        assertTrue(worstAliasDb(SaturationFactory.TUBE, -6) < -60, "tube: " + worstAliasDb(1, -6) + " dB");
    }

    /** Measured: tape -50.8 dB, tube -52.9 dB (hard clip -46.3 dB), two stages of the 8x chain. */
    @Test
    void aliasesAt4xOversamplingStay48DecibelsDown() {
        double tape = worstAliasDb(SaturationFactory.TAPE, -6, SaturationFactory.X4);
        double tube = worstAliasDb(SaturationFactory.TUBE, -6, SaturationFactory.X4);
        assertTrue(tape < -48, "tape: " + tape + " dB");
        assertTrue(tube < -48, "tube: " + tube + " dB");
    }

    /** Measured: tape -26.8 dB, tube -28.2 dB (hard clip -23.6 dB); harmonics from the 11th (77 kHz, folding to 19 kHz) up land in band. */
    @Test
    void aliasesAt2xOversamplingStay24DecibelsDown() {
        double tape = worstAliasDb(SaturationFactory.TAPE, -6, SaturationFactory.X2);
        double tube = worstAliasDb(SaturationFactory.TUBE, -6, SaturationFactory.X2);
        assertTrue(tape < -24, "tape: " + tape + " dB");
        assertTrue(tube < -24, "tube: " + tube + " dB");
    }

    @Test
    void everyOversamplingSettingPutsTheClickAtTheSameLatencyAndKeepsTheDryPathAligned() {
        for (int mode = SaturationFactory.X2; mode <= SaturationFactory.X8; mode++) {
            Processor p = Bench.prepared(factory, 1, Map.of("drive", 0.0, "oversampling", (double) mode));
            assertEquals(SaturationProcessor.LATENCY, p.latencyFrames(), "mode " + mode);
            float[][] click = new float[1][1000];
            click[0][0] = 1e-3f;
            float[] y = Bench.render(p, click)[0];
            assertEquals(SaturationProcessor.LATENCY, Bench.peakIndex(y, 0, 1000), "mode " + mode + ": click");
            for (int k = 1; k <= SaturationProcessor.LATENCY; k++) {
                int latency = SaturationProcessor.LATENCY;
                assertEquals(y[latency - k], y[latency + k], 2e-6, "mode " + mode + ": symmetric at " + k);
            }
            float[][] input = Bench.sine(1, 4800, 9000, 0.001);
            float[] half = Bench.render(Bench.prepared(factory, 1,
                    Map.of("drive", 0.0, "mix", 50.0, "oversampling", (double) mode)), input)[0];
            for (int i = 1000; i < 4800; i++) {
                assertEquals(input[0][i - SaturationProcessor.LATENCY], half[i], 2e-6, "mode " + mode + " frame " + i);
            }
        }
    }

    @Test
    void switchingOversamplingWhilePlayingStaysFiniteAndAligned() {
        // Loud and driven hard first, so that the stages hold large values when they are left and taken up again.
        int[] switches = {8 * Bench.BLOCK + 100, 40 * Bench.BLOCK + 7, 72 * Bench.BLOCK + 300, 104 * Bench.BLOCK + 1,
            136 * Bench.BLOCK + 200};
        int[] modes = {SaturationFactory.X2, SaturationFactory.X8, SaturationFactory.X4, SaturationFactory.X2,
            SaturationFactory.X4};
        int frames = 168 * Bench.BLOCK;
        for (double drive : new double[] {36, 0}) {
            Processor p = Bench.prepared(factory, 1, Map.of("drive", drive, "mix", 50.0));
            float[] input = Bench.sine(1, frames, 9000, drive > 0 ? 0.9 : 0.001)[0];
            float[] out = new float[frames];
            org.mixbench.api.processor.AudioBlock block = new org.mixbench.api.processor.AudioBlock(1, Bench.BLOCK, 4);
            for (int pos = 0; pos < frames; pos += Bench.BLOCK) {
                System.arraycopy(input, pos, block.channel(0), 0, Bench.BLOCK);
                block.setFrames(Bench.BLOCK);
                block.events().clear();
                for (int k = 0; k < switches.length; k++) {
                    if (switches[k] >= pos && switches[k] < pos + Bench.BLOCK) {
                        block.events().add(switches[k] - pos, SaturationFactory.OVERSAMPLING, modes[k]);
                    }
                }
                p.process(block);
                System.arraycopy(block.channel(0), 0, out, pos, Bench.BLOCK);
            }
            for (int i = 0; i < frames; i++) {
                assertTrue(Float.isFinite(out[i]), "drive " + drive + ": non-finite at " + i);
            }
            if (drive == 0) {
                // Half dry, half wet lines up again once the switched filters (and the 5 Hz DC blocker) settle.
                for (int k = 0; k < switches.length; k++) {
                    int end = k + 1 < switches.length ? switches[k + 1] : frames;
                    for (int i = switches[k] + 12_000; i < end; i++) {
                        assertEquals(input[i - SaturationProcessor.LATENCY], out[i], 2e-6,
                                "after switch " + k + " to mode " + modes[k] + ", frame " + i);
                    }
                }
            }
        }
    }

    @Test
    void theOutputLagsByTheReportedLatencyAndTheDryPathLinesUp() {
        Processor p = Bench.prepared(factory, 1, Map.of("drive", 0.0));
        assertEquals(SaturationProcessor.LATENCY, p.latencyFrames());
        float[][] click = new float[1][1000];
        click[0][0] = 1e-3f;
        float[] y = Bench.render(p, click)[0];
        assertEquals(p.latencyFrames(), Bench.peakIndex(y, 0, 1000), "the click comes out at the latency");
        int latency = p.latencyFrames();
        for (int k = 1; k <= latency; k++) {
            // Only the 5 Hz DC blocker is not linear phase; it skews the click by well under 0.1 %.
            assertEquals(y[latency - k], y[latency + k], 2e-6, "linear phase: symmetric about the latency at " + k);
        }
        // Half dry, half wet at drive 0 is the input delayed by the latency: the two paths do not comb.
        float[][] input = Bench.sine(1, 4800, 9000, 0.001);
        float[] half = Bench.render(Bench.prepared(factory, 1, Map.of("drive", 0.0, "mix", 50.0)), input)[0];
        for (int i = 1000; i < 4800; i++) {
            assertEquals(input[0][i - SaturationProcessor.LATENCY], half[i], 2e-6, "frame " + i);
        }
    }

    @Test
    void toneTiltsTheSpectrumAroundItsPivot() {
        Map<String, Double> bright = Map.of("drive", 0.0, "tone", 6.0);
        double low = Bench.amplitude(steadyOutput(bright, 50, -40), 0, SECOND, 50) / 0.01;
        double high = Bench.amplitude(steadyOutput(bright, 15_000, -40), 0, SECOND, 15_000) / 0.01;
        assertEquals(-3, Bench.db(low), 0.3, "lows at +6 dB tilt");
        assertEquals(3, Bench.db(high), 0.3, "highs at +6 dB tilt");
    }
}
