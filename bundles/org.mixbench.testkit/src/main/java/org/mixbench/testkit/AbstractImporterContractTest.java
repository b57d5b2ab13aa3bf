package org.mixbench.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixbench.api.audio.AudioFileInfo;
import org.mixbench.api.audio.AudioFormatException;
import org.mixbench.api.audio.AudioReader;
import org.mixbench.api.audio.ImporterFactory;

/**
 * The contract every {@link ImporterFactory} keeps, including a seeded mutation fuzzer. Extend it, return your
 * factory from {@link #factory()} and write a few small valid files of your format in {@link #writeValidFiles}
 * (covering the variants you support; a tenth of a second of audio each keeps the fuzzer fast).
 *
 * <p>Checked: the importer recognises its files by content; a file reads to the end with the frame count its info
 * announced, the same whatever the read sizes; a truncated file and thousands of mutated files end either normally
 * or with {@link AudioFormatException}, never with another exception, an out-of-memory error or a hang.
 */
public abstract class AbstractImporterContractTest {
    private static final ExecutorService WORKER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "importer-fuzz");
        t.setDaemon(true);
        return t;
    });

    @TempDir
    protected Path folder;

    /** The importer under test. */
    protected abstract ImporterFactory factory();

    /** Writes small valid files of the format into {@code dir} and returns them. */
    protected abstract List<Path> writeValidFiles(Path dir) throws Exception;

    /** Mutated inputs per valid file. */
    protected int mutationsPerFile() {
        return 1500;
    }

    @AfterAll
    static void stopWorker() {
        // The worker is a daemon shared by all subclasses; nothing to stop.
    }

    /** Reads a whole file and returns the frames read per channel (all channels equal). */
    protected static long readAll(AudioReader reader, int chunk) throws IOException {
        int channels = reader.info().channels();
        float[][] buffers = new float[channels][chunk + 3];
        long total = 0;
        int n;
        while ((n = reader.read(buffers, 3, chunk)) >= 0) {
            if (n > chunk) {
                throw new AssertionError("read returned more frames than asked: " + n);
            }
            total += n;
        }
        return total;
    }

    private List<Path> files() throws Exception {
        Path dir = Files.createDirectories(folder.resolve("valid"));
        List<Path> files = writeValidFiles(dir);
        assertFalse(files.isEmpty(), "writeValidFiles gave no files");
        return files;
    }

    @Test
    public void recognisesItsOwnFilesByContent() throws Exception {
        for (Path file : files()) {
            byte[] bytes = Files.readAllBytes(file);
            int length = Math.min(bytes.length, ImporterFactory.PROBE_BYTES);
            assertTrue(factory().probe(Arrays.copyOf(bytes, length), length) > 0, file + " not recognised");
        }
    }

    @Test
    public void doesNotClaimTextOrSilence() {
        byte[] text = "This is not audio at all, just a line of text.\n".repeat(50).getBytes();
        assertEquals(0, factory().probe(text, text.length));
        byte[] zeros = new byte[ImporterFactory.PROBE_BYTES];
        assertEquals(0, factory().probe(zeros, zeros.length));
        assertEquals(0, factory().probe(new byte[0], 0));
    }

    @Test
    public void readsToTheEndWithTheAnnouncedFrameCountWhateverTheReadSize() throws Exception {
        for (Path file : files()) {
            long expected;
            float[][] reference;
            try (AudioReader reader = factory().open(file)) {
                AudioFileInfo info = reader.info();
                assertNotNull(info);
                assertTrue(info.channels() > 0 && info.sampleRate() > 0);
                expected = info.frames();
                reference = readFully(reader);
            }
            if (expected >= 0) {
                assertEquals(expected, reference[0].length, file + ": frames read differ from the header");
            }
            for (int chunk : new int[] {1, 7, 1000, 65_536}) {
                try (AudioReader reader = factory().open(file)) {
                    assertEquals(reference[0].length, readAll(reader, chunk), file + " read in chunks of " + chunk);
                }
            }
            try (AudioReader reader = factory().open(file)) {
                float[][] again = readFully(reader, 333);
                for (int c = 0; c < reference.length; c++) {
                    assertTrue(Arrays.equals(reference[c], again[c]), file + ": samples depend on the read size");
                }
            }
        }
    }

    /** Reads every frame of a file into memory (for small test files only). */
    protected static float[][] readFully(AudioReader reader) throws IOException {
        return readFully(reader, 4096);
    }

    /** The same as {@link #readFully(AudioReader)}, for tests outside this class hierarchy. */
    public static float[][] readFullyFor(AudioReader reader) throws IOException {
        return readFully(reader, 4096);
    }

    private static float[][] readFully(AudioReader reader, int chunk) throws IOException {
        int channels = reader.info().channels();
        List<float[][]> parts = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        long total = 0;
        while (true) {
            float[][] buffers = new float[channels][chunk];
            int n = reader.read(buffers, 0, chunk);
            if (n < 0) {
                break;
            }
            parts.add(buffers);
            counts.add(n);
            total += n;
        }
        float[][] all = new float[channels][(int) total];
        int pos = 0;
        for (int i = 0; i < parts.size(); i++) {
            for (int c = 0; c < channels; c++) {
                System.arraycopy(parts.get(i)[c], 0, all[c], pos, counts.get(i));
            }
            pos += counts.get(i);
        }
        return all;
    }

    @Test
    public void aTruncatedFileEndsCleanlyOrWithAFormatException() throws Exception {
        for (Path file : files()) {
            byte[] bytes = Files.readAllBytes(file);
            for (int cut : new int[] {0, 1, 4, 8, 12, 16, 24, 40, 64, bytes.length / 3, bytes.length / 2,
                bytes.length - 1}) {
                if (cut >= 0 && cut < bytes.length) {
                    assertOnlyFormatErrors(Arrays.copyOf(bytes, cut), "cut at " + cut + " of " + file.getFileName());
                }
            }
        }
    }

    @Test
    public void thousandsOfMutatedFilesEndCleanlyOrWithAFormatException() throws Exception {
        SplittableRandom random = new SplittableRandom(0x5EED);
        for (Path file : files()) {
            byte[] original = Files.readAllBytes(file);
            for (int i = 0; i < mutationsPerFile(); i++) {
                byte[] mutated = Mutations.mutate(original, random);
                assertOnlyFormatErrors(mutated, "mutation " + i + " of " + file.getFileName());
            }
        }
    }

    private void assertOnlyFormatErrors(byte[] content, String what) throws Exception {
        Path input = folder.resolve("fuzz.bin");
        Files.write(input, content);
        Future<Throwable> outcome = WORKER.submit(() -> {
            try (AudioReader reader = factory().open(input)) {
                readAll(reader, 4096);
                return null;
            } catch (AudioFormatException expected) {
                assertNotNull(expected.getMessage(), "a format exception needs a message");
                assertFalse(expected.getMessage().contains("\n"), "the message must be one line");
                return null;
            } catch (Throwable other) {
                return other;
            }
        });
        Throwable failure;
        try {
            failure = outcome.get(10, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            outcome.cancel(true);
            fail(what + ": the reader hung for 10 s");
            return;
        }
        if (failure != null) {
            AssertionError error = new AssertionError(what + ": expected success or AudioFormatException, got "
                    + failure);
            error.initCause(failure);
            throw error;
        }
    }
}
