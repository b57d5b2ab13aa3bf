package org.mixbench.mixing.engine;

import java.util.ArrayList;
import java.util.List;

import org.mixbench.api.command.Problems;
import org.mixbench.api.processor.AudioBlock;
import org.mixbench.api.processor.ParameterEvents;
import org.mixbench.api.processor.Processor;
import org.mixbench.mixing.session.Session;

/**
 * One channel strip at run time: trim and polarity, the insert chain (a failing or missing processor is bypassed),
 * fader, pan and mute with their automation, sends. Buffers are fixed at construction; processing allocates
 * nothing. Thread: one render thread at a time (the render thread or a crew worker, one block after another).
 */
final class StripNode {
    /** An insert slot: the processor (null when missing), its automation lanes, and whether it was bypassed. */
    static final class Slot {
        final String id;
        /** How reports name it: {@code insert 1 'Compressor' (mixbench.compressor)}. */
        final String label;
        final Processor processor;
        final boolean bypass;
        final int latency;
        final Envelope[] lanes;
        final int[] parameters;
        /** What the watch shows while this slot processes. */
        final String processing;
        /** The dry signal delayed by {@link #latency}, so that a failed latent processor keeps its track in time. */
        private final float[][] delay;
        private int delayAt;
        volatile String failure;
        /** Blocks in a row in which the processor ran over its time budget. */
        int overBudget;

        Slot(String id, String label, Processor processor, boolean bypass, int latency, Envelope[] lanes,
                int[] parameters, String strip) {
            this.id = id;
            this.label = label;
            this.processor = processor;
            this.bypass = bypass;
            this.latency = processor == null || bypass ? 0 : latency;
            this.lanes = lanes;
            this.parameters = parameters;
            this.processing = strip + ": " + label + " in process";
            this.delay = new float[2][Math.max(1, this.latency)];
        }

        /** Remembers the block's dry input, for the delayed dry path a failure switches to. Allocates nothing. */
        void remember(float[][] dry, int frames) {
            pass(dry, frames, false);
        }

        /** Replaces the block in place by the dry input delayed by the latency the graph compensates. */
        void delayDry(float[][] buffer, int frames) {
            pass(buffer, frames, true);
        }

        /** Writes the block into the delay ring; with {@code replace}, puts what the ring held in its place. */
        private void pass(float[][] x, int frames, boolean replace) {
            if (latency == 0) {
                return;
            }
            int at = delayAt;
            for (int c = 0; c < 2; c++) {
                float[] ring = delay[c];
                float[] channel = x[c];
                int k = at;
                for (int i = 0; i < frames; i++) {
                    float old = ring[k];
                    ring[k] = channel[i];
                    if (replace) {
                        channel[i] = old;
                    }
                    if (++k == latency) {
                        k = 0;
                    }
                }
            }
            delayAt = (int) ((at + (long) frames) % latency);
        }
    }

    /** Where the strip's signal goes: a destination node and a gain (sends have their own). */
    static final class Output {
        final int destination;
        final double levelDb;
        final double pan;
        final boolean preFader;
        final Envelope level;
        Connection connection;
        /** Set for a stem: this path is not part of it and delivers silence. */
        boolean silent;

        Output(int destination, double levelDb, double pan, boolean preFader, Envelope level) {
            this.destination = destination;
            this.levelDb = levelDb;
            this.pan = pan;
            this.preFader = preFader;
            this.level = level;
        }
    }

    final String name;
    final Session.Strip strip;
    final List<Slot> slots = new ArrayList<>();
    final List<Output> outputs = new ArrayList<>();
    /** Set for a stem that does not pass through this node: it is not rendered at all. */
    boolean idle;
    /** The connections feeding this node, in the fixed order in which they are summed. */
    Connection[] incoming = new Connection[0];
    final float[][] buffer;
    final float[][] dry;
    final float[][] pre;
    final float[][] post;
    final AudioBlock block;
    final boolean muted;
    boolean stereoSource = true;
    Envelope fader;
    Envelope pan;
    Envelope mute;
    Envelope trim;
    /** Blocks in a row a processor may run over its time budget before it is bypassed. */
    static final int OVER_BUDGET_BLOCKS = 32;
    /** Nanoseconds a processor may take per frame: the frame's duration times the renderer's budget factor. */
    double budgetNanosPerFrame;
    private final double[] panGains = new double[2];
    private final double[] sendGains = new double[2];
    private final double sampleRate;

