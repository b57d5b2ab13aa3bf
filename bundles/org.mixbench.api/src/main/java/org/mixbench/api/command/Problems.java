package org.mixbench.api.command;

import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Turns a failure into words a user can act on: no Java class names, control characters escaped, one line. For
 * every command's error line and for reports of processors that failed. Any thread.
 */
@ProviderType
public final class Problems {
    private static final int MAX_LENGTH = 2000;

    private Problems() {
    }

    /**
     * What went wrong, in words: {@code "no such file: a.wav"}, {@code "ran out of memory"}, {@code "not a number:
     * '99999999999'"}, else the failure's own message, else {@code "an internal error"}. Any thread.
     */
    public static String describe(Throwable failure) {
        if (failure == null) {
            return "an internal error";
        }
        String message = failure.getMessage();
        Throwable cause = failure.getCause();
        if (cause != null && cause != failure && (message == null || message.equals(cause.toString()))) {
            return describe(cause);
        }
        String text;
        if (failure instanceof NoSuchFileException e) {
            text = "no such file or folder: " + e.getFile();
        } else if (failure instanceof AccessDeniedException e) {
            text = "permission denied: " + e.getFile();
        } else if (failure instanceof FileAlreadyExistsException e) {
            text = "already exists: " + e.getFile();
        } else if (failure instanceof NotDirectoryException e) {
            text = "not a folder: " + e.getFile();
        } else if (failure instanceof DirectoryNotEmptyException e) {
            text = "folder not empty: " + e.getFile();
        } else if (failure instanceof FileSystemException e) {
            text = (e.getReason() == null ? "cannot use the file" : e.getReason()) + (e.getFile() == null ? ""
                    : ": " + e.getFile());
        } else if (failure instanceof OutOfMemoryError) {
            text = "ran out of memory";
        } else if (failure instanceof StackOverflowError) {
            text = "overflowed its stack (runaway recursion)";
        } else if (failure instanceof NumberFormatException) {
            text = "not a number" + (message == null ? "" : " (" + message.replace("For input string: ", "") + ")");
        } else if (failure instanceof NullPointerException) {
            text = "a missing value where one was needed";
        } else if (failure instanceof ArithmeticException) {
            text = "an arithmetic error" + (message == null ? "" : " (" + message + ")");
        } else if (failure instanceof IndexOutOfBoundsException || failure instanceof ArrayStoreException) {
            text = "an index out of range" + (message == null ? "" : " (" + message + ")");
        } else if (failure instanceof ClassCastException) {
            text = "a value of the wrong kind";
        } else if (failure instanceof LinkageError) {
            text = "a missing or incompatible part of a bundle" + (message == null ? "" : " (" + message + ")");
        } else if (message != null && !message.isBlank()) {
            text = message;
        } else {
            text = "an internal error";
        }
        return oneLine(text);
    }

    /**
     * {@code text} safe for a terminal, on one line: control characters (C0 but tab, DEL, C1) shown as {@code \xNN}
     * (line breaks as {@code \n}), at most a few hundred characters. For anything that may have come from a file or
     * another program. Any thread.
     */
    public static String oneLine(String text) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_LENGTH) + 8);
        for (int i = 0; i < text.length() && out.length() < MAX_LENGTH; i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if ((c < 0x20 && c != '\t') || (c >= 0x7f && c < 0xa0)) {
                out.append(String.format("\\x%02x", (int) c));
            } else {
                out.append(c);
            }
        }
        if (out.length() >= MAX_LENGTH && text.length() > MAX_LENGTH) {
            out.append("...");
        }
        return out.toString();
    }
}
