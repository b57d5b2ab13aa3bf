package org.mixbench.api.contribution;

import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What the registry knows about one registered contribution, read from its service properties and its bundle,
 * without instantiating it. Immutable; safe on any thread.
 *
 * @param kind          the kind of contribution
 * @param id            stable id ({@link ContributionProperties#ID})
 * @param name          human name
 * @param category      category, or {@code ""} when the service gave none
 * @param version       the contribution's version, or {@code ""} when the service gave none
 * @param bundle        symbolic name of the bundle that registered it
 * @param bundleVersion version of that bundle
 * @param properties    every service property, as registered (values are strings, numbers, booleans or arrays)
 */
@ProviderType
public record ContributionInfo(ContributionKind kind, String id, String name, String category, String version,
        String bundle, String bundleVersion, Map<String, Object> properties) {

    /** Copies the property map so the record stays immutable. */
    public ContributionInfo {
        properties = Map.copyOf(properties);
    }

    /** A property as a string, or {@code fallback} when absent. */
    public String property(String key, String fallback) {
        Object value = properties.get(key);
        return value == null ? fallback : String.valueOf(value);
    }
}