    /** What this strip's processor calls show to a {@link ProcessorWatch}. */
    ProcessorWatch.Call watch = new ProcessorWatch().newCall();

    StripNode(String name, Session.Strip strip, boolean muted, int maxBlock, double sampleRate, double tempo) {
        this.name = name;
        this.strip = strip;
        this.muted = muted;
        this.sampleRate = sampleRate;
        buffer = new float[2][maxBlock];
        dry = new float[2][maxBlock];
        pre = new float[2][maxBlock];
        post = new float[2][maxBlock];
        block = new AudioBlock(buffer, new ParameterEvents(256));
        block.setTempoBpm(tempo);
    }

    /** Frames of latency of the insert chain. */
    int latency() {
        int sum = 0;
        for (Slot s : slots) {
            sum += s.latency;
        }
        return sum;
    }

    /** Sums what the incoming connections delivered into {@code buffer[0..frames)}, always in the same order. */
    void gather(int frames) {
        if (incoming.length == 0) {
            java.util.Arrays.fill(buffer[0], 0, frames, 0f);
            java.util.Arrays.fill(buffer[1], 0, frames, 0f);
            return;
        }
        System.arraycopy(incoming[0].out[0], 0, buffer[0], 0, frames);
        System.arraycopy(incoming[0].out[1], 0, buffer[1], 0, frames);
        for (int c = 1; c < incoming.length; c++) {
            float[] l = incoming[c].out[0];
            float[] r = incoming[c].out[1];
            for (int i = 0; i < frames; i++) {
                buffer[0][i] += l[i];
                buffer[1][i] += r[i];
            }
        }
    }

    /** Runs the strip over {@code buffer[0..frames)} at timeline {@code position}; results in pre and post. */
    void process(long position, int frames) {
        double trimDb = strip.trimDb() + (trim == null ? 0 : trim.value(position));
        float trimGain = (float) (Math.pow(10, trimDb / 20) * (strip.invert() ? -1 : 1));
        if (trimGain != 1f) {
            for (float[] channel : buffer) {
                for (int i = 0; i < frames; i++) {
                    channel[i] *= trimGain;
                }
            }
        }
        block.setFrames(frames);
        block.setPosition(position);
        for (int si = 0; si < slots.size(); si++) {
            Slot slot = slots.get(si);
            if (slot.processor == null || slot.bypass) {
                continue;
            }
            if (slot.failure != null) {
                slot.delayDry(buffer, frames);
                continue;
            }
            ParameterEvents events = block.events();
            events.clear();
            for (int l = 0; l < slot.lanes.length; l++) {
                addEvents(events, slot.lanes[l], slot.parameters[l], position, frames);
            }
            System.arraycopy(buffer[0], 0, dry[0], 0, frames);
            System.arraycopy(buffer[1], 0, dry[1], 0, frames);
            try {
                watch.enter(slot.processing);
                long start = System.nanoTime();
                try {
                    slot.processor.process(block);
                } finally {
                    watch.leave();
                }
                long took = System.nanoTime() - start;
                if (!finite(frames)) {
                    fail(slot, "produced NaN or infinity");
                } else if (took > frames * budgetNanosPerFrame && frames > 0) {
                    if (++slot.overBudget >= OVER_BUDGET_BLOCKS) {
                        fail(slot, String.format(java.util.Locale.ROOT, "ran over its time budget (%.1f ms for "
                                + "%.1f ms of audio, %d blocks in a row)", took / 1e6, frames * 1e3 / sampleRate,
                                OVER_BUDGET_BLOCKS));
                    }
                } else {
                    slot.overBudget = 0;
                }
                if (slot.failure == null) {
                    slot.remember(dry, frames);
                }
            } catch (Throwable e) {
                // Any failure, Errors included (out of memory, a blocked System.exit): the processor is bypassed.
                fail(slot, "failed in process: " + Problems.describe(e));
            }
        }
        System.arraycopy(buffer[0], 0, pre[0], 0, frames);
        System.arraycopy(buffer[1], 0, pre[1], 0, frames);
        boolean automatedMute = mute != null;
        boolean automatedGain = fader != null || pan != null;
        if (!automatedGain && !automatedMute) {
            double g = muted ? 0 : Math.pow(10, strip.faderDb() / 20);
            PanLaws.gains(strip.pan(), strip.panLaw(), stereoSource, panGains);
            float l = (float) (g * panGains[0]);
            float r = (float) (g * panGains[1]);
            for (int i = 0; i < frames; i++) {
                post[0][i] = pre[0][i] * l;
                post[1][i] = pre[1][i] * r;
            }
            return;
        }
        for (int i = 0; i < frames; i++) {
            long t = position + i;
            boolean off = muted || (automatedMute && mute.value(t) >= 0.5);
            double g = off ? 0 : Math.pow(10, (fader == null ? strip.faderDb() : fader.value(t)) / 20);
            PanLaws.gains(pan == null ? strip.pan() : pan.value(t), strip.panLaw(), stereoSource, panGains);
            post[0][i] = (float) (pre[0][i] * g * panGains[0]);
            post[1][i] = (float) (pre[1][i] * g * panGains[1]);
        }
    }

