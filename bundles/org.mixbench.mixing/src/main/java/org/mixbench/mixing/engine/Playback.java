package org.mixbench.mixing.engine;

import java.util.concurrent.atomic.AtomicLong;

import org.mixbench.api.monitor.MonitorBus;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Real-time playback of a compiled session: a playback thread pulls blocks from the {@link MixRenderer} and writes
 * them to an {@link AudioSink}, which paces it. A processor slower than real time (over budget for a run of blocks) is
 * bypassed and reported, so playback goes on. Clips stream from disk on a prefetch thread
 * ({@link MixRenderer#prefetch}), so the playback thread does no file I/O. The UI asks for the position and stops
 * it; no lock is shared with the playback thread (a volatile flag and an atomic position). Thread: start and stop
 * from the UI thread.
 */
@ProviderType
public final class Playback {
    private final MixRenderer renderer;
    private final AudioSink sink;
    private final MonitorBus monitor;
    private final String source;
    private final AtomicLong position = new AtomicLong();
    private volatile boolean stopping;
    private volatile Throwable failure;
    private Thread thread;

    /** Playback of {@code renderer} into {@code sink}; the renderer belongs to the playback from now on. */
    public Playback(MixRenderer renderer, AudioSink sink) {
        this(renderer, sink, null, null);
    }

    /**
     * As {@link #Playback(MixRenderer, AudioSink)}, also handing every played block to {@code monitor} (when not
     * null) as the programme {@code source}, so meters follow what is heard. UI thread.
     */
    public Playback(MixRenderer renderer, AudioSink sink, MonitorBus monitor, String source) {
        this.renderer = renderer;
        this.renderer.setTimeBudget(1);
        this.sink = sink;
        this.monitor = monitor;
        this.source = source == null ? "playback" : source;
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
            renderer.prefetch();
            s.open(renderer.sampleRate());
            if (monitor != null) {
                monitor.start(source, renderer.sampleRate(), 2);
            }
            int n;
            while (!stopping && (n = renderer.render(block, MixRenderer.BLOCK)) > 0) {
                s.write(block, n);
                if (monitor != null) {
                    monitor.write(block, n);
                }
                position.addAndGet(n);
            }
        } catch (Throwable e) {
            failure = e;
        } finally {
            if (monitor != null) {
                monitor.stop();
            }
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
