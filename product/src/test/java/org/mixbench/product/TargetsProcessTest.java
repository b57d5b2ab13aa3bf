package org.mixbench.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixbench.product.ProcessRunner.Result;

/** {@code targets} in the installed product: the built-in targets and a studio's own target files. */
class TargetsProcessTest {
    @TempDir
    Path dir;

    @Test
    void theBuiltInTargetsAndAStudiosTargetFileAreListedAndABadFileIsNamed() throws Exception {
        Files.writeString(dir.resolve("radio.json"), "{\"targets\": [{\"id\": \"my-radio\", \"name\": \"My Radio\", "
                + "\"category\": \"broadcast\", \"integrated_lufs\": -18, \"true_peak_dbtp\": -1.5, \"sample_rate\": "
                + "48000, \"source\": \"our station's delivery spec, 2026\"}]}");
        Files.writeString(dir.resolve("broken.json"), "{\"targets\": [{\"id\": \"spotify\", \"name\": \"Mine\", "
                + "\"true_peak_dbtp\": -1, \"source\": \"s\"}]}");
        Result r = ProcessRunner.run(ProductFiles.product(), List.of("-Dmixbench.targets=" + dir), Map.of(), false,
                "targets", "--json");
        assertEquals(0, r.status(), r.err());
        assertEquals("warning: targets/broken.json: the id 'spotify' is already taken by another target; the file "
                + "was not used", r.err().strip());
        for (String id : List.of("spotify", "apple-music", "youtube", "amazon-music", "tidal", "deezer", "soundcloud",
                "ebu-r128", "atsc-a85", "cd", "hires", "vinyl", "my-radio")) {
            assertTrue(r.out().contains("\"id\" : \"" + id + "\""), id + ": " + r.out());
        }
        assertTrue(r.out().contains("\"origin\" : \"targets/radio.json\""), r.out());
        Result table = ProcessRunner.run(ProductFiles.product(), List.of("-Dmixbench.targets=" + dir), Map.of(),
                false, "targets");
        assertTrue(table.out().lines().anyMatch(l -> l.startsWith("my-radio ") && l.contains("-18.0 ±1.0 LU")
                && l.contains("48000 Hz")), table.out());
        Result plugins = ProcessRunner.run(Map.of(), false, "plugins");
        assertTrue(plugins.out().contains("Delivery targets (13)"), plugins.out());
    }
}
