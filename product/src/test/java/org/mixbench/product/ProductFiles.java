package org.mixbench.product;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Where the assembled product and the test inputs are, as set by the build. */
final class ProductFiles {
    private ProductFiles() {
    }

    static Path product() {
        return existing("mixbench.product");
    }

    static Path root() {
        return existing("mixbench.root");
    }

    static Path testPlugin() throws java.io.IOException {
        try (var files = Files.list(existing("mixbench.testPlugins"))) {
            return files.filter(p -> p.getFileName().toString().startsWith("com.example.bitcrusher"))
                    .findFirst().orElseThrow(() -> new AssertionError("the example bundle was not built"));
        }
    }

    static Path screenshots() throws java.io.IOException {
        return Files.createDirectories(Paths.get(System.getProperty("mixbench.screenshots", "target/screenshots")));
    }

    private static Path existing(String property) {
        String value = System.getProperty(property);
        if (value == null || !Files.isDirectory(Paths.get(value))) {
            throw new AssertionError("system property " + property + " must name a folder; run the tests with Maven");
        }
        return Paths.get(value);
    }
}
