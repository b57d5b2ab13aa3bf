package org.mixbench.audio.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.mixbench.api.audio.AudioFileInfo;
import org.mixbench.api.audio.AudioFiles;
import org.mixbench.api.audio.AudioReader;
import org.mixbench.api.audio.Tags;
import org.mixbench.api.command.Command;
import org.mixbench.api.command.CommandContext;
import org.mixbench.api.command.UsageException;
import org.mixbench.api.contribution.ContributionInfo;
import org.mixbench.api.contribution.ContributionKind;
import org.mixbench.api.contribution.ContributionProperties;
import org.mixbench.api.contribution.ContributionRegistry;
import org.mixbench.convert.DitherType;
import org.mixbench.convert.SampleRateConverter;
import org.mixbench.format.pcm.RegularFiles;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code ./mixbench convert IN -o OUT [--rate HZ] [--bits N] [--format wav|flac|mp3] [--dither tpdf|shaped|none]
 * [--tag K=V]... [--option K=V]...}: converts between formats, sample rates and word lengths, with a progress bar on
 * a terminal, and says how much clipped.
 */
@Component(service = Command.class, property = {"command=convert",
    "description=convert audio between formats, sample rates and bit depths, with dither"})
public final class ConvertCommand implements Command {

    @Reference
    private AudioFiles files;
    @Reference
    private ContributionRegistry registry;

    /** Used by DS. */
    public ConvertCommand() {
    }

    /** For tests: the command over given services. */
    ConvertCommand(AudioFiles files, ContributionRegistry registry) {
        this.files = files;
        this.registry = registry;
    }

    @Override
    public String usage() {
        return """
                Usage: ./mixbench convert IN -o OUT [--rate HZ] [--bits N] [--format wav|flac|mp3]
                                          [--dither tpdf|shaped|none] [--tag KEY=VALUE]... [--option KEY=VALUE]...

                Converts IN (WAV, RF64, AIFF, FLAC or MP3, recognised by content) into OUT, atomically: OUT appears
                only when it is complete. Tags of IN are kept unless replaced with --tag.
                  -o, --output OUT   the file to write
                  --format ID        output format (default: from OUT's extension)
                  --rate HZ          44100, 48000, 88200, 96000, 176400 or 192000 (default: IN's rate)
                  --bits N           16, 24, 32 or 32f (WAV), 16 or 24 (FLAC); default: IN's, where the format has it
                  --dither TYPE      tpdf (default when the word length shrinks or the audio was resampled),
                                     shaped (TPDF with noise shaping) or none (plain rounding)
                  --tag KEY=VALUE    title, artist, album, track, year, isrc or comment
                  --option KEY=VALUE an exporter option: compression=0..8 (FLAC), mode=cbr|vbr, bitrate=KBPS,
                                     quality=0..9 (MP3), rf64=auto|always|never (WAV)
                Clipped samples are counted and reported with the first position and the peak.""";
    }

