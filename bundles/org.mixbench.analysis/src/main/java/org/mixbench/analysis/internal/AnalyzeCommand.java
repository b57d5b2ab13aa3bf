package org.mixbench.analysis.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.mixbench.analysis.FileAnalysis;
import org.mixbench.analysis.FileAnalyzer;
import org.mixbench.api.audio.AudioFormatException;
import org.mixbench.api.command.Command;
import org.mixbench.api.command.CommandContext;
import org.mixbench.api.command.Problems;
import org.mixbench.api.command.UsageException;
import org.mixbench.api.command.WritePlan;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code ./mixbench analyze FILE... [--json] [--hop SECONDS] [--plot DIR]}: loudness (integrated, range, maxima),
 * true and sample peak, RMS, correlation and spectrum peaks of each file, files analysed in parallel on all cores;
 * a bad file is one line on stderr and status 2 while the others are still reported.
 */
@Component(service = Command.class, property = {"command=analyze",
    "description=measure loudness (EBU R128), true peak, RMS, correlation and spectrum of audio files"})
public final class AnalyzeCommand implements Command {
    /** About what one PNG plot takes on disk, for the free-space check. */
    private static final long PLOT_BYTES = 200_000;

    @Reference
    private FileAnalyzer analyzer;

    /** Used by DS. */
    public AnalyzeCommand() {
    }

    /** For tests: the command over a given analyzer. */
    AnalyzeCommand(FileAnalyzer analyzer) {
        this.analyzer = analyzer;
    }

    @Override
    public String usage() {
        return """
                Usage: ./mixbench analyze FILE... [--json] [--hop SECONDS] [--plot DIR]

                Measures each file per ITU-R BS.1770-4 / EBU R128 (integrated loudness, loudness range, momentary and
                short-term maxima over windows every 5 ms), true peak (BS.1770-4 Annex 2) and sample peak, RMS per
                channel, phase correlation and the strongest peaks of the long-term spectrum. Files are analysed in
                parallel on all cores.
                  --json          one JSON document on stdout instead of the table; every field, its unit and
                                  when it is null: docs/analysis-json.md in the Mixbench sources
                  --hop SECONDS   spacing of the momentary and short-term histories in the JSON (default 0.1; a
                                  multiple of 0.005, e.g. 0.01)
                  --plot DIR      also write DIR/<name>.loudness.png and DIR/<name>.spectrum.png, <name> being the
                                  file's name; inputs that share a name get their folders too (a/drums.wav and
                                  b/drums.wav give a_drums.wav and b_drums.wav). A plot never replaces an input.""";
    }

