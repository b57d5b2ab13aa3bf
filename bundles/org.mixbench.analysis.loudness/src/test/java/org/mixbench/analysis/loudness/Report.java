package org.mixbench.analysis.loudness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Writes the measured values of the conformance and comparison tests to {@code target/conformance/NAME.txt}, one
 * line per check, so that the figures behind a green build can be read. The tests assert; this only records.
 */
final class Report {
    private static final Set<String> STARTED = new HashSet<>();

    private Report() {
    }

    /** Appends one formatted line to report {@code name} (started afresh once per test run). */
    static synchronized void line(String name, String format, Object... args) {
        Path file = Path.of("target", "conformance", name + ".txt");
        try {
            Files.createDirectories(file.getParent());
            if (STARTED.add(name)) {
                Files.deleteIfExists(file);
            }
            Files.writeString(file, String.format(Locale.ROOT, format, args) + System.lineSeparator(),
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
