package org.mixbench.mixing.session;

import java.io.IOException;

import org.osgi.annotation.versioning.ProviderType;

/** A session file that cannot be read or does not make sense; the message is one line naming what and where. */
@ProviderType
public class SessionException extends IOException {
    private static final long serialVersionUID = 1L;

    /** A problem described in one line. */
    public SessionException(String message) {
        super(message);
    }

    /** A problem described in one line, with its cause. */
    public SessionException(String message, Throwable cause) {
        super(message, cause);
    }
}
