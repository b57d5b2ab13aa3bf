package org.mixbench.format.pcm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Refuses, before anything opens it, a path that is not a regular file: opening a named pipe for reading blocks
 * until another program writes to it (a command would hang until killed), a device may never end, and a folder
 * holds no audio. Looks at the file's type only (links followed); never opens it. Stateless; any thread (the readers
 * and the commands call it on their own thread, before they open the file).
 */
public final class RegularFiles {
    private static final int TYPE_MASK = 0170000;
    private static final int PIPE = 0010000;
    private static final int CHARACTER_DEVICE = 0020000;
    private static final int BLOCK_DEVICE = 0060000;
    private static final int SOCKET = 0140000;

    private RegularFiles() {
    }

    /**
     * Returns quietly when {@code file} is a regular file (or a link to one). A missing file is a
     * {@link NoSuchFileException} with the reason {@code "no such file"}; anything else that is not a regular file is
     * an {@link IOException} whose one-line message says what it is, without the file name: {@code "not a regular
     * file (a named pipe)"}, {@code "(a folder)"}, {@code "(a device)"}, {@code "(a socket)"}. Any thread; does not
     * block on pipes or devices.
     */
    public static void require(Path file) throws IOException {
        String kind = kind(file);
        if (kind != null) {
            throw new IOException("not a regular file" + (kind.isEmpty() ? "" : " (" + kind + ")"));
        }
    }

    /**
     * What {@code file} is when it is not a regular file: {@code "a folder"}, {@code "a named pipe"}, {@code "a
     * device"}, {@code "a socket"}, or {@code ""} when the system does not say; {@code null} for a regular file. A
     * missing file is a {@link NoSuchFileException} with the reason {@code "no such file"}. Any thread.
     */
    public static String kind(Path file) throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString(), null, "no such file");
        }
        if (attributes.isRegularFile()) {
            return null;
        }
        if (attributes.isDirectory()) {
            return "a folder";
        }
        int mode;
        try {
            mode = (Integer) Files.getAttribute(file, "unix:mode");
        } catch (UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            return "";
        }
        return switch (mode & TYPE_MASK) {
            case PIPE -> "a named pipe";
            case CHARACTER_DEVICE, BLOCK_DEVICE -> "a device";
            case SOCKET -> "a socket";
            default -> "";
        };
    }
}
