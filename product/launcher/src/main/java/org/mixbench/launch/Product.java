package org.mixbench.launch;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.felix.framework.Felix;
import org.mixbench.launch.Main.LaunchException;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;

/**
 * A running Mixbench product: Felix started with every bundle of {@code bundle/}, FileInstall watching the plugins
 * folder, and a private temporary framework cache. Used by the launcher and by tests that drive the real product.
 * Closing it stops the framework and removes the cache. Not thread-safe; one owner.
 */
public final class Product implements AutoCloseable {
    private final Felix felix;
    private final Path storage;
    private final PrintStream err;

    private Product(Felix felix, Path storage, PrintStream err) {
        this.felix = felix;
        this.storage = storage;
        this.err = err;
    }

    /**
     * Starts the product in {@code home}. {@code overrides} replace framework properties (for example
     * {@code mixbench.plugins} to watch another folder). Problems with single bundles are reported on {@code err}
     * and do not stop the start.
     */
    public static Product start(Path home, Map<String, String> overrides, PrintStream err) throws LaunchException {
        Path storage;
        try {
            storage = Files.createTempDirectory("mixbench-felix-");
        } catch (IOException e) {
            throw new LaunchException("cannot create a temporary folder for the framework cache: " + e.getMessage());
        }
        Felix felix = new Felix(Main.configuration(home, storage, overrides));
        Product product = new Product(felix, storage, err);
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

    /** Stops the framework (waiting up to 10 s) and deletes its cache. */
    @Override
    public void close() {
        try {
            felix.stop();
            felix.waitForStop(10_000);
        } catch (BundleException | InterruptedException e) {
            err.println("mixbench: the framework did not stop cleanly: " + e.getMessage());
        }
        Main.deleteTree(storage);
    }
}
