package org.mixbench.mixing.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionDocumentTest {
    @TempDir
    Path dir;

    private static Session withFader(Session s, double db) {
        Session.Track t = s.tracks().get(0);
        Session.Strip st = t.strip();
        Session.Strip strip = new Session.Strip(st.trimDb(), st.invert(), st.inserts(), db, st.pan(), st.panLaw(),
                st.mute(), st.solo(), st.soloSafe(), st.output(), st.sends());
        return new Session(s.format(), s.version(), s.sampleRate(), s.tempo(), List.of(new Session.Track(t.id(),
                t.name(), t.clips(), strip, t.automation())), s.buses(), s.master());
    }

    private Path saved() throws Exception {
        Path file = dir.resolve("song.json");
        SessionFiles.write(file, new Session(Session.FORMAT, 1, 48_000, 120, List.of(new Session.Track("a", "A",
                null, null, null)), null, null));
        return file;
    }

    @Test
    void everyEditCanBeUndoneAndRedone() throws Exception {
        SessionDocument doc = SessionDocument.open(saved());
        doc.edit("Fader -3", s -> withFader(s, -3));
        doc.edit("Fader -6", s -> withFader(s, -6));
        assertEquals(-6, doc.session().tracks().get(0).strip().faderDb());
        assertEquals("Fader -6", doc.undoLabel().orElseThrow());
        assertTrue(doc.undo());
        assertEquals(-3, doc.session().tracks().get(0).strip().faderDb());
        assertTrue(doc.undo());
        assertEquals(0, doc.session().tracks().get(0).strip().faderDb());
        assertFalse(doc.undo());
        assertTrue(doc.redo());
        assertTrue(doc.redo());
        assertEquals(-6, doc.session().tracks().get(0).strip().faderDb());
        assertFalse(doc.redo());
        doc.undo();
        doc.edit("Fader -1", s -> withFader(s, -1));
        assertFalse(doc.redo(), "a new edit clears the redo stack");
    }

    @Test
    void anInvalidEditIsRefusedAndChangesNothing() throws Exception {
        SessionDocument doc = SessionDocument.open(saved());
        Session before = doc.session();
        assertThrows(SessionException.class, () -> doc.edit("Bad", s -> new Session(s.format(), 7, s.sampleRate(),
                s.tempo(), s.tracks(), s.buses(), s.master())));
        assertEquals(before, doc.session());
        assertTrue(doc.undoLabel().isEmpty());
    }

    @Test
    void editsAreAutosavedAndRecoveredAfterACrash() throws Exception {
        Path file = saved();
        Thread.sleep(20);
        SessionDocument doc = SessionDocument.open(file);
        doc.edit("Fader -9", s -> withFader(s, -9));
        assertTrue(Files.exists(SessionDocument.autosaveOf(file)));
        // Mixbench dies here without saving; the next start finds the autosave.
        SessionDocument reopened = SessionDocument.open(file);
        assertEquals(0, reopened.session().tracks().get(0).strip().faderDb());
        assertTrue(reopened.recoverable().isPresent());
        reopened.recover();
        assertEquals(-9, reopened.session().tracks().get(0).strip().faderDb());
        reopened.save();
        assertFalse(Files.exists(SessionDocument.autosaveOf(file)), "saving removes the autosave");
        assertFalse(reopened.dirty());
        assertEquals(-9, SessionFiles.read(file).tracks().get(0).strip().faderDb());
        assertTrue(SessionDocument.open(file).recoverable().isEmpty());
    }
}
