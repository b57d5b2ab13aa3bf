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

    /**
     * The options {@code given} to an exporter of {@code format}, checked against its {@code accepted} options and
     * completed with their defaults. An unknown key or a value outside {@link #allowed()} is an {@link
     * IllegalArgumentException} whose message names the format, the key and what is accepted.
     */
    public static java.util.Map<String, String> resolve(String format, List<ExportOption> accepted,
            java.util.Map<String, String> given) {
        java.util.Map<String, String> values = new java.util.LinkedHashMap<>();
        for (ExportOption o : accepted) {
            values.put(o.key(), o.defaultValue());
        }
        for (java.util.Map.Entry<String, String> e : given.entrySet()) {
            ExportOption option = accepted.stream().filter(o -> o.key().equals(e.getKey())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(format + " has no option '" + e.getKey()
                            + "' (options: " + String.join(", ", accepted.stream().map(ExportOption::key).toList())
                            + ")"));
            if (!option.allowed().isEmpty() && !option.allowed().contains(e.getValue())) {
                throw new IllegalArgumentException(format + " option " + e.getKey() + "=" + e.getValue()
                        + " is not one of " + String.join(", ", option.allowed()));
            }
            values.put(e.getKey(), e.getValue());
        }
        return values;
    }
}
