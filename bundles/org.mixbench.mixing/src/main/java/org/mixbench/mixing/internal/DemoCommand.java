package org.mixbench.mixing.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.mixbench.analysis.FileAnalysis;
import org.mixbench.analysis.FileAnalyzer;
import org.mixbench.api.audio.AudioFiles;
import org.mixbench.api.command.Command;
import org.mixbench.api.command.CommandContext;
import org.mixbench.api.command.Problems;
import org.mixbench.api.command.UsageException;
import org.mixbench.api.command.WritePlan;
import org.mixbench.api.contribution.ContributionRegistry;
import org.mixbench.api.export.ExportFormat;
import org.mixbench.mixing.session.Session;
import org.mixbench.mixing.session.SessionFiles;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code ./mixbench demo [--out DIR]}: the main job on an embedded default. Synthesises a short multitrack song,
 * writes the stems and a session that uses EQ, compression, panning, sends to a reverb bus and automation, renders
 * the mix, prints its loudness report, then masters it for Spotify and CD with the {@code master} command and prints
 * both compliance tables. No download, no display. Exits with the master command's status (0, or 3 when a master
 * misses a rule).
 */
@Component(service = Command.class, property = {"command=demo",
    "description=synthesise a multitrack song, mix it, master it for Spotify and CD and print the reports (the main "
        + "job)"})
public final class DemoCommand implements Command {
    private static final double RATE = 48_000;
    /** The targets the demo masters for: a streaming platform and the CD. */
    static final List<String> MASTER_TARGETS = List.of("spotify", "cd");
    /**
     * The demo's mastering chain: a linear-phase EQ (rumble filter, a touch of air), a three-band compressor that
     * holds the drums' peaks (glue, not squash) and mono bass from the imager. The limiter comes last from master.
     */
    static final String MASTER_CHAIN = """
            {
              "format": "mixbench-chain", "version": 1,
              "inserts": [
                {"processor": "mixbench.mastering-eq", "parameters": {"phase": 1,
                  "band1.enabled": 1, "band1.type": 4, "band1.frequency": 28, "band1.slope": 1,
                  "band5.enabled": 1, "band5.type": 2, "band5.frequency": 10000, "band5.gain": 1.0}},
                {"processor": "mixbench.multiband", "parameters": {"bands": 3, "crossover1": 150, "crossover2": 3000,
                  "band1.threshold": -24, "band1.ratio": 3, "band1.knee": 6, "band1.attack": 10, "band1.release": 150,
                  "band2.threshold": -26, "band2.ratio": 2.5, "band2.knee": 6, "band2.attack": 5, "band2.release": 120,
                  "band3.threshold": -30, "band3.ratio": 2, "band3.knee": 6, "band3.attack": 3, "band3.release": 80}},
                {"processor": "mixbench.imager", "parameters": {"mono_below": 100}}
              ]
            }
            """;

    @Reference
    private ContributionRegistry registry;
    @Reference
    private AudioFiles files;
    @Reference
    private FileAnalyzer analyzer;
    @Reference(target = "(command=master)")
    private Command master;

    @Override
    public String usage() {
        return """
                Usage: ./mixbench demo [--out DIR]

                Synthesises a sixteen-bar song (drums, bass, chords, lead) as tracks in DIR/tracks, writes the mix
                session DIR/demo.session.json (EQ and compression on the tracks, panning, sends to a reverb bus,
                a delay on the lead, fader and pan automation), renders DIR/mix.wav and prints its loudness report.
                Then masters the mix for Spotify and CD (./mixbench master DIR/mix.wav -o DIR/masters --target
                spotify,cd): DIR/masters/spotify/mix.wav, DIR/masters/cd/mix.wav and their compliance reports
                (mix.report.json), with one table per master. DIR defaults to ./mixbench-demo.""";
    }

