package org.mixbench.api.contribution;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Names of the service properties with which every contribution describes itself, so that the workbench and the
 * CLI can list a contribution without loading its class. Register each contribution with at least {@link #ID},
 * {@link #NAME}, {@link #CATEGORY} and {@link #VERSION}; views add {@link #PERSPECTIVE} and {@link #LOCATION};
 * exporters add {@link #FORMAT} and {@link #EXTENSION}; commands add {@link #COMMAND} and {@link #DESCRIPTION}.
 */
@ProviderType
public final class ContributionProperties {
    /** Stable identifier, the same as {@link Descriptor#id()}. */
    public static final String ID = "id";
    /** Human name. */
    public static final String NAME = "name";
    /** Grouping category. */
    public static final String CATEGORY = "category";
    /** Version of the contribution itself. */
    public static final String VERSION = "version";
    /** Vendor; optional, defaults to the bundle vendor. */
    public static final String VENDOR = "vendor";
    /** Views: the perspective they belong to ({@code "mix"}, {@code "master"} or {@code "*"} for every one). */
    public static final String PERSPECTIVE = "perspective";
    /** Views: where in the perspective they go: {@code "left"}, {@code "center"}, {@code "right"}, {@code "bottom"}. */
    public static final String LOCATION = "location";
    /** Exporters: the format id used on the command line ({@code "wav"}, {@code "flac"}). */
    public static final String FORMAT = "format";
    /** Exporters: the file extension without dot. */
    public static final String EXTENSION = "extension";
    /** Commands: the command word ({@code "plugins"}). */
    public static final String COMMAND = "command";
    /** Commands: one line of help. */
    public static final String DESCRIPTION = "description";

    private ContributionProperties() {
    }
}
