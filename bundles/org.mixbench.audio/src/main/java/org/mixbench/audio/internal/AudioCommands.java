package org.mixbench.audio.internal;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

import org.mixbench.api.audio.AudioFormatException;
import org.mixbench.api.command.Problems;
import org.mixbench.api.command.UsageException;

/**
 * What the audio commands share: turning file problems into one-line usage errors, text from files made safe for the
 * terminal, and time formatting. Stateless; the command thread.
 */
final class AudioCommands {
    private AudioCommands() {
    }

    /** A one-line error naming {@code file} and what is wrong with it. */
    static UsageException fileProblem(Path file, IOException e) {
        String what;
        if (e instanceof NoSuchFileException) {
            what = "no such file";
        } else if (e instanceof AccessDeniedException) {
            what = "permission denied";
        } else if (e instanceof AudioFormatException) {
            what = e.getMessage();
        } else {
            what = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        return new UsageException(shown(file + ": " + what), e);
    }

    /**
     * {@code text} as it may be printed: every control character (C0, tab included, DEL and C1) shown as a visible
     * escape such as {@code \x1b}, so that text taken from a file (a tag, a chunk id, a file name) cannot clear the
     * screen or move the cursor. Command thread.
     */
    static String shown(String text) {
        return Problems.oneLine(text.replace("\t", "\\t"));
    }

    /** {@code m:ss.mmm} (or {@code h:mm:ss.mmm}) for a frame position. */
    static String time(long frames, double rate) {
        double seconds = frames / rate;
        long whole = (long) seconds;
        long millis = Math.round((seconds - whole) * 1000);
        if (millis == 1000) {
            whole++;
            millis = 0;
        }
        long h = whole / 3600;
        long m = whole / 60 % 60;
        long s = whole % 60;
        return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d.%03d", h, m, s, millis)
                : String.format(Locale.ROOT, "%d:%02d.%03d", m, s, millis);
    }
}
