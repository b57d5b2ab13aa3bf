package org.mixbench.mastering.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.mixbench.analysis.AnalysisPlots;
import org.mixbench.analysis.FileAnalysis;
import org.mixbench.analysis.FileAnalyzer;
import org.mixbench.api.audio.AudioFileInfo;
import org.mixbench.api.audio.AudioFiles;
import org.mixbench.api.audio.AudioReader;
import org.mixbench.api.command.ProgressBar;
import org.mixbench.api.contribution.ContributionInfo;
import org.mixbench.api.contribution.ContributionKind;
import org.mixbench.api.contribution.ContributionRegistry;
import org.mixbench.api.export.ExportFormat;
import org.mixbench.api.processor.ParameterDescriptor;
import org.mixbench.api.processor.Processor;
import org.mixbench.api.processor.ProcessorFactory;
import org.mixbench.api.processor.ProcessorState;
import org.mixbench.api.target.DeliveryTarget;
import org.mixbench.convert.DitherType;
import org.mixbench.convert.Ditherer;
import org.mixbench.convert.SampleRateConverter;
import org.mixbench.mastering.MasterEngine;
import org.mixbench.mastering.MasteringChain;
import org.mixbench.mastering.Rule;
import org.mixbench.mixing.engine.MixRenderer;
import org.mixbench.mixing.engine.ProcessorWatch;
import org.mixbench.mixing.session.Session;
import org.mixbench.targets.InstalledTargets;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * One run of the mastering engine (see {@link MasterEngine}): the chain per input, the gain search with the limiter
 * in memory, delivery and measurement of each file with corrections, rule checks, reports and plots. Command thread.
 */
public final class Engine {
    /** How close to the loudness goal the in-memory search gets, LU. */
    static final double SEARCH_LU = 0.02;
    /** How far the delivered file may be from the goal before it is corrected and delivered again, LU. */
    static final double DELIVERY_LU = 0.1;
    /** Deliveries of one master at most (the first and its corrections). */
    static final int DELIVERIES = 4;
    /** How far under the ceiling peak normalisation aims, dB (dither and conversion add a little). */
    static final double PEAK_MARGIN_DB = 0.1;
    /** Where the limiter starts below the ceiling for a lossy format, dB: encoders overshoot. */
    static final double LOSSY_START_MARGIN_DB = 0.5;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final ContributionRegistry registry;
    private final AudioFiles files;
    private final FileAnalyzer analyzer;
    private final MasterEngine.Request request;
    private final List<DeliveryTarget> targets;
    private final List<FileAnalysis> analyses;
    private final List<AudioFileInfo> infos;
    private final Map<String, Path> outputs;
    private final Set<Path> temporaries;
    private final MasterEngine.Listener listener;
    private final ProcessorFactory limiter;
    private final List<String> warnings = new ArrayList<>();
    private final Map<String, String> inputHashes = new HashMap<>();

    /** Everything {@link MasterEngine#prepare} checked. */
    public Engine(ContributionRegistry registry, AudioFiles files, FileAnalyzer analyzer, MasterEngine.Request request,
            List<DeliveryTarget> targets, List<FileAnalysis> analyses, List<AudioFileInfo> infos,
            Map<String, Path> outputs, Set<Path> temporaries, MasterEngine.Listener listener) {
        this.registry = registry;
        this.files = files;
        this.analyzer = analyzer;
        this.request = request;
        this.targets = targets;
        this.analyses = analyses;
        this.infos = infos;
        this.outputs = outputs;
        this.temporaries = temporaries;
        this.listener = listener;
        this.limiter = registry.find(ContributionKind.PROCESSOR, MasterEngine.LIMITER, ProcessorFactory.class)
                .orElseThrow();
    }

    /** The audio after the chain at the input's rate, with what went wrong in the chain. */
    record Pre(float[][] audio, double rate, List<String> warnings, MasteringChain chain) {
    }

    /** The delivered result of one master before its report. */
    private record Delivered(Path output, FileAnalysis analysis, AudioFileInfo info, Limiting.Pass pass,
            int deliveries, double neededReductionDb, boolean capped) {
    }

