package org.mixbench.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the reference command-line tools (flac, sox, ffmpeg) for tests; a missing tool fails the test, never skips it. */
public final class ReferenceTools {
    private ReferenceTools() {
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
