package org.mixbench.api.command;

import java.io.PrintStream;
import java.nio.file.Path;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What a command runs with: its output streams, the directory relative paths are resolved against, and whether the
 * user asked for debug output. Immutable.
 *
 * @param out              standard output
 * @param err              standard error
 * @param workingDirectory where the user ran {@code ./mixbench}
 * @param debug            whether {@code --debug} was given (show stack traces)
 */
@ProviderType
public record CommandContext(PrintStream out, PrintStream err, Path workingDirectory, boolean debug) {

    /** A progress bar for {@code label} on {@link #err}, drawn only on an interactive terminal. Command thread. */
    public ProgressBar progress(String label) {
        return ProgressBar.forTerminal(err, label);
    }
}