    @Override
    public int run(List<String> arguments, CommandContext context) throws Exception {
        Path out = context.workingDirectory().resolve("mixbench-demo");
        for (int i = 0; i < arguments.size(); i++) {
            String a = arguments.get(i);
            if (a.equals("--out") && i + 1 < arguments.size()) {
                out = context.workingDirectory().resolve(arguments.get(++i));
            } else {
                throw new UsageException("unknown argument '" + a + "'; usage: ./mixbench demo [--out DIR]");
            }
        }
        WritePlan plan = demoOutputs(out);
        plan.check();
        try {
            plan.createFolders();
        } catch (IOException e) {
            throw new UsageException(out + ": cannot create the folder: " + Problems.describe(e), e);
        }
        long t0 = System.nanoTime();
        DemoSong song = new DemoSong(RATE);
        writeStem(out.resolve("tracks/drums.wav"), song.drums());
        writeStem(out.resolve("tracks/bass.wav"), song.bass());
        writeStem(out.resolve("tracks/chords.wav"), song.chords());
        writeStem(out.resolve("tracks/lead.wav"), song.lead());
        context.out().printf(Locale.ROOT, "synthesised 4 tracks (%.1f s each) in %s in %.1f s%n",
                song.frames / RATE, out.resolve("tracks"), (System.nanoTime() - t0) / 1e9);
        Session session = DemoSession.create(song);
        Path sessionFile = out.resolve("demo.session.json");
        SessionFiles.write(sessionFile, session);
        context.out().println("wrote the session " + sessionFile);
        Path mix = out.resolve("mix.wav");
        Mixdown.Result result = Mixdown.render(session, out, mix, Mixdown.Settings.wav24(), registry, files, null,
                context.progress("mixing"), null);
        for (String w : result.warnings()) {
            context.err().println("warning: " + w);
        }
        context.out().println("mixed " + mix + ": " + Mixdown.describe(result, RATE));
        FileAnalysis a = analyzer.analyze(mix, "mix.wav", 0.1, null);
        context.out().println();
        context.out().println("Loudness report of the mix (ITU-R BS.1770-4 / EBU R128)");
        context.out().printf(Locale.ROOT, "  integrated loudness  %s LUFS%n", f(a.integratedLufs()));
        context.out().printf(Locale.ROOT, "  loudness range       %s LU%n", f(a.loudnessRangeLu()));
        context.out().printf(Locale.ROOT, "  momentary max        %s LUFS%n", f(a.momentaryMaxLufs()));
        context.out().printf(Locale.ROOT, "  short-term max       %s LUFS%n", f(a.shortTermMaxLufs()));
        context.out().printf(Locale.ROOT, "  true peak            %s dBTP%n", f(a.truePeakDbtp()));
        context.out().printf(Locale.ROOT, "  sample peak          %s dBFS%n", f(a.samplePeakDbfs()));
        context.out().printf(Locale.ROOT, "  PLR                  %s LU%n", f(a.peakToLoudnessRatio()));
        context.out().printf(Locale.ROOT, "  RMS L / R            %s / %s dBFS%n", f(a.rmsDbfs()[0]), f(a.rmsDbfs()[1]));
        context.out().printf(Locale.ROOT, "  correlation          %s%n", Double.isNaN(a.correlation()) ? "-"
                : String.format(Locale.ROOT, "%+.2f", a.correlation()));
        context.out().printf(Locale.ROOT, "  to reach -14 LUFS (streaming), change the level by %s dB%n",
                Double.isFinite(a.integratedLufs()) ? String.format(Locale.ROOT, "%+.1f", -14 - a.integratedLufs())
                        : "-");
        Path chain = out.resolve("master.chain.json");
        Path partial = out.resolve(".master.chain.json.partial");
        Files.writeString(partial, MASTER_CHAIN);
        Files.move(partial, chain, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        context.out().println();
        context.out().println("Mastering the mix: ./mixbench master " + mix + " -o " + out.resolve("masters")
                + " --target " + String.join(",", MASTER_TARGETS) + " --chain " + chain);
        return master.run(List.of(mix.toString(), "-o", out.resolve("masters").toString(), "--target",
                String.join(",", MASTER_TARGETS), "--chain", chain.toString()), context);
    }

    /** The files the demo writes; the folder must be new, empty, or an earlier demo's. */
    static WritePlan demoOutputs(Path out) {
        if (Files.isDirectory(out) && !Files.isRegularFile(out.resolve("demo.session.json"))) {
            try (java.util.stream.Stream<Path> entries = Files.list(out)) {
                if (entries.findAny().isPresent()) {
                    throw new UsageException(out + ": the folder holds other files and no earlier demo; give an "
                            + "empty or new folder with --out");
                }
            } catch (IOException e) {
                throw new UsageException(out + ": cannot list the folder: " + Problems.describe(e), e);
            }
        }
        WritePlan plan = new WritePlan();
        for (String track : List.of("drums", "bass", "chords", "lead")) {
            plan.writesNamed(out.resolve("tracks"), out.resolve("tracks").toString(), track, "wav", 0);
        }
        plan.writesNamed(out, out.toString(), "demo.session", "json", 0);
        plan.writesNamed(out, out.toString(), "mix", "wav", 0);
        plan.writesNamed(out, out.toString(), "master.chain", "json", 0);
        for (String target : MASTER_TARGETS) {
            Path folder = out.resolve("masters").resolve(target);
            plan.writesNamed(folder, folder.toString(), "mix", "wav", 0);
            plan.writesNamed(folder, folder.toString(), "mix.report", "json", 0);
        }
        return plan;
    }

    private static String f(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.1f", v) : "-inf";
    }

    private void writeStem(Path file, float[][] audio) throws IOException {
        int[] pos = {0};
        files.export(file, "wav", new ExportFormat(RATE, audio.length, audio[0].length), Map.of("bits", "24"),
                Map.of(), block -> {
                    int n = Math.min(block.maxFrames(), audio[0].length - pos[0]);
                    if (n <= 0) {
                        return false;
                    }
                    for (int c = 0; c < audio.length; c++) {
                        System.arraycopy(audio[c], pos[0], block.channel(c), 0, n);
                    }
                    block.setFrames(n);
                    pos[0] += n;
                    return true;
                });
    }
}
