package org.mixbench.mixing.session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

import org.osgi.annotation.versioning.ProviderType;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
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

    /** The largest session file read (a session is text; this keeps a hostile file from filling the memory). */
    public static final long MAX_FILE_BYTES = 64L << 20;

    /**
     * Reads and validates {@code file}: a regular file (not a folder, pipe or device) of at most
     * {@value #MAX_FILE_BYTES} bytes holding a JSON object with {@code "format": "mixbench-session"}, every field
     * within its range (see {@link #validate}).
     */
    public static Session read(Path file) throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new SessionException("no such file");
        } catch (java.nio.file.AccessDeniedException e) {
            throw new SessionException("permission denied");
        }
        if (!attributes.isRegularFile()) {
            throw new SessionException("not a regular file (" + (attributes.isDirectory() ? "a folder" : "a pipe, "
                    + "device or socket") + ")");
        }
        if (attributes.size() > MAX_FILE_BYTES) {
            throw new SessionException("too large for a session file (" + attributes.size() + " bytes; at most "
                    + MAX_FILE_BYTES + ")");
        }
        Session session;
        try {
            byte[] bytes = Files.readAllBytes(file);
            JsonNode tree = JSON.readTree(bytes);
            if (tree == null || tree.isMissingNode() || !tree.isObject()) {
                throw new SessionException(tree == null || tree.isMissingNode() ? "empty session file"
                        : "not a Mixbench session (not a JSON object)");
            }
            if (!tree.has("format")) {
                throw new SessionException("not a Mixbench session (no \"format\" field)");
            }
            if (!tree.has("version")) {
                throw new SessionException("no \"version\" field");
            }
            session = JSON.readValue(bytes, Session.class);
        } catch (UnrecognizedPropertyException e) {
            throw new SessionException(where(e.getLocation()) + "unknown field '" + e.getPropertyName() + "'"
                    + path(e, 1));
        } catch (JsonProcessingException e) {
            throw new SessionException(where(e.getLocation()) + words(e.getOriginalMessage().lines().findFirst()
                    .orElse("not a session file")) + path(e, 0));
        }
        validate(session);
        return session;
    }

    private static String where(JsonLocation location) {
        return location == null || location.getLineNr() < 0 ? "" : "line " + location.getLineNr() + ": ";
    }

    private static final java.util.regex.Pattern TYPE = java.util.regex.Pattern.compile(
            "`?(?:[a-z][\\w]*\\.)+(?:\\w+\\$)*(\\w+)`?|`(\\w+)`");

    /** A parser message with Java type names turned into words ({@code `java.lang.Double`} to {@code number}). */
    static String words(String message) {
        java.util.regex.Matcher m = TYPE.matcher(message);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String type = m.group(1) != null ? m.group(1) : m.group(2);
            String word = switch (type) {
                case "String" -> "text";
                case "double", "Double", "float", "Float", "int", "Integer", "long", "Long", "Number" -> "number";
                case "boolean", "Boolean" -> "true or false";
                case "List", "ArrayList", "Collection" -> "list";
                case "Map", "LinkedHashMap", "HashMap" -> "object";
                default -> type.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
            };
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(word));
        }
        m.appendTail(out);
        return out.toString().replace("Enum class", "this field").replace("Cannot deserialize value of type",
                "expected a").replace("Cannot construct instance of", "cannot make a");
    }

    /** Where in the document the parser was, without the last {@code drop} steps: {@code " (at tracks[0].strip)"}. */
    private static String path(JsonProcessingException e, int drop) {
        if (e instanceof com.fasterxml.jackson.databind.JsonMappingException m && m.getPath().size() > drop) {
            StringBuilder at = new StringBuilder();
            for (com.fasterxml.jackson.databind.JsonMappingException.Reference r : m.getPath().subList(0,
                    m.getPath().size() - drop)) {
                if (r.getFieldName() != null) {
                    at.append(at.length() == 0 ? "" : ".").append(r.getFieldName());
                } else if (r.getIndex() >= 0) {
                    at.append('[').append(r.getIndex()).append(']');
                }
            }
            return at.length() == 0 ? "" : " (at " + at + ")";
        }
        return "";
    }

    /**
     * Checks that the session makes sense, naming the first problem with its path in the file
     * ({@code tracks[2].clips[0].position: ...}): format and version, rate and tempo, every number finite and
     * within its range ({@link Session} documents them), ids present, unique and without control characters, clip
     * and automation times within {@link Session#MAX_SECONDS}, known outputs, buses and automation targets, no bus
     * loops.
     */
    public static void validate(Session s) throws SessionException {
        SessionChecks.validate(s);
    }

    /**
     * A write plan that already reads {@code file} (the session) and every clip of {@code session}, resolved against
     * the session's folder, for a command or view that renders it: whatever it declares as outputs is then checked
     * against all of them. A clip path that is not a usable path is a {@link SessionException}. Any thread.
     */
    public static org.mixbench.api.command.WritePlan readsOf(Path file, Session session) throws SessionException {
        org.mixbench.api.command.WritePlan plan = new org.mixbench.api.command.WritePlan().reads(file,
                "it (the session)");
        Path base = file.toAbsolutePath().getParent();
        for (Session.Track t : session.tracks()) {
            for (Session.Clip clip : t.clips()) {
                try {
                    plan.reads(base.resolve(clip.file()), "it (a clip of track '" + t.id() + "')");
                } catch (java.nio.file.InvalidPathException e) {
                    throw new SessionException("track " + t.id() + ": '" + clip.file() + "' is not a usable path");
                }
            }
        }
        return plan;
    }

    /** A number as messages about session fields show it: {@code 500}, {@code 0.25}, {@code infinity}. */
    public static String number(double value) {
        return SessionChecks.number(value);
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
