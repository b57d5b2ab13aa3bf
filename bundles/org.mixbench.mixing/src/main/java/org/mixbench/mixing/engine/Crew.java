package org.mixbench.mixing.engine;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Worker threads that run the independent nodes of one graph level together with the render thread: all tracks of
 * a block at once, then each level of buses. Lock-free and allocation-free per block: the render thread publishes a
 * level by setting one atomic claim word (generation, level, next item); every thread claims items with a
 * compare-and-set until the level is exhausted; the render thread waits for a done counter, spinning briefly and
 * then parking. Idle workers spin for a few tens of microseconds (the next level usually follows at once) and then
 * park until the next level is published. Which thread runs a node never changes the result: a node only writes its
 * own buffers, and destinations sum their inputs in a fixed order. Thread: {@link #run} from one render thread at a
 * time; {@link #close} from the owner.
 */
final class Crew implements AutoCloseable {
    /** The work for one node of a level. Runs on the render thread or on a worker. */
    interface Task {
        void run(int node) throws IOException;
    }

    private static final long SPIN_NANOS = 50_000;
    private static final long WAIT_PARK_NANOS = 200_000;

    private final int[][] levels;
    private final Task task;
    private final Thread[] workers;
    /** generation (bits 32..62) | level (bits 16..31) | next item (bits 0..15). */
    private final AtomicLong claim = new AtomicLong();
    private final AtomicInteger done = new AtomicInteger();
    private volatile Thread caller;
    private volatile boolean closed;
    private volatile Throwable failure;
    private long generation;

    /**
     * A crew of {@code threads - 1} workers (none for one thread, or when no level has two nodes) for
     * {@code levels}, each an array of node numbers passed to {@code task}.
     */
    Crew(int[][] levels, Task task, int threads, String name) {
        this.levels = levels;
        this.task = task;
        int widest = 0;
        for (int[] level : levels) {
            if (level.length > 0xffff) {
                throw new IllegalArgumentException("more than 65535 nodes in one level");
            }
            widest = Math.max(widest, level.length);
        }
        int count = Math.max(0, Math.min(threads, widest) - 1);
        this.workers = new Thread[count];
        for (int w = 0; w < count; w++) {
            Thread t = new Thread(this::workLoop, name + "-" + (w + 1));
            t.setDaemon(true);
            workers[w] = t;
        }
        for (Thread t : workers) {
            t.start();
        }
    }

    /** Threads that render, the caller included. */
    int threads() {
        return workers.length + 1;
    }

    /** Ids of the worker threads (for allocation measurements in tests). */
    long[] workerIds() {
        long[] ids = new long[workers.length];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = workers[i].getId();
        }
        return ids;
    }

    /** Runs every node of level {@code level} and returns when all are done. Render thread; allocates nothing. */
    void run(int level) throws IOException {
        int[] nodes = levels[level];
        if (workers.length == 0 || nodes.length < 2) {
            for (int node : nodes) {
                task.run(node);
            }
            return;
        }
        caller = Thread.currentThread();
        done.set(0);
        generation = (generation + 1) & 0x7fff_ffffL;
        long gen = generation;
        claim.set(gen << 32 | (long) level << 16);
        for (Thread w : workers) {
            LockSupport.unpark(w);
        }
        work(gen);
        long spinUntil = System.nanoTime() + SPIN_NANOS;
        while (done.get() < nodes.length) {
            if (System.nanoTime() < spinUntil) {
                Thread.onSpinWait();
            } else {
                LockSupport.parkNanos(this, WAIT_PARK_NANOS);
            }
        }
        Throwable f = failure;
        if (f != null) {
            failure = null;
            if (f instanceof IOException io) {
                throw io;
            }
            if (f instanceof RuntimeException re) {
                throw re;
            }
            if (f instanceof Error e) {
                throw e;
            }
            throw new IOException(f);
        }
    }

    /** Claims and runs items of generation {@code gen} until none is left. */
    private void work(long gen) {
        while (true) {
            long word = claim.get();
            if (word >>> 32 != gen) {
                return;
            }
            int[] nodes = levels[(int) (word >>> 16) & 0xffff];
            int item = (int) word & 0xffff;
            if (item >= nodes.length) {
                return;
            }
            if (!claim.compareAndSet(word, word + 1)) {
                continue;
            }
            try {
                task.run(nodes[item]);
            } catch (Throwable e) {
                if (failure == null) {
                    failure = e;
                }
            }
            if (done.incrementAndGet() == nodes.length) {
                LockSupport.unpark(caller);
            }
        }
    }

    private void workLoop() {
        long seen = 0;
        while (!closed) {
            long gen = claim.get() >>> 32;
            if (gen != seen) {
                seen = gen;
                work(gen);
                continue;
            }
            long spinUntil = System.nanoTime() + SPIN_NANOS;
            while (!closed && claim.get() >>> 32 == seen && System.nanoTime() < spinUntil) {
                Thread.onSpinWait();
            }
            if (!closed && claim.get() >>> 32 == seen) {
                LockSupport.park(this);
            }
        }
    }

    /** Stops the workers and waits for them. Owner thread. */
    @Override
    public void close() {
        closed = true;
        for (Thread w : workers) {
            LockSupport.unpark(w);
        }
        for (Thread w : workers) {
            try {
                w.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
