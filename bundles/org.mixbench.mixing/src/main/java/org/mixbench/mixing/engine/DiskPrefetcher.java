package org.mixbench.mixing.engine;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.mixbench.api.audio.AudioFileInfo;
import org.mixbench.api.audio.AudioReader;

/**
 * Reads the clips of a playing session ahead of the audio thread: one disk thread fills a ring per clip from its
 * file, and the render threads only copy out of the rings, so file I/O (and the locks the JDK takes inside it) never
 * happens on the audio path. A ring holds {@value #RING_SECONDS} seconds. If the disk falls behind, the clip plays
 * silence for the frames that are late and skips them when they arrive, so it stays in time, and the shortfall is
 * counted ({@link #underrunFrames()}). Thread: created and closed by the transport; {@link Ring#read} on the render
 * threads (one reader per ring at a time); the rest on its own disk thread.
 */
final class DiskPrefetcher implements AutoCloseable {
    static final double RING_SECONDS = 2;
    private static final int CHUNK = 8192;
    private static final long IDLE_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

    private final List<Ring> rings;
    private final Thread thread;
    private volatile boolean closed;

    /** Starts reading ahead for {@code rings}. Transport thread. */
    DiskPrefetcher(List<Ring> rings) {
        this.rings = List.copyOf(rings);
        this.thread = new Thread(this::loop, "mixbench-disk");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Waits until every ring is full or holds the rest of its file, at most {@code timeoutMillis}; returns whether
     * they all got there. Transport thread.
     */
    boolean awaitFilled(long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (System.nanoTime() < deadline) {
            boolean all = true;
            for (Ring r : rings) {
                all &= r.ended || r.failure != null || r.buffered() > r.capacity - CHUNK / 2;
            }
            if (all) {
                return true;
            }
            Thread.sleep(2);
        }
        return false;
    }

    /** Frames played as silence because the disk was late, over all clips. Any thread. */
    long underrunFrames() {
        long sum = 0;
        for (Ring r : rings) {
            sum += r.underruns;
        }
        return sum;
    }

    private void loop() {
        float[][] scratch = new float[2][CHUNK];
        while (!closed) {
            boolean worked = false;
            for (Ring r : rings) {
                worked |= r.fill(scratch);
            }
            if (!worked) {
                LockSupport.parkNanos(this, IDLE_PARK_NANOS);
            }
        }
    }

    /** Stops the disk thread and closes the sources. Transport thread. */
    @Override
    public void close() throws IOException {
        closed = true;
        LockSupport.unpark(thread);
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        IOException first = null;
        for (Ring r : rings) {
            try {
                r.source.close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /**
     * One clip's ring: a single-producer (the disk thread), single-consumer (a render thread) buffer of its file's
     * samples, read as an {@link AudioReader}. Closing it does nothing: the prefetcher closes the source.
     */
    static final class Ring implements AudioReader {
        private final AudioReader source;
        private final AudioFileInfo info;
        private final float[][] ring;
        private final int capacity;
        /** Frames the disk thread has put in the ring (written after the samples). */
        private volatile long written;
        /** Frames the reader has taken out (or skipped). */
        private volatile long taken;
        private volatile boolean ended;
        private volatile IOException failure;
        /** Reader side: frames delivered as silence and still to be skipped when they arrive. */
        private long debt;
        private volatile long underruns;

        /** A ring of {@value #RING_SECONDS} seconds for {@code source}. Transport thread. */
        Ring(AudioReader source) {
            this.source = source;
            this.info = source.info();
            this.capacity = (int) Math.max(CHUNK * 2, RING_SECONDS * info.sampleRate());
            this.ring = new float[info.channels()][capacity];
        }

        @Override
        public AudioFileInfo info() {
            return info;
        }

        long buffered() {
            return written - taken;
        }

        /** Whether the disk thread has reached the end of the file. */
        boolean ended() {
            return ended;
        }

        /** Disk thread: reads one chunk from the file if there is room. Returns whether it did anything. */
        boolean fill(float[][] scratch) {
            if (ended || failure != null) {
                return false;
            }
            int room = (int) Math.min(capacity - (written - taken), CHUNK);
            if (room < CHUNK / 2) {
                return false;
            }
            float[][] target = scratch.length >= ring.length ? scratch : new float[ring.length][CHUNK];
            try {
                int n = source.read(target, 0, room);
                if (n < 0) {
                    ended = true;
                    return true;
                }
                int at = (int) (written % capacity);
                int first = Math.min(n, capacity - at);
                for (int c = 0; c < ring.length; c++) {
                    System.arraycopy(target[c], 0, ring[c], at, first);
                    System.arraycopy(target[c], first, ring[c], 0, n - first);
                }
                written += n;
                return n > 0;
            } catch (IOException e) {
                failure = e;
                return false;
            }
        }

        /**
         * Render thread: up to {@code frames} frames from the ring; when the disk is late, silence for them (skipped
         * later, so the clip stays in time); -1 after the end of the file. Never blocks, never allocates.
         */
        @Override
        public int read(float[][] buffers, int offset, int frames) throws IOException {
            IOException f = failure;
            if (f != null) {
                throw f;
            }
            long available = written - taken;
            if (debt > 0 && available > 0) {
                long skip = Math.min(debt, available);
                taken += skip;
                debt -= skip;
                available -= skip;
            }
            if (available == 0) {
                if (ended && written == taken) {
                    return -1;
                }
                for (int c = 0; c < ring.length; c++) {
                    java.util.Arrays.fill(buffers[c], offset, offset + frames, 0f);
                }
                debt += frames;
                underruns += frames;
                return frames;
            }
            int n = (int) Math.min(frames, available);
            int at = (int) (taken % capacity);
            int first = Math.min(n, capacity - at);
            for (int c = 0; c < ring.length; c++) {
                System.arraycopy(ring[c], at, buffers[c], offset, first);
                System.arraycopy(ring[c], 0, buffers[c], offset + first, n - first);
            }
            taken += n;
            return n;
        }

        @Override
        public void close() {
            // the prefetcher owns the source
        }
    }
}
