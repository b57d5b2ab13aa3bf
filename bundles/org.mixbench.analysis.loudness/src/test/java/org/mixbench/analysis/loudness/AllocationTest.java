package org.mixbench.analysis.loudness;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.mixbench.api.processor.AudioBlock;

/**
 * The processing paths allocate nothing, measured with the JVM's per-thread allocation counter around many blocks
 * after a warm-up round (any allocation costs at least 16 bytes, so the measured rounds must stay below one byte per
 * block on average). Memory stays bounded by construction, and an hour of audio through a meter allocates nothing.
 */
class AllocationTest {
    private static final int ROUNDS = 5;

    private interface Call {
        void run(int k);
    }

    private static void assertAllocatesNothing(String what, int callsPerRound, Call call) {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assertTrue(threads.isThreadAllocatedMemorySupported(), "this JVM cannot measure allocation");
        long[] allocated = new long[ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            long before = threads.getCurrentThreadAllocatedBytes();
            for (int k = 0; k < callsPerRound; k++) {
                call.run(k);
            }
            allocated[round] = threads.getCurrentThreadAllocatedBytes() - before;
        }
        long measured = 0;
        for (int round = 1; round < ROUNDS; round++) {
            measured += allocated[round];
        }
        long calls = (long) callsPerRound * (ROUNDS - 1);
        assertTrue(measured < calls, what + " allocates: " + measured + " bytes over " + calls + " calls (per round "
                + Arrays.toString(allocated) + ")");
    }

    /** Loudness metering with a 10 ms history, blocks of every length, and resets, allocates nothing. */
    @Test
    void loudnessMeteringAllocatesNothingPerBlock() {
        float[][] music = MusicSignal.render(48_000, 2, 4, 3);
        LoudnessMeter[] meters = {new LoudnessMeter(48_000, 2), new LoudnessMeter(44_100, 2),
            new LoudnessMeter(22_050, 2)};
        double[] sink = new double[2];
        for (LoudnessMeter meter : meters) {
            meter.setHistoryListener(0.01, (i, m, s) -> {
                sink[0] = m;
                sink[1] = s;
            });
        }
        AudioBlock block = new AudioBlock(2, 4096, 1);
        int length = music[0].length;
        int[] at = {0};
        assertAllocatesNothing("LoudnessMeter.process", 20_000, k -> {
            LoudnessMeter meter = meters[k % meters.length];
            int n = Signals.blockLength(k);
            if (at[0] + n > length) {
                at[0] = 0;
            }
            if (k % 2 == 0) {
                meter.process(music, at[0], n);
            } else {
                System.arraycopy(music[0], at[0], block.channel(0), 0, n);
                System.arraycopy(music[1], at[0], block.channel(1), 0, n);
                block.setFrames(n);
                meter.process(block);
            }
            at[0] += n;
            if (k % 5000 == 4999) {
                meter.reset();
            }
        });
    }

    /** True-peak metering at 4x, 2x and 1x, with finish and reset, allocates nothing. */
    @Test
    void truePeakMeteringAllocatesNothingPerBlock() {
        float[][] music = MusicSignal.render(48_000, 2, 4, 4);
        TruePeakMeter[] meters = {new TruePeakMeter(48_000, 2), new TruePeakMeter(96_000, 2),
            new TruePeakMeter(192_000, 2)};
        AudioBlock block = new AudioBlock(2, 4096, 1);
        int length = music[0].length;
        int[] at = {0};
        assertAllocatesNothing("TruePeakMeter.process", 20_000, k -> {
            TruePeakMeter meter = meters[k % meters.length];
            int n = Signals.blockLength(k);
            if (at[0] + n > length) {
                at[0] = 0;
            }
            if (k % 2 == 0) {
                meter.process(music, at[0], n);
            } else {
                System.arraycopy(music[0], at[0], block.channel(0), 0, n);
                System.arraycopy(music[1], at[0], block.channel(1), 0, n);
                block.setFrames(n);
                meter.process(block);
            }
            at[0] += n;
            if (k % 5000 == 4999) {
                meter.finish();
                meter.reset();
            }
        });
    }

    /**
     * An hour of 48 kHz stereo (the same 4 s of material over and over, in 4800-frame blocks) through a loudness meter
     * allocates nothing: nothing grows with the length of the input.
     */
    @Test
    void anHourOfAudioAllocatesNothing() {
        float[][] music = MusicSignal.render(48_000, 2, 4, 8);
        LoudnessMeter meter = new LoudnessMeter(48_000, 2);
        int blocksPerPass = music[0].length / 4800;
        int passes = 3600 / 4;
        assertAllocatesNothing("an hour of LoudnessMeter.process", passes * blocksPerPass / (ROUNDS - 1) + 1, k -> {
            meter.process(music, (k % blocksPerPass) * 4800, 4800);
        });
        assertTrue(meter.snapshot().durationSeconds() > 3600, "measured " + meter.snapshot().durationSeconds());
    }
}
