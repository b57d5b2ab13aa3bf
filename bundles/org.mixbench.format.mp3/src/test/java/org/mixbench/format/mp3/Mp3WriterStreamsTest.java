package org.mixbench.format.mp3;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixbench.api.audio.AudioReader;
import org.mixbench.api.export.ExportFormat;
import org.mixbench.api.export.ExportWriter;
import org.mixbench.api.processor.AudioBlock;
import org.mixbench.testkit.AbstractImporterContractTest;
import org.mixbench.testkit.ReferenceTools;
import org.mixbench.testkit.Signals;

/**
 * The MP3 writer streams into the encoder: no copy of the audio is staged beside the target, the file still
 * decodes gaplessly to the frames written, and the process's standard output is never taken away while it encodes.
 */
class Mp3WriterStreamsTest {
    @TempDir
    Path dir;

    private List<Path> folder() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }

    /** Writes {@code audio} into {@code target} in blocks of 1000 frames, calling {@code between} after each. */
    private static void export(Path target, float[][] audio, Map<String, String> options, Runnable between)
            throws Exception {
        try (ExportWriter writer = new Mp3ExporterFactory().open(target, new ExportFormat(44_100, audio.length, -1),
                options, Map.of())) {
            AudioBlock block = new AudioBlock(audio.length, 1000, 0);
            for (int pos = 0; pos < audio[0].length; pos += 1000) {
                int n = Math.min(1000, audio[0].length - pos);
                for (int c = 0; c < audio.length; c++) {
                    System.arraycopy(audio[c], pos, block.channel(c), 0, n);
                }
                block.setFrames(n);
                writer.write(block);
                between.run();
            }
        }
    }

    @Test
    void noOtherFileAppearsBesideTheTargetWhileItIsWrittenAndItDecodesToTheFramesWritten() throws Exception {
        for (int channels = 1; channels <= 2; channels++) {
            for (Map<String, String> options : List.of(Map.<String, String>of(), Map.of("mode", "vbr"))) {
                Path target = dir.resolve("out" + channels + options.size() + ".mp3");
                float[][] audio = Signals.program(channels, 44_100 * 2 + 321, 44_100, channels);
                export(target, audio, options, () -> {
                    try {
                        assertEquals(List.of(target), folder(), "files beside the target during the export");
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                });
                assertEquals(List.of(target), folder(), "files left beside the target");
                try (AudioReader reader = new Mp3ImporterFactory().open(target)) {
                    assertEquals(audio[0].length, AbstractImporterContractTest.readFullyFor(reader)[0].length,
                            "frames our reader decodes (gapless)");
                }
                assertEquals(audio[0].length * channels, ReferenceTools.ffmpegFloats(target).length,
                        "samples ffmpeg decodes (gapless)");
                Files.delete(target);
            }
        }
    }

    @Test
    void whatAnotherThreadPrintsWhileAnMp3IsEncodedStillReachesStandardOutput() throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger printed = new AtomicInteger();
        Thread heartbeat = new Thread(() -> {
            while (!stop.get()) {
                System.out.println("beat");
                printed.incrementAndGet();
                LockSupport.parkNanos(100_000);
            }
        });
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            heartbeat.start();
            export(dir.resolve("beat.mp3"), Signals.program(2, 44_100 * 3, 44_100, 7), Map.of(), () -> {
            });
        } finally {
            stop.set(true);
            heartbeat.join();
            System.setOut(original);
        }
        long received = captured.toString(StandardCharsets.UTF_8).lines().filter("beat"::equals).count();
        assertEquals(printed.get(), received, "lines printed by another thread during the encode were lost");
    }
}
