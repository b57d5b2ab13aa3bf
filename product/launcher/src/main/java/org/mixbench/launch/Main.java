package org.mixbench.launch;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
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
 * <p>Layout of the installed product ({@code mixbench.home}): {@code lib/} (this jar and Felix), {@code bundle/},
 * {@code conf/config.properties}, {@code plugins/}.
 */
public final class Main {
    private static final boolean TIMING = System.getenv("MIXBENCH_TIMING") != null;

    private Main() {
    }

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        int status;
        try {
            status = run(args, System.out, System.err);
        } catch (LaunchException e) {
            System.err.println("mixbench: " + e.getMessage());
            status = 2;
        }
        System.out.flush();
        System.err.flush();
        Runtime.getRuntime().halt(status);
    }

    /** Starts the framework, runs the command, stops the framework; returns the exit status. */
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

    static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            // The temporary cache is best-effort cleanup; nothing of the user's is in it.
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
