package org.mixbench.mixing.session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Reads, validates and writes session files. Reading reports the first problem as one line with its place in the
 * file; writing is atomic (a temporary file beside the target, then a rename). Any thread.
 */
@ProviderType
public final class SessionFiles {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
            .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, false)
            .configure(SerializationFeature.INDENT_OUTPUT, true);

    private SessionFiles() {
    }

    /** Reads and validates {@code file}. */
    public static Session read(Path file) throws IOException {
        Session session;
        try {
            session = JSON.readValue(Files.readAllBytes(file), Session.class);
        } catch (NoSuchFileException e) {
            throw new SessionException("no such file");
        } catch (UnrecognizedPropertyException e) {
            throw new SessionException(where(e.getLocation()) + "unknown field '" + e.getPropertyName() + "'");
        } catch (JsonProcessingException e) {
            throw new SessionException(where(e.getLocation()) + e.getOriginalMessage().lines().findFirst()
                    .orElse("not a session file"));
        }
        if (session == null) {
            throw new SessionException("empty session file");
        }
        validate(session);
        return session;
    }

    private static String where(JsonLocation location) {
        return location == null || location.getLineNr() < 0 ? "" : "line " + location.getLineNr() + ": ";
    }

    /** Checks that the session makes sense: format, rate, unique ids, known outputs and buses, no bus loops. */
    public static void validate(Session s) throws SessionException {
        if (!Session.FORMAT.equals(s.format())) {
            throw new SessionException("not a Mixbench session (format is '" + s.format() + "')");
        }
        if (s.version() < 1 || s.version() > Session.VERSION) {
            throw new SessionException("session format version " + s.version() + " is not supported (this Mixbench "
                    + "reads version " + Session.VERSION + ")");
        }
        if (!(s.sampleRate() >= 8000 && s.sampleRate() <= 384_000)) {
            throw new SessionException("sample_rate " + s.sampleRate() + " is outside 8000..384000");
        }
        Set<String> ids = new HashSet<>();
        Map<String, String> busOutputs = new HashMap<>();
        for (int i = 0; i < s.buses().size(); i++) {
            Session.Bus b = s.buses().get(i);
            if (b.id() == null || b.id().isBlank() || b.id().equals("master") || !ids.add(b.id())) {
                throw new SessionException("buses[" + i + "]: missing, reserved or duplicate id '" + b.id() + "'");
            }
            busOutputs.put(b.id(), b.strip().output());
        }
        for (int i = 0; i < s.tracks().size(); i++) {
            Session.Track t = s.tracks().get(i);
            String at = "tracks[" + i + "]";
            if (t.id() == null || t.id().isBlank() || t.id().equals("master") || !ids.add(t.id())) {
                throw new SessionException(at + ": missing, reserved or duplicate id '" + t.id() + "'");
            }
            strip(at, t.strip(), busOutputs.keySet());
            for (int c = 0; c < t.clips().size(); c++) {
                Session.Clip clip = t.clips().get(c);
                String cat = at + ".clips[" + c + "]";
                if (clip.file() == null || clip.file().isBlank()) {
                    throw new SessionException(cat + ".file: missing");
                }
                if (clip.position() < 0 || clip.offset() < 0 || (clip.length() != null && clip.length() < 0)
                        || clip.fadeIn() < 0 || clip.fadeOut() < 0) {
                    throw new SessionException(cat + ": negative position, offset, length or fade");
                }
            }
            lanes(at, t.automation(), t.strip());
        }
        for (int i = 0; i < s.buses().size(); i++) {
            Session.Bus b = s.buses().get(i);
            strip("buses[" + i + "]", b.strip(), busOutputs.keySet());
            lanes("buses[" + i + "]", b.automation(), b.strip());
        }
        lanes("master", s.master().automation(), s.master().strip());
        for (Session.Bus b : s.buses()) {
            List<String> next = new java.util.ArrayList<>(List.of(b.strip().output()));
            b.strip().sends().forEach(send -> next.add(send.bus()));
            for (String n : next) {
                java.util.Optional<List<String>> back = s.feedPath(n, b.id());
                if (back.isPresent()) {
                    throw new SessionException("buses: '" + b.id() + "' feeds itself through " + b.id() + " -> "
                            + String.join(" -> ", back.get()));
                }
            }
        }
    }

    private static void strip(String at, Session.Strip strip, Set<String> buses) throws SessionException {
        if (!strip.output().equals("master") && !buses.contains(strip.output())) {
            throw new SessionException(at + ".strip.output: no bus '" + strip.output() + "'");
        }
        if (strip.pan() < -1 || strip.pan() > 1) {
            throw new SessionException(at + ".strip.pan: " + strip.pan() + " is outside -1..1");
        }
        for (int i = 0; i < strip.sends().size(); i++) {
            Session.Send send = strip.sends().get(i);
            if (send.bus() == null || !buses.contains(send.bus())) {
                throw new SessionException(at + ".strip.sends[" + i + "]: no bus '" + send.bus() + "'");
            }
        }
        for (int i = 0; i < strip.inserts().size(); i++) {
            if (strip.inserts().get(i).processor() == null) {
                throw new SessionException(at + ".strip.inserts[" + i + "].processor: missing");
            }
        }
    }

    private static void lanes(String at, List<Session.Lane> lanes, Session.Strip strip) throws SessionException {
        for (int i = 0; i < lanes.size(); i++) {
            Session.Lane lane = lanes.get(i);
            String where = at + ".automation[" + i + "]";
            String target = lane.target() == null ? "" : lane.target();
            boolean known = target.equals("fader") || target.equals("pan") || target.equals("mute")
                    || target.equals("trim") || target.startsWith("send:") || target.matches("insert:\\d+:.+");
            if (!known) {
                throw new SessionException(where + ".target: unknown target '" + target + "'");
            }
            if (target.startsWith("send:") && strip.sends().stream().noneMatch(s -> s.bus().equals(
                    target.substring(5)))) {
                throw new SessionException(where + ".target: no send to '" + target.substring(5) + "'");
            }
            if (target.startsWith("insert:")) {
                int slot = Integer.parseInt(target.split(":")[1]);
                if (slot >= strip.inserts().size()) {
                    throw new SessionException(where + ".target: no insert slot " + slot);
                }
            }
            double previous = Double.NEGATIVE_INFINITY;
            for (Session.Point p : lane.points()) {
                if (!(p.time() >= previous) || !Double.isFinite(p.value())) {
                    throw new SessionException(where + ".points: times must increase and values be finite");
                }
                previous = p.time();
            }
        }
    }

    /** The session as JSON text. */
    public static String toJson(Session session) throws IOException {
        return JSON.writeValueAsString(session);
    }

    /** Writes {@code session} to {@code file} atomically. */
    public static void write(Path file, Session session) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temporary = Files.createTempFile(dir, "." + file.getFileName() + ".", ".partial");
        try {
            Files.writeString(temporary, toJson(session) + "\n");
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
