package org.mixbench.format.aiff;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.mixbench.testkit.ReferenceTools;

/** Small valid AIFF and AIFF-C files of every variant the importer supports, written by sox, ffmpeg and by hand. */
final class AiffTestFiles {
    private AiffTestFiles() {
    }

    /** Runs sox on a synthesised tone and noise of {@code seconds} into {@code file}, with format arguments. */
    static Path sox(Path file, int rate, int channels, double seconds, String... format) throws Exception {
        List<String> args = new ArrayList<>(List.of("-n", "-r", Integer.toString(rate), "-c",
                Integer.toString(channels)));
        args.addAll(List.of(format));
        args.addAll(List.of(file.toString(), "synth", Double.toString(seconds), "sine", "300", "whitenoise", "vol",
                "0.9"));
        ReferenceTools.runTool("sox", args.toArray(String[]::new));
        return file;
    }

    /** Runs ffmpeg on a synthesised tone and noise into {@code file}, with encoding arguments. */
    static Path ffmpeg(Path file, int rate, int channels, double seconds, String... encode) throws Exception {
        StringBuilder exprs = new StringBuilder();
        for (int c = 0; c < channels; c++) {
            exprs.append(c == 0 ? "" : "|").append("0.8*sin(2*PI*").append(220 * (c + 1))
                    .append("*t)+0.15*(random(").append(c).append(")*2-1)");
        }
        List<String> args = new ArrayList<>(List.of("-v", "error", "-y", "-f", "lavfi", "-i",
                "aevalsrc=exprs=" + exprs + ":s=" + rate + ":d=" + seconds));
        args.addAll(List.of(encode));
        args.add(file.toString());
        ReferenceTools.runTool("ffmpeg", args.toArray(String[]::new));
        return file;
    }

    /** A tenth of a second of every variant at 8 kHz. */
    static List<Path> all(Path dir) throws Exception {
        List<Path> files = new ArrayList<>();
        files.add(sox(dir.resolve("s16.aiff"), 8000, 2, 0.1, "-b", "16"));
        files.add(sox(dir.resolve("s8.aiff"), 8000, 1, 0.1, "-b", "8"));
        files.add(sox(dir.resolve("s24.aiff"), 8000, 2, 0.1, "-b", "24"));
        files.add(sox(dir.resolve("s32.aiff"), 8000, 1, 0.1, "-b", "32"));
        files.add(sox(dir.resolve("none16.aifc"), 8000, 2, 0.1, "-b", "16", "-t", "aifc"));
        files.add(sox(dir.resolve("fl32.aifc"), 8000, 2, 0.1, "-b", "32", "-e", "floating-point", "-t", "aifc"));
        files.add(sox(dir.resolve("fl64.aifc"), 8000, 1, 0.1, "-b", "64", "-e", "floating-point", "-t", "aifc"));
        files.add(ffmpeg(dir.resolve("sowt.aiff"), 8000, 2, 0.1, "-c:a", "pcm_s16le", "-f", "aiff"));
        files.add(ffmpeg(dir.resolve("ffmpeg24.aiff"), 8000, 2, 0.1, "-c:a", "pcm_s24be", "-f", "aiff"));
        files.add(handMade(dir.resolve("hand.aifc")));
        return files;
    }

    /** AIFF-C 'twos' with COMM after SSND, an SSND offset, an odd-sized chunk first and every text chunk. */
    static Path handMade(Path file) throws IOException {
        ByteBuffer samples = ByteBuffer.allocate(2 * 800);
        for (int i = 0; i < 800; i++) {
            samples.putShort((short) (Math.sin(i * 0.1) * 20_000));
        }
        return AiffBuilder.aifc().chunk("FVER", new byte[] {(byte) 0xA2, (byte) 0x80, 0x51, 0x40})
                .chunk("odd ", new byte[] {1, 2, 3, 4, 5})
                .chunk("NAME", "A Name".getBytes()).chunk("AUTH", "An Author".getBytes())
                .chunk("(c) ", "2026 Us".getBytes()).chunk("ANNO", "first note".getBytes())
                .chunk("SSND", AiffBuilder.ssnd(4, samples.array()))
                .chunk("ANNO", "second note".getBytes())
                .chunk("COMM", AiffBuilder.commC(1, 800, 16, 8000, "twos", "")).write(file);
    }
}
