package org.mixbench.mixing.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixbench.mixing.session.Session;

/** Playback drives the same graph as the offline render into a sink: tested with a virtual sink. */
class PlaybackTest {
    @TempDir
    Path dir;

    /** Collects what it is given; optionally blocks like a device by sleeping per block. */
    static final class VirtualSink implements AudioSink {
        final float[][] received;
        int frames;
        boolean opened;
        boolean closed;
        final long nanosPerBlock;

        VirtualSink(int capacity, long nanosPerBlock) {
            received = new float[2][capacity];
            this.nanosPerBlock = nanosPerBlock;
        }

        @Override
        public void open(double sampleRate) {
            opened = true;
        }

        @Override
        public void write(float[][] stereo, int n) throws InterruptedException {
            System.arraycopy(stereo[0], 0, received[0], frames, n);
            System.arraycopy(stereo[1], 0, received[1], frames, n);
            frames += n;
            if (nanosPerBlock > 0) {
                Thread.sleep(0, (int) Math.min(999_999, nanosPerBlock));
            }
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private Session session() throws Exception {
        float[][] tone = new float[2][48_000];
        for (int i = 0; i < tone[0].length; i++) {
            tone[0][i] = (float) (0.5 * Math.sin(2 * Math.PI * 440 * i / 48_000.0));
            tone[1][i] = tone[0][i];
        }
        Fixtures.wav(dir.resolve("tone.wav"), tone);
        return new Session(Session.FORMAT, 1, 48_000, 120, List.of(Fixtures.track("t", "tone.wav",
                Fixtures.strip(List.of(), -6, 0, Session.PanLaw.MINUS_3, "master", List.of()), List.of())), List.of(),
                null);
    }

    @Test
    void playbackDeliversExactlyWhatTheOfflineRenderProduces() throws Exception {
        Session s = session();
        float[][] offline = Fixtures.render(s, dir, null);
        VirtualSink sink = new VirtualSink(offline[0].length, 0);
        Playback playback = new Playback(MixRenderer.compile(s, dir, Fixtures.registry(), Fixtures.files()),
                sink);
        playback.start();
        playback.join();
        assertNull(playback.failure());
        assertTrue(sink.opened && sink.closed);
        assertEquals(offline[0].length, sink.frames);
        assertEquals(offline[0].length, playback.position());
        for (int c = 0; c < 2; c++) {
            for (int i = 0; i < offline[c].length; i++) {
                assertEquals(offline[c][i], sink.received[c][i], 0.0, "frame " + i);
            }
        }
    }

    @Test
    void stoppingEndsPlaybackAndReleasesTheSink() throws Exception {
        Session s = session();
        VirtualSink sink = new VirtualSink(48_000 * 2, 900_000);
        Playback playback = new Playback(MixRenderer.compile(s, dir, Fixtures.registry(), Fixtures.files()),
                sink);
        playback.start();
        Thread.sleep(20);
        playback.stop();
        assertFalse(playback.playing());
        assertTrue(sink.closed);
        assertTrue(playback.position() < 48_000, "stopped before the end");
    }

    /** A bus that records what the transport gives it, in order. */
    static final class RecordingBus implements org.mixbench.api.monitor.MonitorBus {
        final List<String> events = new java.util.ArrayList<>();
        float[][] received = new float[2][48_000];
        int frames;

        @Override
        public void start(String source, double sampleRate, int channels) {
            events.add("start " + source + " " + (int) sampleRate + " " + channels);
        }

        @Override
        public void write(float[][] block, int n) {
            System.arraycopy(block[0], 0, received[0], frames, n);
            System.arraycopy(block[1], 0, received[1], frames, n);
            frames += n;
        }

        @Override
        public void stop() {
            events.add("stop after " + frames);
        }

        @Override
        public long droppedFrames() {
            return 0;
        }

        @Override
        public AutoCloseable subscribe(org.mixbench.api.monitor.MonitorListener listener) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void theMonitorBusHearsEveryPlayedBlockBetweenStartAndStop() throws Exception {
        Session s = session();
        VirtualSink sink = new VirtualSink(48_000, 0);
        RecordingBus bus = new RecordingBus();
        Playback playback = new Playback(MixRenderer.compile(s, dir, Fixtures.registry(), Fixtures.files()),
                sink, bus, "song.session.json");
        playback.start();
        playback.join();
        assertEquals(List.of("start song.session.json 48000 2", "stop after 48000"), bus.events);
        for (int c = 0; c < 2; c++) {
            for (int i = 0; i < sink.frames; i++) {
                assertEquals(sink.received[c][i], bus.received[c][i], 0.0, "frame " + i);
            }
        }
    }
}
