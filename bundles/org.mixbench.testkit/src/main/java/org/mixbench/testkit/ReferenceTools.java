package org.mixbench.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.mixbench.api.audio.AudioReader;

/** Runs the reference command-line tools (flac, sox, ffmpeg) for tests; a missing tool fails the test, never skips it. */
public final class ReferenceTools {
    private ReferenceTools() {
    }

    /** What a tool did: its exit status, standard output and standard error. */
    public record Result(int status, byte[] stdout, String stderr) {
    }

    /**
     * The tool's path; fails the test, naming the Debian package to install, when it is not on the PATH. Test
     * thread.
     */
    public static String require(String tool) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, tool);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        fail(tool + " is needed by this cross-check and is not on the PATH; install the Debian package "
                + (tool.equals("ffprobe") ? "ffmpeg" : tool) + " (./mixbench test does it)");
        return null;
    }

    /**
     * Runs {@code tool} (found with {@link #require}) with {@code args}, asserts exit status 0 and returns its
     * standard output. Test thread.
     */
    public static byte[] runTool(String tool, String... args) throws IOException, InterruptedException {
        Result r = exec(tool, args);
        assertEquals(0, r.status, () -> tool + " " + String.join(" ", args) + " failed: " + r.stderr);
        return r.stdout;
    }

    /** Runs {@code tool} (found with {@link #require}) with {@code args} and returns its status and outputs. */
    public static Result exec(String tool, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(require(tool));
        command.addAll(List.of(args));
        Path errors = Files.createTempFile("tool", ".err");
        try {
            Process process = new ProcessBuilder(command).redirectError(errors.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            byte[] out = process.getInputStream().readAllBytes();
            int status = process.waitFor();
            return new Result(status, out, Files.readString(errors));
        } finally {
            Files.deleteIfExists(errors);
        }
    }

    /** ffmpeg's own decode of {@code file} as interleaved 32-bit floats. Test thread. */
    public static float[] ffmpegFloats(Path file) throws IOException, InterruptedException {
        byte[] raw = runTool("ffmpeg", "-v", "error", "-i", file.toString(), "-f", "f32le", "-acodec", "pcm_f32le",
                "-");
        ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        float[] x = new float[raw.length / 4];
        for (int i = 0; i < x.length; i++) {
            x[i] = b.getFloat();
        }
        return x;
    }

    /** ffmpeg's own decode of {@code file} as interleaved signed integers of {@code bits} (16, 24, 32). Test thread. */
    public static int[] ffmpegInts(Path file, int bits) throws IOException, InterruptedException {
        String format = "s" + bits + "le";
        byte[] raw = runTool("ffmpeg", "-v", "error", "-i", file.toString(), "-f", format, "-acodec", "pcm_" + format,
                "-");
        int size = bits / 8;
        int[] x = new int[raw.length / size];
        for (int i = 0; i < x.length; i++) {
            int v = 0;
            for (int k = size - 1; k >= 0; k--) {
                v = v << 8 | (raw[i * size + k] & 0xFF);
            }
            x[i] = v << (32 - bits) >> (32 - bits);
        }
        return x;
    }

    /**
     * Reads {@code reader} to the end, 1024 frames at a time, and returns the samples interleaved, as
     * {@link #ffmpegFloats} gives them, to compare an importer with the reference decode. Test thread.
     */
    public static float[] readInterleaved(AudioReader reader) throws IOException {
        int channels = reader.info().channels();
        List<Float> all = new ArrayList<>();
        float[][] buffers = new float[channels][1024];
        int n;
        while ((n = reader.read(buffers, 0, 1024)) >= 0) {
            for (int i = 0; i < n; i++) {
                for (int c = 0; c < channels; c++) {
                    all.add(buffers[c][i]);
                }
            }
        }
        float[] x = new float[all.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = all.get(i);
        }
        return x;
    }

    public static String run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new AssertionError(command.get(0) + " is needed by this test and is not installed", e);
        }
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed: " + output);
        }
        return output;
    }

    /** A test tone file made by sox: several partials, {@code seconds} long. */
    public static Path soxTone(Path dir, String name, int rate, int channels, int bits, double seconds)
            throws IOException, InterruptedException {
        Path wav = dir.resolve(name + ".wav");
        run(List.of("sox", "-n", "-r", String.valueOf(rate), "-c", String.valueOf(channels), "-b",
                String.valueOf(bits), "-e", bits == 8 ? "unsigned-integer" : "signed-integer", wav.toString(), "synth", String.valueOf(seconds),
                "sine", "440", "sine", "1000", "sine", "3001", "sine", "50", "sine", "7000", "sine", "9000",
                "gain", "-3", "dither", "-s"));
        return wav;
    }

    /**
     * A WAVE_FORMAT_EXTENSIBLE file with {@code validBits} of {@code containerBits} (e.g. 20 of 24), samples
     * left-justified as the format requires: the way to make flac write 12- and 20-bit streams.
     */
    public static Path extensibleWav(Path dir, String name, int rate, int channels, int containerBits, int validBits,
            double seconds) throws IOException {
        int frames = (int) (rate * seconds);
        int bytes = containerBits / 8;
        int dataSize = frames * channels * bytes;
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(68 + dataSize).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(60 + dataSize).put("WAVE".getBytes(StandardCharsets.US_ASCII));
        b.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(40).putShort((short) 0xFFFE).putShort((short) channels)
                .putInt(rate).putInt(rate * channels * bytes).putShort((short) (channels * bytes))
                .putShort((short) containerBits).putShort((short) 22).putShort((short) validBits)
                .putInt(channels == 1 ? 4 : 3);
        b.putInt(1).putShort((short) 0).putShort((short) 0x10).put(new byte[] {(byte) 0x80, 0, 0, (byte) 0xAA, 0, 0x38,
            (byte) 0x9B, 0x71});
        b.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(dataSize);
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        long max = (1L << (validBits - 1)) - 1;
        for (int i = 0; i < frames; i++) {
            for (int c = 0; c < channels; c++) {
                double x = 0.5 * Math.sin(2 * Math.PI * (440 + 110 * c) * i / rate) + 0.01 * random.nextGaussian();
                long v = Math.max(-max - 1, Math.min(max, Math.round(x * max))) << (containerBits - validBits);
                for (int k = 0; k < bytes; k++) {
                    b.put((byte) (v >> (8 * k)));
                }
            }
        }
        Path file = dir.resolve(name + ".wav");
        Files.write(file, b.array());
        return file;
    }

    /** Decodes with the reference decoder to interleaved signed integers at the stream's own bit depth. */
    public static int[] flacDecode(Path flac, int bits) throws IOException, InterruptedException {
        Path wav = flac.resolveSibling(flac.getFileName() + ".decoded.wav");
        run(List.of("flac", "-s", "-d", "-f", flac.toString(), "-o", wav.toString()));
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(Files.readAllBytes(wav)).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        int container = 0;
        int valid = 0;
        int pos = 12;
        while (pos + 8 <= b.limit()) {
            String id = new String(b.array(), pos, 4, StandardCharsets.US_ASCII);
            int size = b.getInt(pos + 4);
            if (id.equals("fmt ")) {
                container = b.getShort(pos + 8 + 14);
                valid = size >= 40 ? b.getShort(pos + 8 + 18) : container;
            } else if (id.equals("data")) {
                int bytes = container / 8;
                int[] out = new int[size / bytes];
                for (int i = 0; i < out.length; i++) {
                    int v = 0;
                    for (int k = 0; k < bytes; k++) {
                        v |= (b.get(pos + 8 + i * bytes + k) & 0xFF) << (8 * k);
                    }
                    int shift = 32 - container;
                    v = bytes == 1 ? v - 128 : (v << shift) >> shift;
                    out[i] = v >> (container - valid);
                }
                if (valid != bits) {
                    throw new AssertionError("the reference decoder gave " + valid + " bits, expected " + bits);
                }
                return out;
            }
            pos += 8 + size + (size & 1);
        }
        throw new AssertionError("no data chunk in " + wav);
    }
}
