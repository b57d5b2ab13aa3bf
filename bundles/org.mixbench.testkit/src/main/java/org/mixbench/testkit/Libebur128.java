package org.mixbench.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The reference loudness and true-peak measurement for cross-checks: a tiny C program built once per JVM with gcc
 * against libebur128 ({@code -lebur128}) in a temporary folder, fed raw 32-bit float interleaved audio on its
 * standard input, reporting what libebur128 measures with {@code EBUR128_MODE_I | EBUR128_MODE_LRA |
 * EBUR128_MODE_TRUE_PEAK | EBUR128_MODE_SAMPLE_PEAK}. A missing gcc or libebur128-dev fails the calling test (never
 * skips it), naming the Debian package to install.
 *
 * <p>Thread: any test thread; building is synchronised, measuring runs one process per call.
 */
public final class Libebur128 {
    private static final String PROGRAM = String.join("\n",
            "#include <ebur128.h>",
            "#include <math.h>",
            "#include <stdio.h>",
            "#include <stdlib.h>",
            "/* reads CHANNELS-channel float32 interleaved frames at RATE from stdin; prints I, LRA, TP, SP */",
            "int main(int argc, char **argv) {",
            "  if (argc != 3) { fprintf(stderr, \"usage: CHANNELS RATE < raw-f32le\\n\"); return 2; }",
            "  unsigned channels = (unsigned) atoi(argv[1]);",
            "  unsigned long rate = strtoul(argv[2], NULL, 10);",
            "  if (channels < 1 || channels > 64) { fprintf(stderr, \"bad channel count\\n\"); return 2; }",
            "  ebur128_state *st = ebur128_init(channels, rate, EBUR128_MODE_I | EBUR128_MODE_LRA",
            "      | EBUR128_MODE_TRUE_PEAK | EBUR128_MODE_SAMPLE_PEAK);",
            "  if (!st) { fprintf(stderr, \"ebur128_init failed\\n\"); return 1; }",
            "  float *buffer = malloc(sizeof(float) * channels * 4096);",
            "  if (!buffer) return 1;",
            "  size_t frames;",
            "  while ((frames = fread(buffer, sizeof(float) * channels, 4096, stdin)) > 0) {",
            "    if (ebur128_add_frames_float(st, buffer, frames) != EBUR128_SUCCESS) return 1;",
            "  }",
            "  double integrated, range, peak = 0, sample = 0, v;",
            "  ebur128_loudness_global(st, &integrated);",
            "  ebur128_loudness_range(st, &range);",
            "  for (unsigned c = 0; c < channels; c++) {",
            "    ebur128_true_peak(st, c, &v); if (v > peak) peak = v;",
            "    ebur128_sample_peak(st, c, &v); if (v > sample) sample = v;",
            "  }",
            "  printf(\"%.9f %.9f %.9f %.9f\\n\", integrated, range, 20 * log10(peak), 20 * log10(sample));",
            "  ebur128_destroy(&st);",
            "  free(buffer);",
            "  return 0;",
            "}", "");

    private static Path tool;

    private Libebur128() {
    }

    /**
     * What libebur128 measured.
     *
     * @param integratedLufs  integrated loudness, LUFS ({@code -Infinity} for silence)
     * @param loudnessRangeLu loudness range, LU (libebur128 takes a short-term value every second)
     * @param truePeakDbtp    the largest true peak over the channels, dBTP (libebur128 oversamples by 4 below 96 kHz,
     *                        by 2 below 192 kHz)
     * @param samplePeakDbfs  the largest sample peak over the channels, dBFS
     */
    public record Measurement(double integratedLufs, double loudnessRangeLu, double truePeakDbtp,
            double samplePeakDbfs) {
    }

    /** Measures planar audio ({@code audio[channel][frame]}, all channels the same length) at {@code sampleRate}. */
    public static Measurement measure(float[][] audio, int sampleRate) throws IOException, InterruptedException {
        int channels = audio.length;
        int frames = audio[0].length;
        float[] interleaved = new float[channels * frames];
        for (int c = 0; c < channels; c++) {
            float[] x = audio[c];
            if (x.length != frames) {
                throw new IllegalArgumentException("all channels must have the same length");
            }
            for (int i = 0; i < frames; i++) {
                interleaved[i * channels + c] = x[i];
            }
        }
        return measureInterleaved(interleaved, channels, sampleRate);
    }

    /** Measures {@code channels}-channel interleaved audio at {@code sampleRate}. */
    public static Measurement measureInterleaved(float[] interleaved, int channels, int sampleRate)
            throws IOException, InterruptedException {
        Path program = tool();
        Path errors = Files.createTempFile("libebur128", ".err");
        try {
            Process process = new ProcessBuilder(List.of(program.toString(), Integer.toString(channels),
                    Integer.toString(sampleRate))).redirectError(errors.toFile()).start();
            ByteBuffer chunk = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
            try (OutputStream in = process.getOutputStream()) {
                for (float v : interleaved) {
                    if (!chunk.hasRemaining()) {
                        in.write(chunk.array(), 0, chunk.position());
                        chunk.clear();
                    }
                    chunk.putFloat(v);
                }
                in.write(chunk.array(), 0, chunk.position());
            }
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            assertTrue(process.waitFor(5, TimeUnit.MINUTES), "the libebur128 tool did not finish");
            assertEquals(0, process.exitValue(), "the libebur128 tool failed: " + Files.readString(errors));
            String[] v = out.split("\\s+");
            assertEquals(4, v.length, "unexpected output of the libebur128 tool: " + out);
            return new Measurement(number(v[0]), number(v[1]), number(v[2]), number(v[3]));
        } finally {
            Files.deleteIfExists(errors);
        }
    }

    private static double number(String text) {
        return switch (text) {
            case "-inf" -> Double.NEGATIVE_INFINITY;
            case "inf" -> Double.POSITIVE_INFINITY;
            default -> Double.parseDouble(text);
        };
    }

    /** The built program; builds it on first use. */
    private static synchronized Path tool() throws IOException, InterruptedException {
        if (tool != null) {
            return tool;
        }
        String gcc = ReferenceTools.require("gcc");
        Path dir = Files.createTempDirectory("libebur128-tool");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
        Path source = dir.resolve("r128.c");
        Files.writeString(source, PROGRAM);
        Path binary = dir.resolve("r128");
        List<String> command = new ArrayList<>(List.of(gcc, "-O2", "-o", binary.toString(), source.toString(),
                "-lebur128", "-lm"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0 || !Files.isExecutable(binary)) {
            fail("gcc could not build the libebur128 tool; install the Debian packages gcc and libebur128-dev "
                    + "(./mixbench test does it):\n" + output);
        }
        tool = binary;
        return tool;
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
