package org.mixbench.mixing.engine;

import java.util.concurrent.atomic.AtomicLong;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Real-time playback of a compiled session: a playback thread pulls blocks from the {@link MixRenderer} and writes
 * them to an {@link AudioSink}, which paces it. The UI asks for the position and stops it; no lock is shared with the
 * playback thread (a volatile flag and an atomic position). Thread: start and stop from the UI thread.
 */
@ProviderType
public final class Playback {
    private final MixRenderer renderer;
    private final AudioSink sink;
    private final AtomicLong position = new AtomicLong();
    private volatile boolean stopping;
    private volatile Throwable failure;
    private Thread thread;

    /** Playback of {@code renderer} into {@code sink}; the renderer belongs to the playback from now on. */
    public Playback(MixRenderer renderer, AudioSink sink) {
        this.renderer = renderer;
        this.sink = sink;
    }

    /** Starts the playback thread. UI thread. */
    public void start() {
        thread = new Thread(this::run, "mixbench-playback");
        thread.setDaemon(true);
        thread.setPriority(Thread.MAX_PRIORITY);
        thread.start();
    }

    private void run() {
        float[][] block = new float[2][MixRenderer.BLOCK];
        try (AudioSink s = sink) {
            s.open(renderer.sampleRate());
            int n;
            while (!stopping && (n = renderer.render(block, MixRenderer.BLOCK)) > 0) {
                s.write(block, n);
                position.addAndGet(n);
            }
        } catch (Throwable e) {
            failure = e;
        } finally {
            try {
                renderer.close();
            } catch (java.io.IOException e) {
                failure = failure == null ? e : failure;
            }
        }
    }

    /** Frames played so far. Any thread. */
    public long position() {
        return position.get();
    }

    /** Whether playback is still running. Any thread. */
    public boolean playing() {
        return thread != null && thread.isAlive();
    }

    /** What stopped playback early, if anything. Any thread. */
    public Throwable failure() {
        return failure;
    }

    /** Asks playback to stop and waits for it. UI thread. */
    public void stop() throws InterruptedException {
        stopping = true;
        if (thread != null) {
            thread.join(5000);
        }
    }

    /** Waits until playback has reached the end. */
    public void join() throws InterruptedException {
        if (thread != null) {
            thread.join();
        }
    }
}
