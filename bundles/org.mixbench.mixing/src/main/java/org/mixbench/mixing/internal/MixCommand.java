package org.mixbench.mixing.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.mixbench.api.audio.AudioFiles;
import org.mixbench.api.audio.AudioFormatException;
import org.mixbench.api.command.Command;
import org.mixbench.api.command.CommandContext;
import org.mixbench.api.command.UsageException;
import org.mixbench.api.contribution.ContributionRegistry;
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
                Usage: ./mixbench mix SESSION.json -o MIX.wav|MIX.flac|MIX.mp3 [--bits 16|24|32|32f] [--stems DIR]
                       [--threads N]

                Renders the session: clips through their channel strips (inserts, fader, pan, sends), buses and the
                master, with automation and delay compensation; writes MIX atomically in the format of its extension.
                Processors that are not installed are bypassed with a warning; missing audio files are listed.
                  --stems DIR   also write DIR/<id>.wav for every track and bus: a track alone through its strip,
                                its sends and the master; a bus with what feeds it, through its strip and
                                on to the master (track stems sum to the mix where buses and master
                                process linearly)
                  --threads N   render on N threads (default: all cores); the mix is identical for any N""";
    }

    @Override
    public int run(List<String> arguments, CommandContext context) throws Exception {
        String sessionName = null;
        String output = null;
        String bits = "24";
        boolean bitsGiven = false;
        String stems = null;
        int threads = Runtime.getRuntime().availableProcessors();
        for (int i = 0; i < arguments.size(); i++) {
            String a = arguments.get(i);
            switch (a) {
                case "-o", "--output" -> output = value(arguments, ++i, a);
                case "--bits" -> {
                    bits = value(arguments, ++i, a);
                    bitsGiven = true;
                }
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
        Path sessionFile = context.workingDirectory().resolve(sessionName);
        Session session;
        try {
            session = SessionFiles.read(sessionFile);
        } catch (IOException e) {
            throw new UsageException(sessionName + ": " + e.getMessage(), e);
        }
        String target = output;
        String format = registry.exportFormatFor(output).orElseThrow(() -> new UsageException(target
                + ": cannot tell the format from the extension; use one of " + String.join(", ",
                registry.exportExtensions())));
        Map<String, String> options = format.equals("mp3") ? Map.of() : Map.of("bits", bits);
        if (format.equals("mp3") && bitsGiven) {
            throw new UsageException("--bits does not apply to mp3 (it is encoded from 16 bits)");
        }
        Path base = sessionFile.toAbsolutePath().getParent();
        Mixdown.Result result = render(session, base, output, context.workingDirectory().resolve(output), format,
                options, threads, null, context, sessionName);
        for (String w : result.warnings()) {
            context.err().println("warning: " + w);
        }
        context.out().println("wrote " + output + ": " + Mixdown.describe(result, session.sampleRate()));
        if (stems != null) {
            Path dir = context.workingDirectory().resolve(stems);
            try {
                java.nio.file.Files.createDirectories(dir);
            } catch (IOException e) {
                throw new UsageException(stems + ": cannot create the folder: " + e.getMessage(), e);
            }
            List<String> ids = new java.util.ArrayList<>();
            session.tracks().forEach(t -> ids.add(t.id()));
            session.buses().forEach(b -> ids.add(b.id()));
            for (String id : ids) {
                Path stem = dir.resolve(id + "." + format);
                Mixdown.Result r = render(session, base, stems + "/" + id + "." + format, stem, format, options,
                        threads, id, context, sessionName);
                context.out().println("wrote stem " + dir.relativize(stem) + ": " + Mixdown.describe(r,
                        session.sampleRate()));
            }
        }
        return 0;
    }

    /** One render (the mix, or a stem), its problems as one line naming the session or the file. */
    private Mixdown.Result render(Session session, Path base, String shown, Path target, String format,
            Map<String, String> options, int threads, String stem, CommandContext context, String sessionName) {
        try {
            return Mixdown.render(session, base, target, format, options, registry, files, threads, stem,
                    context.progress(shown));
        } catch (SessionException | AudioFormatException e) {
            throw new UsageException(sessionName + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new UsageException(shown + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UsageException(shown + ": " + (e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage()), e);
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
