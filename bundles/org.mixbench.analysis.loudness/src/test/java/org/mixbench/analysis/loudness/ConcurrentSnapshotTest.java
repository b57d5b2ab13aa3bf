package org.mixbench.analysis.loudness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

/**
 * Snapshots read on another thread while the analysis thread runs are always one complete publication. The signals
 * make a torn snapshot visible: every channel carries the same samples, and each block's level is a function of the
 * frames measured before it, so a snapshot that mixed two publications would show unequal channels or peaks that do
 * not match its frame count.
 */
class ConcurrentSnapshotTest {
    private static final int CHANNELS = 8;
    private static final int BLOCK = 64;
    private static final int BLOCKS = 60_000;

    /** The sample peak after {@code frames} frames of the ramp: block {@code b} peaks at {@code (b + 1) / BLOCKS}. */
    private static double peakAfter(long frames) {
        return frames == 0 ? 0 : (float) ((double) (frames / BLOCK) / BLOCKS);
    }

    @Test
    void peakSnapshotsReadWhileMeasuringAreNeverTorn() throws InterruptedException {
        TruePeakMeter meter = new TruePeakMeter(192_000, CHANNELS);
        AtomicBoolean done = new AtomicBoolean();
        AtomicReference<String> failure = new AtomicReference<>();
        AtomicLong reads = new AtomicLong();
        Thread reader = new Thread(() -> {
            while (!done.get() && failure.get() == null) {
                PeakSnapshot s = meter.snapshot();
                reads.incrementAndGet();
                double expected = peakAfter(s.frames());
                for (int c = 0; c < CHANNELS; c++) {
                    if (s.samplePeak(c) != expected || s.truePeak(c) != expected) {
                        failure.set("torn snapshot: " + s + ", expected peaks " + expected);
                    }
                }
            }
        });
        reader.start();
        float[] x = new float[BLOCK];
        float[][] channels = Signals.same(x, CHANNELS);
        for (int b = 0; b < BLOCKS; b++) {
            java.util.Arrays.fill(x, (float) ((double) (b + 1) / BLOCKS));
            meter.process(channels, 0, BLOCK);
        }
        done.set(true);
        reader.join();
        assertNull(failure.get());
        assertTrue(reads.get() > 100, "the reader ran: " + reads.get() + " reads");
    }

    @Test
    void loudnessSnapshotsReadWhileMeasuringAreNeverTorn() throws InterruptedException {
        LoudnessMeter meter = new LoudnessMeter(48_000, 2);
        float[][] music = Signals.same(Signals.tones(48_000, -23, 30), 2);
        AtomicBoolean done = new AtomicBoolean();
        AtomicReference<String> failure = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            long lastFrames = 0;
            while (!done.get() && failure.get() == null) {
                LoudnessSnapshot s = meter.snapshot();
                boolean consistent = s.frames() >= lastFrames
                        && (s.frames() < 240 || s.momentaryMaxLufs() >= s.momentaryLufs())
                        && (s.frames() < 240 || s.shortTermMaxLufs() >= s.shortTermLufs())
                        && s.gatingBlocks() == (s.frames() < 19_200 ? 0 : (s.frames() - 19_200) / 4800 + 1);
                if (!consistent) {
                    failure.set("inconsistent snapshot " + s);
                }
                lastFrames = s.frames();
            }
        });
        reader.start();
        for (int at = 0; at < music[0].length; at += 100) {
            meter.process(music, at, Math.min(100, music[0].length - at));
        }
        done.set(true);
        reader.join();
        assertNull(failure.get());
        assertEquals(music[0].length, meter.snapshot().frames());
    }
}
