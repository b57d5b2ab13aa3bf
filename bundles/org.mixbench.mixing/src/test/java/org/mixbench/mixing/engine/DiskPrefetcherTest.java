package org.mixbench.mixing.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;
import org.mixbench.api.audio.AudioFileInfo;
import org.mixbench.api.audio.AudioReader;

class DiskPrefetcherTest {
    /** A stereo file in memory; reads past {@code gateAt} wait until {@code gate} opens. */
    private static AudioReader memory(float[][] audio, long gateAt, CountDownLatch gate) {
        AudioFileInfo info = new AudioFileInfo("test", "float", 48_000, 2, audio[0].length, 32, List.of(), Map.of());
        return new AudioReader() {
            private int at;

            @Override
            public AudioFileInfo info() {
                return info;
            }

            @Override
            public int read(float[][] buffers, int offset, int frames) {
                if (at >= gateAt) {
                    try {
                        gate.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                if (at == audio[0].length) {
                    return -1;
                }
                long limit = at < gateAt ? Math.min(frames, gateAt - at) : frames;
                int n = (int) Math.min(limit, audio[0].length - at);
                for (int c = 0; c < 2; c++) {
                    System.arraycopy(audio[c], at, buffers[c], offset, n);
                }
                at += n;
                return n;
            }

            @Override
            public void close() {
            }
        };
    }

    private static float[][] noise(int frames) {
        Random random = new Random(11);
        float[][] x = new float[2][frames];
        for (float[] c : x) {
            for (int i = 0; i < frames; i++) {
                c[i] = random.nextFloat() - 0.5f;
            }
        }
        return x;
    }

    @Test
    void aRingDeliversItsFileSampleForSampleWhateverTheReadSizes() throws Exception {
        float[][] audio = noise(48_000 * 5);
        DiskPrefetcher.Ring ring = new DiskPrefetcher.Ring(memory(audio, Long.MAX_VALUE, new CountDownLatch(0)));
        try (DiskPrefetcher prefetcher = new DiskPrefetcher(List.of(ring))) {
            assertTrue(prefetcher.awaitFilled(2000));
            float[][] out = new float[2][audio[0].length];
            Random sizes = new Random(2);
            int at = 0;
            while (true) {
                while (ring.buffered() == 0 && !ring.ended()) {
                    Thread.onSpinWait(); // the test reads faster than real time; playback never waits like this
                }
                int n = ring.read(out, at, Math.max(1, Math.min(1 + sizes.nextInt(2000), out[0].length - at)));
                if (n < 0) {
                    break;
                }
                at += n;
            }
            assertEquals(audio[0].length, at);
            for (int c = 0; c < 2; c++) {
                for (int i = 0; i < at; i++) {
                    assertEquals(Float.floatToRawIntBits(audio[c][i]), Float.floatToRawIntBits(out[c][i]),
                            "channel " + c + " frame " + i);
                }
            }
            assertEquals(0, prefetcher.underrunFrames());
        }
    }

    @Test
    void whenTheDiskIsLateTheClipPlaysSilenceAndStaysInTime() throws Exception {
        float[][] audio = noise(48_000 * 3);
        CountDownLatch gate = new CountDownLatch(1);
        DiskPrefetcher.Ring ring = new DiskPrefetcher.Ring(memory(audio, 10_000, gate));
        try (DiskPrefetcher prefetcher = new DiskPrefetcher(List.of(ring))) {
            prefetcher.awaitFilled(300);
            float[][] out = new float[2][512];
            int position = 0;
            while (position < 10_000) {
                position += ring.read(out, 0, Math.min(512, 10_000 - position));
            }
            assertEquals(512, ring.read(out, 0, 512), "the disk is stuck: silence, not a wait");
            for (int i = 0; i < 512; i++) {
                assertEquals(0f, out[0][i]);
            }
            position += 512;
            assertEquals(512, prefetcher.underrunFrames());
            gate.countDown();
            while (ring.buffered() < 5_000) {
                Thread.sleep(1);
            }
            int n = ring.read(out, 0, 512);
            for (int i = 0; i < n; i++) {
                assertEquals(audio[0][position + i], out[0][i], "in time again at frame " + (position + i));
            }
        }
    }

    @Test
    void readingFromARingAllocatesNothing() throws Exception {
        float[][] audio = noise(48_000 * 30);
        DiskPrefetcher.Ring ring = new DiskPrefetcher.Ring(memory(audio, Long.MAX_VALUE, new CountDownLatch(0)));
        try (DiskPrefetcher prefetcher = new DiskPrefetcher(List.of(ring))) {
            prefetcher.awaitFilled(2000);
            float[][] out = new float[2][512];
            long allocated = org.mixbench.testkit.Allocations.during(100, 2000, () -> ring.read(out, 0, 512));
            assertTrue(allocated < 2000, "allocated " + allocated + " bytes");
        }
    }
}
