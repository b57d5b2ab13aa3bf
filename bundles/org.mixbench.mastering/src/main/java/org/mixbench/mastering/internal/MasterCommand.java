package org.mixbench.mastering.internal;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.mixbench.analysis.FileAnalyzer;
import org.mixbench.api.audio.AudioFiles;
import org.mixbench.api.command.Command;
import org.mixbench.api.command.CommandContext;
import org.mixbench.api.command.ProgressBar;
import org.mixbench.api.command.Problems;
import org.mixbench.api.command.UsageException;
import org.mixbench.api.contribution.ContributionRegistry;
import org.mixbench.mastering.MasterEngine;
import org.mixbench.mastering.MasteringChain;
import org.mixbench.mastering.Rule;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code ./mixbench master INPUT... -o OUTDIR --target ID[,ID...] [--album] [--chain CHAIN.json] [--format F]
 * [--max-limiting DB] [--plot DIR] [--sides N,N...]}: masters each input for each delivery target, prints one
 * compliance table per master and exits 0 when all pass, 3 when a master misses a rule, 2 for bad input.
 */
@Component(service = Command.class, property = {"command=master",
    "description=master mixes for delivery targets (Spotify, Apple Music, CD, vinyl, ...) with compliance reports"})
public final class MasterCommand implements Command {
    @Reference
    private ContributionRegistry registry;
    @Reference
    private AudioFiles files;
    @Reference
    private FileAnalyzer analyzer;
    private volatile MasterEngine running;

    @Override
    public String usage() {
        return """
                Usage: ./mixbench master INPUT... -o OUTDIR --target ID[,ID...] [--album] [--chain CHAIN.json]
                       [--format wav|flac|mp3] [--max-limiting DB] [--plot DIR] [--sides N[,N...]]

                Masters each INPUT (a stereo or mono mix) for each delivery target (./mixbench targets lists them):
                runs the chain, converts to the target's sample rate, sets the loudness with the true-peak
                limiter, dithers to the target's word length and encodes; then measures the delivered file itself
                (decoded, for MP3) and corrects it until it is within 0.1 LU of the target's loudness and under its
                true-peak ceiling. Writes OUTDIR/ID/STEM.EXT and OUTDIR/ID/STEM.report.json (the compliance report:
                measurements before and after, every rule of the target with its limit and value, gain, limiting,
                the chain with versions and parameters, SHA-256 of input and output) and prints one table per master.
                Exit status: 0 when every master meets its target, 3 when one misses a rule (its report says which
                and why), 2 for bad input (unknown target, unreadable, too short or silent input, a chain naming a
                processor that is not installed, an output that is an input), with nothing written.
                  --target IDS      one or more target ids, joined by commas
                  --album           one gain for all inputs so that the album (BS.1770 gating over all tracks)
                                    meets the target and the tracks keep their relative loudness; also writes
                                    OUTDIR/ID/album.report.json
                  --chain FILE      processors before the limiter, in the insert format of mix sessions (see
                                    docs/mastering.md); without it, the limiter alone
                  --format F        deliver every target as wav, flac or mp3 instead of its own format
                  --max-limiting DB the most gain reduction the limiter may apply to reach a loudness target
                                    (default 6 dB); a master that would need more is delivered at the loudest level
                                    within it and fails the loudness rule, with the figure it would take
                  --plot DIR        also write DIR/ID/STEM.loudness.png, .spectrum.png (before and after) and
                                    .gain-reduction.png
                  --sides N,N       with --album, for a record: the number of tracks on each side, in order;
                                    each side's playing time is checked against the target's limit
                The report format and every rule are described in docs/mastering.md.""";
    }

