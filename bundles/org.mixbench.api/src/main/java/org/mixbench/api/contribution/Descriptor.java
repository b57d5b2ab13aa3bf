package org.mixbench.api.contribution;

import java.util.Objects;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Describes one contribution (a processor, analyzer or exporter): a stable id that sessions and scripts store and
 * that never changes once released, a human name, a category for grouping, the vendor and the contribution's own
 * version. Immutable; safe on any thread.
 *
 * @param id       stable identifier, conventionally reverse-domain ({@code "com.example.bitcrusher"})
 * @param name     the name shown to users
 * @param category a grouping such as {@code "Dynamics"}, {@code "EQ"}, {@code "Utility"}
 * @param vendor   who made it
 * @param version  the contribution's version, {@code major.minor.micro}
 */
@ProviderType
public record Descriptor(String id, String name, String category, String vendor, String version) {
    /** Checks that every field is present and the id is a usable stable identifier. */
    public Descriptor {
        requireText(id, "id");
        requireText(name, "name");
        requireText(category, "category");
        requireText(vendor, "vendor");
        requireText(version, "version");
        if (!id.matches("[A-Za-z0-9_.-]+")) {
            throw new IllegalArgumentException("id may hold only letters, digits, '.', '_' and '-': " + id);
        }
    }

    static void requireText(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
    }
}
