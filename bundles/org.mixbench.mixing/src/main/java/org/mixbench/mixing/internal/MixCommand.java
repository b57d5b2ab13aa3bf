package org.mixbench.mixing.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

import org.mixbench.api.audio.AudioFiles;
import org.mixbench.api.audio.AudioFormatException;
import org.mixbench.api.command.Command;
import org.mixbench.api.command.CommandContext;
import org.mixbench.api.command.Problems;
import org.mixbench.api.command.UsageException;
import org.mixbench.api.command.WritePlan;
import org.mixbench.api.contribution.ContributionRegistry;
import org.mixbench.convert.DitherType;
import org.mixbench.mixing.session.Session;
import org.mixbench.mixing.session.SessionException;
import org.mixbench.mixing.session.SessionFiles;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code ./mixbench mix SESSION.json -o MIX.wav}: renders a session. */
@Component(service = Command.class, property = {"command=mix",
    "description=render a mix session (JSON) to an audio file"})
public final class MixCommand implements Command {

    @Reference
    private ContributionRegistry registry;
    @Reference
    private AudioFiles files;

    @Override
    public String usage() {
        return """
                Usage: ./mixbench mix SESSION.json -o MIX.wav|MIX.flac|MIX.mp3 [--bits 16|24|32|32f]
                       [--dither none|tpdf|shaped] [--stems DIR] [--threads N]

                Renders the session: clips through their channel strips (inserts, fader, pan, sends), buses and the
                master, with automation and delay compensation; writes MIX atomically in the format of its extension.
                Processors that are not installed, or that fail, are bypassed with a warning naming them; missing
                audio files are listed. Before any work, mix checks that it writes only MIX and the stems: none of
                them may be the session or a clip it reads (through links too), no two may coincide, and the disk
                must have room for them; otherwise it writes nothing and exits with status 2.
                  --bits B      word length of WAV and FLAC (default 24; 32f is float WAV)
                  --dither D    how the word length is reduced to 16 or 24 bits: tpdf (the default), shaped
                                (noise-shaped TPDF) or none (plain rounding)
                  --stems DIR   also write one file per track and per bus in DIR, named after its id (characters
                                a file name cannot hold become _; ids that would share a name are refused): a
                                track alone through its strip, its sends and the master; a bus with what feeds it,
                                through its strip and on to the master (track stems sum to the mix where buses and
                                master process linearly)
                  --threads N   render on N threads (default: all cores); the mix is identical for any N
                A processor call that does not return within 10 s (-Dmixbench.processor.timeout=SECONDS) stops the
                render: it is named, nothing is written, and the exit status is 1.
                The session format is described in docs/session-format.md.""";
    }

