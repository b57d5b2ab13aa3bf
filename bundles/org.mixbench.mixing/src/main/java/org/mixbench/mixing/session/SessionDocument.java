package org.mixbench.mixing.session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.osgi.annotation.versioning.ProviderType;

/**
 * An open session being edited: every edit is a function from one immutable {@link Session} to the next, so undo and
 * redo are stacks of whole sessions (cheap: unchanged parts are shared). After each edit the session is written to
 * an autosave file beside it ({@code .NAME.autosave.json}); saving writes the file atomically and removes the
 * autosave. When a session is opened and its autosave is newer than the file (Mixbench did not close cleanly),
 * {@link #recoverable()} offers the autosaved session. Thread: the UI thread (or one editing thread).
 */
@ProviderType
public final class SessionDocument {
    private static final int UNDO_LIMIT = 500;

    private final Path file;
    private Session session;
    private final Deque<Entry> undo = new ArrayDeque<>();
    private final Deque<Entry> redo = new ArrayDeque<>();
    private boolean dirty;

    /** A session and the edit that produced the next one. */
    private record Entry(Session session, String label) {
    }

    private SessionDocument(Path file, Session session) {
        this.file = file;
        this.session = session;
    }

    /** Opens {@code file}. */
    public static SessionDocument open(Path file) throws IOException {
        return new SessionDocument(file, SessionFiles.read(file));
    }

    /** A new document for {@code session}, to be saved as {@code file}. */
    public static SessionDocument create(Path file, Session session) throws SessionException {
        SessionFiles.validate(session);
        SessionDocument d = new SessionDocument(file, session);
        d.dirty = true;
        return d;
    }

    /** The autosave file of {@code file}. */
    public static Path autosaveOf(Path file) {
        return file.resolveSibling("." + file.getFileName() + ".autosave.json");
    }

    /** The session now. */
    public Session session() {
        return session;
    }

    /** The session file. */
    public Path file() {
        return file;
    }

    /** Whether there are changes not saved. */
    public boolean dirty() {
        return dirty;
    }

    /**
     * Applies {@code edit}; a result that does not validate is refused with a {@link SessionException} and changes
     * nothing. Clears the redo stack and autosaves.
     */
    public void edit(String label, UnaryOperator<Session> edit) throws IOException {
        Session next = edit.apply(session);
        SessionFiles.validate(next);
        undo.push(new Entry(session, label));
        if (undo.size() > UNDO_LIMIT) {
            undo.removeLast();
        }
        redo.clear();
        session = next;
        dirty = true;
        autosave();
    }

    /** The label of the edit {@link #undo} would take back, if any. */
    public Optional<String> undoLabel() {
        return undo.isEmpty() ? Optional.empty() : Optional.of(undo.peek().label());
    }

    /** The label of the edit {@link #redo} would apply again, if any. */
    public Optional<String> redoLabel() {
        return redo.isEmpty() ? Optional.empty() : Optional.of(redo.peek().label());
    }

    /** Takes back the last edit; false when there is none. */
    public boolean undo() throws IOException {
        if (undo.isEmpty()) {
            return false;
        }
        Entry e = undo.pop();
        redo.push(new Entry(session, e.label()));
        session = e.session();
        dirty = true;
        autosave();
        return true;
    }

    /** Applies the last undone edit again; false when there is none. */
    public boolean redo() throws IOException {
        if (redo.isEmpty()) {
            return false;
        }
        Entry e = redo.pop();
        undo.push(new Entry(session, e.label()));
        session = e.session();
        dirty = true;
        autosave();
        return true;
    }

    /** Writes the session atomically and removes the autosave. */
    public void save() throws IOException {
        SessionFiles.write(file, session);
        Files.deleteIfExists(autosaveOf(file));
        dirty = false;
    }

    private void autosave() throws IOException {
        SessionFiles.write(autosaveOf(file), session);
    }

    /** The autosaved session, when an autosave newer than the file exists (a crash before saving). */
    public Optional<Session> recoverable() throws IOException {
        Path autosave = autosaveOf(file);
        if (!Files.exists(autosave)) {
            return Optional.empty();
        }
        if (Files.exists(file) && Files.getLastModifiedTime(autosave).compareTo(Files.getLastModifiedTime(file)) < 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(SessionFiles.read(autosave));
        } catch (SessionException e) {
            return Optional.empty();
        }
    }

    /** Replaces the session with the recovered one (an undoable edit). */
    public void recover() throws IOException {
        Optional<Session> recovered = recoverable();
        if (recovered.isPresent()) {
            Session s = recovered.get();
            edit("Recover autosaved session", old -> s);
        }
    }
}
