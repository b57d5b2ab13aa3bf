package org.mixbench.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mixbench.api.monitor.MonitorListener;

/**
 * The monitor bus hands the programme to its listeners in order and sample for sample, never makes the writing
 * thread wait or allocate, drops and counts what does not fit, and survives listeners that throw.
 */
class RingMonitorBusTest {
    private RingMonitorBus bus;

    @BeforeEach
    void activate() {
        bus = new RingMonitorBus();
        bus.activate();
    }

    @AfterEach
    void deactivate() {
        bus.deactivate();
    }

    /** Records everything as text events and keeps the samples of channel 0 and 1. */
    private static final class Recorder implements MonitorListener {
        final List<String> events = new ArrayList<>();
        final float[][] samples;
        final AtomicLong frames = new AtomicLong();
        final AtomicInteger stops = new AtomicInteger();

        Recorder(int capacity) {
            samples = new float[2][capacity];
        }

        @Override
        public void started(String source, double sampleRate, int channels) {
            events.add("start " + source + " " + (int) sampleRate + " " + channels);
        }

        @Override
        public void block(float[][] block, int n) {
            int at = (int) frames.get();
            for (int c = 0; c < block.length; c++) {
                if (at + n <= samples[c].length) {
                    System.arraycopy(block[c], 0, samples[c], at, n);
                }
            }
            frames.addAndGet(n);
        }

