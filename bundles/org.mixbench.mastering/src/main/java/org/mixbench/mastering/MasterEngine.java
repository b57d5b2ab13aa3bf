package org.mixbench.mastering;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.mixbench.analysis.FileAnalysis;
import org.mixbench.analysis.FileAnalyzer;
import org.mixbench.api.audio.AudioFileInfo;
import org.mixbench.api.audio.AudioFiles;
import org.mixbench.api.audio.AudioFormatException;
import org.mixbench.api.audio.AudioReader;
import org.mixbench.api.command.ProgressBar;
import org.mixbench.api.command.Problems;
import org.mixbench.api.command.UsageException;
import org.mixbench.api.command.WritePlan;
import org.mixbench.api.contribution.ContributionKind;
import org.mixbench.api.contribution.ContributionRegistry;
import org.mixbench.api.processor.ProcessorFactory;
import org.mixbench.api.target.DeliveryTarget;
import org.mixbench.mastering.internal.Engine;
import org.mixbench.targets.InstalledTargets;

/**
 * The mastering engine behind {@code ./mixbench master} and the Mastering perspective. For each input and each
 * delivery target it runs the chain, converts to the target's rate, sets the loudness with the true-peak limiter's
 * gain, dithers to the target's word length and encodes, then measures the delivered file itself (decoded, for MP3)
 * and corrects the gain or the ceiling until the file meets the target's loudness within 0.1 LU and its ceiling
 * (three corrections at most). With {@link Request#album()} one gain serves all tracks. Each master gets a compliance
 * report ({@code STEM.report.json}, documented in docs/mastering.md).
 *
 * <p>{@link #prepare} checks everything before any work: targets, chain, processors, inputs (readable, long enough,
 * not silent) and every output (none is an input, none collides, the disk has room); it writes nothing. {@link #run}
 * then writes each file atomically: nothing appears under a final name until it is complete. Command thread (or a
 * worker thread of the workbench); one run at a time per engine.
 */
public final class MasterEngine {
    /** The processor id of the limiter the engine adds last in every chain. */
    public static final String LIMITER = "mixbench.limiter";
    /** The processor id of the stereo imager, added for targets that want the bass in mono. */
    public static final String IMAGER = "mixbench.imager";
    /**
     * The default of {@code --max-limiting}: the most gain reduction the limiter may apply to reach a loudness
     * target, dB. See docs/mastering.md for why.
     */
    public static final double DEFAULT_MAX_LIMITING_DB = 6;
    /** The shortest input mastered: short-term loudness needs 3 s. */
    public static final double MIN_SECONDS = 3;

    private final ContributionRegistry registry;
    private final AudioFiles files;
    private final FileAnalyzer analyzer;
    private final Set<Path> temporaries = ConcurrentHashMap.newKeySet();

    /** An engine on the installed processors, targets, file formats and analyzer. Any thread. */
    public MasterEngine(ContributionRegistry registry, AudioFiles files, FileAnalyzer analyzer) {
        this.registry = registry;
        this.files = files;
        this.analyzer = analyzer;
    }

    /** One input file and how the user named it. */
    public record Input(Path file, String shown) {
    }

    /**
     * What to master.
     *
     * @param inputs        the mixes, in album order
     * @param targets       delivery target ids
     * @param outDir        where {@code ID/STEM.EXT} and the reports go; {@code shownOut} is the user's words for it
     * @param shownOut      how messages name {@code outDir}
     * @param album         one gain for all inputs (album loudness)
     * @param chain         the processors before the limiter
     * @param chainFile     the chain's file, read by this run (null when none)
     * @param format        {@code wav}, {@code flac} or {@code mp3} for every target, or null for each target's own
     * @param maxLimitingDb the most gain reduction the limiter may apply to reach a loudness target
     * @param plotDir       where PNG plots go ({@code ID/STEM.loudness.png} ...), or null
     * @param shownPlot     how messages name {@code plotDir}
     * @param sides         for a record: how many tracks each side holds, in order (empty: not split into sides)
     */
    public record Request(List<Input> inputs, List<String> targets, Path outDir, String shownOut, boolean album,
            MasteringChain chain, Path chainFile, String format, double maxLimitingDb, Path plotDir, String shownPlot,
            List<Integer> sides) {
        /** Copies the lists. */
        public Request {
            inputs = List.copyOf(inputs);
            targets = List.copyOf(targets);
            sides = List.copyOf(sides);
        }
    }

    /** One delivered master and its report. */
    public record Master(DeliveryTarget target, Input input, Path output, Path report, boolean pass,
            List<Rule> rules, double gainDb, double maxGainReductionDb, FileAnalysis inputAnalysis,
            FileAnalysis outputAnalysis, Map<String, Object> json) {
    }

    /** The album report of one target. */
    public record Album(DeliveryTarget target, Path report, boolean pass, double albumLufs, double gainDb,
            List<Rule> rules, Map<String, Object> json) {
    }

