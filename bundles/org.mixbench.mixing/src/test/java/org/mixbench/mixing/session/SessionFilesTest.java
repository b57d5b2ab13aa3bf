package org.mixbench.mixing.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionFilesTest {
    @TempDir
    Path dir;

    private static Session sample() {
        Session.Strip strip = new Session.Strip(-1.5, true, List.of(new Session.Insert("mixbench.eq", false,
                Map.of("band1.gain", 3.0), Map.of("note", "kept"))), -6, 0.25, Session.PanLaw.MINUS_4_5, false, true,
                false, "verb", List.of(new Session.Send("verb", -12, 0, true)));
        Session.Track track = new Session.Track("lead", "Lead", List.of(new Session.Clip("stems/lead.wav", 1.5, 0.25,
                10.0, -2, 0.01, 0.5, Session.FadeCurve.EXPONENTIAL)), strip, List.of(new Session.Lane("fader",
                        List.of(new Session.Point(0, -6, Session.Curve.LINEAR), new Session.Point(4, 0,
                                Session.Curve.HOLD)))));
        Session.Bus bus = new Session.Bus("verb", "Reverb", null, null);
        return new Session(Session.FORMAT, 1, 48_000, 96, List.of(track), List.of(bus), null);
    }

    @Test
    void aSessionSurvivesWritingAndReadingUnchanged() throws Exception {
        Path file = dir.resolve("s.json");
        SessionFiles.write(file, sample());
        assertEquals(sample(), SessionFiles.read(file));
        String json = Files.readString(file);
        assertTrue(json.contains("\"pan_law\" : \"-4.5\"") && json.contains("\"fade_curve\" : \"exponential\""),
                json);
        try (var left = Files.list(dir)) {
            assertEquals(1, left.count(), "no temporary file left");
        }
    }

    @Test
    void aMissingProcessorsStoredValuesAreKeptOnSave() throws Exception {
        Path file = dir.resolve("s.json");
        SessionFiles.write(file, sample());
        Session again = SessionFiles.read(file);
        SessionFiles.write(dir.resolve("t.json"), again);
        Session.Insert insert = SessionFiles.read(dir.resolve("t.json")).tracks().get(0).strip().inserts().get(0);
        assertEquals(Map.of("band1.gain", 3.0), insert.parameters());
        assertEquals(Map.of("note", "kept"), insert.data());
    }

    private String problem(String json) throws Exception {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, json);
        return assertThrows(SessionException.class, () -> SessionFiles.read(file)).getMessage();
    }

    @Test
    void badSessionsAreOneLineNamingThePlace() throws Exception {
        assertEquals("line 1: unknown field 'fadr_db'", problem(
                "{\"format\":\"mixbench-session\",\"version\":1,\"sample_rate\":48000,\"fadr_db\":3}"));
        assertTrue(problem("{\"format\":\"mixbench-session\",\"version\":1,\"sample_rate\":48000,\"tracks\":"
                + "[{\"id\":\"a\",\"strip\":{\"output\":\"nowhere\"}}]}").startsWith(
                        "tracks[0].strip.output: no bus 'nowhere'"));
        assertTrue(problem("{\"format\":\"mixbench-session\",\"version\":1,\"sample_rate\":48000,\"buses\":"
                + "[{\"id\":\"a\",\"strip\":{\"output\":\"b\"}},{\"id\":\"b\",\"strip\":{\"output\":\"a\"}}]}")
                .contains("feeds itself"));
        assertTrue(problem("{\"format\":\"mixbench-session\",\"version\":1,\"sample_rate\":48000,\"buses\":"
                + "[{\"id\":\"a\",\"strip\":{\"sends\":[{\"bus\":\"b\"}]}},{\"id\":\"b\",\"strip\":"
                + "{\"output\":\"a\"}}]}").endsWith("buses: 'a' feeds itself through a -> b -> a"),
                "a loop through a send");
        assertTrue(problem("{\"format\":\"something-else\",\"version\":1,\"sample_rate\":48000}")
                .startsWith("not a Mixbench session"));
        assertTrue(problem("{\"format\":\"mixbench-session\",\"version\":9,\"sample_rate\":48000}")
                .contains("version 9"));
        assertTrue(problem("not json").startsWith("line 1: "));
        assertEquals(1, problem("{\"format\":\"mixbench-session\",\"version\":1,\"sample_rate\":48000,\"tracks\":"
                + "[{\"id\":\"a\",\"automation\":[{\"target\":\"warp\"}]}]}").lines().count());
    }
}
