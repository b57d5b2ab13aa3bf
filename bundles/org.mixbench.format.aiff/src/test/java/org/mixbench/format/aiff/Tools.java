package org.mixbench.format.aiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the reference tools (ffmpeg, ffprobe, sox) for cross-checks. A missing tool fails the test with a message
 * saying what to install; it is never a reason to skip.
 */
final class Tools {
    private Tools() {
    }

    /** The tool's path; fails the test when it is not on the PATH. */
    static String require(String tool) {
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

    /** Runs {@code tool} with {@code args}, asserts exit status 0 and returns its standard output. */
    static byte[] run(String tool, String... args) throws IOException, InterruptedException {
        Result r = exec(tool, args);
        assertEquals(0, r.status, () -> tool + " " + String.join(" ", args) + " failed: " + r.stderr);
        return r.stdout;
    }

    /** Runs {@code tool} with {@code args} and returns its status and outputs. */
    static Result exec(String tool, String... args) throws IOException, InterruptedException {
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

    /** What a tool did. */
    record Result(int status, byte[] stdout, String stderr) {
    }

    /** ffmpeg's own decode of {@code file} as interleaved 32-bit floats. */
    static float[] ffmpegFloats(Path file) throws IOException, InterruptedException {
        byte[] raw = run("ffmpeg", "-v", "error", "-i", file.toString(), "-f", "f32le", "-acodec", "pcm_f32le", "-");
        ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        float[] x = new float[raw.length / 4];
        for (int i = 0; i < x.length; i++) {
            x[i] = b.getFloat();
        }
        return x;
    }

    /** ffmpeg's own decode of {@code file} as interleaved signed integers of {@code bits} (16, 24, 32). */
    static int[] ffmpegInts(Path file, int bits) throws IOException, InterruptedException {
        String format = "s" + bits + "le";
        byte[] raw = run("ffmpeg", "-v", "error", "-i", file.toString(), "-f", format, "-acodec", "pcm_" + format,
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
}