    /** Everything a run delivered. */
    public record Outcome(List<Master> masters, List<Album> albums, List<String> warnings) {
        /** Whether every master and album meets its target. */
        public boolean pass() {
            return masters.stream().allMatch(Master::pass) && albums.stream().allMatch(Album::pass);
        }
    }

    /** Follows a run: progress bars and warnings. Calls arrive on the running thread. */
    public interface Listener {
        /** A progress bar for one step ({@code spotify: song.wav}). */
        ProgressBar progress(String label);

        /** A warning as one line (a processor of the chain failed and was bypassed). */
        void warning(String line);

        /** Called when one master is delivered, before the next begins. */
        default void delivered(Master master) {
        }
    }

    /** What {@link #prepare} checked and measured: the plan, the targets, the inputs' analyses. */
    public static final class Prepared {
        final Request request;
        final List<DeliveryTarget> targets;
        final List<FileAnalysis> analyses;
        final List<AudioFileInfo> infos;
        final Map<String, Path> outputs;
        final WritePlan plan;

        Prepared(Request request, List<DeliveryTarget> targets, List<FileAnalysis> analyses, List<AudioFileInfo> infos,
                Map<String, Path> outputs, WritePlan plan) {
            this.request = request;
            this.targets = targets;
            this.analyses = analyses;
            this.infos = infos;
            this.outputs = outputs;
            this.plan = plan;
        }

        /** The targets, in the order asked. */
        public List<DeliveryTarget> targets() {
            return targets;
        }

        /** The inputs' analyses (loudness, peaks, spectrum), in input order. */
        public List<FileAnalysis> analyses() {
            return analyses;
        }

        /** Every file the run will write, by a key ({@code spotify/song.wav}). */
        public Map<String, Path> outputs() {
            return outputs;
        }
    }