    @Override
    public int run(List<String> arguments, CommandContext context) throws Exception {
        boolean json = false;
        double hop = 0.1;
        Path plots = null;
        String plotFolder = null;
        List<String> names = new ArrayList<>();
        for (int i = 0; i < arguments.size(); i++) {
            String a = arguments.get(i);
            switch (a) {
                case "--json" -> json = true;
                case "--hop" -> hop = hop(value(arguments, ++i, a));
                case "--plot" -> {
                    plotFolder = value(arguments, ++i, a);
                    plots = context.workingDirectory().resolve(plotFolder);
                }
                default -> {
                    if (a.startsWith("-")) {
                        throw new UsageException("unknown option '" + a + "'; see ./mixbench help analyze");
                    }
                    names.add(a);
                }
            }
        }
        if (names.isEmpty()) {
            throw new UsageException("no file given; usage: ./mixbench analyze FILE... [--json]");
        }
        WritePlan plan = new WritePlan();
        Map<String, Path[]> plotFiles = plots == null ? Map.of()
                : planPlots(names, context.workingDirectory(), plots, plotFolder, plan);
        int threads = Math.max(1, Math.min(names.size(), Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "mixbench-analyze");
            t.setDaemon(true);
            return t;
        });
        List<Future<FileAnalysis>> futures = new ArrayList<>();
        final double hopSeconds = hop;
        for (String name : names) {
            Path file = context.workingDirectory().resolve(name);
            futures.add(pool.submit(() -> analyzer.analyze(file, name, hopSeconds, null)));
        }
        List<FileAnalysis> results = new ArrayList<>();
        boolean failed = false;
        try {
            for (int i = 0; i < names.size(); i++) {
                try {
                    results.add(futures.get(i).get());
                } catch (ExecutionException e) {
                    failed = true;
                    context.err().println("mixbench analyze: " + shown(names.get(i)) + ": " + problem(e.getCause()));
                    if (context.debug()) {
                        e.getCause().printStackTrace(context.err());
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
        if (plots != null && !results.isEmpty()) {
            Set<Path> written = new HashSet<>();
            try {
                plan.createFolders();
                for (FileAnalysis a : results) {
                    Path[] files = plotFiles.get(a.file());
                    if (written.add(files[0])) {
                        Plots.write(a, files[0], files[1]);
                    }
                }
            } catch (IOException e) {
                throw new UsageException(shown(plotFolder + ": cannot write the plots: " + Problems.describe(e)), e);
            }
        }
        if (json) {
            context.out().println(JsonReport.write(results));
        } else {
            table(context.out(), results);
        }
        return failed ? 2 : 0;
    }

    /**
     * Declares in {@code plan} the two plots of each input ({@code names} as given, resolved against {@code
     * workingDirectory}) in {@code folder} ({@code shownFolder} as given) and checks them before any work: a plot
     * that would replace an input, a folder that cannot be made, a plot that exists and is not a file, two plots on
     * one file are refused with a {@link UsageException}. Returns the loudness and spectrum plot of each name.
     * Command thread.
     */
    static Map<String, Path[]> planPlots(List<String> names, Path workingDirectory, Path folder, String shownFolder,
            WritePlan plan) {
        List<Path> inputs = new ArrayList<>();
        for (String name : names) {
            Path input = workingDirectory.resolve(name).toAbsolutePath().normalize();
            inputs.add(input);
            plan.reads(input, name);
        }
        List<String> bases = plotNames(inputs, names);
        Map<Path, Path[]> byInput = new HashMap<>();
        Map<String, Path[]> byName = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String base = bases.get(i);
            byName.put(names.get(i), byInput.computeIfAbsent(inputs.get(i), input -> new Path[] {
                plan.writesNamed(folder, shownFolder, base + ".loudness", "png", PLOT_BYTES),
                plan.writesNamed(folder, shownFolder, base + ".spectrum", "png", PLOT_BYTES)}));
        }
        plan.check();
        return byName;
    }

    /**
     * A plot name for each input, unique without regard to case: its file name, or, for inputs whose names would
     * be the same, as many of its folders as it takes, joined with {@code _} ({@code a/drums.wav} and {@code
     * b/drums.wav} give {@code a_drums.wav} and {@code b_drums.wav}). The same file given twice keeps one name.
     * Inputs that no folder tells apart are a {@link UsageException} naming them. Command thread.
     */
    static List<String> plotNames(List<Path> inputs, List<String> shown) {
        int count = inputs.size();
        int[] depth = new int[count];
        Arrays.fill(depth, 1);
        while (true) {
            Map<String, List<Integer>> byName = new HashMap<>();
            for (int i = 0; i < count; i++) {
                byName.computeIfAbsent(key(plotName(inputs.get(i), depth[i])), k -> new ArrayList<>()).add(i);
            }
            boolean deeper = false;
            List<Integer> stuck = null;
            for (List<Integer> group : byName.values()) {
                if (group.stream().map(inputs::get).distinct().count() < 2) {
                    continue;
                }
                boolean grown = false;
                for (int i : group) {
                    if (depth[i] < inputs.get(i).getNameCount()) {
                        depth[i]++;
                        grown = true;
                    }
                }
                deeper |= grown;
                stuck = grown ? stuck : group;
            }
            if (stuck != null) {
                int first = stuck.get(0);
                int other = stuck.stream().filter(i -> !inputs.get(i).equals(inputs.get(first))).findFirst()
                        .orElseThrow();
                throw new UsageException(shown("--plot: " + shown.get(first) + " and " + shown.get(other)
                        + " would get plots of the same name; rename one of them or plot them in two runs"));
            }
            if (!deeper) {
                List<String> names = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    names.add(plotName(inputs.get(i), depth[i]));
                }
                return names;
            }
        }
    }

    /** The last {@code depth} names of {@code path}, joined with {@code _}. */
    private static String plotName(Path path, int depth) {
        int n = path.getNameCount();
        return String.join("_", java.util.stream.IntStream.range(n - depth, n)
                .mapToObj(i -> path.getName(i).toString()).toList());
    }

    /** How a plot name lands on a disk: made safe by {@link WritePlan#fileNameFor}, and without regard to case. */
    private static String key(String name) {
        return WritePlan.fileNameFor(name + ".loudness").toLowerCase(Locale.ROOT);
    }

    /**
     * {@code text} (a file name, or a message that may quote a file's bytes) with every control character (C0, tab
     * included, DEL and C1) shown as a visible escape such as {@code \x1b}, so that it cannot drive the terminal.
     * Command thread.
     */
    static String shown(String text) {
        return Problems.oneLine(text.replace("\t", "\\t"));
    }

    static String problem(Throwable e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof AudioFormatException || e instanceof IOException) {
            return shown(String.valueOf(e.getMessage()));
        }
        return "failed: " + Problems.describe(e);
    }

