package org.mixbench.api.command;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * One {@code ./mixbench} command word, registered as an OSGi service with the properties
 * {@link org.mixbench.api.contribution.ContributionProperties#COMMAND} (the word) and
 * {@link org.mixbench.api.contribution.ContributionProperties#DESCRIPTION} (one line of help).
 */
@ConsumerType
public interface Command {

    /**
     * Runs the command with the arguments after the command word and returns the exit status (0 for success).
     * A bad argument or file is reported by throwing {@link UsageException}; the CLI prints it as one line and exits
     * with status 2. Called on the launcher's main thread.
     */
    int run(List<String> arguments, CommandContext context) throws Exception;

    /** Multi-line usage text for {@code ./mixbench help COMMAND}. Any thread. */
    String usage();
}
