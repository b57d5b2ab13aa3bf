package org.mixbench.format.wav;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixbench.api.audio.AudioFileInfo;
import org.mixbench.api.audio.AudioReader;
import org.mixbench.testkit.ReferenceTools;
import org.mixbench.testkit.Signals;

/**
 * The writer turns its header into RF64 when the file passes the RIFF limit, tested without writing 4 GiB by
 * lowering the limit, and the result is read by our importer and by ffmpeg.
 */
class WavRf64SwitchTest {
    @TempDir
    Path dir;

    @Test
    void switchesToRf64WhenTheFilePassesTheLimitAndBothOurReaderAndFfmpegReadIt() throws Exception {
        float[][] audio = Signals.program(2, 44_100, 44_100, 12);
        for (float[] channel : audio) {
            for (int i = 0; i < channel.length; i++) {
                channel[i] = Math.round(channel[i] * 32_768f) / 32_768f;
            }
        }
        WavExporterFactory exporter = new WavExporterFactory(TestFiles.CLOCK, 100_000);
        Path file = TestFiles.write(exporter, dir.resolve("switched.wav"), audio, 44_100, Map.of("bits", "16"),
                Map.of("title", "Past the limit"));
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals("RF64", new String(b.array(), 0, 4, "US-ASCII"));
        assertEquals(-1, b.getInt(4), "the RIFF size says: see ds64");
        assertEquals("ds64", new String(b.array(), 12, 4, "US-ASCII"), "the reserved JUNK chunk became ds64");
        assertEquals(Files.size(file) - 8, b.getLong(20), "ds64 RIFF size");
        assertEquals(44_100L * 4, b.getLong(28), "ds64 data size");
        assertEquals(44_100L, b.getLong(36), "ds64 sample count");

        try (AudioReader reader = new WavImporterFactory().open(file)) {
            AudioFileInfo info = reader.info();
            assertEquals("RF64", info.format());
            assertEquals(44_100, info.frames());
            assertEquals("Past the limit", info.tags().get("title"));
            float[][] back = new float[2][44_100];
            int pos = 0;
            int n;
            while ((n = reader.read(back, pos, 44_100 - pos)) > 0) {
                pos += n;
            }
            for (int c = 0; c < 2; c++) {
                for (int i = 0; i < audio[c].length; i++) {
                    if (audio[c][i] != back[c][i]) {
                        throw new AssertionError("our reader: channel " + c + " frame " + i);
                    }
                }
            }
        }

        int[] ffmpeg = ReferenceTools.ffmpegInts(file, 16);
        assertEquals(2 * 44_100, ffmpeg.length, "ffmpeg reads every frame through ds64");
        for (int i = 0; i < ffmpeg.length; i++) {
            int expected = Math.round(audio[i % 2][i / 2] * 32_768f);
            if (ffmpeg[i] != expected) {
                throw new AssertionError("ffmpeg: sample " + i + " is " + ffmpeg[i] + ", not " + expected);
            }
        }
    }
}
