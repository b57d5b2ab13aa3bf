package org.mixbench.api.contribution;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The live registry of every contribution, kept by the core. It changes as bundles come and go: a bundle dropped into
 * {@code plugins/} appears here within a poll interval, and disappears when removed.
 *
 * <p>All methods may be called from any thread; the lists are snapshots.
 */
@ProviderType
public interface ContributionRegistry {

    /** Every contribution of {@code kind} registered now, sorted by name then id. Any thread. */
    List<ContributionInfo> list(ContributionKind kind);

    /**
     * The service object of the contribution of {@code kind} with this id, or empty when none is registered.
     * Any thread. When two bundles register the same id, the one with the highest service ranking wins.
     *
     * @param type the service interface of {@code kind}, e.g. {@code ProcessorFactory.class}
     */
    <T> Optional<T> find(ContributionKind kind, String id, Class<T> type);

    /**
     * Calls {@code listener} after every change of the registry, on the registry's single notification thread (never
     * the caller's, never the audio thread). Returns a handle that removes the listener. Any thread.
     */
    AutoCloseable addListener(RegistryListener listener);

    /**
     * The format id ({@link ContributionProperties#FORMAT}) of the installed exporter that writes files named
     * {@code file} (by the extension after its last dot, any case), if there is one. Any thread.
     */
    default Optional<String> exportFormatFor(String file) {
        int dot = file.lastIndexOf('.');
        String extension = dot < 0 ? "" : file.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
        for (ContributionInfo e : list(ContributionKind.EXPORTER)) {
            String ext = e.property(ContributionProperties.EXTENSION, "");
            if (!ext.isEmpty() && ext.equals(extension)) {
                return Optional.of(e.property(ContributionProperties.FORMAT, ext));
            }
        }
        return Optional.empty();
    }

    /** The file extensions the installed exporters write, for messages. Any thread. */
    default List<String> exportExtensions() {
        List<String> known = new java.util.ArrayList<>();
        for (ContributionInfo e : list(ContributionKind.EXPORTER)) {
            known.add(e.property(ContributionProperties.EXTENSION, ""));
        }
        return known;
    }

    /** A change in the registry. */
    @ConsumerType
    @FunctionalInterface
    interface RegistryListener {
        /**
         * Told that {@code info} was added ({@code added == true}) or removed. Called on the registry's notification
         * thread; implementations that touch a UI must hop to the UI thread themselves.
         */
        void changed(ContributionInfo info, boolean added);
    }
}
