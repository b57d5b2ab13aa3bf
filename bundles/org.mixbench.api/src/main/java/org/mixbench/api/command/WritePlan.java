package org.mixbench.api.command;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The files one run of a command reads and the files it will write, checked together before any work starts, so
 * that a refused run costs nothing and writes nothing. A command declares every input ({@link #reads}) and every
 * output ({@link #writes}, {@link #writesNamed} for a file named after an id inside a folder the user gave), then
 * calls {@link #check()}, which refuses (as a {@link UsageException}: one line, exit status 2):
 * <ul>
 * <li>an output that is, or would replace, any input of the run, whatever the links (symbolic or hard);</li>
 * <li>two outputs that would land on the same file (also when their names differ only in case, so that a folder of
 * stems survives being copied to a case-insensitive disk);</li>
 * <li>an output that exists and is not a regular file, or whose folder cannot be created;</li>
 * <li>outputs that need more space than their file systems have free (from the sizes the command estimates).</li>
 * </ul>
 * Ids are turned into file names by {@link #fileNameFor(String)}, which keeps every name inside its folder. Not
 * thread-safe: the command thread builds and checks one plan.
 */
@ProviderType
public final class WritePlan {
    /** The longest file name (in characters, before the extension) {@link #fileNameFor} makes. */
    public static final int MAX_NAME = 120;

    private final List<Entry> inputs = new ArrayList<>();
    private final List<Entry> outputs = new ArrayList<>();
    private final List<Path> folders = new ArrayList<>();

    private record Entry(Path path, String shown, long bytes, String id) {
    }

    /** An empty plan. Command thread. */
    public WritePlan() {
    }

    /**
     * Declares {@code file} as read by this run ({@code shown} is how the user named it). Inputs that do not exist
     * are kept (they cannot be overwritten, and the command reports them itself). Command thread.
     */
    public WritePlan reads(Path file, String shown) {
        inputs.add(new Entry(file.toAbsolutePath().normalize(), shown, 0, null));
        return this;
    }

    /**
     * Declares {@code file} as an output of about {@code bytes} bytes (0 when unknown) and returns its absolute path.
     * Command thread.
     */
    public Path writes(Path file, String shown, long bytes) {
        Path absolute = file.toAbsolutePath().normalize();
        outputs.add(new Entry(absolute, shown, Math.max(0, bytes), null));
        return absolute;
    }

    /**
     * Declares the output {@code folder/fileNameFor(id).extension} ({@code folder} created by {@link #createFolders()}
     * when missing; messages show it as {@code shownFolder}, the user's words) of about {@code bytes} bytes and
     * returns its path. Command thread.
     */
    public Path writesNamed(Path folder, String shownFolder, String id, String extension, long bytes) {
        Path dir = folder.toAbsolutePath().normalize();
        if (!folders.contains(dir)) {
            folders.add(dir);
        }
        String name = fileNameFor(id) + "." + extension;
        Path file = dir.resolve(name);
        outputs.add(new Entry(file, shownFolder.isEmpty() ? name : Path.of(shownFolder).resolve(name).toString(),
                Math.max(0, bytes), id));
        return file;
    }

    /**
     * A file name for {@code id} that stays inside its folder on any common file system: letters, digits, {@code -},
     * {@code _}, {@code +}, {@code .}, spaces and {@code ,} are kept, anything else (path separators, control
     * characters, shell and Windows-reserved characters) becomes {@code _}; leading dots and spaces, trailing dots
     * and spaces are dropped; at most {@value #MAX_NAME} characters; never empty. Ids that differ only in the
     * characters replaced can get the same name: {@link #check()} refuses such collisions. Any thread.
     */
    public static String fileNameFor(String id) {
        StringBuilder name = new StringBuilder();
        String text = id == null ? "" : id;
        text.codePoints().forEach(c -> {
            boolean keep = Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '+' || c == '.' || c == ' '
                    || c == ',';
            name.appendCodePoint(keep ? c : '_');
        });
        int start = 0;
        while (start < name.length() && (name.charAt(start) == '.' || name.charAt(start) == ' ')) {
            start++;
        }
        int end = name.length();
        while (end > start && (name.charAt(end - 1) == '.' || name.charAt(end - 1) == ' ')) {
            end--;
        }
        String result = name.substring(start, end);
        if (result.codePointCount(0, result.length()) > MAX_NAME) {
            result = result.substring(0, result.offsetByCodePoints(0, MAX_NAME));
        }
        return result.isEmpty() ? "_" : result;
    }

    /**
     * Checks the plan (see the class comment); throws a {@link UsageException} naming the first problem. Reads the
     * file system, writes nothing. Command thread.
     */
    public void check() {
        for (Path dir : folders) {
            if (Files.exists(dir) && !Files.isDirectory(dir)) {
                throw new UsageException(dir + ": not a folder");
            }
            if (!Files.exists(dir)) {
                Path existing = dir.getParent();
                while (existing != null && !Files.exists(existing)) {
                    existing = existing.getParent();
                }
                if (existing == null || !Files.isDirectory(existing) || !Files.isWritable(existing)) {
                    throw new UsageException(dir + ": cannot create the folder (" + (existing == null ? "no parent"
                            : existing + " is not a writable folder") + ")");
                }
            }
        }
        Map<String, Entry> byKey = new HashMap<>();
        for (Entry out : outputs) {
            Path parent = out.path().getParent();
            if (!folders.contains(parent) && (parent == null || !Files.isDirectory(parent))) {
                throw new UsageException(out.shown() + ": no such folder " + parent);
            }
            if (Files.exists(out.path(), LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(out.path())
                    && !Files.isSymbolicLink(out.path())) {
                throw new UsageException(out.shown() + ": exists and is not a regular file");
            }
            for (Entry in : inputs) {
                if (same(out.path(), in.path())) {
                    throw new UsageException(out.shown() + ": this run reads " + (in.shown().equals(out.shown())
                            ? "that file" : in.shown()) + "; writing it would destroy it, so nothing was done; "
                            + "choose another output");
                }
            }
            String key = canonical(out.path()).toString().toLowerCase(Locale.ROOT);
            Entry earlier = byKey.putIfAbsent(key, out);
            if (earlier != null) {
                throw new UsageException(describe(earlier) + " and " + describe(out) + " would both be written to "
                        + out.path().getFileName() + (earlier.path().equals(out.path()) ? ""
                                : " (their names differ only in case)") + "; give them distinct ids or outputs");
            }
        }
        checkSpace();
    }

    /** Creates the folders of {@link #writesNamed} outputs; call after {@link #check()}. Command thread. */
    public void createFolders() throws IOException {
        for (Path dir : folders) {
            Files.createDirectories(dir);
        }
    }

    private static String describe(Entry e) {
        return e.id() == null ? e.shown() : "'" + e.id() + "'";
    }

    /**
     * Only the free-space part of {@link #check()}: whether the outputs, at the sizes declared, fit on their file
     * systems (for a command that learns the sizes after its other checks). Command thread.
     */
    public void checkSpace() {
        Map<FileStore, long[]> need = new LinkedHashMap<>();
        Map<FileStore, Path> where = new HashMap<>();
        for (Entry out : outputs) {
            if (out.bytes() == 0) {
                continue;
            }
            Path existing = out.path().getParent();
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            if (existing == null) {
                continue;
            }
            try {
                FileStore store = Files.getFileStore(existing);
                need.computeIfAbsent(store, s -> new long[1])[0] += out.bytes();
                where.putIfAbsent(store, existing);
            } catch (IOException e) {
                // a store we cannot ask about is written to and fails cleanly if it fills up
            }
        }
        for (Map.Entry<FileStore, long[]> e : need.entrySet()) {
            long free;
            try {
                free = e.getKey().getUsableSpace();
            } catch (IOException ex) {
                continue;
            }
            if (e.getValue()[0] > free) {
                throw new UsageException(where.get(e.getKey()) + ": the outputs need about " + size(e.getValue()[0])
                        + " but only " + size(free) + " is free there");
            }
        }
    }

    /** A size in words: {@code 1.2 GB}. Any thread. */
    public static String size(long bytes) {
        if (bytes < 1000) {
            return bytes + " bytes";
        }
        String[] units = {"kB", "MB", "GB", "TB", "PB"};
        double v = bytes;
        int u = -1;
        while (v >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }

    /** Whether writing {@code out} would replace or write through {@code in}. */
    private static boolean same(Path out, Path in) {
        if (out.equals(in)) {
            return true;
        }
        try {
            if (Files.exists(out) && Files.exists(in) && Files.isSameFile(out, in)) {
                return true;
            }
        } catch (IOException e) {
            // compared by name below
        }
        return canonical(out).equals(canonical(in));
    }

    /** The path with its longest existing prefix resolved to its real path (links followed). */
    private static Path canonical(Path p) {
        Path existing = p;
        List<Path> rest = new ArrayList<>();
        while (existing != null && !Files.exists(existing)) {
            rest.add(0, existing.getFileName());
            existing = existing.getParent();
        }
        if (existing == null) {
            return p;
        }
        try {
            Path real = existing.toRealPath();
            for (Path part : rest) {
                real = real.resolve(part);
            }
            return real;
        } catch (IOException | InvalidPathException e) {
            return p;
        }
    }
}
