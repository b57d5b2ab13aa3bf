package org.mixbench.api.audio;

import java.io.IOException;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The content of a file is not valid for its format, or uses a feature Mixbench does not support: a truncated
 * chunk, a wrong magic number, an absurd size, zero channels, an unsupported codec. The message says what is wrong
 * and where in the file, in one line, without the file name (the host adds it). Readers throw this and nothing else
 * for bad content.
 */
@ProviderType
public class AudioFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    /** Bad content, described in one line. */
    public AudioFormatException(String message) {
        super(message);
    }

    /** Bad content, described in one line, found through {@code cause}. */
    public AudioFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
