package org.mixbench.audio.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixbench.api.audio.AudioFormatException;
import org.mixbench.api.audio.AudioReader;
import org.mixbench.api.audio.ImporterFactory;
import org.mixbench.api.contribution.ContributionKind;
import org.mixbench.api.contribution.Descriptor;
import org.mixbench.api.export.ExportFormat;
import org.mixbench.convert.DitherType;
import org.mixbench.testkit.AbstractImporterContractTest;
import org.mixbench.testkit.Signals;
import org.mixbench.testkit.StaticRegistry;

class ConversionTest {
    @TempDir
    Path dir;

    private final RegistryAudioFiles files = new RegistryAudioFiles(Formats.registry());

    private Path wav(String name, float[][] audio, int rate, String bits) throws IOException {
        Path file = dir.resolve(name);
        int[] pos = {0};
        files.export(file, "wav", new ExportFormat(rate, audio.length, audio[0].length), Map.of("bits", bits),
                Map.of(), block -> {
                    int n = Math.min(block.maxFrames(), audio[0].length - pos[0]);
                    if (n <= 0) {
                        return false;
                    }
                    for (int c = 0; c < audio.length; c++) {
                        System.arraycopy(audio[c], pos[0], block.channel(c), 0, n);
                    }
                    block.setFrames(n);
                    pos[0] += n;
                    return true;
                });
        return file;
    }

    private float[][] read(Path file) throws IOException {
        try (AudioReader reader = files.open(file)) {
            return AbstractImporterContractTest.readFullyFor(reader);
        }
    }

    private static float[][] onGrid(float[][] x, int bits) {
        double scale = Math.scalb(1.0, bits - 1);
        float[][] y = new float[x.length][x[0].length];
        for (int c = 0; c < x.length; c++) {
            for (int i = 0; i < x[c].length; i++) {
                y[c][i] = (float) (Math.rint(x[c][i] * scale) / scale);
            }
        }
        return y;
    }

    private Conversion.Result convert(Path in, Path out, String format, int rate, int bits, DitherType dither)
            throws IOException {
        Map<String, String> options = format.equals("mp3") ? Map.of() : Map.of("bits", bits == 0 ? "32f"
                : String.valueOf(bits));
        return Conversion.run(files, in, out, new Conversion.Plan(format, rate, bits, dither, options, Map.of()),
                null);
    }

    @Test
    void aWavToFlacToWavRoundTripIsBitExact() throws Exception {
        float[][] audio = onGrid(Signals.program(2, 48_000, 44_100, 1), 16);
        Path source = wav("a.wav", audio, 44_100, "16");
        convert(source, dir.resolve("b.flac"), "flac", 44_100, 16, DitherType.NONE);
        convert(dir.resolve("b.flac"), dir.resolve("c.wav"), "wav", 44_100, 16, DitherType.NONE);
        float[][] back = read(dir.resolve("c.wav"));
        for (int c = 0; c < 2; c++) {
            assertArrayEquals(audio[c], back[c], "channel " + c);
        }
    }

    @Test
    void resamplingGivesTheExactLengthAndKeepsATone() throws Exception {
        int frames = 48_000 * 2 + 77;
        float[][] tone = new float[1][frames];
        for (int i = 0; i < frames; i++) {
            tone[0][i] = (float) (0.5 * Math.sin(2 * Math.PI * 1000 * i / 48_000.0));
        }
        Path source = wav("tone.wav", tone, 48_000, "32f");
        convert(source, dir.resolve("tone44.wav"), "wav", 44_100, 0, DitherType.NONE);
        float[][] out = read(dir.resolve("tone44.wav"));
        assertEquals((long) Math.ceil(frames * 44_100.0 / 48_000), out[0].length);
        double worst = 0;
        for (int i = 2000; i < out[0].length - 2000; i++) {
            double expected = 0.5 * Math.sin(2 * Math.PI * 1000 * i / 44_100.0);
            worst = Math.max(worst, Math.abs(out[0][i] - expected));
        }
        assertTrue(worst < 1e-5, "resampled tone deviates by " + worst);
    }

    @Test
    void reducingTo16BitsWithTpdfPutsEverySampleOnTheGridWithTheExpectedNoise() throws Exception {
        float[][] quiet = new float[1][96_000];
        for (int i = 0; i < quiet[0].length; i++) {
            quiet[0][i] = (float) (0.001 * Math.sin(2 * Math.PI * 440 * i / 48_000.0));
        }
        Path source = wav("q.wav", quiet, 48_000, "32f");
        convert(source, dir.resolve("q16.wav"), "wav", 48_000, 16, DitherType.TPDF);
        float[][] out = read(dir.resolve("q16.wav"));
        double error = 0;
        for (int i = 0; i < out[0].length; i++) {
            double scaled = out[0][i] * 32768.0;
            assertEquals(Math.rint(scaled), scaled, 0.0, "off the 16-bit grid");
            double e = out[0][i] - quiet[0][i];
            error += e * e;
        }
        double rmsLsb = Math.sqrt(error / out[0].length) * 32768;
        assertEquals(0.5, rmsLsb, 0.03, "TPDF error RMS should be half an LSB");
    }

