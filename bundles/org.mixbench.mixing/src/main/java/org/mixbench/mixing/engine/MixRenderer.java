package org.mixbench.mixing.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.mixbench.api.audio.AudioFiles;
import org.mixbench.api.audio.AudioReader;
import org.mixbench.api.command.Problems;
import org.mixbench.api.contribution.ContributionKind;
import org.mixbench.api.contribution.ContributionRegistry;
import org.mixbench.api.processor.ParameterDescriptor;
import org.mixbench.api.processor.ProcessSpec;
import org.mixbench.api.processor.Processor;
import org.mixbench.api.processor.ProcessorFactory;
import org.mixbench.api.processor.ProcessorState;
import org.mixbench.mixing.session.Session;
import org.mixbench.mixing.session.SessionException;
import org.mixbench.mixing.session.SessionFiles;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A session compiled into a processing graph and rendered block by block: clips into track strips, tracks and sends
 * into buses, buses into the master. Every path is delayed so that all arrive aligned, by the latencies the
 * processors report; the first frames of the render, which only hold that delay, are dropped, so the mix lines up
 * with the timeline. A clip at another sample rate is resampled as it plays ({@code ResamplingReader}: the
 * mastering-grade converter of the convert bundle). A processor whose bundle is missing, that throws or that outputs NaN or infinity is bypassed and
 * reported. After {@link #compile}, {@link #render} allocates nothing and takes no lock. The tracks of a block render
 * in parallel on a crew of worker threads, then the buses level by level, then the master; every node sums its
 * inputs in a fixed order, so the mix is the same for any number of threads. Thread: one render thread at a time
 * calls {@link #render}; {@link #peak(int)} from any thread.
 */
@ProviderType
public final class MixRenderer implements AutoCloseable {
    /** Frames per block. */
    public static final int BLOCK = 512;
    private static final long MAX_TAIL_FRAMES_SECONDS = 30;
    /** The default time budget factor of offline renders, see {@link #setTimeBudget}. */
    public static final double OFFLINE_TIME_BUDGET = 100;

    private final double sampleRate;
    private final List<ClipPlayer>[] clips;
    private final StripNode[] nodes;
    private final int trackCount;
    private final int masterIndex;
    private final int totalLatency;
    private final long length;
    private final List<String> warnings;
    private long position;
    private long delivered;
    private final float[][] scratch = new float[2][BLOCK];
    private final java.util.concurrent.atomic.AtomicIntegerArray peaks;
    private int scratchAt;
    private int scratchSize;
    private final int levels;
    private final Crew crew;
    private DiskPrefetcher prefetcher;
    private ProcessorWatch watch = new ProcessorWatch();
    private ProcessorWatch.Call compileCall = watch.newCall();

    @SuppressWarnings("unchecked")
    private MixRenderer(double sampleRate, int tracks, int nodeCount) {
        this.sampleRate = sampleRate;
        this.clips = new List[tracks];
        this.nodes = new StripNode[nodeCount];
        this.trackCount = tracks;
        this.masterIndex = nodeCount - 1;
        this.warnings = new ArrayList<>();
        this.totalLatency = 0;
        this.length = 0;
        this.peaks = new java.util.concurrent.atomic.AtomicIntegerArray(nodeCount);
        this.levels = 0;
        this.crew = null;
    }

    private MixRenderer(MixRenderer built, int totalLatency, long length, int[][] levels, int threads) {
        this.sampleRate = built.sampleRate;
        this.clips = built.clips;
        this.nodes = built.nodes;
        this.trackCount = built.trackCount;
        this.masterIndex = built.masterIndex;
        this.warnings = built.warnings;
        this.totalLatency = totalLatency;
        this.length = length;
        this.peaks = built.peaks;
        this.levels = levels.length;
        this.crew = new Crew(levels, this::renderNode, threads, "mixbench-render");
        this.watch = built.watch;
        this.compileCall = built.compileCall;
        setTimeBudget(OFFLINE_TIME_BUDGET);
    }

    /**
     * Compiles {@code session}; clip paths are resolved against {@code base} (the session file's folder). Missing
     * audio files are one {@link SessionException} listing them all. Main thread.
     */
    public static MixRenderer compile(Session session, Path base, ContributionRegistry registry, AudioFiles files)
            throws IOException {
        return compile(session, base, registry, files, Runtime.getRuntime().availableProcessors());
    }

    /**
     * As {@link #compile(Session, Path, ContributionRegistry, AudioFiles)}, rendering on {@code threads} threads
     * (the render thread and {@code threads - 1} workers: tracks in parallel, then each level of buses in parallel,
     * then the master). The result is the same, bit for bit, for any number of threads. Main thread.
     */
    public static MixRenderer compile(Session session, Path base, ContributionRegistry registry, AudioFiles files,
            int threads) throws IOException {
        return compile(session, base, registry, files, threads, null);
    }

    /**
     * As {@link #compile(Session, Path, ContributionRegistry, AudioFiles, int)}, rendering the stem of one track or
     * bus when {@code stem} names it: only what flows into that strip (for a bus: the tracks and buses feeding it,
     * through their sends and outputs) and from it on to the master (its output, its sends and the buses they reach)
     * is heard, through the same processing and delay compensation as the full mix (so the stems of all tracks sum
     * to the mix where buses and master process linearly). Solo states are ignored for a stem; mutes are kept.
     * {@code null} renders the whole mix. Main thread.
     */
    public static MixRenderer compile(Session session, Path base, ContributionRegistry registry, AudioFiles files,
            int threads, String stem) throws IOException {
        return compile(session, base, registry, files, threads, stem, new ProcessorWatch());
    }

    /**
     * As {@link #compile(Session, Path, ContributionRegistry, AudioFiles, int, String)}, showing every processor
     * call (creating, preparing, processing) to {@code watch}, so that another thread can name a processor that
     * does not return. A processor that fails while it is created or prepared (any exception or error) is bypassed
     * and reported in {@link #warnings()}; a parameter value outside the processor's range is a
     * {@link SessionException} naming its place in the session. Main thread.
     */
    public static MixRenderer compile(Session session, Path base, ContributionRegistry registry, AudioFiles files,
            int threads, String stem, ProcessorWatch watch) throws IOException {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        }
        double rate = session.sampleRate();
        List<Session.Track> tracks = session.tracks();
        List<Session.Bus> buses = session.buses();
        int nodeCount = tracks.size() + buses.size() + 1;
        MixRenderer r = new MixRenderer(rate, tracks.size(), nodeCount);
        r.watch = watch;
        r.compileCall = watch.newCall();
        Map<String, Integer> index = new HashMap<>();
        for (int b = 0; b < buses.size(); b++) {
            index.put(buses.get(b).id(), tracks.size() + b);
        }
        index.put("master", nodeCount - 1);
        if (stem != null && !stem.equals("master") && !index.containsKey(stem)
                && tracks.stream().noneMatch(t -> t.id().equals(stem))) {
            throw new SessionException("no track or bus '" + stem + "' for a stem");
        }
        boolean anySolo = stem == null && tracks.stream().anyMatch(t -> t.strip().solo());
        List<String> missing = new ArrayList<>();
        long end = 0;
        try {
            for (int t = 0; t < tracks.size(); t++) {
                Session.Track track = tracks.get(t);
                boolean muted = track.strip().mute() || (anySolo && !track.strip().solo() && !track.strip().soloSafe());
                StripNode node = r.node("tracks[" + t + "]", "track " + track.id(), track.strip(), muted,
                        track.automation(), registry, session.tempo());
                r.clips[t] = new ArrayList<>();
                boolean allMono = !track.clips().isEmpty();
                for (Session.Clip clip : track.clips()) {
                    Path file = base.resolve(clip.file());
                    if (!Files.exists(file)) {
                        missing.add(clip.file());
                        continue;
                    }
                    if (!Files.isRegularFile(file)) {
                        throw new SessionException("track " + track.id() + ": " + clip.file() + " is not a regular "
                                + "file (" + (Files.isDirectory(file) ? "a folder" : "a pipe, device or socket") + ")");
                    }
                    AudioReader reader = files.open(file);
                    double fileRate = reader.info().sampleRate();
                    if (fileRate != rate) {
                        if (!org.mixbench.convert.ResamplingReader.canConvert(fileRate, rate)) {
                            reader.close();
                            throw new SessionException("track " + track.id() + ": " + clip.file() + " is "
                                    + hz(fileRate) + " Hz and cannot be resampled to the session's " + hz(rate)
                                    + " Hz (44100, 48000, 88200, 96000, 176400 and 192000 Hz can)");
                        }
                        reader = new org.mixbench.convert.ResamplingReader(reader, (int) rate);
                    }
                    ClipPlayer player = new ClipPlayer(reader, clip, rate, BLOCK);
                    allMono &= player.mono();
                    r.clips[t].add(player);
                    end = Math.max(end, player.end());
                }
                node.stereoSource = !allMono;
                r.nodes[t] = node;
            }
            if (!missing.isEmpty()) {
                throw new SessionException("missing audio: " + String.join(", ", missing));
            }
            for (int b = 0; b < buses.size(); b++) {
                Session.Bus bus = buses.get(b);
                r.nodes[tracks.size() + b] = r.node("buses[" + b + "]", "bus " + bus.id(), bus.strip(), bus.strip()
                        .mute(), bus.automation(), registry, session.tempo());
            }
            r.nodes[nodeCount - 1] = r.node("master", "master", session.master().strip(), session.master()
                    .strip().mute(), session.master().automation(), registry, session.tempo());
        } catch (IOException | RuntimeException e) {
            r.close();
            throw e;
        }
        // Outputs: every track and bus feeds its output and its sends.
        for (int n = 0; n < nodeCount - 1; n++) {
            StripNode node = r.nodes[n];
            Session.Strip strip = node.strip;
            node.outputs.add(new StripNode.Output(index.get(strip.output()), 0, 0, false, null));
            for (Session.Send send : strip.sends()) {
                Envelope level = null;
                List<Session.Lane> lanes = n < tracks.size() ? tracks.get(n).automation()
                        : buses.get(n - tracks.size()).automation();
                for (Session.Lane lane : lanes) {
                    if (lane.target().equals("send:" + send.bus())) {
                        level = new Envelope(lane.points(), rate);
                    }
                }
                node.outputs.add(new StripNode.Output(index.get(send.bus()), send.levelDb(), send.pan(),
                        send.preFader(), level));
            }
        }
        // Delay compensation: the time at which each node's input arrives, then a delay per connection.
        int[] arrival = new int[nodeCount];
        int[] order;
        try {
            order = processingOrder(r.nodes, tracks.size(), nodeCount);
        } catch (SessionException e) {
            r.close();
            throw e;
        }
        for (int n : order) {
            int ready = arrival[n] + r.nodes[n].latency();
            for (StripNode.Output o : r.nodes[n].outputs) {
                arrival[o.destination] = Math.max(arrival[o.destination], ready);
            }
        }
        if (stem != null) {
            int target = index.containsKey(stem) ? index.get(stem) : trackIndex(tracks, stem);
            isolate(r.nodes, order, target);
        }
        List<List<Connection>> incoming = new ArrayList<>();
        for (int n = 0; n < nodeCount; n++) {
            incoming.add(new ArrayList<>());
        }
        int[] level = new int[nodeCount];
        for (int n : order) {
            int ready = arrival[n] + r.nodes[n].latency();
            for (StripNode.Output o : r.nodes[n].outputs) {
                o.connection = new Connection(arrival[o.destination] - ready, BLOCK);
                incoming.get(o.destination).add(o.connection);
                level[o.destination] = Math.max(level[o.destination], level[n] + 1);
            }
        }
        for (int n = 0; n < nodeCount; n++) {
            r.nodes[n].incoming = incoming.get(n).toArray(Connection[]::new);
        }
        int deepest = Arrays.stream(level).max().orElse(0);
        int[][] levels = new int[deepest + 1][];
        for (int l = 0; l <= deepest; l++) {
            int at = l;
            levels[l] = java.util.stream.IntStream.of(order).filter(n -> level[n] == at).toArray();
        }
        int latency = arrival[nodeCount - 1] + r.nodes[nodeCount - 1].latency();
        long tail = 0;
        for (StripNode node : r.nodes) {
            for (StripNode.Slot slot : node.slots) {
                if (slot.processor != null && !slot.bypass) {
                    tail = Math.max(tail, Math.min(slot.processor.tailFrames(),
                            (long) (MAX_TAIL_FRAMES_SECONDS * rate)));
                }
            }
        }
        return new MixRenderer(r, latency, end + tail, levels, threads);
    }

    private static String hz(double rate) {
        return rate == Math.rint(rate) ? String.valueOf((long) rate) : String.valueOf(rate);
    }

    private static int trackIndex(List<Session.Track> tracks, String id) {
        for (int t = 0; t < tracks.size(); t++) {
            if (tracks.get(t).id().equals(id)) {
                return t;
            }
        }
        throw new IllegalArgumentException(id);
    }

    /**
     * Silences every output except the paths into {@code target} (from the nodes upstream of it) and from it on to
     * the master (through the nodes downstream of it); nodes on neither side are not rendered at all, so a track's
     * stem costs that track, the buses it reaches and the master, not the whole session.
     */
    private static void isolate(StripNode[] nodes, int[] order, int target) {
        boolean[] upstream = new boolean[nodes.length];
        boolean[] downstream = new boolean[nodes.length];
        upstream[target] = true;
        downstream[target] = true;
        for (int k = order.length - 1; k >= 0; k--) {
            int n = order[k];
            for (StripNode.Output o : nodes[n].outputs) {
                upstream[n] |= upstream[o.destination];
            }
        }
        for (int n : order) {
            if (downstream[n]) {
                for (StripNode.Output o : nodes[n].outputs) {
                    downstream[o.destination] = true;
                }
            }
        }
        for (int n : order) {
            nodes[n].idle = !upstream[n] && !downstream[n];
            for (StripNode.Output o : nodes[n].outputs) {
                o.silent = !(upstream[n] && upstream[o.destination]) && !(downstream[n] && downstream[o.destination]);
            }
        }
    }

    /** Tracks in order, then buses so that each comes after every bus feeding it, then the master. */
    private static int[] processingOrder(StripNode[] nodes, int tracks, int count) throws SessionException {
        int[] order = new int[count];
        int k = 0;
        for (int t = 0; t < tracks; t++) {
            order[k++] = t;
        }
        boolean[] placed = new boolean[count];
        for (int placedBuses = 0; placedBuses < count - 1 - tracks; ) {
            int before = placedBuses;
            for (int b = tracks; b < count - 1; b++) {
                if (placed[b]) {
                    continue;
                }
                boolean ready = true;
                for (int other = tracks; other < count - 1 && ready; other++) {
                    if (other != b && !placed[other]) {
                        for (StripNode.Output o : nodes[other].outputs) {
                            if (o.destination == b) {
                                ready = false;
                            }
                        }
                    }
                }
                if (ready) {
                    placed[b] = true;
                    order[k++] = b;
                    placedBuses++;
                }
            }
            if (placedBuses == before) {
                throw new SessionException("buses feed each other in a loop; a bus cannot feed itself");
            }
        }
        order[k] = count - 1;
        return order;
    }

    /**
     * One strip with its inserts. {@code at} is the strip's place in the session file ({@code tracks[2]}), for
     * messages. Every call into a processor is shown to the watch and guarded: a processor that fails while it is
     * created, restored or prepared is bypassed and reported, whatever it throws.
     */
    private StripNode node(String at, String name, Session.Strip strip, boolean muted, List<Session.Lane> lanes,
            ContributionRegistry registry, double tempo) throws SessionException {
        StripNode node = new StripNode(name, strip, muted, BLOCK, sampleRate, tempo);
        node.watch = watch.newCall();
        for (int i = 0; i < strip.inserts().size(); i++) {
            Session.Insert insert = strip.inserts().get(i);
            String label = "insert " + i + " " + processorName(registry, insert.processor());
            Optional<ProcessorFactory> factory = registry.find(ContributionKind.PROCESSOR, insert.processor(),
                    ProcessorFactory.class);
            if (factory.isEmpty()) {
                warnings.add(name + ": insert " + i + " needs processor '" + insert.processor()
                        + "', which is not installed; it is bypassed and its settings are kept");
                node.slots.add(new StripNode.Slot(insert.processor(), label, null, true, 0, new Envelope[0],
                        new int[0], name));
                continue;
            }
            List<ParameterDescriptor> descriptors;
            Processor p = null;
            int latency = 0;
            String stage = "describing its parameters";
            try {
                compileCall.enter(name + ": " + label + " while " + stage);
                descriptors = List.copyOf(factory.get().parameters());
                checkParameters(at + ".strip.inserts[" + i + "]", insert, descriptors, label);
                stage = "being created";
                compileCall.enter(name + ": " + label + " while " + stage);
                p = factory.get().create();
                stage = "restoring its settings";
                p.restoreState(new ProcessorState(insert.parameters(), insert.data()));
                stage = "preparing";
                compileCall.enter(name + ": " + label + " while " + stage);
                p.prepare(new ProcessSpec(sampleRate, BLOCK, 2));
                latency = Math.max(0, p.latencyFrames());
                if (latency > MAX_LATENCY_FRAMES) {
                    throw new IllegalStateException("reports a latency of " + latency + " frames (more than "
                            + MAX_LATENCY_FRAMES + ")");
                }
            } catch (SessionException e) {
                throw e;
            } catch (Throwable e) {
                // Whatever a processor throws while it is set up (an Error too), the mix goes on without it.
                warnings.add(name + ": " + label + " failed while " + stage + ": " + Problems.describe(e)
                        + "; it is bypassed and its settings are kept");
                release(p);
                node.slots.add(new StripNode.Slot(insert.processor(), label, null, true, 0, new Envelope[0],
                        new int[0], name));
                continue;
            } finally {
                compileCall.leave();
            }
            List<Envelope> envelopes = new ArrayList<>();
            List<Integer> parameters = new ArrayList<>();
            for (int li = 0; li < lanes.size(); li++) {
                Session.Lane lane = lanes.get(li);
                String prefix = "insert:" + i + ":";
                if (lane.target().startsWith(prefix)) {
                    String id = lane.target().substring(prefix.length());
                    int found = -1;
                    for (int d = 0; d < descriptors.size(); d++) {
                        if (descriptors.get(d).id().equals(id)) {
                            found = d;
                        }
                    }
                    if (found < 0) {
                        warnings.add(name + ": automation of unknown parameter '" + id + "' of " + insert.processor()
                                + " is ignored");
                    } else {
                        ParameterDescriptor d = descriptors.get(found);
                        for (int k = 0; k < lane.points().size(); k++) {
                            checkValue(at + ".automation[" + li + "].points[" + k + "].value", lane.points().get(k)
                                    .value(), d, label);
                        }
                        envelopes.add(new Envelope(lane.points(), sampleRate));
                        parameters.add(found);
                    }
                }
            }
            node.slots.add(new StripNode.Slot(insert.processor(), label, p, insert.bypass(), latency, envelopes
                    .toArray(Envelope[]::new), parameters.stream().mapToInt(Integer::intValue).toArray(), name));
        }
        for (Session.Lane lane : lanes) {
            Envelope e = new Envelope(lane.points(), sampleRate);
            if (e.isEmpty()) {
                continue;
            }
            switch (lane.target()) {
                case "fader" -> node.fader = e;
                case "pan" -> node.pan = e;
                case "mute" -> node.mute = e;
                case "trim" -> node.trim = e;
                default -> {
                    // sends and inserts are wired elsewhere
                }
            }
        }
        return node;
    }

    /** The most latency a processor may report: ten seconds at 192 kHz. */
    static final int MAX_LATENCY_FRAMES = 1_920_000;

    private static String processorName(ContributionRegistry registry, String id) {
        for (org.mixbench.api.contribution.ContributionInfo info : registry.list(ContributionKind.PROCESSOR)) {
            if (info.id().equals(id)) {
                return "'" + info.name() + "' (" + id + ")";
            }
        }
        return "(" + id + ")";
    }

    /** Refuses stored parameter values outside the ranges the processor declares; unknown ids are kept. */
    private static void checkParameters(String at, Session.Insert insert, List<ParameterDescriptor> descriptors,
            String label) throws SessionException {
        for (ParameterDescriptor d : descriptors) {
            Double value = insert.parameters().get(d.id());
            if (value != null) {
                checkValue(at + ".parameters." + d.id(), value, d, label);
            }
        }
    }

    private static void checkValue(String at, double value, ParameterDescriptor d, String label)
            throws SessionException {
        double slack = 1e-9 * Math.max(1, Math.max(Math.abs(d.min()), Math.abs(d.max())));
        if (!(value >= d.min() - slack && value <= d.max() + slack)) {
            throw new SessionException(at + ": " + SessionFiles.number(value) + " is outside the range of " + label
                    + ", " + SessionFiles.number(d.min()) + ".." + SessionFiles.number(d.max())
                    + (d.unit() == null || d.unit().isEmpty() ? "" : " " + d.unit()));
        }
    }

    private static void release(Processor p) {
        if (p != null) {
            try {
                p.release();
            } catch (Throwable e) {
                // it failed already; releasing is best effort
            }
        }
    }

    /** Sample rate of the render. */
    public double sampleRate() {
        return sampleRate;
    }

    /** Frames the whole mix lasts, tails of reverbs and delays included. */
    public long lengthFrames() {
        return length;
    }

    /** Frames by which the graph delays its output (compensated: the render drops them). */
    public int latencyFrames() {
        return totalLatency;
    }

    /** Problems found while compiling (missing processors, unknown automation targets). */
    public List<String> warnings() {
        List<String> all = new ArrayList<>(warnings);
        for (StripNode node : nodes) {
            all.addAll(node.failures());
        }
        DiskPrefetcher p = prefetcher;
        if (p != null && p.underrunFrames() > 0) {
            all.add(String.format(java.util.Locale.ROOT, "the disk was late: %.3f s of clip audio played as silence",
                    p.underrunFrames() / sampleRate));
        }
        return all;
    }

    /**
     * Renders up to {@code frames} (at most {@link #BLOCK}) stereo frames of the mix into {@code out} and returns
     * how many, or -1 at the end. Render thread; allocates nothing.
     */
    public int render(float[][] out, int frames) throws IOException {
        if (delivered >= length) {
            return -1;
        }
        int want = (int) Math.min(Math.min(frames, BLOCK), length - delivered);
        int done = 0;
        while (done < want) {
            if (scratchAt == scratchSize) {
                renderBlock();
            }
            int n = Math.min(want - done, scratchSize - scratchAt);
            System.arraycopy(scratch[0], scratchAt, out[0], done, n);
            System.arraycopy(scratch[1], scratchAt, out[1], done, n);
            scratchAt += n;
            done += n;
        }
        delivered += done;
        return done;
    }

    /**
     * One graph block: the levels of the graph one after another (tracks, then buses by depth, then the master),
     * the nodes of a level on all the crew's threads. The first blocks' latency frames are skipped.
     */
    private void renderBlock() throws IOException {
        int frames = BLOCK;
        for (int l = 0; l < levels; l++) {
            crew.run(l);
        }
        StripNode master = nodes[masterIndex];
        long skip = Math.max(0, totalLatency - position);
        int from = (int) Math.min(frames, skip);
        scratchSize = frames - from;
        System.arraycopy(master.post[0], from, scratch[0], 0, scratchSize);
        System.arraycopy(master.post[1], from, scratch[1], 0, scratchSize);
        scratchAt = 0;
        position += frames;
    }

    /** One node of the block at {@link #position}: read clips or sum inputs, run the strip, deliver. */
    private void renderNode(int n) throws IOException {
        int frames = BLOCK;
        StripNode node = nodes[n];
        if (node.idle) {
            return;
        }
        if (n < trackCount) {
            Arrays.fill(node.buffer[0], 0, frames, 0f);
            Arrays.fill(node.buffer[1], 0, frames, 0f);
            List<ClipPlayer> trackClips = clips[n];
            for (int c = 0; c < trackClips.size(); c++) {
                trackClips.get(c).addTo(node.buffer, position, frames);
            }
        } else {
            node.gather(frames);
        }
        node.process(position, frames);
        if (n != masterIndex) {
            node.deliver(position, frames);
        }
        peaks.set(n, Float.floatToRawIntBits(peak(node.post, frames)));
    }

    /**
     * How much of real time one processor may use: a processor that takes longer than {@code factor} times the
     * duration of the audio it processes, {@value StripNode#OVER_BUDGET_BLOCKS} blocks in a row, is bypassed and
     * reported in {@link #warnings()}. Offline renders allow {@value #OFFLINE_TIME_BUDGET} (only a pathological
     * processor is stopped); real-time playback sets 1 (a processor slower than real time cannot play). Render
     * thread, before rendering.
     */
    public void setTimeBudget(double factor) {
        if (!(factor > 0)) {
            throw new IllegalArgumentException("the time budget must be positive, not " + factor);
        }
        for (StripNode node : nodes) {
            node.budgetNanosPerFrame = factor * 1e9 / sampleRate;
        }
    }

    /**
     * Moves file reading off the render threads: a disk thread reads every clip ahead into a ring of
     * {@value DiskPrefetcher#RING_SECONDS} seconds, and this waits (at most two seconds) until each ring is full
     * (or holds the rest of its file). For real-time playback; an offline render reads inline, which is faster. If the disk falls behind, the
     * late frames play as silence, the clip stays in time, and {@link #warnings()} says how much. Transport or
     * playback thread, before rendering.
     */
    public void prefetch() throws InterruptedException {
        if (prefetcher != null) {
            return;
        }
        List<DiskPrefetcher.Ring> rings = new ArrayList<>();
        for (List<ClipPlayer> list : clips) {
            for (ClipPlayer c : list) {
                rings.add(c.prefetch());
            }
        }
        prefetcher = new DiskPrefetcher(rings);
        prefetcher.awaitFilled(2000);
    }

    /** Threads the render runs on (the render thread included). */
    public int threads() {
        return crew.threads();
    }

    /** Ids of the crew's worker threads, for allocation measurements in tests. */
    long[] workerThreadIds() {
        return crew.workerIds();
    }

    /**
     * Renders the whole mix into {@code target} through {@code files} (atomically, as the service exports) and
     * returns the peak sample magnitude of the mix. Export thread.
     */
    public double exportTo(AudioFiles files, Path target, String format, Map<String, String> options)
            throws IOException {
        return exportTo(files, target, format, options, null);
    }

    /**
     * As {@link #exportTo(AudioFiles, Path, String, Map)}, telling {@code progress} (may be null) the frames rendered
     * so far after every block, out of {@link #lengthFrames()}. Export thread.
     */
    public double exportTo(AudioFiles files, Path target, String format, Map<String, String> options,
            java.util.function.LongConsumer progress) throws IOException {
        return exportTo(files, target, format, options, progress, null);
    }

    /**
     * As {@link #exportTo(AudioFiles, Path, String, Map, java.util.function.LongConsumer)}, reducing the word length
     * of every block with {@code ditherer} (may be null) after the peak is measured, as the last stage before the
     * exporter. Export thread.
     */
    public double exportTo(AudioFiles files, Path target, String format, Map<String, String> options,
            java.util.function.LongConsumer progress, org.mixbench.convert.Ditherer ditherer) throws IOException {
        double[] peak = {0};
        float[][] view = new float[2][];
        files.export(target, format, new org.mixbench.api.export.ExportFormat(sampleRate, 2, length), options,
                Map.of(), block -> {
                    view[0] = block.channel(0);
                    view[1] = block.channel(1);
                    int n = render(view, Math.min(block.maxFrames(), BLOCK));
                    if (n < 0) {
                        return false;
                    }
                    peak[0] = Math.max(peak[0], peak(view, n));
                    if (ditherer != null) {
                        ditherer.process(view, 0, n);
                    }
                    block.setFrames(n);
                    if (progress != null) {
                        progress.accept(delivered);
                    }
                    return true;
                });
        return peak[0];
    }

    private static float peak(float[][] buffer, int frames) {
        float max = 0;
        for (float[] channel : buffer) {
            for (int i = 0; i < frames; i++) {
                max = Math.max(max, Math.abs(channel[i]));
            }
        }
        return max;
    }

    /**
     * The peak level of the last rendered block at the output of track {@code index} (tracks first, then buses in
     * session order, then the master at {@code tracks + buses}), linear. For meters: any thread, lock-free.
     */
    public float peak(int index) {
        return Float.intBitsToFloat(peaks.get(index));
    }

    @Override
    public void close() throws IOException {
        if (crew != null) {
            crew.close();
        }
        IOException first = null;
        for (List<ClipPlayer> list : clips) {
            if (list == null) {
                continue;
            }
            for (ClipPlayer c : list) {
                try {
                    c.close();
                } catch (IOException e) {
                    first = first == null ? e : first;
                }
            }
        }
        for (StripNode node : nodes) {
            if (node == null) {
                continue;
            }
            for (StripNode.Slot s : node.slots) {
                compileCall.enter(node.name + ": " + s.label + " while being released");
                release(s.processor);
                compileCall.leave();
            }
        }
        if (prefetcher != null) {
            try {
                prefetcher.close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
