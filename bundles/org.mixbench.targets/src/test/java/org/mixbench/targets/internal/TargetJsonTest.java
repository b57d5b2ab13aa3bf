package org.mixbench.targets.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mixbench.api.target.DeliveryTarget;

class TargetJsonTest {
    private static String problem(String json) {
        return assertThrows(IOException.class, () -> TargetJson.read(json.getBytes(StandardCharsets.UTF_8)))
                .getMessage();
    }

    @Test
    void theListingIsATargetFileAndEveryBuiltInTargetSurvivesTheRoundTrip() throws Exception {
        List<Map.Entry<DeliveryTarget, String>> all = BuiltInTargets.ALL.stream()
                .map(t -> (Map.Entry<DeliveryTarget, String>) new AbstractMap.SimpleImmutableEntry<>(t, "built in"))
                .toList();
        String document = TargetJson.document(all);
        assertEquals(BuiltInTargets.ALL, TargetJson.read(document.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aMinimalTargetFileTakesTheDefaults() throws Exception {
        DeliveryTarget t = TargetJson.read(("{\"targets\": [{\"id\": \"my-radio\", \"name\": \"My Radio\", "
                + "\"integrated_lufs\": -18, \"true_peak_dbtp\": -1.5, \"source\": \"our station's delivery spec, "
                + "2026\"}]}").getBytes(StandardCharsets.UTF_8)).get(0);
        assertEquals(new DeliveryTarget("my-radio", "My Radio", "custom", -18.0, 1.0, -1.5, null, null, null, 24,
                "wav", Map.of(), "tpdf", null, null, null, "our station's delivery spec, 2026"), t);
    }

    @Test
    void aBadTargetIsOneLineNamingTheTargetAndTheField() {
        String head = "{\"targets\": [{\"id\": \"my-radio\", \"name\": \"My Radio\", \"source\": \"spec\", ";
        assertEquals("targets[0] (my-radio).true_peak_dbtp: 3.0 is outside -20..0 dBTP",
                problem(head + "\"true_peak_dbtp\": 3}]}"));
        assertEquals("targets[0] (my-radio).true_peak_dbtp: missing", problem(head + "\"bits\": 24}]}"));
        assertEquals("targets[0] (my-radio): unknown field 'loudness'", problem(head
                + "\"true_peak_dbtp\": -1, \"loudness\": -14}]}"));
        assertEquals("targets[0] (my-radio).integrated_lufs: expected a finite number", problem(head
                + "\"true_peak_dbtp\": -1, \"integrated_lufs\": \"loud\"}]}"));
        assertEquals("targets[0] (my-radio).format: 'ogg' is not one of wav, flac, mp3", problem(head
                + "\"true_peak_dbtp\": -1, \"format\": \"ogg\"}]}"));
        assertEquals("targets[0] (My Radio).id: 'My Radio' is not lower-case words joined by '-'", problem(
                "{\"targets\": [{\"id\": \"My Radio\", \"name\": \"x\", \"source\": \"s\", \"true_peak_dbtp\": -1}]}"));
        assertEquals("not a target file: expected {\"targets\": [ ... ]}", problem("[1, 2]"));
        assertEquals("line 1: not JSON (Unexpected character ('n' (code 110)): expected a value)".substring(0, 16),
                problem("{nope").substring(0, 16));
    }
}
