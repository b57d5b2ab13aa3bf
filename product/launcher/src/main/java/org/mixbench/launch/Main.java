package org.mixbench.launch;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.Permission;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Starts Mixbench: Apache Felix with every bundle in {@code bundle/} of the product, FileInstall watching
 * {@code plugins/}, then the {@link MainCommand} service with the command line. The framework's cache is a fresh
 * temporary folder per run, removed on exit, so that several runs can go on at once.
 *
 * <p>Only the launcher ends the process. Before Felix starts, {@link #main} installs an {@link ExitGuard}: a
 * security manager that permits everything ({@code checkPermission} does nothing) except ending the JVM, so a
 * bundle (a processor, a plug-in dropped into {@code plugins/}) that calls {@code System.exit} or
 * {@code Runtime.halt} gets a {@link SecurityException} instead of ending {@code mix} with a status that claims
 * success and no message; the caller (the mixing engine, SCR, the command) reports it as that bundle's failure and
 * the run goes on. The launcher lifts the guard only for its own last step, the halt with the command's status.
 * Signals (Ctrl-C, {@code kill}) still end the process: the JVM's signal handler does not ask the security manager.
 * Installing a security manager is deprecated in Java 17 but still allowed; the four warning lines the JDK prints
 * then are not shown (see {@code withoutJdkWarnings}).
 * With a security manager, the fork-join common pool runs its tasks on threads without context class loader or
 * thread locals carried over; no Mixbench bundle uses the common pool (parallel streams, {@code CompletableFuture}
 * without an executor).
 *
 * <p>Layout of the installed product ({@code mixbench.home}): {@code lib/} (this jar and Felix), {@code bundle/},
 * {@code conf/config.properties}, {@code plugins/}.
 */
public final class Main {
    private static final boolean TIMING = System.getenv("MIXBENCH_TIMING") != null;
    private static final ExitGuard EXIT_GUARD = new ExitGuard();

    private Main() {
    }

    /** Runs the command line and exits with its status; called by the JVM on the main thread. */
    public static void main(String[] args) {
        guardExit();
        int status;
        try {
            status = run(args, System.out, System.err);
        } catch (LaunchException e) {
            System.err.println("mixbench: " + e.getMessage());
            status = 2;
        }
        System.out.flush();
        System.err.flush();
        EXIT_GUARD.launcherExits = true;
        Runtime.getRuntime().halt(status);
    }

    /**
     * Installs the {@link ExitGuard} without the JDK's four deprecation warnings on standard error. On a JDK that no
     * longer allows a security manager the launcher runs unguarded. Called once, on the main thread, before any
     * other thread of Mixbench exists.
     */
    static void guardExit() {
        try {
            withoutJdkWarnings(() -> System.setSecurityManager(EXIT_GUARD));
        } catch (UnsupportedOperationException | SecurityException e) {
            // Java 18 and later refuse unless started with -Djava.security.manager=allow: nothing is guarded then.
        }
    }

    /**
     * Runs {@code action} with the stream the JDK prints its security manager warnings to replaced by one that
     * discards them. Java 17 prints them to {@code System.initialErrStream}, the standard error of JVM start, not
     * to {@code System.err}, so replacing {@code System.err} does not hide them; that private field is swapped
     * through {@code sun.misc.Unsafe} (module jdk.unsupported) and restored at once. Where that is not possible
     * the action runs as it is and the warnings show.
     */
    @SuppressWarnings({"removal", "deprecation"})
    private static void withoutJdkWarnings(Runnable action) {
        sun.misc.Unsafe unsafe;
        java.lang.reflect.Field stream;
        try {
            java.lang.reflect.Field theUnsafe = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
            theUnsafe.setAccessible(true);
            unsafe = (sun.misc.Unsafe) theUnsafe.get(null);
            stream = System.class.getDeclaredField("initialErrStream");
        } catch (ReflectiveOperationException | RuntimeException e) {
            action.run();
            return;
        }
        Object base = unsafe.staticFieldBase(stream);
        long offset = unsafe.staticFieldOffset(stream);
        Object initial = unsafe.getObjectVolatile(base, offset);
        unsafe.putObjectVolatile(base, offset, new PrintStream(OutputStream.nullOutputStream()));
        try {
            action.run();
        } finally {
            unsafe.putObjectVolatile(base, offset, initial);
        }
    }

    /** Starts the framework, runs the command, stops the framework; returns the exit status. Main thread. */
    static int run(String[] args, PrintStream out, PrintStream err) throws LaunchException {
        try (Product product = Product.start(home(), Map.of(), err)) {
            return callMain(product.context(), args, out, err);
        }
    }

    static void mark(String what) {
        if (TIMING) {
            long uptime = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            System.err.printf("[timing] %-22s %5d ms after JVM start%n", what, uptime);
        }
    }

    /** The product folder: {@code -Dmixbench.home}, else the parent of {@code lib/}. */
    public static Path home() throws LaunchException {
        String configured = System.getProperty("mixbench.home");
        Path home;
        if (configured != null) {
            home = Paths.get(configured);
        } else {
            try {
                Path jar = Paths.get(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
                home = jar.getParent().getParent();
            } catch (Exception e) {
                throw new LaunchException("cannot find the product folder; set -Dmixbench.home");
            }
        }
        if (!Files.isDirectory(home.resolve("bundle"))) {
            throw new LaunchException(home + ": not a Mixbench product (no bundle/ folder)");
        }
        return home.toAbsolutePath().normalize();
    }

    static Map<String, Object> configuration(Path home, Path storage, Map<String, String> overrides)
            throws LaunchException {
        Properties properties = new Properties();
        Path file = home.resolve("conf/config.properties");
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                properties.load(in);
            } catch (IOException e) {
                throw new LaunchException(file + ": cannot read: " + e.getMessage());
            }
        }
        Map<String, Object> config = new HashMap<>();
        for (String key : properties.stringPropertyNames()) {
            config.put(key, properties.getProperty(key));
        }
        // System properties given with -D override the file.
        for (String key : System.getProperties().stringPropertyNames()) {
            if (key.startsWith("felix.") || key.startsWith("org.osgi.") || key.startsWith("mixbench.")
                    || key.startsWith("ds.")) {
                config.put(key, System.getProperty(key));
            }
        }
        config.putAll(overrides);
        Path plugins = Paths.get(String.valueOf(config.getOrDefault("mixbench.plugins", home.resolve("plugins"))));
        try {
            Files.createDirectories(plugins);
        } catch (IOException e) {
            throw new LaunchException(plugins + ": cannot create the plugins folder: " + e.getMessage());
        }
        config.put("mixbench.home", home.toString());
        config.put("mixbench.plugins", plugins.toAbsolutePath().toString());
        config.put("felix.fileinstall.dir", plugins.toAbsolutePath().toString());
        config.put("felix.fileinstall.tmpdir", storage.resolve("fileinstall").toString());
        config.put(Constants.FRAMEWORK_STORAGE, storage.toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        String extra = (String) config.get(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA);
        String launch = "org.mixbench.launch;version=1.0.0";
        config.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, extra == null || extra.isBlank() ? launch : extra + "," + launch);
        prepareSwtLibraryPath();
        return config;
    }

    /** SWT unpacks its natives into {@code swt.library.path}, which must exist and be writable. */
    private static void prepareSwtLibraryPath() {
        if (System.getProperty("swt.library.path") != null) {
            return;
        }
        Path dir = Paths.get(System.getProperty("user.home"), ".cache", "mixbench", "swt");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            dir = Paths.get(System.getProperty("java.io.tmpdir"), "mixbench-swt-" + System.getProperty("user.name"));
            dir.toFile().mkdirs();
        }
        System.setProperty("swt.library.path", dir.toString());
    }

    static List<Bundle> install(BundleContext context, Path folder, PrintStream err) throws LaunchException {
        List<Path> jars;
        try (Stream<Path> files = Files.list(folder)) {
            jars = files.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new LaunchException(folder + ": cannot list bundles: " + e.getMessage());
        }
        List<Bundle> bundles = new ArrayList<>();
        for (Path jar : jars) {
            try {
                bundles.add(context.installBundle("reference:" + jar.toUri()));
            } catch (BundleException e) {
                err.println("mixbench: " + jar.getFileName() + ": not installed: " + e.getMessage());
            }
        }
        return bundles;
    }

    static void startAll(List<Bundle> bundles, PrintStream err) {
        for (Bundle bundle : bundles) {
            boolean fragment = (bundle.adapt(BundleRevision.class).getTypes() & BundleRevision.TYPE_FRAGMENT) != 0;
            if (fragment) {
                continue;
            }
            try {
                bundle.start(Bundle.START_ACTIVATION_POLICY);
            } catch (BundleException e) {
                err.println("mixbench: bundle " + bundle.getSymbolicName() + " did not start: " + e.getMessage());
            }
        }
    }

    private static int callMain(BundleContext context, String[] args, PrintStream out, PrintStream err)
            throws LaunchException {
        ServiceTracker<MainCommand, MainCommand> tracker = new ServiceTracker<>(context, MainCommand.class, null);
        tracker.open();
        try {
            MainCommand main = tracker.waitForService(10_000);
            if (main == null) {
                throw new LaunchException("no MainCommand service: the org.mixbench.cli bundle is missing or broken");
            }
            mark("command started");
            String cwd = System.getProperty("mixbench.cwd", System.getProperty("user.dir"));
            int status = main.run(args, out, err, Paths.get(cwd));
            mark("command finished");
            return status;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException("interrupted while starting");
        } finally {
            tracker.close();
        }
    }

    /**
     * Deletes a folder and everything in it without following links, best effort (nothing of the user's is in the
     * framework cache); tries again when another thread (a shutdown hook, FileInstall) changed it meanwhile. Any
     * thread.
     */
    static void deleteTree(Path root) {
        for (int attempt = 0; attempt < 3 && Files.exists(root, LinkOption.NOFOLLOW_LINKS); attempt++) {
            try (Stream<Path> paths = Files.walk(root)) {
                paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            } catch (IOException | UncheckedIOException e) {
                // changed while walked: walk again
            }
        }
    }

    /**
     * The security manager of a launched product: checks nothing but the end of the JVM, which it refuses to every
     * caller until the launcher's own last step. Installed by {@link Main#guardExit}; asked on whichever thread calls
     * {@code System.exit} or {@code Runtime.halt}.
     */
    static final class ExitGuard extends SecurityManager {
        private volatile boolean launcherExits;

        /** Permits everything: Mixbench does not sandbox its bundles, it only keeps them from ending the JVM. */
        @Override
        public void checkPermission(Permission permission) {
        }

        /** Permits everything, as {@link #checkPermission(Permission)}. */
        @Override
        public void checkPermission(Permission permission, Object context) {
        }

        /** Permits every package, without the default's look-up on each class loaded. */
        @Override
        public void checkPackageAccess(String packageName) {
        }

        /** Permits every package, without the default's look-up on each class defined. */
        @Override
        public void checkPackageDefinition(String packageName) {
        }

        /** Refuses {@code System.exit(status)} and {@code Runtime.halt(status)} unless the launcher is exiting. */
        @Override
        public void checkExit(int status) {
            if (!launcherExits) {
                boolean halt = StackWalker.getInstance().walk(frames -> frames.anyMatch(
                        f -> f.getClassName().equals("java.lang.Runtime") && f.getMethodName().equals("halt")));
                throw new SecurityException("called " + (halt ? "Runtime.halt(" : "System.exit(") + status
                        + "); only Mixbench itself may end the process");
            }
        }
    }

    /** A failure to start, reported as one line with exit status 2. */
    public static final class LaunchException extends Exception {
        private static final long serialVersionUID = 1L;

        /** A failure described in one line. */
        public LaunchException(String message) {
            super(message);
        }
    }
}
