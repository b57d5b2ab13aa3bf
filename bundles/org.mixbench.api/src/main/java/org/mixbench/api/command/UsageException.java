package org.mixbench.api.command;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A bad argument or a bad input file: the CLI prints the message as one line on stderr and exits with status 2.
 * The message names what is wrong and where ({@code "song.wav: not a WAV file (no RIFF header)"}).
 */
@ProviderType
public class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A usage error with a one-line message. */
    public UsageException(String message) {
        super(message);
    }

    /** A usage error with a one-line message and the cause, shown only with {@code --debug}. */
    public UsageException(String message, Throwable cause) {
        super(message, cause);
    }
}