    /** Runs every master and writes every file. */
    public MasterEngine.Outcome run() throws IOException {
        List<MasterEngine.Master> masters = new ArrayList<>();
        List<MasterEngine.Album> albums = new ArrayList<>();
        if (!request.album()) {
            for (int i = 0; i < request.inputs().size(); i++) {
                Map<String, Pre> chains = new HashMap<>();
                for (DeliveryTarget t : targets) {
                    Pre pre = pre(i, t, chains);
                    masters.add(single(i, t, pre));
                }
            }
        } else {
            List<Map<String, Pre>> chains = new ArrayList<>();
            for (int i = 0; i < request.inputs().size(); i++) {
                chains.add(new HashMap<>());
            }
            for (DeliveryTarget t : targets) {
                List<Pre> pres = new ArrayList<>();
                for (int i = 0; i < request.inputs().size(); i++) {
                    pres.add(pre(i, t, chains.get(i)));
                }
                albums.add(album(t, pres, masters));
            }
        }
        return new MasterEngine.Outcome(masters, albums, List.copyOf(warnings));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The chain

    /** The chain a target gets: the request's, and the imager when the target wants the bass mono and it is absent. */
    MasteringChain chainFor(DeliveryTarget t) {
        MasteringChain chain = request.chain();
        boolean hasImager = chain.inserts().stream().anyMatch(x -> x.processor().equals(MasterEngine.IMAGER)
                && !x.bypass());
        if (t.monoBelowHz() != null && !hasImager && registry.find(ContributionKind.PROCESSOR,
                MasterEngine.IMAGER, ProcessorFactory.class).isPresent()) {
            chain = chain.with(new Session.Insert(MasterEngine.IMAGER, false, Map.of("mono_below",
                    Math.min(500, t.monoBelowHz())), Map.of()));
        }
        return chain;
    }

    private Pre pre(int i, DeliveryTarget t, Map<String, Pre> cache) throws IOException {
        MasteringChain chain = chainFor(t);
        String key = chain.toString();
        Pre pre = cache.get(key);
        if (pre == null) {
            pre = renderChain(i, chain);
            cache.put(key, pre);
            for (String w : pre.warnings()) {
                String line = request.inputs().get(i).shown() + ": " + w;
                warnings.add(line);
                listener.warning(line);
            }
        }
        return pre;
    }

    private Pre renderChain(int i, MasteringChain chain) throws IOException {
        MasterEngine.Input in = request.inputs().get(i);
        FileAnalysis a = analyses.get(i);
        int frames = (int) Math.min(Integer.MAX_VALUE - 16, a.frames());
        double rate = a.sampleRate();
        float[][] audio = new float[2][frames];
        if (chain.inserts().isEmpty()) {
            try (AudioReader reader = files.open(in.file())) {
                int channels = reader.info().channels();
                float[][] buffers = new float[channels][8192];
                int at = 0;
                int n;
                while (at < frames && (n = reader.read(buffers, 0, Math.min(8192, frames - at))) >= 0) {
                    for (int c = 0; c < 2; c++) {
                        System.arraycopy(buffers[Math.min(c, channels - 1)], 0, audio[c], at, n);
                    }
                    at += n;
                }
            }
            return new Pre(audio, rate, List.of(), chain);
        }
        Session.Clip clip = new Session.Clip(in.file().toAbsolutePath().toString(), 0, 0, null, 0, 0, 0, null);
        boolean mono = a.channels() == 1;
        Session.Strip strip = new Session.Strip(0, false, chain.inserts(), 0, 0, mono ? Session.PanLaw.ZERO : null,
                false, false, false, null, null);
        Session session = new Session(Session.FORMAT, Session.VERSION, rate, 120, List.of(new Session.Track("mix",
                "Mix", List.of(clip), strip, List.of())), List.of(), null);
        ProcessorWatch watch = new ProcessorWatch();
        java.util.concurrent.atomic.AtomicReference<Object> outcome = new java.util.concurrent.atomic.AtomicReference<>();
        try (ProgressBar bar = listener.progress("chain " + in.shown())) {
            Thread worker = new Thread(() -> {
                try (MixRenderer renderer = MixRenderer.compile(session, in.file().toAbsolutePath().getParent(),
                        registry, files, 1, null, watch)) {
                    float[][] block = new float[2][MixRenderer.BLOCK];
                    int at = 0;
                    int n;
                    while (at < frames && (n = renderer.render(block, Math.min(MixRenderer.BLOCK, frames - at))) > 0) {
                        System.arraycopy(block[0], 0, audio[0], at, n);
                        System.arraycopy(block[1], 0, audio[1], at, n);
                        at += n;
                        if ((at & 0xffff) < MixRenderer.BLOCK) {
                            bar.update(at, frames);
                        }
                    }
                    outcome.set(renderer.warnings());
                } catch (Throwable t) {
                    outcome.set(t);
                }
            }, "mixbench-master-chain");
            // A processor stuck forever must not keep the process alive after the command has given up on it.
            worker.setDaemon(true);
            worker.start();
            double deadline = deadline();
            while (worker.isAlive()) {
                worker.join(50);
                Optional<String> late = watch.overdue(deadline);
                if (late.isPresent() && worker.isAlive()) {
                    throw new ChainStuckException(in.shown() + ": " + late.get() + "; mastering was stopped and "
                            + "nothing more was written");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
        Object o = outcome.get();
        if (o instanceof IOException e) {
            throw e;
        }
        if (o instanceof RuntimeException e) {
            throw e;
        }
        if (o instanceof Error e) {
            throw e;
        }
        @SuppressWarnings("unchecked")
        List<String> found = (List<String>) o;
        return new Pre(audio, rate, found, chain);
    }

    /** The deadline of one processor call in seconds: {@code -Dmixbench.processor.timeout}, else 10 s as for mix. */
    private static double deadline() {
        try {
            double v = Double.parseDouble(System.getProperty("mixbench.processor.timeout", "10"));
            return v > 0 && Double.isFinite(v) ? v : 10;
        } catch (NumberFormatException e) {
            return 10;
        }
    }

    /** A processor of the chain did not return within the deadline; the run was stopped. */
    public static final class ChainStuckException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ChainStuckException(String message) {
            super(message);
        }
    }

    /** The chain as the report lists it: each processor with its bundle, version and every parameter's value. */
    List<Map<String, Object>> describe(MasteringChain chain, Limiting.Pass pass) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Session.Insert insert : chain.inserts()) {
            out.add(stage(insert.processor(), insert.bypass(), insert.parameters(), insert.data()));
        }
        if (pass != null) {
            Map<String, Double> values = new LinkedHashMap<>();
            values.put("gain", round(pass.gainDb(), 3));
            values.put("ceiling", round(pass.ceilingDbtp(), 3));
            out.add(stage(MasterEngine.LIMITER, false, values, Map.of()));
        }
        return out;
    }

    private Map<String, Object> stage(String id, boolean bypass, Map<String, Double> parameters,
            Map<String, String> data) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("processor", id);
        Optional<ContributionInfo> info = registry.list(ContributionKind.PROCESSOR).stream()
                .filter(x -> x.id().equals(id)).findFirst();
        m.put("name", info.map(ContributionInfo::name).orElse(null));
        m.put("version", info.map(ContributionInfo::version).orElse(null));
        m.put("bundle", info.map(x -> x.bundle() + " " + x.bundleVersion()).orElse(null));
        m.put("bypass", bypass);
        Map<String, Object> values = new LinkedHashMap<>();
        Optional<ProcessorFactory> factory = registry.find(ContributionKind.PROCESSOR, id, ProcessorFactory.class);
        if (factory.isPresent()) {
            try {
                Processor p = factory.get().create();
                p.restoreState(new ProcessorState(parameters, data));
                Map<String, Double> state = p.saveState().parameters();
                for (ParameterDescriptor d : factory.get().parameters()) {
                    Double v = state.get(d.id());
                    values.put(d.id(), v == null ? null : round(v, 4));
                }
            } catch (RuntimeException | Error e) {
                values.putAll(parameters);
            }
        } else {
            values.putAll(parameters);
        }
        m.put("parameters", values);
        return m;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // One master

    private static boolean cutting(DeliveryTarget t) {
        return t.monoBelowHz() != null || t.maxSideMinutes() != null || t.minCorrelation() != null;
    }

    private MasterEngine.Master single(int i, DeliveryTarget t, Pre pre) throws IOException {
        MasterEngine.Input in = request.inputs().get(i);
        int rate = deliveryRate(t, pre.rate());
        float[][] x = resample(pre.audio(), pre.rate(), rate);
        String format = MasterEngine.format(request, t);
        boolean lossy = format.equals("mp3");
        ProcessorFactory lim = limited(t) ? limiter : null;
        double[] measured = Limiting.measure(x, rate);
        double ceiling = t.truePeakDbtp() - (lossy ? LOSSY_START_MARGIN_DB : 0);
        double goal = t.integratedLufs() == null ? Double.NaN : t.integratedLufs();
        double gain = startGain(t, measured, ceiling);
        Path output = outputs.get(t.id() + "/" + MasterEngine.stem(in.file()) + "." + format);
        Delivered d = null;
        Search s = null;
        try (ProgressBar bar = listener.progress(t.id() + ": " + in.shown())) {
            for (int k = 0; k < DELIVERIES; k++) {
                s = search(List.<float[][]>of(x), rate, goal, gain, ceiling, lim);
                Limiting.Pass pass = s.passes().get(0);
                bar.update(k * 2 + 1, DELIVERIES * 2);
                d = deliver(pass, rate, t, format, output, k + 1, s.neededReductionDb(), s.capped());
                bar.update(k * 2 + 2, DELIVERIES * 2);
                double over = d.analysis().truePeakDbtp() - t.truePeakDbtp();
                boolean loudnessOff = Double.isFinite(goal) && !s.capped()
                        && Math.abs(d.analysis().integratedLufs() - t.integratedLufs()) > DELIVERY_LU;
                if (over > 0) {
                    // The converter, the dither or the encoder put a peak over: aim that much lower.
                    if (lim == null) {
                        gain = s.gainDb() - over - 0.05;
                    } else {
                        ceiling -= over + 0.05;
                        gain = s.gainDb();
                    }
                    continue;
                }
                if (loudnessOff) {
                    // Measure the file, not the plan: move the goal by what the delivery missed.
                    goal += t.integratedLufs() - d.analysis().integratedLufs();
                    gain = s.gainDb() + t.integratedLufs() - d.analysis().integratedLufs();
                    continue;
                }
                break;
            }
        }
        commit(d, output);
        return report(i, t, pre, d, output, rate, null);
    }

    private static int deliveryRate(DeliveryTarget t, double inputRate) {
        return t.sampleRate() != null ? t.sampleRate() : (int) Math.round(inputRate);
    }

    /**
     * The gain to start from: to the loudness goal, or for a target without one the gain that brings the peaks to
     * the ceiling (peak normalisation).
     */
    private static double startGain(DeliveryTarget t, double[] measured, double ceiling) {
        if (t.integratedLufs() != null) {
            return t.integratedLufs() - measured[0];
        }
        return ceiling - PEAK_MARGIN_DB - measured[1];
    }

    /**
     * Whether the limiter sets this target's level: only for a loudness goal. A target without one (CD, hi-res,
     * vinyl) is peak-normalised by plain gain and never limited: a lacquer needs its transients, and a disc master
     * has no loudness to reach.
     */
    private static boolean limited(DeliveryTarget t) {
        return t.integratedLufs() != null;
    }

    /**
     * The outcome of a gain search over one track or an album. {@code neededReductionDb} is the limiting the
     * loudness goal would take when {@code capped} (negative when even that much did not reach it: at least its
     * magnitude); NaN otherwise.
     */
    record Search(List<Limiting.Pass> passes, double gainDb, boolean capped, double neededReductionDb,
            double loudness) {
    }

    /**
     * Finds the gain that brings the tracks' (album) loudness to {@code goal} through the limiter, never with more than
     * {@code --max-limiting} of gain reduction on any track; without a goal, one pass at {@code gain}.
     */
    Search search(List<float[][]> tracks, double rate, double goal, double gain, double ceiling,
            ProcessorFactory lim) {
        double max = request.maxLimitingDb();
        if (!Double.isFinite(goal)) {
            List<Limiting.Pass> passes = passes(tracks, rate, gain, ceiling, lim);
            return new Search(passes, gain, false, Double.NaN, album(passes, rate));
        }
        double g = gain;
        double cap = Double.POSITIVE_INFINITY;
        boolean capped = false;
        List<Limiting.Pass> passes = null;
        double loudness = Double.NaN;
        // Secant steps on loudness(gain): the limiter makes the slope less than 1, so plain steps converge slowly.
        double lastGain = Double.NaN;
        double lastLoudness = Double.NaN;
        for (int k = 0; k < 10; k++) {
            passes = passes(tracks, rate, g, ceiling, lim);
            loudness = album(passes, rate);
            double reduction = passes.stream().mapToDouble(Limiting.Pass::maxReductionDb).max().orElse(0);
            if (lim != null && reduction > max + 0.05) {
                cap = Math.min(cap, g - (reduction - max) - 0.02);
                capped = true;
                lastGain = Double.NaN;
                g = cap;
                continue;
            }
            double error = goal - loudness;
            if (Math.abs(error) < SEARCH_LU) {
                break;
            }
            double next = g + error / slope(g, loudness, lastGain, lastLoudness);
            lastGain = g;
            lastLoudness = loudness;
            if (capped && next >= cap) {
                if (g >= cap - 1e-6) {
                    break;
                }
                next = cap;
            }
            g = next;
        }
        double needed = Double.NaN;
        if (capped && goal - loudness > SEARCH_LU) {
            // What reaching the goal would take, for the report: the same search with no limit on the limiting.
            double u = g;
            double uLoudness = loudness;
            double before = Double.NaN;
            double beforeLoudness = Double.NaN;
            for (int k = 0; k < 8; k++) {
                double error = goal - uLoudness;
                double next = u + error / slope(u, uLoudness, before, beforeLoudness);
                before = u;
                beforeLoudness = uLoudness;
                u = Math.min(next, g + 40);
                List<Limiting.Pass> p = passes(tracks, rate, u, ceiling, lim);
                uLoudness = album(p, rate);
                needed = p.stream().mapToDouble(Limiting.Pass::maxReductionDb).max().orElse(0);
                if (Math.abs(goal - uLoudness) < 0.05) {
                    break;
                }
                if (u >= g + 40 || k == 7) {
                    // The goal is out of reach of any sane limiting: report what the last try took, as a floor.
                    needed = -needed;
                    break;
                }
            }
        }
        return new Search(passes, g, capped && goal - loudness > SEARCH_LU, needed, loudness);
    }

    /** Loudness change per dB of gain from the last two passes, within 0.05..1; 1 before there are two. */
    private static double slope(double g, double loudness, double lastGain, double lastLoudness) {
        if (Double.isNaN(lastGain) || Math.abs(g - lastGain) < 1e-6) {
            return 1;
        }
        return Math.max(0.05, Math.min(1, (loudness - lastLoudness) / (g - lastGain)));
    }

    private static List<Limiting.Pass> passes(List<float[][]> tracks, double rate, double gain, double ceiling,
            ProcessorFactory lim) {
        List<Limiting.Pass> out = new ArrayList<>();
        for (float[][] x : tracks) {
            out.add(Limiting.run(x, rate, gain, ceiling, lim, Map.of()));
        }
        return out;
    }

    private static double album(List<Limiting.Pass> passes, double rate) {
        if (passes.size() == 1) {
            return passes.get(0).integratedLufs();
        }
        AlbumLoudness meter = new AlbumLoudness(rate);
        for (Limiting.Pass p : passes) {
            meter.add(p.audio(), rate);
        }
        return meter.integratedLufs();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Delivery

    private Delivered deliver(Limiting.Pass pass, int rate, DeliveryTarget t, String format, Path output,
            int deliveries, double needed, boolean capped) throws IOException {
        Path candidate = output.resolveSibling("." + output.getFileName() + ".candidate-" + UUID.randomUUID()
                .toString().substring(0, 8));
        temporaries.add(candidate);
        int bits = bits(t, format);
        Map<String, String> options = new LinkedHashMap<>();
        if (format.equals("mp3")) {
            if (t.format().equals("mp3")) {
                options.putAll(t.encoder());
            }
        } else {
            options.put("bits", bits == 32 ? (format.equals("wav") ? "32f" : "24") : String.valueOf(bits));
            if (t.format().equals(format)) {
                t.encoder().forEach(options::putIfAbsent);
            }
        }
        float[][] y = pass.audio();
        int frames = y[0].length;
        Ditherer ditherer = !format.equals("mp3") && bits <= 24 ? new Ditherer(2, bits, dither(t)) : null;
        int[] at = {0};
        try {
            files.export(candidate, format, new ExportFormat(rate, 2, frames), options, Map.of("encoder",
                    "Mixbench master for " + t.name()), block -> {
                        int n = Math.min(block.maxFrames(), frames - at[0]);
                        if (n <= 0) {
                            return false;
                        }
                        System.arraycopy(y[0], at[0], block.channel(0), 0, n);
                        System.arraycopy(y[1], at[0], block.channel(1), 0, n);
                        if (ditherer != null) {
                            float[][] view = {block.channel(0), block.channel(1)};
                            ditherer.process(view, 0, n);
                        }
                        block.setFrames(n);
                        at[0] += n;
                        return true;
                    });
            FileAnalysis a = analyzer.analyze(candidate, output.toString(), 0.1, null);
            AudioFileInfo info;
            try (AudioReader reader = files.open(candidate)) {
                info = reader.info();
            }
            return new Delivered(candidate, a, info, pass, deliveries, needed, capped);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(candidate);
            temporaries.remove(candidate);
            throw e;
        }
    }

    private void commit(Delivered d, Path output) throws IOException {
        try {
            Files.move(d.output(), output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(d.output());
            temporaries.remove(d.output());
        }
    }

    private static int bits(DeliveryTarget t, String format) {
        if (format.equals("mp3")) {
            return 0;
        }
        return format.equals("flac") && t.bits() > 24 ? 24 : t.bits();
    }

    private static DitherType dither(DeliveryTarget t) {
        return switch (t.dither()) {
            case "none" -> DitherType.NONE;
            case "shaped" -> DitherType.SHAPED;
            default -> DitherType.TPDF;
        };
    }

    /** {@code x} converted from {@code from} to {@code to} Hz by the convert bundle's converter (same array if equal). */
    static float[][] resample(float[][] x, double from, int to) {
        int in = (int) Math.round(from);
        if (in == to) {
            return x;
        }
        int chunk = 8192;
        SampleRateConverter src = new SampleRateConverter(in, to, 2, chunk);
        long total = (long) x[0].length * to / in + 1;
        float[][] y = new float[2][(int) Math.min(Integer.MAX_VALUE - 16, total + 16)];
        float[][] out = new float[2][src.maxOutputFrames(chunk)];
        int written = 0;
        for (int at = 0; at < x[0].length; at += chunk) {
            int n = Math.min(chunk, x[0].length - at);
            int m = src.process(x, at, n, out, 0);
            written = append(out, m, y, written);
        }
        int m;
        while ((m = src.flush(out, 0)) > 0) {
            written = append(out, m, y, written);
        }
        float[][] exact = new float[2][];
        exact[0] = java.util.Arrays.copyOf(y[0], written);
        exact[1] = java.util.Arrays.copyOf(y[1], written);
        return exact;
    }

    private static int append(float[][] from, int n, float[][] to, int at) {
        int room = Math.min(n, to[0].length - at);
        System.arraycopy(from[0], 0, to[0], at, room);
        System.arraycopy(from[1], 0, to[1], at, room);
        return at + room;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Album

    private MasterEngine.Album album(DeliveryTarget t, List<Pre> pres, List<MasterEngine.Master> masters)
            throws IOException {
        int rate = deliveryRate(t, pres.get(0).rate());
        List<float[][]> xs = new ArrayList<>();
        for (Pre p : pres) {
            int r = deliveryRate(t, p.rate());
            xs.add(resample(p.audio(), p.rate(), r));
        }
        boolean mixedRates = pres.stream().anyMatch(p -> deliveryRate(t, p.rate()) != rate);
        String format = MasterEngine.format(request, t);
        boolean lossy = format.equals("mp3");
        ProcessorFactory lim = limited(t) ? limiter : null;
        double ceiling = t.truePeakDbtp() - (lossy ? LOSSY_START_MARGIN_DB : 0);
        double goal = t.integratedLufs() == null ? Double.NaN : t.integratedLufs();
        AlbumLoudness before = new AlbumLoudness(rate);
        double peak = Double.NEGATIVE_INFINITY;
        for (float[][] x : xs) {
            before.add(x, rate);
            peak = Math.max(peak, Limiting.measure(x, rate)[1]);
        }
        double gain = t.integratedLufs() != null ? goal - before.integratedLufs()
                : ceiling - PEAK_MARGIN_DB - peak;
        List<Delivered> delivered = new ArrayList<>();
        Search s = null;
        double albumLufs = Double.NaN;
        double[] trackCeilings = new double[xs.size()];
        java.util.Arrays.fill(trackCeilings, ceiling);
        for (int k = 0; k < DELIVERIES; k++) {
            if (mixedRates) {
                // Tracks at different rates: one gain search per rate is not album loudness; measure at each rate.
                s = searchMixed(xs, pres, t, goal, gain, trackCeilings, lim);
            } else {
                s = search(xs, rate, goal, gain, ceiling, lim);
            }
            delivered.clear();
            boolean redo = false;
            AlbumLoudness after = new AlbumLoudness(rate);
            for (int i = 0; i < xs.size(); i++) {
                MasterEngine.Input in = request.inputs().get(i);
                Path output = outputs.get(t.id() + "/" + MasterEngine.stem(in.file()) + "." + format);
                int r = deliveryRate(t, pres.get(i).rate());
                Limiting.Pass pass = s.passes().get(i);
                Delivered d;
                try (ProgressBar bar = listener.progress(t.id() + " (album): " + in.shown())) {
                    d = deliver(pass, r, t, format, output, k + 1, s.neededReductionDb(), s.capped());
                    double over = d.analysis().truePeakDbtp() - t.truePeakDbtp();
                    for (int j = 0; over > 0 && j < DELIVERIES; j++) {
                        // Only this track's peaks: its ceiling comes down, the album's gain stays.
                        discard(d);
                        double c = pass.ceilingDbtp() - over - 0.05;
                        pass = Limiting.run(xs.get(i), r, lim == null ? pass.gainDb() - over - 0.05 : pass.gainDb(),
                                c, lim, Map.of());
                        d = deliver(pass, r, t, format, output, k + 1, s.neededReductionDb(), s.capped());
                        over = d.analysis().truePeakDbtp() - t.truePeakDbtp();
                    }
                    bar.update(1, 1);
                }
                delivered.add(d);
                after.add(decode(d.output()), r);
            }
            albumLufs = after.integratedLufs();
            if (Double.isFinite(goal) && !s.capped() && Math.abs(albumLufs - t.integratedLufs()) > DELIVERY_LU
                    && k < DELIVERIES - 1) {
                goal += t.integratedLufs() - albumLufs;
                gain = s.gainDb() + t.integratedLufs() - albumLufs;
                redo = true;
            }
            if (!redo) {
                break;
            }
            for (Delivered d : delivered) {
                discard(d);
            }
        }
        List<Map<String, Object>> tracks = new ArrayList<>();
        List<MasterEngine.Master> these = new ArrayList<>();
        for (int i = 0; i < xs.size(); i++) {
            Delivered d = delivered.get(i);
            Path output = outputs.get(t.id() + "/" + MasterEngine.stem(request.inputs().get(i).file()) + "."
                    + format);
            commit(d, output);
            Map<String, Object> albumPart = new LinkedHashMap<>();
            albumPart.put("integrated_lufs", round(albumLufs, 2));
            albumPart.put("gain_db", round(s.gainDb(), 2));
            albumPart.put("track", i + 1);
            albumPart.put("tracks", xs.size());
            MasterEngine.Master m = report(i, t, pres.get(i), d, output, deliveryRate(t, pres.get(i).rate()),
                    albumPart);
            these.add(m);
            masters.add(m);
            Map<String, Object> track = new LinkedHashMap<>();
            track.put("file", m.output().toString());
            track.put("input", request.inputs().get(i).shown());
            track.put("input_lufs", round(analyses.get(i).integratedLufs(), 2));
            track.put("output_lufs", round(d.analysis().integratedLufs(), 2));
            track.put("max_gain_reduction_db", round(d.pass().maxReductionDb(), 2));
            track.put("duration_s", round(d.analysis().durationSeconds(), 3));
            track.put("pass", m.pass());
            tracks.add(track);
        }
        List<Rule> rules = new ArrayList<>();
        if (t.integratedLufs() != null) {
            rules.add(Rules.loudness(t, albumLufs, s.capped(), s.neededReductionDb(), request.maxLimitingDb(),
                    "album "));
        }
        // Relative loudness kept: the spread of (output - input) across tracks the limiter did not touch.
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < xs.size(); i++) {
            if (delivered.get(i).pass().maxReductionDb() < 0.5) {
                double change = delivered.get(i).analysis().integratedLufs() - analyses.get(i).integratedLufs();
                lo = Math.min(lo, change);
                hi = Math.max(hi, change);
            }
        }
        if (hi >= lo) {
            rules.add(new Rule("relative_loudness_lu", "at_most", 0.1, Double.NaN, hi - lo, "LU", hi - lo <= 0.1 + 1e-9,
                    "the change of loudness of each track the limiter did not act on (less than 0.5 dB of gain "
                            + "reduction); tracks it acted on are named in their reports"));
        }
        List<Map<String, Object>> sides = new ArrayList<>();
        if (!request.sides().isEmpty() && t.maxSideMinutes() != null) {
            int at = 0;
            for (int side = 0; side < request.sides().size(); side++) {
                double seconds = 0;
                List<String> names = new ArrayList<>();
                for (int j = 0; j < request.sides().get(side); j++, at++) {
                    seconds += delivered.get(at).analysis().durationSeconds();
                    names.add(request.inputs().get(at).shown());
                }
                String label = String.valueOf((char) ('A' + side));
                boolean ok = seconds / 60 <= t.maxSideMinutes();
                rules.add(new Rule("side_minutes", "at_most", t.maxSideMinutes(), Double.NaN, seconds / 60, "min", ok,
                        String.format(Locale.ROOT,
                        "side %s plays %d:%02d", label, (int) seconds / 60, (int) seconds % 60)));
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("side", label);
                m.put("tracks", names);
                m.put("minutes", round(seconds / 60, 2));
                m.put("pass", ok);
                sides.add(m);
            }
        } else if (t.maxSideMinutes() != null) {
            rules.add(new Rule("side_minutes", "at_most", t.maxSideMinutes(), Double.NaN, Double.NaN, "min", true,
                    "not checked: give --sides to say how the album is cut into sides"));
        }
        boolean pass = rules.stream().allMatch(Rule::pass) && these.stream().allMatch(MasterEngine.Master::pass);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("target", InstalledTargets.json(t, null));
        Map<String, Object> albumJson = new LinkedHashMap<>();
        albumJson.put("integrated_lufs", round(albumLufs, 2));
        albumJson.put("input_integrated_lufs", round(before.integratedLufs(), 2));
        albumJson.put("gain_db", round(s.gainDb(), 2));
        albumJson.put("max_gain_reduction_db", round(delivered.stream().mapToDouble(d -> d.pass().maxReductionDb())
                .max().orElse(0), 2));
        json.put("album", albumJson);
        json.put("tracks", tracks);
        if (!sides.isEmpty()) {
            json.put("sides", sides);
        }
        json.put("rules", Rules.json(rules));
        json.put("pass", pass);
        json.put("mixbench_version", Version.of(getClass()));
        Path report = outputs.get(t.id() + "/album.report.json");
        writeJson(report, json);
        return new MasterEngine.Album(t, report, pass, albumLufs, s.gainDb(), rules, json);
    }

    /** Album search when tracks sit at different rates (a target that keeps each input's rate). */
    private Search searchMixed(List<float[][]> xs, List<Pre> pres, DeliveryTarget t, double goal, double gain,
            double[] ceilings, ProcessorFactory lim) {
        double g = gain;
        List<Limiting.Pass> passes = new ArrayList<>();
        double loudness = Double.NaN;
        for (int k = 0; k < 8; k++) {
            passes.clear();
            AlbumLoudness meter = new AlbumLoudness(48_000);
            for (int i = 0; i < xs.size(); i++) {
                int r = deliveryRate(t, pres.get(i).rate());
                Limiting.Pass p = Limiting.run(xs.get(i), r, g, ceilings[i], lim, Map.of());
                passes.add(p);
                meter.add(p.audio(), r);
            }
            loudness = meter.integratedLufs();
            if (!Double.isFinite(goal) || Math.abs(goal - loudness) < SEARCH_LU) {
                break;
            }
            g += goal - loudness;
        }
        return new Search(new ArrayList<>(passes), g, false, Double.NaN, loudness);
    }

    private void discard(Delivered d) throws IOException {
        Files.deleteIfExists(d.output());
        temporaries.remove(d.output());
    }

    private float[][] decode(Path file) throws IOException {
        try (AudioReader reader = files.open(file)) {
            int channels = reader.info().channels();
            List<float[][]> parts = new ArrayList<>();
            int total = 0;
            int n;
            float[][] buffer = new float[channels][65_536];
            while ((n = reader.read(buffer, 0, 65_536)) >= 0) {
                float[][] part = new float[2][n];
                for (int c = 0; c < 2; c++) {
                    System.arraycopy(buffer[Math.min(c, channels - 1)], 0, part[c], 0, n);
                }
                parts.add(part);
                total += n;
            }
            float[][] out = new float[2][total];
            int at = 0;
            for (float[][] p : parts) {
                System.arraycopy(p[0], 0, out[0], at, p[0].length);
                System.arraycopy(p[1], 0, out[1], at, p[1].length);
                at += p[0].length;
            }
            return out;
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Report

    private MasterEngine.Master report(int i, DeliveryTarget t, Pre pre, Delivered d, Path output, int rate,
            Map<String, Object> albumPart) throws IOException {
        MasterEngine.Input in = request.inputs().get(i);
        FileAnalysis before = analyses.get(i);
        FileAnalysis after = d.analysis();
        String format = MasterEngine.format(request, t);
        CuttingChecks.Result cut = cutting(t) ? CuttingChecks.measure(decode(output), rate, t.monoBelowHz() == null
                ? 150 : t.monoBelowHz()) : null;
        Object album = albumPart == null ? null : albumPart.get("integrated_lufs");
        double albumLufs = album instanceof Double v ? v : Double.NaN;
        List<Rule> rules = Rules.master(t, after, d.info(), format, bits(t, format), rate, d.capped(),
                d.neededReductionDb(), request.maxLimitingDb(), cut, albumLufs);
        boolean pass = rules.stream().allMatch(Rule::pass);

        Map<String, Object> json = new LinkedHashMap<>();
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("file", in.shown());
        input.put("integrated_lufs", round(before.integratedLufs(), 2));
        input.put("lra_lu", round(before.loudnessRangeLu(), 2));
        input.put("true_peak_dbtp", round(before.truePeakDbtp(), 2));
        input.put("sample_peak_dbfs", round(before.samplePeakDbfs(), 2));
        input.put("sample_rate", before.sampleRate());
        input.put("channels", before.channels());
        input.put("duration_s", round(before.durationSeconds(), 3));
        json.put("input", input);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("file", output.toString());
        out.put("format", format);
        out.put("encoding", d.info().encoding());
        out.put("sample_rate", after.sampleRate());
        out.put("bits", d.info().bitsPerSample() == 0 ? null : d.info().bitsPerSample());
        out.put("integrated_lufs", round(after.integratedLufs(), 2));
        out.put("lra_lu", round(after.loudnessRangeLu(), 2));
        out.put("true_peak_dbtp", round(after.truePeakDbtp(), 2));
        out.put("sample_peak_dbfs", round(after.samplePeakDbfs(), 2));
        out.put("plr_lu", round(after.peakToLoudnessRatio(), 2));
        out.put("correlation", round(after.correlation(), 3));
        out.put("duration_s", round(after.durationSeconds(), 3));
        json.put("output", out);
        json.put("target", InstalledTargets.json(t, null));
        json.put("gain_db", round(d.pass().gainDb(), 2));
        json.put("max_gain_reduction_db", round(d.pass().maxReductionDb(), 2));
        json.put("max_limiting_db", request.maxLimitingDb());
        json.put("limiter_ceiling_dbtp", limited(t) ? round(d.pass().ceilingDbtp(), 2) : null);
        json.put("deliveries", d.deliveries());
        if (albumPart != null) {
            json.put("album", albumPart);
        }
        json.put("rules", Rules.json(rules));
        json.put("pass", pass);
        json.put("chain", describe(pre.chain(), limited(t) ? d.pass() : null));
        Map<String, Object> conversion = new LinkedHashMap<>();
        conversion.put("sample_rate_from", pre.rate());
        conversion.put("sample_rate_to", rate);
        conversion.put("bits", bits(t, format) == 0 ? null : bits(t, format));
        conversion.put("dither", format.equals("mp3") || bits(t, format) > 24 ? "none" : t.dither());
        conversion.put("encoder", format.equals("mp3") ? (t.format().equals("mp3") ? t.encoder() : Map.of())
                : Map.of());
        json.put("conversion", conversion);
        json.put("warnings", pre.warnings());
        Map<String, Object> hashes = new LinkedHashMap<>();
        hashes.put("input", inputHashes.computeIfAbsent(in.file().toString(), k -> sha256(in.file())));
        hashes.put("output", sha256(output));
        json.put("sha256", hashes);
        json.put("mixbench_version", Version.of(getClass()));
        Path report = outputs.get(t.id() + "/" + MasterEngine.stem(in.file()) + ".report.json");
        writeJson(report, json);
        if (request.plotDir() != null) {
            plots(t, in, before, after, d.pass());
        }
        MasterEngine.Master m = new MasterEngine.Master(t, in, output, report, pass, rules, d.pass().gainDb(),
                d.pass().maxReductionDb(), before, after, json);
        listener.delivered(m);
        return m;
    }

    private void plots(DeliveryTarget t, MasterEngine.Input in, FileAnalysis before, FileAnalysis after,
            Limiting.Pass pass) throws IOException {
        String stem = MasterEngine.stem(in.file());
        String title = in.shown() + " for " + t.name();
        List<AnalysisPlots.Series> both = List.of(new AnalysisPlots.Series("before (" + in.shown() + ")", before),
                new AnalysisPlots.Series("after (" + t.id() + ")", after));
        AnalysisPlots.save(AnalysisPlots.loudness(title + ": loudness over time, before and after", both),
                outputs.get(t.id() + "/" + stem + ".loudness.png"));
        AnalysisPlots.save(AnalysisPlots.spectrum(title + ": long-term average spectrum (dBFS), before and after",
                both), outputs.get(t.id() + "/" + stem + ".spectrum.png"));
        double range = Math.max(3, Math.ceil(pass.maxReductionDb() / 3) * 3);
        AnalysisPlots.save(AnalysisPlots.reduction(title + ": gain reduction of the limiter (dB) over time",
                pass.reductionHistory(), Limiting.HISTORY_HOP, range, String.format(Locale.ROOT,
                        "largest %.1f dB, gain %+.1f dB, ceiling %.1f dBTP", pass.maxReductionDb(), pass.gainDb(),
                        pass.ceilingDbtp())), outputs.get(t.id() + "/" + stem + ".gain-reduction.png"));
    }

    private void writeJson(Path file, Map<String, Object> json) throws IOException {
        Path temporary = file.resolveSibling("." + file.getFileName() + ".partial-" + UUID.randomUUID().toString()
                .substring(0, 8));
        temporaries.add(temporary);
        try {
            Files.write(temporary, JSON.writeValueAsBytes(json));
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
            temporaries.remove(temporary);
        }
    }

    private static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code v} rounded to {@code decimals}, or null when not finite (JSON has no NaN). */
    static Double round(double v, int decimals) {
        if (!Double.isFinite(v)) {
            return null;
        }
        double scale = Math.pow(10, decimals);
        return Math.round(v * scale) / scale;
    }
}
