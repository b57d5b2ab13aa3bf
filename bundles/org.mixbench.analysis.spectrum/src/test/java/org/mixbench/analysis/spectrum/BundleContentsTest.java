package org.mixbench.analysis.spectrum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.Manifest;
import java.util.spi.ToolProvider;

import org.junit.jupiter.api.Test;

/**
 * The bundle embeds exactly the classes of JTransforms, JLargeArrays and commons-math3 that its FFT can reach (bnd
 * {@code -includeresource} in the pom, a class-level closure), imports none of them, and exports only the analyzer
 * package. Read from the bundle's output folder, where bnd has written the embedded classes and the manifest.
 */
class BundleContentsTest {
    private static final List<String> EMBEDDED = List.of("org.jtransforms.", "pl.edu.icm.jlargearrays.",
            "org.apache.commons.math3.");

    private static Path classes() throws Exception {
        return Path.of(SpectrumAnalyzer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    @Test
    void everyClassTheEmbeddedFftReferencesIsInTheBundleOrTheJdk() throws Exception {
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow();
        StringWriter out = new StringWriter();
        int status = jdeps.run(new PrintWriter(out), new PrintWriter(out), "-verbose:class", "-filter:none",
                classes().toString());
        assertEquals(0, status, out.toString());
        List<String> missing = new ArrayList<>();
        int embeddedReferences = 0;
        for (String line : out.toString().split("\n")) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length < 4 || !parts[1].equals("->") || EMBEDDED.stream().noneMatch(parts[0]::startsWith)) {
                continue;
            }
            embeddedReferences++;
            String target = parts[2];
            String where = String.join(" ", Arrays.copyOfRange(parts, 3, parts.length));
            boolean fine = where.equals("classes") || where.startsWith("java.")
                    || target.startsWith("sun.misc.") && where.startsWith("JDK")
                    || target.equals("com.sun.xml.internal.ws.encoding.soap.SerializationException");
            if (!fine) {
                missing.add(parts[0] + " -> " + target + " (" + where + ")");
            }
        }
        assertTrue(embeddedReferences > 100, "jdeps listed the embedded classes:\n" + out);
        assertTrue(missing.isEmpty(), missing.size() + " not embedded, first: " + missing.subList(0,
                Math.min(10, missing.size())));
        assertTrue(Files.exists(classes().resolve("org/jtransforms/fft/DoubleFFT_1D.class")));
        assertTrue(Files.notExists(classes().resolve("org/jtransforms/fft/FloatFFT_1D.class")), "only what is used");
    }

    @Test
    void theManifestImportsOnlyTheApiAndOptionalJdkInternals() throws Exception {
        Manifest manifest;
        try (InputStream in = Files.newInputStream(classes().resolve("META-INF/MANIFEST.MF"))) {
            manifest = new Manifest(in);
        }
        Map<String, String> imports = clauses(manifest.getMainAttributes().getValue("Import-Package"));
        assertEquals(List.of("com.sun.xml.internal.ws.encoding.soap", "org.mixbench.api.analysis",
                "org.mixbench.api.contribution", "org.mixbench.api.processor", "sun.misc"),
                List.copyOf(imports.keySet()));
        assertTrue(imports.get("sun.misc").contains("resolution:=optional"));
        assertTrue(imports.get("com.sun.xml.internal.ws.encoding.soap").contains("resolution:=optional"));
        Map<String, String> exports = clauses(manifest.getMainAttributes().getValue("Export-Package"));
        assertEquals(List.of("org.mixbench.analysis.spectrum"), List.copyOf(exports.keySet()));
        assertTrue(exports.get("org.mixbench.analysis.spectrum").contains("version=\"1.0.0\""));
        assertEquals("org.mixbench.analysis.spectrum", manifest.getMainAttributes().getValue("Bundle-SymbolicName"));
    }

    /** Package name to the rest of its clause, for an OSGi header (commas inside quotes do not split). */
    private static Map<String, String> clauses(String header) {
        Map<String, String> clauses = new TreeMap<>();
        StringBuilder clause = new StringBuilder();
        boolean quoted = false;
        for (char c : (header + ",").toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                String text = clause.toString().trim();
                int semicolon = text.indexOf(';');
                clauses.put(semicolon < 0 ? text : text.substring(0, semicolon),
                        semicolon < 0 ? "" : text.substring(semicolon));
                clause.setLength(0);
            } else {
                clause.append(c);
            }
        }
        return clauses;
    }
}
