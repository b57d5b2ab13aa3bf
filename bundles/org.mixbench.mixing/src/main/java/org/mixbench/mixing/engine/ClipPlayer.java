package org.mixbench.mixing.engine;

import java.io.IOException;

import org.mixbench.api.audio.AudioReader;
import org.mixbench.mixing.session.Session;

/**
 * Plays one clip: streams its file from the offset, applies clip gain and the fades, and adds it into a stereo
 * buffer (a mono file goes to both sides). The reader only moves forward, as the timeline does. Thread: the render
 * thread; allocates nothing after construction.
 */
final class ClipPlayer implements AutoCloseable {
    private AudioReader reader;
    private final long start;
    private final long end;
    private final long fadeIn;
    private final long fadeOut;
    private final Session.FadeCurve curve;
    private final float gain;
    private final int channels;
    private final float[][] scratch;
    private long skip;
    private boolean exhausted;

    ClipPlayer(AudioReader reader, Session.Clip clip, double rate, int maxBlock) {
        this.reader = reader;
        this.channels = reader.info().channels();
        this.start = Math.round(clip.position() * rate);
        this.skip = Math.round(clip.offset() * rate);
        long available = reader.info().frames() < 0 ? Long.MAX_VALUE / 4 : Math.max(0, reader.info().frames() - skip);
        long length = clip.length() == null ? available : Math.min(available, Math.round(clip.length() * rate));
        this.end = start + length;
        this.fadeIn = Math.round(clip.fadeIn() * rate);
        this.fadeOut = Math.round(clip.fadeOut() * rate);
        this.curve = clip.fadeCurve();
        this.gain = (float) Math.pow(10, clip.gainDb() / 20);
        this.scratch = new float[channels][maxBlock];
    }

    /** Timeline frame after the last frame of the clip. */
    long end() {
        return end;
    }

    boolean mono() {
        return channels == 1;
    }

    /** Adds the clip's frames in [{@code position}, {@code position + frames}) into {@code out}. */
    void addTo(float[][] out, long position, int frames) throws IOException {
        long from = Math.max(position, start);
        long to = Math.min(position + frames, end);
        if (from >= to || exhausted) {
            return;
        }
        while (skip > 0) {
            int n = reader.read(scratch, 0, (int) Math.min(skip, scratch[0].length));
            if (n < 0) {
                exhausted = true;
                return;
            }
            skip -= n;
        }
        int want = (int) (to - from);
        int got = 0;
        while (got < want) {
            int n = reader.read(scratch, got, want - got);
            if (n < 0) {
                exhausted = true;
                break;
            }
            got += n;
        }
        int offset = (int) (from - position);
        for (int i = 0; i < got; i++) {
            long t = from + i;
            float g = gain * fade(t);
            float l = scratch[0][i] * g;
            float r = channels > 1 ? scratch[1][i] * g : l;
            out[0][offset + i] += l;
            out[1][offset + i] += r;
        }
    }

    private float fade(long t) {
        double f = 1;
        if (fadeIn > 0 && t - start < fadeIn) {
            f *= shape((t - start + 0.5) / fadeIn);
        }
        if (fadeOut > 0 && end - t <= fadeOut) {
            f *= shape((end - t - 0.5) / fadeOut);
        }
        return (float) f;
    }

    private double shape(double x) {
        double c = Math.max(0, Math.min(1, x));
        return switch (curve) {
            case LINEAR -> c;
            case EQUAL_POWER -> Math.sin(c * Math.PI / 2);
            case EXPONENTIAL -> c <= 0 ? 0 : Math.pow(10, (c - 1) * 3);
        };
    }

    /**
     * Reads through a prefetch ring from now on; the returned ring's prefetcher reads (and closes) the file.
     * Transport thread, before rendering.
     */
    DiskPrefetcher.Ring prefetch() {
        DiskPrefetcher.Ring ring = new DiskPrefetcher.Ring(reader);
        reader = ring;
        return ring;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
