package org.mixbench.api.workbench;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** The perspectives of the workbench, by the ids views name in their {@code perspective} property. */
@ProviderType
public final class Perspectives {
    /** Mixing: tracks, mixer, inserts, sends, automation. */
    public static final String MIX = "mix";
    /** Mastering: global processing, meters, delivery. */
    public static final String MASTER = "master";
    /** A view that appears in every perspective. */
    public static final String ALL = "*";

    private Perspectives() {
    }

    /** Every perspective in the order the switcher shows them. */
    public static List<String> all() {
        return List.of(MIX, MASTER);
    }
}
