package org.mixbench.audio.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.mixbench.api.audio.AudioFiles;
import org.mixbench.api.audio.AudioFormatException;
import org.mixbench.api.audio.AudioReader;
import org.mixbench.api.audio.ImporterFactory;
import org.mixbench.api.contribution.ContributionInfo;
import org.mixbench.api.contribution.ContributionKind;
import org.mixbench.api.contribution.ContributionProperties;
import org.mixbench.api.contribution.ContributionRegistry;
import org.mixbench.api.export.ExportFormat;
import org.mixbench.api.export.ExportWriter;
import org.mixbench.api.export.ExporterFactory;
import org.mixbench.api.processor.AudioBlock;
import org.mixbench.format.pcm.RegularFiles;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * The {@link AudioFiles} service over the contribution registry. Opening asks every importer to probe the first
 * bytes and takes the most confident; a failing importer is reported as a format problem, never let through as a
 * crash. Exporting writes to a hidden temporary file beside the target whose name keeps the extension (tag libraries
 * go by it), renames it over the target only when the exporter closed it without error, and removes it on any
 * failure, and on JVM shutdown (Ctrl-C) while an export runs.
 */
@Component(service = AudioFiles.class)
public final class RegistryAudioFiles implements AudioFiles {
    private static final Set<Path> IN_PROGRESS = ConcurrentHashMap.newKeySet();
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            shuttingDown = true;
            abandonExports();
        }, "mixbench-export-cleanup"));
    }

    /** Set by the shutdown hook: no export starts any more. */
    private static volatile boolean shuttingDown;

    /**
     * Removes the temporary files of exports still running: when the process ends on a signal, and when the service
     * goes away (the framework stops), which is how a command that gave up on a render (a processor that never
     * returned) leaves no temporary file behind, though the stuck thread can never finish its export. An export
     * thread keeps running while this runs and may open its file again just after it was deleted (a writer opening
     * with CREATE), so this sweeps until two passes in a row find nothing, for at most half a second. Any thread.
     */
    static void abandonExports() {
        if (IN_PROGRESS.isEmpty()) {
            return;
        }
        long end = System.nanoTime() + 500_000_000L;
        int quiet = 0;
        while (quiet < 2 && System.nanoTime() < end) {
            boolean found = false;
            for (Path p : IN_PROGRESS) {
                try {
                    found |= Files.deleteIfExists(p);
                } catch (IOException e) {
                    // best effort on the way out
                }
            }
            quiet = found ? 0 : quiet + 1;
            if (quiet < 2) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** The service is going away: exports it has not finished never will. SCR thread. */
    @Deactivate
    void deactivate() {
        abandonExports();
    }

    @Reference
    private ContributionRegistry registry;

    /** Used by DS. */
    public RegistryAudioFiles() {
    }

    /** For tests: a service over a given registry. */
    RegistryAudioFiles(ContributionRegistry registry) {
        this.registry = registry;
    }

    /**
     * Opens {@code file} with the most confident importer. A named pipe, a device or a folder is refused before
     * anything opens it ({@link RegularFiles}: opening a pipe would block until another program writes to it).
     * Calling thread.
     */
    @Override
    public AudioReader open(Path file) throws IOException {
        RegularFiles.require(file);
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(ImporterFactory.PROBE_BYTES);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString(), null, "no such file");
        } catch (AccessDeniedException e) {
            throw new AccessDeniedException(file.toString(), null, "permission denied");
        }
        ImporterFactory best = null;
        int bestScore = 0;
        String bestName = "";
        for (ContributionInfo info : registry.list(ContributionKind.IMPORTER)) {
            Optional<ImporterFactory> importer = registry.find(ContributionKind.IMPORTER, info.id(),
                    ImporterFactory.class);
            if (importer.isEmpty()) {
                continue;
            }
            int score;
            try {
                score = importer.get().probe(head.clone(), head.length);
            } catch (RuntimeException e) {
                continue;
            }
            if (score > bestScore) {
                best = importer.get();
                bestScore = score;
                bestName = info.name();
            }
        }
        if (head.length == 0) {
            throw new AudioFormatException("the file is empty");
        }
        if (best == null) {
            throw new AudioFormatException("not an audio format Mixbench reads (no importer recognises its first "
                    + "bytes; formats: " + String.join(", ", registry.list(ContributionKind.IMPORTER).stream()
                            .map(ContributionInfo::name).toList()) + ")");
        }
        try {
            return best.open(file);
        } catch (AudioFormatException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            throw new AudioFormatException("the " + bestName + " importer failed: " + e, e);
        }
    }

    /** The exporter registered for {@code formatId}, or an {@link IllegalArgumentException} listing the formats. */
    ExporterFactory exporter(String formatId) {
        for (ContributionInfo info : registry.list(ContributionKind.EXPORTER)) {
            if (formatId.equals(info.property(ContributionProperties.FORMAT, ""))) {
                Optional<ExporterFactory> found = registry.find(ContributionKind.EXPORTER, info.id(),
                        ExporterFactory.class);
                if (found.isPresent()) {
                    return found.get();
                }
            }
        }
        throw new IllegalArgumentException("no exporter for format '" + formatId + "' (formats: "
                + String.join(", ", registry.list(ContributionKind.EXPORTER).stream()
                        .map(i -> i.property(ContributionProperties.FORMAT, "?")).toList()) + ")");
    }

    @Override
    public void export(Path target, String formatId, ExportFormat format, Map<String, String> options,
            Map<String, String> tags, BlockSource source) throws IOException {
        ExporterFactory exporter = exporter(formatId);
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new NoSuchFileException(String.valueOf(dir), null, "no such folder");
        }
        String name = absolute.getFileName().toString();
        // A new file with the default permissions (as the target would get), a name that keeps the extension.
        Path temporary = dir.resolve("." + name + ".partial-" + Long.toHexString(RANDOM.nextLong() & Long.MAX_VALUE)
                + "." + exporter.fileExtension());
        // Known to the clean-up before it exists: a signal between the two would otherwise leave it behind.
        IN_PROGRESS.add(temporary);
        if (shuttingDown) {
            IN_PROGRESS.remove(temporary);
            throw new IOException("Mixbench is shutting down; nothing was written");
        }
        try {
            Files.createFile(temporary);
        } catch (IOException | RuntimeException e) {
            IN_PROGRESS.remove(temporary);
            throw e;
        }
        ExportWriter writer = null;
        boolean done = false;
        try {
            writer = exporter.open(temporary, format, options, tags);
            AudioBlock block = new AudioBlock(format.channels(), 8192, 0);
            while (true) {
                block.setFrames(0);
                if (!source.next(block)) {
                    break;
                }
                writer.write(block);
            }
            writer.close();
            writer = null;
            Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            done = true;
        } finally {
            if (writer != null) {
                writer.abort();
            }
            if (!done) {
                Files.deleteIfExists(temporary);
            }
            IN_PROGRESS.remove(temporary);
        }
    }
}
