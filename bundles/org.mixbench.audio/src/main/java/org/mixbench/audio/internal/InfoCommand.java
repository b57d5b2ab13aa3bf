package org.mixbench.audio.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.mixbench.api.audio.AudioFileInfo;
import org.mixbench.api.audio.AudioFiles;
import org.mixbench.api.audio.AudioReader;
import org.mixbench.api.command.Command;
import org.mixbench.api.command.CommandContext;
import org.mixbench.api.command.UsageException;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code ./mixbench info FILE...}: format, encoding, rate, channels, duration, chunks and tags of each file. */
@Component(service = Command.class, property = {"command=info",
    "description=show the format, duration, channels, chunks and tags of audio files"})
public final class InfoCommand implements Command {

    @Reference
    private AudioFiles files;

    /** Used by DS. */
    public InfoCommand() {
    }

    /** For tests: the command over a given service. */
    InfoCommand(AudioFiles files) {
        this.files = files;
    }

    @Override
    public String usage() {
        return """
                Usage: ./mixbench info FILE...

                Prints what each file holds: container and encoding, sample rate, channels, duration and frames,
                every chunk (or metadata block) with its offset and size, and the tags. Files are recognised by
                their content (WAV, RF64/BW64, AIFF/AIFF-C, FLAC, MP3), not by their extension.""";
    }

    @Override
    public int run(List<String> arguments, CommandContext context) {
        if (arguments.isEmpty()) {
            throw new UsageException("no file given; usage: ./mixbench info FILE...");
        }
        for (String a : arguments) {
            if (a.startsWith("-")) {
                throw new UsageException("unknown option '" + a + "'; usage: ./mixbench info FILE...");
            }
        }
        UsageException first = null;
        for (String a : arguments) {
            Path file = context.workingDirectory().resolve(a);
            try (AudioReader reader = files.open(file)) {
                print(context.out(), a, reader.info());
            } catch (IOException e) {
                UsageException problem = AudioCommands.fileProblem(Path.of(a), e);
                if (arguments.size() == 1) {
                    throw problem;
                }
                context.err().println("mixbench info: " + problem.getMessage());
                first = first == null ? problem : first;
            }
        }
        return first == null ? 0 : 2;
    }

    /**
     * Prints what {@code info} holds under {@code name}; everything that came from the file (and the name) is shown
     * with its control characters escaped ({@link AudioCommands#shown}). Command thread.
     */
    static void print(PrintStream out, String name, AudioFileInfo info) {
        out.println(AudioCommands.shown(name));
        out.printf(Locale.ROOT, "  format    %s, %s%n", AudioCommands.shown(info.format()),
                AudioCommands.shown(info.encoding()));
        out.printf(Locale.ROOT, "  rate      %s Hz%n", info.sampleRate() == Math.rint(info.sampleRate())
                ? String.valueOf((long) info.sampleRate()) : String.valueOf(info.sampleRate()));
        out.printf(Locale.ROOT, "  channels  %d%n", info.channels());
        if (info.frames() >= 0) {
            out.printf(Locale.ROOT, "  duration  %s (%d frames)%n", AudioCommands.time(info.frames(),
                    info.sampleRate()), info.frames());
        } else {
            out.println("  duration  unknown until decoded (no length in the header)");
        }
        if (info.bitsPerSample() > 0) {
            out.printf(Locale.ROOT, "  bits      %d%n", info.bitsPerSample());
        }
        out.println("  chunks");
        for (AudioFileInfo.Chunk c : info.chunks()) {
            out.printf(Locale.ROOT, "    %-16s at %10d  %10d bytes%n", AudioCommands.shown(c.id()), c.offset(),
                    c.size());
        }
        if (info.tags().isEmpty()) {
            out.println("  tags      none");
        } else {
            out.println("  tags");
            for (Map.Entry<String, String> t : new java.util.TreeMap<>(info.tags()).entrySet()) {
                out.printf(Locale.ROOT, "    %-16s %s%n", AudioCommands.shown(t.getKey()),
                        AudioCommands.shown(t.getValue().replaceAll("[\r\n]+$", "").replaceAll("\r?\n", " / ")));
            }
        }
    }
}