    private static void table(PrintStream out, List<FileAnalysis> results) {
        if (results.isEmpty()) {
            return;
        }
        String header = String.format(Locale.ROOT, "%-28s %9s %8s %9s %9s %9s %9s %7s %8s %s", "file", "integr.",
                "LRA", "M max", "S max", "true pk", "smpl pk", "PLR", "corr.", "RMS per channel");
        out.println(header);
        out.println(String.format(Locale.ROOT, "%-28s %9s %8s %9s %9s %9s %9s %7s %8s %s", "", "LUFS", "LU", "LUFS",
                "LUFS", "dBTP", "dBFS", "LU", "", "dBFS"));
        for (FileAnalysis a : results) {
            StringBuilder rms = new StringBuilder();
            for (double r : a.rmsDbfs()) {
                rms.append(rms.length() > 0 ? " " : "").append(text(r, 1));
            }
            String file = shown(a.file());
            String name = file.length() > 28 ? "..." + file.substring(file.length() - 25) : file;
            out.println(String.format(Locale.ROOT, "%-28s %9s %8s %9s %9s %9s %9s %7s %8s %s", name,
                    text(a.integratedLufs(), 1), text(a.loudnessRangeLu(), 1), text(a.momentaryMaxLufs(), 1),
                    text(a.shortTermMaxLufs(), 1), text(a.truePeakDbtp(), 1), text(a.samplePeakDbfs(), 1),
                    text(a.peakToLoudnessRatio(), 1), Double.isNaN(a.correlation()) ? "-"
                            : String.format(Locale.ROOT, "%+.2f", a.correlation()), rms));
        }
        for (FileAnalysis a : results) {
            if (!a.spectrumPeaks().isEmpty()) {
                StringBuilder peaks = new StringBuilder();
                for (int i = 0; i < Math.min(5, a.spectrumPeaks().size()); i++) {
                    FileAnalysis.SpectrumPeak p = a.spectrumPeaks().get(i);
                    peaks.append(i > 0 ? ", " : "").append(String.format(Locale.ROOT, "%.1f Hz %.1f dBFS", p.hz(),
                            p.dbfs()));
                }
                out.println("spectrum peaks of " + shown(a.file()) + ": " + peaks);
            }
        }
    }

    private static String text(double v, int decimals) {
        if (Double.isNaN(v)) {
            return "-";
        }
        if (Double.isInfinite(v)) {
            return v < 0 ? "-inf" : "+inf";
        }
        String s = String.format(Locale.ROOT, "%." + decimals + "f", v);
        return s.matches("-0\\.0*") ? s.substring(1) : s;
    }

    private static double hop(String text) {
        try {
            double hop = Double.parseDouble(text);
            double steps = hop / 0.005;
            if (!(hop > 0) || Math.abs(steps - Math.rint(steps)) > 1e-6 || hop > 3600) {
                throw new UsageException("--hop " + text + ": must be a positive multiple of 0.005 seconds");
            }
            return hop;
        } catch (NumberFormatException e) {
            throw new UsageException("--hop: not a number of seconds: '" + text + "'");
        }
    }

    private static String value(List<String> arguments, int i, String option) {
        if (i >= arguments.size()) {
            throw new UsageException(option + " needs a value");
        }
        return arguments.get(i);
    }
}