        @Override
        public void stopped() {
            events.add("stop");
            stops.incrementAndGet();
        }
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting until " + what);
            Thread.sleep(1);
        }
    }

    /** A deterministic test signal: distinct values per frame and channel. */
    private static float sample(long frame, int channel) {
        return (float) Math.sin(frame * 0.001 * (channel + 1)) + frame * 1e-7f + channel;
    }

    @Test
    void blocksArriveInOrderSampleForSample() throws Exception {
        int total = 600_000;
        Recorder recorder = new Recorder(total);
        bus.subscribe(recorder);
        bus.start("ramp.wav", 48_000, 2);
        float[][] block = new float[2][1024];
        long written = 0;
        int k = 0;
        while (written < total) {
            int n = (int) Math.min(total - written, 1 + (k++ * 37) % 1024); // every length from 1 to 1024
            for (int i = 0; i < n; i++) {
                block[0][i] = sample(written + i, 0);
                block[1][i] = sample(written + i, 1);
            }
            while (written - recorder.frames.get() > RingMonitorBus.CAPACITY / 2) {
                Thread.onSpinWait(); // stay well inside the ring: this test is about order, not about drops
            }
            bus.write(block, n);
            written += n;
        }
        bus.stop();
        await(() -> recorder.stops.get() == 1, "stopped");
        assertEquals(0, bus.droppedFrames());
        assertEquals(total, recorder.frames.get());
        for (int i = 0; i < total; i++) {
            if (recorder.samples[0][i] != sample(i, 0) || recorder.samples[1][i] != sample(i, 1)) {
                throw new AssertionError("frame " + i + " differs: " + recorder.samples[0][i] + ", "
                        + recorder.samples[1][i]);
            }
        }
        assertEquals(List.of("start ramp.wav 48000 2", "stop"), recorder.events);
    }

    @Test
    void startBlocksAndStopKeepTheirOrderEvenWhenStopFollowsWriteImmediately() throws Exception {
        int programmes = 300;
        List<String> seen = new ArrayList<>();
        AtomicInteger stops = new AtomicInteger();
        bus.subscribe(new MonitorListener() {
            private int current = -1;
            private long frames;

            @Override
            public void started(String source, double sampleRate, int channels) {
                current = Integer.parseInt(source);
                frames = 0;
                seen.add("start " + current);
            }

            @Override
            public void block(float[][] block, int n) {
                for (int i = 0; i < n; i++) {
                    if (block[0][i] != current || block.length > 1 && block[1][i] != -current) {
                        seen.add("foreign sample " + block[0][i] + " in programme " + current);
                        return;
                    }
                }
                frames += n;
            }

            @Override
            public void stopped() {
                seen.add("stop " + current + " after " + frames);
                current = -1;
                stops.incrementAndGet();
            }
        });
        float[][] block = new float[2][100]; // 300 programmes of 1 to 4 blocks fit in the ring: no drops
        List<String> expected = new ArrayList<>();
        for (int p = 0; p < programmes; p++) {
            bus.start(String.valueOf(p), 44_100, 1 + p % 2);
            Arrays.fill(block[0], p);
            Arrays.fill(block[1], -p);
            int blocks = 1 + p % 4;
            for (int b = 0; b < blocks; b++) {
                bus.write(block, 100);
            }
            bus.stop(); // immediately: the monitor thread is usually still on an earlier programme
            expected.add("start " + p);
            expected.add("stop " + p + " after " + blocks * 100);
        }
        await(() -> stops.get() == programmes, "every programme stopped");
        assertEquals(0, bus.droppedFrames());
        assertEquals(expected, seen);
    }

    @Test
    void aFullRingDropsWholeBlocksAndCountsThemWithoutBlockingTheWriter() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicLong delivered = new AtomicLong();
        bus.subscribe(new MonitorListener() {
            @Override
            public void started(String source, double sampleRate, int channels) {
            }

            @Override
            public void block(float[][] block, int n) {
                try {
                    release.await(); // a stalled consumer: the ring fills
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                delivered.addAndGet(n);
            }

            @Override
            public void stopped() {
            }
        });
        bus.start("stall", 48_000, 2);
        float[][] block = new float[2][512];
        long written = 0;
        long slowest = 0;
        try {
            for (int i = 0; i < 2000; i++) { // 1,024,000 frames: almost eight rings
                long t0 = System.nanoTime();
                bus.write(block, 512);
                slowest = Math.max(slowest, System.nanoTime() - t0);
                written += 512;
            }
        } finally {
            release.countDown();
        }
        long dropped = bus.droppedFrames();
        // The ring holds CAPACITY frames, and the stalled monitor thread had taken at most one chunk out of it.
        assertTrue(dropped >= written - RingMonitorBus.CAPACITY - RingMonitorBus.CHUNK, "dropped " + dropped + " of "
                + written);
        assertEquals(0, dropped % 512, "whole blocks are dropped");
        assertTrue(slowest < TimeUnit.MILLISECONDS.toNanos(20), "a write took " + slowest / 1000 + " us");
        bus.stop();
        long total = written;
        await(() -> delivered.get() + bus.droppedFrames() == total, "everything kept is delivered");
        assertEquals(written - dropped, delivered.get());
    }

    @Test
    void writingAllocatesNothingOverThousandsOfBlocks() throws Exception {
        AtomicLong received = new AtomicLong();
        AtomicBoolean stall = new AtomicBoolean();
        bus.subscribe(new MonitorListener() {
            @Override
            public void started(String source, double sampleRate, int channels) {
            }

            @Override
            public void block(float[][] block, int n) {
                while (stall.get()) {
                    Thread.onSpinWait();
                }
                received.addAndGet(n);
            }

            @Override
            public void stopped() {
            }
        });
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assertTrue(threads.isThreadAllocatedMemorySupported(), "this JVM cannot measure allocation");
        long writer = Thread.currentThread().getId();
        bus.start("allocation", 48_000, 2);
        float[][] stereo = new float[2][256];
        float[][] mono = {stereo[0]};
        long[] written = {0};
        List<Long> rounds = new ArrayList<>();
        int zeros = 0;
        while (zeros < 10 && rounds.size() < 100) {
            long before = threads.getThreadAllocatedBytes(writer);
            writeRound(stereo, mono, written, received, stall);
            long bytes = threads.getThreadAllocatedBytes(writer) - before;
            rounds.add(bytes);
            zeros = bytes == 0 ? zeros + 1 : 0;
        }
        assertEquals(10, zeros, "bytes allocated by the writing thread per round of 5000 writes: " + rounds);
        assertTrue(bus.droppedFrames() > 0, "the dropping path ran too");
        bus.stop();
    }

    private void writeRound(float[][] stereo, float[][] mono, long[] written, AtomicLong received,
            AtomicBoolean stall) {
        for (int k = 0; k < 5000; k++) {
            if (k < 4500) {
                while (written[0] - bus.droppedFrames() - received.get() > RingMonitorBus.CAPACITY / 2) {
                    Thread.onSpinWait();
                }
                int n = 1 + k % 256;
                bus.write(k % 7 == 0 ? mono : stereo, n);
                written[0] += n;
            } else {
                stall.set(true); // 500 x 256 frames > the ring: it fills and the rest is dropped
                bus.write(stereo, 256);
                written[0] += 256;
            }
        }
        stall.set(false);
    }

    @Test
    void aThrowingListenerIsRemovedAndTheOthersGoOn() throws Exception {
        AtomicInteger throwerCalls = new AtomicInteger();
        bus.subscribe(new MonitorListener() {
            @Override
            public void started(String source, double sampleRate, int channels) {
            }

            @Override
            public void block(float[][] block, int n) {
                throwerCalls.incrementAndGet();
                throw new IllegalStateException("a faulty meter");
            }

            @Override
            public void stopped() {
            }
        });
        Recorder good = new Recorder(10_000);
        bus.subscribe(good);
        float[][] block = new float[1][1000];
        for (int p = 0; p < 2; p++) {
            bus.start("p" + p, 48_000, 1);
            for (int b = 0; b < 5; b++) {
                bus.write(block, 1000);
            }
            bus.stop();
        }
        await(() -> good.stops.get() == 2, "both programmes stopped");
        assertEquals(10_000, good.frames.get());
        assertEquals(List.of("start p0 48000 1", "stop", "start p1 48000 1", "stop"), good.events);
        assertEquals(1, throwerCalls.get(), "the throwing listener was removed after its first failure");
    }

    @Test
    void aListenerJoiningMidProgrammeIsToldItStartedAndClosingUnsubscribes() throws Exception {
        Recorder first = new Recorder(10_000);
        bus.subscribe(first);
        bus.start("live", 96_000, 2);
        float[][] block = new float[2][100];
        bus.write(block, 100);
        await(() -> first.frames.get() == 100, "the first block");
        Recorder late = new Recorder(10_000);
        AutoCloseable handle = bus.subscribe(late);
        bus.write(block, 100);
        await(() -> late.frames.get() == 100, "the late listener's first block");
        handle.close();
        bus.write(block, 100);
        bus.stop();
        await(() -> first.stops.get() == 1, "stopped");
        assertEquals(List.of("start live 96000 2"), late.events, "told of the programme, then unsubscribed");
        assertEquals(100, late.frames.get());
        assertEquals(300, first.frames.get());
    }

    @Test
    void deactivatingEndsTheProgrammeForListenersAndStopsTheMonitorThread() throws Exception {
        Recorder recorder = new Recorder(10_000);
        bus.subscribe(recorder);
        bus.start("cut", 48_000, 2);
        bus.write(new float[2][480], 480);
        bus.deactivate();
        assertEquals(List.of("start cut 48000 2", "stop"), recorder.events);
        assertEquals(480, recorder.frames.get());
        assertFalse(Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals("mixbench-monitor") && t.isAlive()), "the monitor thread ended");
    }
}