    @Override
    public int run(List<String> arguments, CommandContext context) throws Exception {
        String input = null;
        String output = null;
        String format = null;
        Integer rate = null;
        String bits = null;
        DitherType dither = null;
        Map<String, String> tags = new LinkedHashMap<>();
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < arguments.size(); i++) {
            String a = arguments.get(i);
            switch (a) {
                case "-o", "--output" -> output = value(arguments, ++i, a);
                case "--format" -> format = value(arguments, ++i, a).toLowerCase(Locale.ROOT);
                case "--rate" -> rate = rate(value(arguments, ++i, a));
                case "--bits" -> bits = value(arguments, ++i, a).toLowerCase(Locale.ROOT);
                case "--dither" -> dither = dither(value(arguments, ++i, a));
                case "--tag" -> tag(value(arguments, ++i, a), tags);
                case "--option" -> option(value(arguments, ++i, a), options);
                default -> {
                    if (a.startsWith("-")) {
                        throw new UsageException("unknown option '" + a + "'; see ./mixbench help convert");
                    }
                    if (input != null) {
                        throw new UsageException("one input file at a time (got '" + input + "' and '" + a + "')");
                    }
                    input = a;
                }
            }
        }
        if (input == null) {
            throw new UsageException("no input file; usage: ./mixbench convert IN -o OUT");
        }
        if (output == null) {
            throw new UsageException("no output file; give it with -o OUT");
        }
        Path in = context.workingDirectory().resolve(input);
        Path out = context.workingDirectory().resolve(output);
        if (format == null) {
            format = formatForExtension(output);
        }
        AudioFileInfo info;
        try (AudioReader reader = files.open(in)) {
            info = reader.info();
        } catch (IOException e) {
            throw AudioCommands.fileProblem(Path.of(input), e);
        }
        if (Files.exists(out) && Files.isSameFile(in, out)) {
            throw new UsageException(output + ": the output would overwrite the input");
        }
        if (Files.exists(out)) {
            // The export renames its temporary file over OUT: a folder, a pipe or a device must not be replaced.
            try {
                RegularFiles.require(out);
            } catch (IOException e) {
                throw AudioCommands.fileProblem(Path.of(output), e);
            }
        }
        int inRate = (int) Math.round(info.sampleRate());
        int outRate = rate == null ? inRate : rate;
        if (outRate != inRate && !SampleRateConverter.isSupported(inRate)) {
            throw new UsageException(input + ": cannot resample from " + inRate + " Hz (supported: 44100, 48000, "
                    + "88200, 96000, 176400, 192000)");
        }
        int outBits = outputBits(format, bits, info);
        boolean reduces = outBits > 0 && (outRate != inRate || Conversion.isFloat(info) || info.bitsPerSample() == 0
                || outBits < info.bitsPerSample());
        if (dither == null) {
            dither = reduces ? DitherType.TPDF : DitherType.NONE;
        }
        if (format.equals("wav") && bits != null) {
            options.put("bits", bits);
        } else if (format.equals("wav")) {
            options.putIfAbsent("bits", outBits == 0 ? "32f" : String.valueOf(outBits));
        } else if (format.equals("flac")) {
            options.putIfAbsent("bits", String.valueOf(outBits));
        }
        Map<String, String> allTags = new LinkedHashMap<>();
        for (String key : Tags.all()) {
            if (info.tags().containsKey(key)) {
                allTags.put(key, info.tags().get(key));
            }
        }
        allTags.putAll(tags);
        Conversion.Plan plan = new Conversion.Plan(format, outRate, outBits, dither, options, allTags);
        org.mixbench.api.command.ProgressBar bar = context.progress(output);
        Conversion.Result result;
        try {
            result = Conversion.run(files, in, out, plan, bar::update);
        } catch (IllegalArgumentException e) {
            throw new UsageException(output + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw AudioCommands.fileProblem(e instanceof org.mixbench.api.audio.AudioFormatException
                    ? Path.of(input) : Path.of(output), e);
        } finally {
            bar.close();
        }
        report(context.out(), output, format, plan, result);
        return 0;
    }

    private static void report(PrintStream out, String output, String format, Conversion.Plan plan,
            Conversion.Result result) {
        String depth = plan.bits() == 0 ? "32-bit float" : plan.bits() + "-bit";
        out.printf(Locale.ROOT, "wrote %s: %s, %d Hz, %d ch, %s%s%n", output, format.toUpperCase(Locale.ROOT)
                + (format.equals("mp3") ? "" : " " + depth), plan.rate(), result.input().channels(),
                AudioCommands.time(result.framesOut(), plan.rate()),
                plan.bits() > 0 && plan.bits() <= 24 ? ", dither " + plan.dither().name().toLowerCase(Locale.ROOT)
                        : "");
        var clips = result.clips();
        if (clips.clippedSamples() > 0) {
            out.printf(Locale.ROOT, "warning: %d samples clipped, the first at %s (frame %d); peak %+.2f dBFS%n",
                    clips.clippedSamples(), AudioCommands.time(clips.firstClipFrame(), plan.rate()),
                    clips.firstClipFrame(), 20 * Math.log10(clips.peak()));
        } else {
            out.printf(Locale.ROOT, "no clipping (peak %s)%n", clips.peak() > 0
                    ? String.format(Locale.ROOT, "%+.2f dBFS", 20 * Math.log10(clips.peak())) : "silence");
        }
    }

