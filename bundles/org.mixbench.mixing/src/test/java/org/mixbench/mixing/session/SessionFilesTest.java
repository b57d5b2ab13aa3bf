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

    private static final String HEAD = "{\"format\":\"mixbench-session\",\"version\":1,\"sample_rate\":48000,";

    @Test
    void nonFiniteAndOutOfRangeNumbersAreRefusedWithTheirPath() throws Exception {
        assertEquals("tracks[0].strip.fader_db: infinity is not a finite number", problem(HEAD
                + "\"tracks\":[{\"id\":\"a\",\"strip\":{\"fader_db\":1e400}}]}"));
        assertEquals("tracks[0].strip.fader_db: 500 is outside -144..12 dB", problem(HEAD
                + "\"tracks\":[{\"id\":\"a\",\"strip\":{\"fader_db\":500}}]}"));
        assertEquals("tracks[0].clips[0].position: infinity is not a finite number", problem(HEAD
                + "\"tracks\":[{\"id\":\"a\",\"clips\":[{\"file\":\"a.wav\",\"position\":1e400}]}]}"));
        assertEquals("tracks[0].clips[0].position: 259200 is outside 0..86400 s", problem(HEAD
                + "\"tracks\":[{\"id\":\"a\",\"clips\":[{\"file\":\"a.wav\",\"position\":259200}]}]}"));
        assertEquals("tracks[0].clips[0].gain_db: infinity is not a finite number", problem(HEAD
                + "\"tracks\":[{\"id\":\"a\",\"clips\":[{\"file\":\"a.wav\",\"gain_db\":1e999}]}]}"));
        assertEquals("tracks[0].strip.sends[0].level_db: 40 is outside -144..12 dB", problem(HEAD
                + "\"buses\":[{\"id\":\"v\"}],\"tracks\":[{\"id\":\"a\",\"strip\":{\"sends\":"
                + "[{\"bus\":\"v\",\"level_db\":40}]}}]}"));
        assertEquals("tempo: 100000 is outside 20..999 bpm", problem(HEAD + "\"tempo\":1e5}"));
        assertEquals("tracks[0].automation[0].points[1].time: 1000000 is outside 0..86400 s", problem(HEAD
                + "\"tracks\":[{\"id\":\"a\",\"automation\":[{\"target\":\"fader\",\"points\":"
                + "[{\"time\":0,\"value\":0},{\"time\":1e6,\"value\":0}]}]}]}"));
        assertEquals("tracks[0].automation[0].points[0].value: 3 is outside -1..1", problem(HEAD
                + "\"tracks\":[{\"id\":\"a\",\"automation\":[{\"target\":\"pan\",\"points\":"
                + "[{\"time\":0,\"value\":3}]}]}]}"));
        assertEquals("tracks[0].strip.inserts[0].parameters.gain: infinity is not a finite number", problem(HEAD
                + "\"tracks\":[{\"id\":\"a\",\"strip\":{\"inserts\":[{\"processor\":\"p\",\"parameters\":"
                + "{\"gain\":1e400}}]}}]}"));
    }

    @Test
    void aMissingFormatFieldIsRefused() throws Exception {
        assertEquals("not a Mixbench session (no \"format\" field)", problem(
                "{\"version\":1,\"sample_rate\":48000}"));
        assertEquals("not a Mixbench session (not a JSON object)", problem("[1,2]"));
    }

    @Test
    void nullsAndHostileIdsAndTargetsAreNamedInWords() throws Exception {
        String nullTrack = problem(HEAD + "\"tracks\":[null]}");
        assertEquals("tracks[0]: null instead of a track", nullTrack);
        assertEquals("tracks[0].clips[0]: null instead of a clip", problem(HEAD
                + "\"tracks\":[{\"id\":\"a\",\"clips\":[null]}]}"));
        assertEquals("tracks[0].id: contains a control character (code 0)", problem(HEAD
                + "\"tracks\":[{\"id\":\"a\\u0000b\"}]}"));
        assertEquals("tracks[0].automation[0].target: unknown target 'insert:99999999999:x' (fader, pan, mute, "
                + "trim, send:BUS or insert:SLOT:PARAMETER)", problem(HEAD
                + "\"tracks\":[{\"id\":\"a\",\"automation\":[{\"target\":\"insert:99999999999:x\"}]}]}"));
        String badEnum = problem(HEAD + "\"tracks\":[{\"id\":\"a\",\"clips\":[{\"file\":\"a.wav\","
                + "\"fade_curve\":\"wobbly\"}]}]}");
        String badType = problem(HEAD + "\"tracks\":[{\"id\":\"a\",\"strip\":{\"fader_db\":\"loud\"}}]}");
        for (String m : List.of(nullTrack, badEnum, badType)) {
            assertTrue(!m.matches("(?s).*(Exception|java\\.|org\\.mixbench|\\$).*"), m);
        }
        assertTrue(badType.endsWith("(at tracks[0].strip.fader_db)"), badType);
    }

    @Test
    void aFolderOrAPipeIsNotARegularFileAndIsRefusedAtOnce() throws Exception {
        assertEquals("not a regular file (a folder)", assertThrows(SessionException.class,
                () -> SessionFiles.read(dir)).getMessage());
        Path fifo = dir.resolve("pipe.json");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertEquals(0, mk.waitFor());
        assertEquals("not a regular file (a pipe, device or socket)", org.junit.jupiter.api.Assertions
                .assertTimeoutPreemptively(java.time.Duration.ofSeconds(10), () -> assertThrows(
                        SessionException.class, () -> SessionFiles.read(fifo)).getMessage()));
    }
}
