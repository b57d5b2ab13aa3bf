package org.mixbench.product;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * The activator of the bundle {@link ExitGuardProcessTest} builds: on start, a thread of its own tries
 * {@code System.exit(0)} and then {@code Runtime.halt(0)}, as a misbehaving plug-in would, and prints on standard
 * error what each attempt got. Runs on Felix's starting thread; its probe thread is joined before start returns.
 */
public final class ExitProbeActivator implements BundleActivator {
    /** Used by Felix. */
    public ExitProbeActivator() {
    }

    /** Makes both attempts on a new thread and waits for it. Called by Felix on the launcher's thread. */
    @Override
    public void start(BundleContext context) throws InterruptedException {
        Thread probe = new Thread(() -> {
            try {
                System.exit(0);
            } catch (SecurityException e) {
                System.err.println("exit probe: System.exit refused: " + e.getMessage());
            }
            try {
                Runtime.getRuntime().halt(0);
            } catch (SecurityException e) {
                System.err.println("exit probe: Runtime.halt refused: " + e.getMessage());
            }
        }, "exit-probe");
        probe.start();
        probe.join();
    }

    /** Nothing to undo. Called by Felix. */
    @Override
    public void stop(BundleContext context) {
    }
}
