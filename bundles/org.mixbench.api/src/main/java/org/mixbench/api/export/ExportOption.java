package org.mixbench.api.export;

import java.util.List;
import java.util.Objects;

import org.osgi.annotation.versioning.ProviderType;

/**
 * One option an exporter accepts ({@code bits=24}, {@code compression=5}, {@code title=...}). Immutable.
 *
 * @param key          the key users pass on the command line
 * @param description  one line of help
 * @param defaultValue value when the option is not given, or {@code ""} when it has none
 * @param allowed      the only values accepted, or empty for free text
 */
@ProviderType
public record ExportOption(String key, String description, String defaultValue, List<String> allowed) {
    /** Copies the list and checks the default is allowed. */
    public ExportOption {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(defaultValue, "defaultValue");
        allowed = List.copyOf(allowed);
        if (!allowed.isEmpty() && !defaultValue.isEmpty() && !allowed.contains(defaultValue)) {
            throw new IllegalArgumentException(key + ": default '" + defaultValue + "' is not among " + allowed);
        }
    }
}
