package org.mixbench.core.internal;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.mixbench.api.monitor.MonitorBus;
import org.mixbench.api.monitor.MonitorListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * The monitor bus: a single-producer, single-consumer ring of {@value #CAPACITY} frames of up to
 * {@value #MAX_CHANNELS} planar channels (1 MB, allocated once), filled by the audio thread and drained by one daemon
 * monitor thread that calls the listeners.
 *
 * <p>How ordering holds. The producer owns {@code head} (frames ever written) and the consumer owns {@code tail}
 * (frames ever read); both only grow and are published through volatile writes after the samples they cover, so the
 * ring needs no lock. {@code start} and {@code stop} put an event holding the value of {@code head} at that moment on
 * a lock-free queue: the frames of a programme are exactly those between its start and stop positions. The consumer
 * reads {@code head} before it looks at the events, so an event it has not seen yet cannot lie before a frame it
 * delivers; it delivers frames up to the next event's position, then the event. A block written before {@code stop}
 * therefore always reaches the listeners before {@code stopped}.
 *
 * <p>The monitor thread parks for {@value #ACTIVE_PARK_MS} ms when the ring is empty during a programme and up to
 * {@value #IDLE_PARK_MS} ms between programmes ({@code start} wakes it); {@code write} never wakes it, since unparking
 * may take a lock inside the JVM.
 */
@Component(service = MonitorBus.class)
public final class RingMonitorBus implements MonitorBus {
    /** Frames the ring holds: 2.7 s at 48 kHz. */
    static final int CAPACITY = 1 << 17;
    /** Channels the ring carries. */
    static final int MAX_CHANNELS = 2;
    /** Largest block handed to a listener. */
    static final int CHUNK = 4096;
    static final long ACTIVE_PARK_MS = 1;
    static final long IDLE_PARK_MS = 50;
    private static final int MASK = CAPACITY - 1;
    private static final System.Logger LOG = System.getLogger(RingMonitorBus.class.getName());

    /** A start or stop, at the ring position where it happened. */
    private record Event(long position, boolean start, String source, double sampleRate, int channels) {
    }

    /** One subscriber; {@code programme} is the consumer's record of the programme it was told about. */
    private static final class Entry {
        final MonitorListener listener;
        long programme;

        Entry(MonitorListener listener) {
            this.listener = listener;
        }
    }

    private final float[][] ring = new float[MAX_CHANNELS][CAPACITY];
    private final Queue<Event> events = new ConcurrentLinkedQueue<>();
    private final List<Entry> listeners = new CopyOnWriteArrayList<>();

    // Producer side.
    /** Frames ever written; written by the producer only, after the samples. */
    private volatile long head;
    /** Channels of the running programme, 0 when none runs. */
    private volatile int producerChannels;
    private volatile long dropped;

    // Consumer side.
    /** Frames ever read; written by the monitor thread only, after it copied them out. */
    private volatile long tail;
    private final float[][] scratch = new float[MAX_CHANNELS][CHUNK];
    private final float[][][] views = {{scratch[0]}, {scratch[0], scratch[1]}};
    /** The programme the monitor thread is delivering: its number (from 1), or 0 between programmes. */
    private long programme;
    private long programmes;
    private Event current;

    private volatile boolean running;
    private Thread thread;

    /** Used by DS; {@link #activate()} starts the monitor thread. */
    public RingMonitorBus() {
    }

    /** Starts the monitor thread. Public so that tests of other bundles can run a real bus. */
    @Activate
    public void activate() {
        running = true;
        thread = new Thread(this::drainLoop, "mixbench-monitor");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Stops the monitor thread after it has delivered what is in the ring; a programme still running is ended for
     * the listeners ({@code stopped}). Waits up to two seconds.
     */
    @Deactivate
    public void deactivate() {
        running = false;
        Thread t = thread;
        if (t != null) {
            LockSupport.unpark(t);
            try {
                t.join(TimeUnit.SECONDS.toMillis(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }

    @Override
    public void start(String source, double sampleRate, int channels) {
        if (!(sampleRate > 0) || Double.isInfinite(sampleRate)) {
            throw new IllegalArgumentException("sample rate must be positive: " + sampleRate);
        }
        if (channels < 1 || channels > MAX_CHANNELS) {
            throw new IllegalArgumentException("the monitor bus carries 1 to " + MAX_CHANNELS + " channels, not "
                    + channels);
        }
        if (producerChannels != 0) {
            stop();
        }
        events.add(new Event(head, true, source == null ? "" : source, sampleRate, channels));
        producerChannels = channels;
        Thread t = thread;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    @Override
    public void write(float[][] block, int frames) {
        int channels = producerChannels;
        if (channels == 0 || block == null || frames <= 0 || block.length == 0) {
            return;
        }
        int given = Math.min(channels, block.length);
        int n = frames;
        for (int c = 0; c < given; c++) {
            if (block[c] == null) {
                return;
            }
            n = Math.min(n, block[c].length);
        }
        long h = head;
        if (n > CAPACITY - (h - tail)) {
            dropped += n;
            return;
        }
        int at = (int) (h & MASK);
        int first = Math.min(n, CAPACITY - at);
        for (int c = 0; c < channels; c++) {
            float[] from = block[Math.min(c, given - 1)]; // a mono block feeds both channels of a stereo programme
            System.arraycopy(from, 0, ring[c], at, first);
            System.arraycopy(from, first, ring[c], 0, n - first);
        }
        head = h + n;
    }

    @Override
    public void stop() {
        if (producerChannels == 0) {
            return;
        }
        producerChannels = 0;
        events.add(new Event(head, false, null, 0, 0));
    }

    @Override
    public long droppedFrames() {
        return dropped;
    }

    @Override
    public AutoCloseable subscribe(MonitorListener listener) {
        Entry entry = new Entry(java.util.Objects.requireNonNull(listener, "listener"));
        listeners.add(entry);
        return () -> listeners.remove(entry);
    }

    /** The monitor thread: delivers until deactivated, then what is left. */
    private void drainLoop() {
        while (running) {
            if (!drain()) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(programme != 0 ? ACTIVE_PARK_MS : IDLE_PARK_MS));
            }
        }
        drain();
        if (programme != 0) {
            deliverStopped();
        }
    }

    /** Delivers everything written so far, in order. Monitor thread. Returns whether there was anything. */
    private boolean drain() {
        boolean any = false;
        while (true) {
            long available = head; // before looking at the events: see the class comment
            Event next = events.peek();
            long limit = next != null ? Math.min(next.position(), available) : available;
            if (tail < limit) {
                deliverFrames(limit);
                any = true;
            } else if (next != null && tail == next.position()) {
                events.poll();
                if (next.start()) {
                    if (programme != 0) {
                        deliverStopped();
                    }
                    programme = ++programmes;
                    current = next;
                    for (Entry e : listeners) {
                        ensureStarted(e);
                    }
                } else if (programme != 0) {
                    deliverStopped();
                }
                any = true;
            } else {
                return any;
            }
        }
    }

    /** Copies the frames from {@code tail} to {@code limit} out of the ring in chunks and hands them on. */
    private void deliverFrames(long limit) {
        while (tail < limit) {
            int n = (int) Math.min(CHUNK, limit - tail);
            if (programme == 0) {
                tail += n; // frames with no programme cannot exist, but never stall on them
                continue;
            }
            int channels = current.channels();
            int at = (int) (tail & MASK);
            int first = Math.min(n, CAPACITY - at);
            for (int c = 0; c < channels; c++) {
                System.arraycopy(ring[c], at, scratch[c], 0, first);
                System.arraycopy(ring[c], 0, scratch[c], first, n - first);
            }
            tail += n;
            float[][] view = views[channels - 1];
            for (Entry e : listeners) {
                if (ensureStarted(e)) {
                    try {
                        e.listener.block(view, n);
                    } catch (RuntimeException | Error ex) {
                        fail(e, "block", ex);
                    }
                }
            }
        }
    }

    /** Tells {@code e} about the current programme if it has not been told yet; false if it failed doing so. */
    private boolean ensureStarted(Entry e) {
        if (e.programme == programme) {
            return true;
        }
        try {
            e.listener.started(current.source(), current.sampleRate(), current.channels());
            e.programme = programme;
            return true;
        } catch (RuntimeException | Error ex) {
            fail(e, "started", ex);
            return false;
        }
    }

    private void deliverStopped() {
        for (Entry e : listeners) {
            if (e.programme == programme) {
                try {
                    e.listener.stopped();
                } catch (RuntimeException | Error ex) {
                    fail(e, "stopped", ex);
                }
            }
        }
        programme = 0;
        current = null;
    }

    /** Removes a listener that threw, logging it once. */
    private void fail(Entry e, String call, Throwable ex) {
        if (listeners.remove(e)) {
            LOG.log(System.Logger.Level.ERROR, "monitor listener " + e.listener.getClass().getName() + " failed in "
                    + call + " and was removed", ex);
        }
    }
}
