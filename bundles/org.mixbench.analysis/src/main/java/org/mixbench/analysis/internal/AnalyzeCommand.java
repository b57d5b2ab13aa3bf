package org.mixbench.analysis.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
                  --json          one JSON document on stdout (see DESIGN.md) instead of the table
                  --hop SECONDS   spacing of the momentary and short-term histories in the JSON (default 0.1; a
                                  multiple of 0.005, e.g. 0.01)
                  --plot DIR      also write DIR/<file>.loudness.png and DIR/<file>.spectrum.png""";
    }

    @Override
    public int run(List<String> arguments, CommandContext context) throws Exception {
        boolean json = false;
        double hop = 0.1;
        Path plots = null;
        List<String> names = new ArrayList<>();
        for (int i = 0; i < arguments.size(); i++) {
            String a = arguments.get(i);
            switch (a) {
                case "--json" -> json = true;
                case "--hop" -> hop = hop(value(arguments, ++i, a));
                case "--plot" -> plots = context.workingDirectory().resolve(value(arguments, ++i, a));
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
        if (plots != null) {
            for (FileAnalysis a : results) {
                try {
                    Plots.write(a, plots);
                } catch (IOException e) {
                    throw new UsageException(plots + ": cannot write the plots: " + e.getMessage(), e);
                }
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
