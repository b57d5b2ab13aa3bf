package org.mixbench.targets.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixbench.api.command.CommandContext;
import org.mixbench.api.contribution.ContributionKind;
import org.mixbench.api.contribution.Descriptor;
import org.mixbench.api.target.DeliveryTarget;
import org.mixbench.api.target.TargetContribution;
import org.mixbench.testkit.StaticRegistry;

import com.fasterxml.jackson.databind.JsonNode;

class TargetsCommandTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(StaticRegistry registry, String... args) throws Exception {
        return new TargetsCommand(registry, new TargetRegistrar()).run(List.of(args), new CommandContext(
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                dir, false));
    }

    private static StaticRegistry builtIns() {
        StaticRegistry r = new StaticRegistry();
        for (DeliveryTarget t : BuiltInTargets.ALL) {
            TargetContribution c = () -> t;
            r.add(ContributionKind.TARGET, new Descriptor(t.id(), t.name(), t.category(), "Mixbench", "1.0.0"), c,
                    Map.of(TargetRegistrar.ORIGIN, "built in"));
        }
        return r;
    }

    @Test
    void theJsonListsEveryTargetWithTheFieldsOfTheContractStreamingFirst() throws Exception {
        assertEquals(0, run(builtIns(), "--json"));
        JsonNode targets = TargetJson.JSON.readTree(out.toByteArray()).get("targets");
        assertEquals(BuiltInTargets.ALL.size(), targets.size());
        assertEquals("amazon-music", targets.get(0).get("id").asText(), "streaming first, then by id");
        for (JsonNode t : targets) {
            for (String key : List.of("id", "name", "integrated_lufs", "tolerance_lu", "true_peak_dbtp",
                    "sample_rate", "bits", "format", "source")) {
                assertTrue(t.has(key), t.get("id") + " has " + key);
            }
        }
        JsonNode spotify = null;
        JsonNode cd = null;
        for (JsonNode t : targets) {
            spotify = t.get("id").asText().equals("spotify") ? t : spotify;
            cd = t.get("id").asText().equals("cd") ? t : cd;
        }
        assertEquals(-14.0, spotify.get("integrated_lufs").asDouble());
        assertTrue(spotify.get("sample_rate").isNull(), "null: the input's rate is kept");
        assertTrue(cd.get("integrated_lufs").isNull(), "null: no loudness goal");
        assertEquals(44_100, cd.get("sample_rate").asInt());
    }

    @Test
    void theTableShowsOneLinePerTarget() throws Exception {
        assertEquals(0, run(builtIns()));
        String table = out.toString(StandardCharsets.UTF_8);
        assertTrue(table.lines().anyMatch(l -> l.startsWith("spotify ") && l.contains("-14.0 ±1.0 LU")
                && l.contains("-1.0 dBTP") && l.contains("input")), table);
        assertTrue(table.lines().anyMatch(l -> l.startsWith("cd ") && l.contains("44100 Hz") && l.contains(" 16 ")),
                table);
    }

    @Test
    void aTargetFileIsReadWholeOrNotAtAll() throws Exception {
        Path good = Files.writeString(dir.resolve("radio.json"), "{\"targets\": [{\"id\": \"my-radio\", \"name\": "
                + "\"My Radio\", \"integrated_lufs\": -18, \"true_peak_dbtp\": -1.5, \"source\": \"spec\"}]}");
        assertEquals("my-radio", TargetRegistrar.readFile(good).get(0).id());
        Path bad = Files.writeString(dir.resolve("bad.json"), "{\"targets\": [{\"id\": \"ok\", \"name\": \"Ok\", "
                + "\"true_peak_dbtp\": -1, \"source\": \"s\"}, {\"id\": \"loud\", \"name\": \"Loud\", "
                + "\"true_peak_dbtp\": 6, \"source\": \"s\"}]}");
        assertEquals("targets[1] (loud).true_peak_dbtp: 6.0 is outside -20..0 dBTP", org.junit.jupiter.api.Assertions
                .assertThrows(java.io.IOException.class, () -> TargetRegistrar.readFile(bad)).getMessage());
    }

    @Test
    void anUnknownArgumentIsAUsageError() {
        org.junit.jupiter.api.Assertions.assertThrows(org.mixbench.api.command.UsageException.class,
                () -> run(builtIns(), "--yaml"));
    }
}
