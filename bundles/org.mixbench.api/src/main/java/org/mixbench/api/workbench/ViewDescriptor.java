package org.mixbench.api.workbench;

import java.util.Objects;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Describes a workbench view from its service properties, before its class is loaded. Immutable.
 *
 * @param id          stable view id
 * @param name        tab title
 * @param perspective {@link Perspectives#MIX}, {@link Perspectives#MASTER} or {@link Perspectives#ALL}
 * @param location    {@code "left"}, {@code "center"}, {@code "right"} or {@code "bottom"}
 */
@ProviderType
public record ViewDescriptor(String id, String name, String perspective, String location) {
    /** The places a view can go. */
    public static final java.util.List<String> LOCATIONS = java.util.List.of("left", "center", "right", "bottom");

    /** Checks every field; an unknown location becomes {@code "center"}. */
    public ViewDescriptor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(perspective, "perspective");
        location = location == null || !LOCATIONS.contains(location) ? "center" : location;
    }

    /** Whether this view shows in {@code perspectiveId}. */
    public boolean belongsTo(String perspectiveId) {
        return Perspectives.ALL.equals(perspective) || perspective.equals(perspectiveId);
    }
}