    /** Frames between the events that follow a lane's curves. */
    static final int EVENT_SPACING = 32;

    /**
     * The events of one automated parameter over a block, in frame order: its value every {@link #EVENT_SPACING}
     * frames, plus one at the first frame of every breakpoint inside the block, so a step (a hold segment's end) or
     * the corner of a ramp takes effect at its own frame, not up to 31 frames late.
     */
    private static void addEvents(ParameterEvents events, Envelope lane, int parameter, long position, int frames) {
        long end = position + frames;
        double next = lane.nextAfter(position);
        int grid = 0;
        while (true) {
            int breakpoint = next < end ? (int) Math.ceil(next - position) : Integer.MAX_VALUE;
            int k;
            if (grid < frames && grid <= breakpoint) {
                k = grid;
                grid += EVENT_SPACING;
            } else if (breakpoint < frames) {
                k = breakpoint;
            } else {
                return;
            }
            if (k == breakpoint) {
                next = lane.nextAfter(position + k);
            }
            events.add(k, parameter, lane.value(position + k));
        }
    }

    /** Bypasses the slot from this block on: its output becomes its dry input, delayed by its latency. */
    private void fail(Slot slot, String why) {
        slot.failure = why;
        System.arraycopy(dry[0], 0, buffer[0], 0, block.frames());
        System.arraycopy(dry[1], 0, buffer[1], 0, block.frames());
        slot.delayDry(buffer, block.frames());
    }

    private boolean finite(int frames) {
        for (float[] channel : buffer) {
            for (int i = 0; i < frames; i++) {
                if (!Float.isFinite(channel[i])) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Sends the processed block to every output (through its delay-compensation connection). A muted strip (muted,
     * or silenced by another track's solo) sends nothing, pre-fader sends included, and neither does a path left out
     * of a stem: both are fixed at compile time, so their connections are never written and deliver the zeros they
     * were created with.
     */
    void deliver(long position, int frames) {
        for (int oi = 0; oi < outputs.size(); oi++) {
            Output o = outputs.get(oi);
            if (o.silent || (o.preFader && muted)) {
                continue;
            }
            float[][] source = o.preFader ? pre : post;
            if (o.level == null) {
                double g = Math.pow(10, o.levelDb / 20);
                if (o.preFader || o.pan != 0) {
                    PanLaws.gains(o.pan, Session.PanLaw.MINUS_3, true, sendGains);
                } else {
                    sendGains[0] = 1;
                    sendGains[1] = 1;
                }
                o.connection.write(source, frames, (float) (g * sendGains[0]), (float) (g * sendGains[1]));
            } else {
                PanLaws.gains(o.pan, Session.PanLaw.MINUS_3, true, sendGains);
                o.connection.writeAutomated(source, frames, position, o.level, sendGains[0], sendGains[1]);
            }
        }
    }

    /** Failure messages of slots bypassed while rendering. */
    List<String> failures() {
        List<String> out = new ArrayList<>();
        for (Slot s : slots) {
            if (s.failure != null) {
                out.add(name + ": " + s.label + " " + s.failure + "; it was bypassed");
            }
        }
        return out;
    }

    double sampleRate() {
        return sampleRate;
    }
}