    private String formatForExtension(String output) {
        return registry.exportFormatFor(output).orElseThrow(() -> new UsageException(output
                + ": cannot tell the format from the extension '" + extension(output) + "'; give --format ("
                + String.join(", ", registry.exportExtensions()) + ")"));
    }

    static String extension(String file) {
        int dot = file.lastIndexOf('.');
        return dot < 0 ? "" : file.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static int outputBits(String format, String bits, AudioFileInfo info) {
        int source = Conversion.isFloat(info) ? 0 : info.bitsPerSample();
        switch (format) {
            case "mp3" -> {
                if (bits != null) {
                    throw new UsageException("--bits does not apply to mp3 (it is encoded from 16 bits)");
                }
                return 16;
            }
            case "flac" -> {
                if (bits != null) {
                    if (!bits.equals("16") && !bits.equals("24")) {
                        throw new UsageException("--bits " + bits + ": FLAC takes 16 or 24");
                    }
                    return Integer.parseInt(bits);
                }
                return source > 0 && source <= 16 ? 16 : 24;
            }
            case "wav" -> {
                if (bits != null) {
                    return switch (bits) {
                        case "16", "24", "32" -> Integer.parseInt(bits);
                        case "32f" -> 0;
                        default -> throw new UsageException("--bits " + bits + ": WAV takes 16, 24, 32 or 32f");
                    };
                }
                if (source == 0) {
                    return info.bitsPerSample() == 0 ? 16 : 0;
                }
                return source <= 16 ? 16 : source <= 24 ? 24 : 32;
            }
            default -> {
                if (bits != null) {
                    throw new UsageException("--bits is not known for format " + format);
                }
                return 0;
            }
        }
    }

    private static String value(List<String> arguments, int i, String option) {
        if (i >= arguments.size()) {
            throw new UsageException(option + " needs a value");
        }
        return arguments.get(i);
    }

    private static int rate(String text) {
        try {
            int rate = Integer.parseInt(text);
            if (!SampleRateConverter.isSupported(rate)) {
                throw new UsageException("--rate " + text + ": supported rates are 44100, 48000, 88200, 96000, "
                        + "176400 and 192000");
            }
            return rate;
        } catch (NumberFormatException e) {
            throw new UsageException("--rate: not a sample rate: '" + text + "'");
        }
    }

    private static DitherType dither(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "tpdf" -> DitherType.TPDF;
            case "shaped" -> DitherType.SHAPED;
            case "none" -> DitherType.NONE;
            default -> throw new UsageException("--dither " + text + ": expected tpdf, shaped or none");
        };
    }

    private static void tag(String text, Map<String, String> tags) {
        int eq = text.indexOf('=');
        if (eq <= 0) {
            throw new UsageException("--tag " + text + ": expected KEY=VALUE");
        }
        String key = text.substring(0, eq).toLowerCase(Locale.ROOT);
        String value = text.substring(eq + 1);
        if (!Tags.all().contains(key)) {
            throw new UsageException("--tag " + key + ": unknown tag (known: " + String.join(", ", Tags.all()) + ")");
        }
        if (key.equals(Tags.ISRC) && !Tags.validIsrc(value)) {
            throw new UsageException("--tag isrc=" + value + ": not an ISRC (CC-XXX-YY-NNNNN, 12 characters)");
        }
        tags.put(key, key.equals(Tags.ISRC) ? value.replace("-", "").toUpperCase(Locale.ROOT) : value);
    }

    private static void option(String text, Map<String, String> options) {
        int eq = text.indexOf('=');
        if (eq <= 0) {
            throw new UsageException("--option " + text + ": expected KEY=VALUE");
        }
        options.put(text.substring(0, eq), text.substring(eq + 1));
    }
}
