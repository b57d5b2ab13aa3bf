package org.mixbench.launch;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.felix.framework.Felix;
import org.mixbench.launch.Main.LaunchException;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;

/**
 * A running Mixbench product: Felix started with every bundle of {@code bundle/}, FileInstall watching the plugins
 * folder, and a private temporary framework cache. Used by the launcher and by tests that drive the real product.
 * Closing it stops the framework and removes the cache. Not thread-safe; one owner.
 *
 * <p>The cache is {@code mixbench-felix-PID-RANDOM} in {@code java.io.tmpdir}, PID being this process's id. A
 * shutdown hook removes it when the JVM ends by a signal (Ctrl-C, {@code kill}) while the product runs; what a
 * {@code kill -9} or a crash leaves is removed by the next start, which deletes every such folder whose process is
 * gone (and folders of the older name without a PID, {@code mixbench-felix-RANDOM}, a day after they last changed).
 */
public final class Product implements AutoCloseable {
    private static final String CACHE_PREFIX = "mixbench-felix-";
    /** A cache named by this launcher: the owner's process id, then the random part. */
    private static final Pattern CACHE = Pattern.compile("mixbench-felix-([0-9]{1,18})-[0-9]{1,20}");
    /** A cache named by launchers before the process id was part of the name. */
    private static final Pattern OLD_CACHE = Pattern.compile("mixbench-felix-[0-9]{1,20}");
    private static final Duration OLD_CACHE_AGE = Duration.ofDays(1);

    private final Felix felix;
    private final Path storage;
    private final PrintStream err;
    private final Thread cleanup;

    private Product(Felix felix, Path storage, PrintStream err, Thread cleanup) {
        this.felix = felix;
        this.storage = storage;
        this.err = err;
        this.cleanup = cleanup;
    }

    /**
     * Starts the product in {@code home}. {@code overrides} replace framework properties (for example
     * {@code mixbench.plugins} to watch another folder). Problems with single bundles are reported on {@code err}
     * and do not stop the start.
     */
    public static Product start(Path home, Map<String, String> overrides, PrintStream err) throws LaunchException {
        Path temporary = Paths.get(System.getProperty("java.io.tmpdir"));
        sweepStaleCaches(temporary, Instant.now());
        Path storage;
        try {
            storage = Files.createTempDirectory(temporary, CACHE_PREFIX + ProcessHandle.current().pid() + "-");
        } catch (IOException | RuntimeException e) {
            throw new LaunchException("cannot create a temporary folder for the framework cache: " + e.getMessage());
        }
        Thread cleanup = new Thread(() -> Main.deleteTree(storage), "mixbench-cache-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        Felix felix;
        try {
            felix = new Felix(Main.configuration(home, storage, overrides));
        } catch (LaunchException | RuntimeException e) {
            forget(cleanup);
            Main.deleteTree(storage);
            throw e;
        }
        Product product = new Product(felix, storage, err, cleanup);
        try {
            felix.init();
            Main.mark("framework initialised");
            List<Bundle> installed = Main.install(felix.getBundleContext(), home.resolve("bundle"), err);
            Main.mark("bundles installed");
            felix.start();
            Main.startAll(installed, err);
            Main.mark("bundles started");
            return product;
        } catch (BundleException | RuntimeException e) {
            product.close();
            throw new LaunchException("the framework could not start: " + e.getMessage());
        }
    }

    /** The system bundle's context, from which tests see every service and bundle. */
    public BundleContext context() {
        return felix.getBundleContext();
    }

    /** Stops the framework (waiting up to 10 s) and deletes its cache. Called by the owner's thread. */
    @Override
    public void close() {
        try {
            felix.stop();
            felix.waitForStop(10_000);
        } catch (BundleException | InterruptedException e) {
            err.println("mixbench: the framework did not stop cleanly: " + e.getMessage());
        }
        Main.deleteTree(storage);
        forget(cleanup);
    }

    private static void forget(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook deletes the cache (again) and that is harmless
        }
    }

    /**
     * Deletes the framework caches in {@code temporary} left by runs that ended without cleaning up (killed, crashed):
     * folders named {@code mixbench-felix-PID-RANDOM} whose process {@code PID} no longer runs, and folders of the
     * older name {@code mixbench-felix-RANDOM} last changed more than a day before {@code now}. A live run's cache,
     * links, files and every other name are left alone. Returns the folders deleted. Called on the thread that starts
     * the product; best effort, never fails.
     */
    static List<Path> sweepStaleCaches(Path temporary, Instant now) {
        List<Path> deleted = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(temporary, CACHE_PREFIX + "*")) {
            for (Path entry : entries) {
                if (isStale(entry, now)) {
                    Main.deleteTree(entry);
                    deleted.add(entry);
                }
            }
        } catch (IOException | RuntimeException e) {
            // an unreadable temporary folder: the next start tries again
        }
        return deleted;
    }

    private static boolean isStale(Path entry, Instant now) throws IOException {
        if (!Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        String name = entry.getFileName().toString();
        Matcher current = CACHE.matcher(name);
        if (current.matches()) {
            long pid = Long.parseLong(current.group(1));
            return pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).isEmpty();
        }
        if (OLD_CACHE.matcher(name).matches()) {
            Instant changed = Files.getLastModifiedTime(entry, LinkOption.NOFOLLOW_LINKS).toInstant();
            return changed.plus(OLD_CACHE_AGE).isBefore(now);
        }
        return false;
    }
}
