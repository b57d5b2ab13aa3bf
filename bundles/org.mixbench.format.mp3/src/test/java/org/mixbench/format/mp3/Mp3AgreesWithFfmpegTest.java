package org.mixbench.format.mp3;

import org.mixbench.testkit.ReferenceTools;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixbench.api.audio.AudioReader;
import org.mixbench.api.audio.Tags;
import org.mixbench.api.export.ExportFormat;
import org.mixbench.api.export.ExportWriter;
import org.mixbench.api.processor.AudioBlock;
import org.mixbench.testkit.AbstractImporterContractTest;
import org.mixbench.testkit.Signals;

/**
 * MP3 files we write are gapless and tagged the way ffmpeg reads them, and our decoder gives ffmpeg's samples:
 * the same length (encoder delay and padding removed) and the same waveform within decoder rounding.
 */
class Mp3AgreesWithFfmpegTest {
    @TempDir
    Path dir;

    private Path write(Map<String, String> options, Map<String, String> tags, float[][] audio) throws Exception {
        Path file = dir.resolve("out.mp3");
        try (ExportWriter writer = new Mp3ExporterFactory().open(file, new ExportFormat(44_100, 2, -1), options,
                tags)) {
            AudioBlock block = new AudioBlock(2, 1024, 0);
            for (int pos = 0; pos < audio[0].length; pos += 1024) {
                int n = Math.min(1024, audio[0].length - pos);
                for (int c = 0; c < 2; c++) {
                    System.arraycopy(audio[c], pos, block.channel(c), 0, n);
                }
                block.setFrames(n);
                writer.write(block);
            }
        }
        return file;
    }

    private static float[] ffmpegDecode(Path file) throws Exception {
        Process p = new ProcessBuilder("ffmpeg", "-v", "error", "-i", file.toString(), "-f", "f32le", "-ac", "2",
                "-").start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        p.getInputStream().transferTo(out);
        assertEquals(0, p.waitFor(), "ffmpeg failed");
        ByteBuffer b = ByteBuffer.wrap(out.toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
        float[] x = new float[b.remaining() / 4];
        b.asFloatBuffer().get(x);
        return x;
    }

    @Test
    void ffmpegAndOurDecoderAgreeOnTheLengthAndTheWaveform() throws Exception {
        float[][] audio = Signals.program(2, 44_100 * 2 + 123, 44_100, 9);
        for (Map<String, String> options : List.of(Map.<String, String>of(), Map.of("mode", "vbr", "quality",
                "2"))) {
            Path file = write(options, Map.of(), audio);
            float[] theirs = ffmpegDecode(file);
            assertEquals(audio[0].length * 2, theirs.length, "ffmpeg decodes the encoded length (gapless)");
            try (AudioReader reader = new Mp3ImporterFactory().open(file)) {
                float[][] ours = AbstractImporterContractTest.readFullyFor(reader);
                assertEquals(audio[0].length, ours[0].length, "we decode the encoded length");
                double error = 0;
                double signal = 0;
                for (int i = 0; i < ours[0].length; i++) {
                    for (int c = 0; c < 2; c++) {
                        double d = ours[c][i] - theirs[i * 2 + c];
                        error += d * d;
                        signal += ours[c][i] * ours[c][i];
                    }
                }
                // JLayer decodes to 16 bits with its own rounding; measured about 53 dB from ffmpeg's float decode,
                // far below the coding noise of the MP3 itself.
                double snr = 10 * Math.log10(signal / error);
                assertTrue(snr > 45, "our decode differs from ffmpeg's: SNR " + snr + " dB for " + options);
            }
        }
    }

    @Test
    void ffprobeReadsTheId3Tags() throws Exception {
        Path file = write(Map.of(), Map.of(Tags.TITLE, "Mp3 Song", Tags.ARTIST, "Tester", Tags.ISRC,
                "GBAYE2600002", Tags.ALBUM, "Tests", Tags.TRACK, "2", Tags.YEAR, "2026"),
                Signals.program(2, 44_100, 44_100, 1));
        String json = ReferenceTools.run(List.of("ffprobe", "-v", "error", "-show_entries", "format_tags:format=bit_rate",
                "-of", "json", file.toString())).toLowerCase(java.util.Locale.ROOT);
        assertTrue(json.contains("\"title\": \"mp3 song\""), json);
        assertTrue(json.contains("\"artist\": \"tester\""), json);
        assertTrue(json.contains("gbaye2600002"), json);
        assertTrue(json.contains("\"track\": \"2\""), json);
    }
}