    @Test
    void clippingIsCountedWithTheFirstFrameAndThePeak() throws Exception {
        float[][] hot = new float[2][1000];
        hot[0][400] = 1.5f;
        hot[1][401] = -1.2f;
        hot[0][900] = 1.1f;
        Path source = wav("hot.wav", hot, 48_000, "32f");
        Conversion.Result r = convert(source, dir.resolve("hot16.wav"), "wav", 48_000, 16, DitherType.NONE);
        assertEquals(3, r.clips().clippedSamples());
        assertEquals(400, r.clips().firstClipFrame());
        assertEquals(1.5, r.clips().peak(), 1e-6);
    }

    @Test
    void aFileIsRecognisedByItsContentNotItsExtension() throws Exception {
        float[][] audio = onGrid(Signals.program(2, 4800, 48_000, 2), 16);
        Path source = wav("x.wav", audio, 48_000, "16");
        convert(source, dir.resolve("real.flac"), "flac", 48_000, 16, DitherType.NONE);
        Path misnamed = Files.move(dir.resolve("real.flac"), dir.resolve("misnamed.wav"));
        try (AudioReader reader = files.open(misnamed)) {
            assertEquals("FLAC", reader.info().format());
        }
    }

    @Test
    void aFailedExportLeavesNeitherTheTargetNorATemporaryFileAndKeepsAnOldTarget() throws Exception {
        Path target = dir.resolve("keep.wav");
        Files.writeString(target, "the previous version");
        int[] calls = {0};
        assertThrows(IOException.class, () -> files.export(target, "wav", new ExportFormat(48_000, 2, -1), Map.of(),
                Map.of(), block -> {
                    if (calls[0]++ == 3) {
                        throw new IOException("disk unplugged");
                    }
                    block.setFrames(100);
                    return true;
                }));
        assertEquals("the previous version", Files.readString(target));
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(1, left.count(), "a temporary file was left behind");
        }
    }

    @Test
    void aCompleteExportAppearsOnlyUnderItsFinalName() throws Exception {
        Path target = dir.resolve("new.flac");
        int[] calls = {0};
        files.export(target, "flac", new ExportFormat(48_000, 2, -1), Map.of(), Map.of(), block -> {
            if (calls[0] == 1) {
                try (Stream<Path> during = Files.list(dir)) {
                    assertFalse(Files.exists(target), "the target exists before the export is complete");
                    assertTrue(during.anyMatch(p -> p.getFileName().toString().startsWith(".new.flac.partial-")));
                }
            }
            if (calls[0]++ == 5) {
                return false;
            }
            block.setFrames(1000);
            return true;
        });
        assertTrue(Files.exists(target));
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(1, left.count());
        }
    }

    @Test
    void anImporterThatCrashesIsReportedAsAFormatProblem() throws Exception {
        ImporterFactory broken = new ImporterFactory() {
            @Override
            public Descriptor descriptor() {
                return new Descriptor("broken", "Broken", "Audio file", "Test", "1.0.0");
            }

            @Override
            public String formatId() {
                return "broken";
            }

            @Override
            public java.util.List<String> extensions() {
                return java.util.List.of();
            }

            @Override
            public int probe(byte[] head, int length) {
                return 100;
            }

            @Override
            public AudioReader open(Path file) {
                throw new ArrayIndexOutOfBoundsException(7);
            }
        };
        StaticRegistry registry = new StaticRegistry().add(ContributionKind.IMPORTER, broken.descriptor(), broken,
                Map.of());
        Path file = Files.writeString(dir.resolve("any.bin"), "anything");
        AudioFormatException e = assertThrows(AudioFormatException.class,
                () -> new RegistryAudioFiles(registry).open(file));
        assertTrue(e.getMessage().contains("Broken importer failed"), e.getMessage());
    }

    @Test
    void anUnknownExportFormatIsRefusedWithTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> files.export(
                dir.resolve("x.ogg"), "ogg", new ExportFormat(48_000, 2, -1), Map.of(), Map.of(), block -> false));
        assertTrue(e.getMessage().contains("wav") && e.getMessage().contains("flac"), e.getMessage());
    }
}