    /**
     * Checks the request and analyses every input once; throws a {@link UsageException} (status 2) naming the first
     * problem, having written nothing. {@code progress} shows the analyses. Command thread.
     */
    public Prepared prepare(Request request, Listener listener) {
        if (request.inputs().isEmpty()) {
            throw new UsageException("no input to master");
        }
        if (request.targets().isEmpty()) {
            throw new UsageException("no target; ./mixbench targets lists them");
        }
        if (!(request.maxLimitingDb() >= 0 && request.maxLimitingDb() <= 24)) {
            throw new UsageException("--max-limiting must be from 0 to 24 dB, not " + request.maxLimitingDb());
        }
        if (request.format() != null && !DeliveryTarget.FORMATS.contains(request.format())) {
            throw new UsageException("--format takes wav, flac or mp3, not '" + request.format() + "'");
        }
        List<DeliveryTarget> targets = new ArrayList<>();
        List<String> known = InstalledTargets.list(registry).stream().map(e -> e.getKey().id()).toList();
        for (String id : request.targets()) {
            Optional<DeliveryTarget> t = InstalledTargets.find(registry, id);
            if (t.isEmpty()) {
                throw new UsageException("unknown target '" + Problems.oneLine(id) + "'; installed: " + String.join(
                        ", ", known));
            }
            if (targets.contains(t.get())) {
                throw new UsageException("target '" + id + "' is named twice");
            }
            targets.add(t.get());
        }
        List<String> chainProblems = request.chain().problems(registry);
        if (!chainProblems.isEmpty()) {
            throw new UsageException((request.chainFile() == null ? "chain" : request.chainFile().toString()) + ": "
                    + chainProblems.get(0));
        }
        if (registry.find(ContributionKind.PROCESSOR, LIMITER, ProcessorFactory.class).isEmpty()) {
            throw new UsageException("the true-peak limiter (" + LIMITER + ") is not installed; it comes with the "
                    + "mastering feature");
        }
        if (!request.sides().isEmpty()) {
            if (!request.album()) {
                throw new UsageException("--sides needs --album (a record is an album cut into sides)");
            }
            int sum = request.sides().stream().mapToInt(Integer::intValue).sum();
            if (request.sides().stream().anyMatch(n -> n < 1) || sum != request.inputs().size()) {
                throw new UsageException("--sides must count every input once, each side at least one track: "
                        + request.sides() + " counts " + sum + " tracks, and there are " + request.inputs().size());
            }
        }

        WritePlan plan = new WritePlan();
        for (Input in : request.inputs()) {
            plan.reads(in.file(), in.shown());
        }
        if (request.chainFile() != null) {
            plan.reads(request.chainFile(), request.chainFile().toString());
        }
        List<AudioFileInfo> infos = new ArrayList<>();
        for (Input in : request.inputs()) {
            try (AudioReader reader = files.open(in.file())) {
                AudioFileInfo info = reader.info();
                if (info.channels() > 2) {
                    throw new UsageException(in.shown() + ": " + info.channels() + " channels; master takes mono or "
                            + "stereo mixes");
                }
                infos.add(info);
            } catch (AudioFormatException e) {
                throw new UsageException(in.shown() + ": " + e.getMessage(), e);
            } catch (IOException e) {
                throw new UsageException(in.shown() + ": " + Problems.describe(e), e);
            }
        }
        Map<String, Path> outputs = new LinkedHashMap<>();
        for (DeliveryTarget t : targets) {
            Path folder = request.outDir().resolve(WritePlan.fileNameFor(t.id()));
            String shownFolder = Path.of(request.shownOut()).resolve(WritePlan.fileNameFor(t.id())).toString();
            for (int i = 0; i < request.inputs().size(); i++) {
                Input in = request.inputs().get(i);
                String stem = stem(in.file());
                String ext = format(request, t);
                long seconds = (long) Math.ceil(infos.get(i).durationSeconds() > 0 ? infos.get(i).durationSeconds()
                        : 3600);
                long bytes = estimateBytes(t, ext, seconds);
                outputs.put(t.id() + "/" + stem + "." + ext, plan.writesNamed(folder, shownFolder, stem, ext, bytes));
                outputs.put(t.id() + "/" + stem + ".report.json", plan.writesNamed(folder, shownFolder, stem
                        + ".report", "json", 65_536));
                if (request.plotDir() != null) {
                    Path plots = request.plotDir().resolve(WritePlan.fileNameFor(t.id()));
                    String shownPlots = Path.of(request.shownPlot()).resolve(WritePlan.fileNameFor(t.id()))
                            .toString();
                    for (String kind : List.of("loudness", "spectrum", "gain-reduction")) {
                        outputs.put(t.id() + "/" + stem + "." + kind + ".png", plan.writesNamed(plots, shownPlots,
                                stem + "." + kind, "png", 200_000));
                    }
                }
            }
            if (request.album()) {
                outputs.put(t.id() + "/album.report.json", plan.writesNamed(folder, shownFolder, "album.report",
                        "json", 65_536));
            }
        }
        plan.check();

        // One analysis per input, whatever the number of targets.
        List<FileAnalysis> analyses = new ArrayList<>();
        for (int i = 0; i < request.inputs().size(); i++) {
            Input in = request.inputs().get(i);
            FileAnalysis a;
            try (ProgressBar bar = listener.progress("measuring " + in.shown())) {
                a = analyzer.analyze(in.file(), in.shown(), 0.1, live -> bar.update((long) (live.fraction() * 1000),
                        1000));
            } catch (AudioFormatException e) {
                throw new UsageException(in.shown() + ": " + e.getMessage(), e);
            } catch (IOException e) {
                throw new UsageException(in.shown() + ": " + Problems.describe(e), e);
            }
            if (a.durationSeconds() < MIN_SECONDS) {
                throw new UsageException(String.format(Locale.ROOT, "%s: too short to master (%.2f s; at least %.0f s,"
                        + " the length of a short-term loudness window)", in.shown(), a.durationSeconds(),
                        MIN_SECONDS));
            }
            if (!Double.isFinite(a.integratedLufs())) {
                throw new UsageException(in.shown() + ": silent (no 400 ms block is louder than -70 LUFS); there is "
                        + "nothing to master");
            }
            analyses.add(a);
        }
        return new Prepared(request, targets, analyses, infos, outputs, plan);
    }

    /**
     * Masters every input for every target of a {@link #prepare prepared} request and writes the files and reports.
     * A failure of the limiter, or of the disk, is an {@link IOException} naming it; files already delivered stay,
     * the one in progress never appears under its final name. Command thread.
     */
    public Outcome run(Prepared prepared, Listener listener) throws IOException {
        try {
            prepared.plan.createFolders();
        } catch (IOException e) {
            throw new UsageException(prepared.request.shownOut() + ": cannot create the folder: "
                    + Problems.describe(e), e);
        }
        return new Engine(registry, files, analyzer, prepared.request, prepared.targets, prepared.analyses,
                prepared.infos, prepared.outputs, temporaries, listener).run();
    }

    /** Removes the temporary files of a run that was stopped (the workbench closing, the process ending). */
    public void cleanUp() {
        for (Path p : List.copyOf(temporaries)) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                // nothing more to do
            }
            temporaries.remove(p);
        }
    }

    /** The file name without its last extension ({@code song.final.wav} gives {@code song.final}). */
    public static String stem(Path file) {
        String name = file.getFileName() == null ? "input" : file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** The delivery format of {@code target} under {@code request}: {@code --format} or the target's own. */
    public static String format(Request request, DeliveryTarget target) {
        return request.format() != null ? request.format() : target.format();
    }

    private static long estimateBytes(DeliveryTarget t, String format, long seconds) {
        int rate = t.sampleRate() == null ? 192_000 : t.sampleRate();
        if (format.equals("mp3")) {
            return seconds * 320_000 / 8 + 65_536;
        }
        return seconds * rate * 2L * (t.bits() == 16 ? 2 : t.bits() == 24 ? 3 : 4) + 65_536;
    }
}
