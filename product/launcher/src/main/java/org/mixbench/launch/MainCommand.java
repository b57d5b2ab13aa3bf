package org.mixbench.launch;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * The entry point the launcher calls inside the framework: one bundle registers it as a service and dispatches the
 * command line to the contributed commands. Exported by the system bundle so that launcher and bundles share it.
 */
public interface MainCommand {

    /**
     * Runs the command line and returns the process exit status. Called once, on the JVM's main thread (which SWT
     * may use as its UI thread).
     */
    int run(String[] args, PrintStream out, PrintStream err, Path workingDirectory);
}
