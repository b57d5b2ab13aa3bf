package org.mixbench.format.flac;

import org.mixbench.testkit.ReferenceTools;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mixbench.api.audio.AudioReader;
import org.mixbench.testkit.AbstractImporterContractTest;

/**
 * Files encoded by the reference encoder (flac) in every bit depth, block size, channel layout and compression
 * level decode to exactly the samples the reference decoder gives.
 */
class FlacDecoderMatchesTheReferenceTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}-bit {1} Hz {2} ch, flac {3}")
    @CsvSource({
        "16, 44100, 2, -8",
        "16, 44100, 2, -0 -b 192",
        "16, 44100, 2, -5 --lax -b 16384",
        "24, 96000, 2, -8 -b 4608",
        "24, 192000, 6, -5",
        "8, 22050, 1, -8",
        "12, 8000, 1, -8 --lax",
        "20, 48000, 2, -6 --lax",
        "32, 48000, 2, -8",
        "16, 44100, 1, -2 --lax -b 65535",
        "24, 44100, 2, -3 --no-mid-side",
    })
    void decodesExactlyLikeTheReferenceDecoder(int bits, int rate, int channels, String options) throws Exception {
        Path wav = ReferenceTools.soxTone(dir, "t", rate, channels, Math.max(bits, 8) > 24 ? 32 : bits <= 8 ? 8 : bits <= 16
                ? 16 : 24, 1.3);
        Path flac = dir.resolve("t.flac");
        List<String> command = new java.util.ArrayList<>(List.of("flac", "-s", "-f"));
        command.addAll(List.of(options.split(" ")));
        if (bits == 12 || bits == 20) {
            // flac writes 12- and 20-bit streams from WAVE_FORMAT_EXTENSIBLE input with that many valid bits
            wav = ReferenceTools.extensibleWav(dir, "x", rate, channels, bits == 12 ? 16 : 24, bits, 1.3);
        }
        command.addAll(List.of(wav.toString(), "-o", flac.toString()));
        ReferenceTools.run(command);
        int fileBits = Integer.parseInt(ReferenceTools.run(List.of("metaflac", "--show-bps", flac.toString())).strip());
        assertEquals(bits, fileBits, "the reference encoder wrote another bit depth than the case asks");
        int[] expected = ReferenceTools.flacDecode(flac, fileBits);
        try (AudioReader reader = new FlacImporterFactory().open(flac)) {
            assertEquals(channels, reader.info().channels());
            assertEquals(rate, reader.info().sampleRate(), 0.0);
            float[][] audio = AbstractImporterContractTest.readFullyFor(reader);
            assertEquals(expected.length / channels, audio[0].length, "frames");
            double scale = Math.scalb(1.0, fileBits - 1);
            // A float holds 24 bits of mantissa: 32-bit samples can only match to float precision.
            long tolerance = fileBits > 24 ? 1L << (fileBits - 25) : 0;
            for (int i = 0; i < audio[0].length; i++) {
                for (int c = 0; c < channels; c++) {
                    long ours = Math.round(audio[c][i] * scale);
                    if (Math.abs(ours - expected[i * channels + c]) > tolerance) {
                        throw new AssertionError("frame " + i + " channel " + c + ": " + ours + " != "
                                + expected[i * channels + c]);
                    }
                }
            }
        }
    }
}