    @Override
    public int run(List<String> arguments, CommandContext context) throws Exception {
        List<MasterEngine.Input> inputs = new ArrayList<>();
        String out = null;
        List<String> targets = new ArrayList<>();
        boolean album = false;
        String chainName = null;
        String format = null;
        double maxLimiting = MasterEngine.DEFAULT_MAX_LIMITING_DB;
        String plot = null;
        List<Integer> sides = new ArrayList<>();
        for (int i = 0; i < arguments.size(); i++) {
            String a = arguments.get(i);
            switch (a) {
                case "-o", "--output" -> out = value(arguments, ++i, a);
                case "--target" -> {
                    for (String id : value(arguments, ++i, a).split(",", -1)) {
                        if (id.isBlank()) {
                            throw new UsageException("--target has an empty id; give ids joined by commas");
                        }
                        targets.add(id.trim());
                    }
                }
                case "--album" -> album = true;
                case "--chain" -> chainName = value(arguments, ++i, a);
                case "--format" -> format = value(arguments, ++i, a);
                case "--max-limiting" -> maxLimiting = number(value(arguments, ++i, a), a);
                case "--plot" -> plot = value(arguments, ++i, a);
                case "--sides" -> {
                    for (String n : value(arguments, ++i, a).split(",", -1)) {
                        sides.add((int) number(n, a));
                    }
                }
                default -> {
                    if (a.startsWith("-")) {
                        throw new UsageException("unknown option '" + a + "'; see ./mixbench help master");
                    }
                    inputs.add(new MasterEngine.Input(resolve(context, a), a));
                }
            }
        }
        if (inputs.isEmpty() || out == null || targets.isEmpty()) {
            throw new UsageException("usage: ./mixbench master INPUT... -o OUTDIR --target ID[,ID...]");
        }
        MasteringChain chain = MasteringChain.empty();
        Path chainFile = null;
        if (chainName != null) {
            chainFile = resolve(context, chainName);
            try {
                chain = MasteringChain.read(chainFile);
            } catch (IOException e) {
                throw new UsageException(chainName + ": " + Problems.oneLine(e.getMessage()), e);
            }
        }
        MasterEngine engine = new MasterEngine(registry, files, analyzer);
        MasterEngine.Request request = new MasterEngine.Request(inputs, targets, resolve(context, out), out, album,
                chain, chainFile, format, maxLimiting, plot == null ? null : resolve(context, plot), plot, sides);
        MasterEngine.Listener listener = new MasterEngine.Listener() {
            @Override
            public ProgressBar progress(String label) {
                return context.progress(label);
            }

            @Override
            public void warning(String line) {
                context.err().println("warning: " + Problems.oneLine(line));
            }

            @Override
            public void delivered(MasterEngine.Master m) {
                table(context, m);
            }
        };
        MasterEngine.Prepared prepared = engine.prepare(request, listener);
        running = engine;
        MasterEngine.Outcome outcome;
        try {
            outcome = engine.run(prepared, listener);
        } catch (Limiting.LimiterFailure e) {
            context.err().println("mixbench: " + Problems.oneLine(e.getMessage()) + "; nothing more was written");
            return 1;
        } catch (Engine.ChainStuckException e) {
            context.err().println("mixbench: " + Problems.oneLine(e.getMessage()));
            return 1;
        } finally {
            engine.cleanUp();
            running = null;
        }
        for (MasterEngine.Album a : outcome.albums()) {
            context.out().printf(Locale.ROOT, "%nalbum for %s: %s LUFS with one gain of %+.2f dB -> %s  %s%n",
                    a.target().name(), fixed(a.albumLufs()), a.gainDb(), a.report(), a.pass() ? "PASS" : "FAIL");
            for (Rule r : a.rules()) {
                row(context, r);
            }
        }
        long failed = outcome.masters().stream().filter(m -> !m.pass()).count()
                + outcome.albums().stream().filter(a -> !a.pass()).count();
        context.out().printf(Locale.ROOT, "%n%d master%s for %d target%s: %s%n", outcome.masters().size(),
                outcome.masters().size() == 1 ? "" : "s", prepared.targets().size(),
                prepared.targets().size() == 1 ? "" : "s", failed == 0 ? "all meet their targets"
                        : failed + " miss a rule (see the tables and the reports)");
        return failed == 0 ? 0 : 3;
    }

    /** Removes a stopped run's temporary files when the bundle goes away (the process ending on a signal). */
    @Deactivate
    void deactivate() {
        MasterEngine engine = running;
        if (engine != null) {
            engine.cleanUp();
        }
    }

    /** The compliance table of one master. */
    static void table(CommandContext context, MasterEngine.Master m) {
        var in = m.inputAnalysis();
        var out = m.outputAnalysis();
        context.out().printf(Locale.ROOT, "%n%s  %s -> %s  %s%n", m.target().name(), m.input().shown(), m.output(),
                m.pass() ? "PASS" : "FAIL");
        context.out().printf(Locale.ROOT, "  %-22s %-16s %-16s %s%n", "rule", "limit", "delivered", "");
        for (Rule r : m.rules()) {
            row(context, r);
        }
        boolean limited = m.json().get("limiter_ceiling_dbtp") != null;
        context.out().printf(Locale.ROOT, "  input %s LUFS, %s dBTP; gain %+.2f dB, %s; LRA %s LU, PLR %s LU%n",
                fixed(in.integratedLufs()), fixed(in.truePeakDbtp()), m.gainDb(), limited ? String.format(Locale.ROOT,
                        "limiting up to %.1f dB", m.maxGainReductionDb()) : "peak-normalised, no limiter",
                fixed(out.loudnessRangeLu()), fixed(out.peakToLoudnessRatio()));
    }

    private static void row(CommandContext context, Rule r) {
        context.out().printf(Locale.ROOT, "  %-22s %-16s %-16s %s%s%n", r.rule(), r.limitText(), r.valueText(),
                r.pass() ? "pass" : "FAIL", r.detail().isEmpty() || r.pass() ? "" : "  " + r.detail());
    }

    private static String fixed(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.1f", v) : "-";
    }

    private static Path resolve(CommandContext context, String name) {
        try {
            return context.workingDirectory().resolve(name);
        } catch (InvalidPathException e) {
            throw new UsageException("'" + Problems.oneLine(name) + "' is not a usable path");
        }
    }

    private static double number(String text, String option) {
        try {
            double v = Double.parseDouble(text.trim());
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new UsageException(option + " needs a number, not '" + Problems.oneLine(text) + "'");
    }

    private static String value(List<String> arguments, int i, String option) {
        if (i >= arguments.size()) {
            throw new UsageException(option + " needs a value");
        }
        return arguments.get(i);
    }
}