    @Override
    public int run(List<String> arguments, CommandContext context) throws Exception {
        String sessionName = null;
        String output = null;
        String bits = null;
        String dither = null;
        String stems = null;
        int threads = Runtime.getRuntime().availableProcessors();
        for (int i = 0; i < arguments.size(); i++) {
            String a = arguments.get(i);
            switch (a) {
                case "-o", "--output" -> output = value(arguments, ++i, a);
                case "--bits" -> bits = value(arguments, ++i, a);
                case "--dither" -> dither = value(arguments, ++i, a);
                case "--stems" -> stems = value(arguments, ++i, a);
                case "--threads" -> threads = threads(value(arguments, ++i, a));
                default -> {
                    if (a.startsWith("-")) {
                        throw new UsageException("unknown option '" + a + "'; see ./mixbench help mix");
                    }
                    if (sessionName != null) {
                        throw new UsageException("one session at a time");
                    }
                    sessionName = a;
                }
            }
        }
        if (sessionName == null || output == null) {
            throw new UsageException("usage: ./mixbench mix SESSION.json -o MIX.wav");
        }
        String target = output;
        String format = registry.exportFormatFor(output).orElseThrow(() -> new UsageException(target
                + ": cannot tell the format from the extension; use one of " + String.join(", ",
                registry.exportExtensions())));
        if (format.equals("mp3") && (bits != null || dither != null)) {
            throw new UsageException((bits != null ? "--bits" : "--dither") + " does not apply to mp3 (the encoder "
                    + "takes the float mix)");
        }
        if (bits != null && !List.of("16", "24", "32", "32f").contains(bits)) {
            throw new UsageException("--bits takes 16, 24, 32 or 32f, not '" + bits + "'");
        }
        if (bits != null && format.equals("flac") && !List.of("16", "24").contains(bits)) {
            throw new UsageException("--bits " + bits + " does not apply to flac (16 or 24)");
        }
        DitherType ditherType = dither == null ? DitherType.TPDF : switch (dither) {
            case "none" -> DitherType.NONE;
            case "tpdf" -> DitherType.TPDF;
            case "shaped" -> DitherType.SHAPED;
            default -> throw new UsageException("--dither takes none, tpdf or shaped, not '" + dither + "'");
        };
        Map<String, String> options = format.equals("mp3") ? Map.of() : Map.of("bits", bits == null ? "24" : bits);
        Mixdown.Settings settings = new Mixdown.Settings(format, options, threads, ditherType, Mixdown.deadline());

        Path sessionFile = resolve(context, sessionName, sessionName);
        Session session;
        try {
            session = SessionFiles.read(sessionFile);
        } catch (IOException e) {
            throw new UsageException(sessionName + ": " + e.getMessage(), e);
        }
        Path base = sessionFile.toAbsolutePath().getParent();

        // Everything this run reads and writes, checked before any work.
        WritePlan plan;
        try {
            plan = SessionFiles.readsOf(sessionFile, session);
        } catch (SessionException e) {
            throw new UsageException(sessionName + ": " + e.getMessage(), e);
        }
        Path mix = plan.writes(resolve(context, output, output), output, 0);
        Map<String, Path> stemFiles = new LinkedHashMap<>();
        if (stems != null) {
            Path dir = resolve(context, stems, stems);
            String shown = stems;
            session.tracks().forEach(t -> stemFiles.put(t.id(), plan.writesNamed(dir, shown, t.id(), format, 0)));
            session.buses().forEach(b -> stemFiles.put(b.id(), plan.writesNamed(dir, shown, b.id(), format, 0)));
        }
        plan.check();
        String shownMix = output;
        LongConsumer space = frames -> {
            long bytes = Mixdown.estimateBytes(frames, session.sampleRate(), settings);
            WritePlan room = new WritePlan();
            room.writes(mix, shownMix, bytes);
            stemFiles.values().forEach(f -> room.writes(f, f.getFileName().toString(), bytes));
            room.checkSpace();
        };

        Mixdown.Result result = render(session, base, output, mix, settings, null, context, sessionName, space);
        for (String w : result.warnings()) {
            context.err().println("warning: " + Problems.oneLine(w));
        }
        context.out().println("wrote " + output + " (" + settings.describe() + "): " + Mixdown.describe(result,
                session.sampleRate()));
        if (stems != null) {
            try {
                plan.createFolders();
            } catch (IOException e) {
                throw new UsageException(stems + ": cannot create the folder: " + Problems.describe(e), e);
            }
            Path dir = resolve(context, stems, stems);
            for (Map.Entry<String, Path> stem : stemFiles.entrySet()) {
                String shown = Path.of(stems).resolve(dir.relativize(stem.getValue())).toString();
                Mixdown.Result r = render(session, base, shown, stem.getValue(), settings, stem.getKey(), context,
                        sessionName, null);
                String name = stem.getValue().getFileName().toString();
                String plain = stem.getKey() + "." + format;
                context.out().println("wrote stem " + (name.equals(plain) ? shown : "of '" + Problems.oneLine(
                        stem.getKey()) + "' as " + shown) + ": " + Mixdown.describe(r, session.sampleRate()));
            }
        }
        return 0;
    }

    /** {@code name} resolved against {@code base}, or one line naming {@code where} when it is not a usable path. */
    private static Path resolve(Path base, String name, String where) {
        try {
            return base.resolve(name);
        } catch (java.nio.file.InvalidPathException e) {
            throw new UsageException(where + ": '" + Problems.oneLine(name) + "' is not a usable path");
        }
    }

    private static Path resolve(CommandContext context, String name, String where) {
        return resolve(context.workingDirectory(), name, where);
    }

    /** One render (the mix, or a stem), its problems as one line naming the session or the file. */
    private Mixdown.Result render(Session session, Path base, String shown, Path target, Mixdown.Settings settings,
            String stem, CommandContext context, String sessionName, LongConsumer beforeWriting) {
        try {
            return Mixdown.render(session, base, target, settings, registry, files, stem, context.progress(shown),
                    beforeWriting);
        } catch (SessionException | AudioFormatException e) {
            throw new UsageException(sessionName + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new UsageException(shown + ": " + Problems.describe(e), e);
        } catch (IOException e) {
            throw new UsageException(shown + ": " + Problems.describe(e), e);
        }
    }

    private static int threads(String text) {
        try {
            int n = Integer.parseInt(text);
            if (n >= 1 && n <= 256) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--threads needs a whole number from 1 to 256, not '" + text + "'");
    }

    private static String value(List<String> arguments, int i, String option) {
        if (i >= arguments.size()) {
            throw new UsageException(option + " needs a value");
        }
        return arguments.get(i);
    }
}
