package org.mixbench.testkit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.mixbench.api.contribution.ContributionInfo;
import org.mixbench.api.contribution.ContributionKind;
import org.mixbench.api.contribution.ContributionRegistry;
import org.mixbench.api.contribution.Descriptor;

/**
 * A contribution registry for tests outside OSGi: contributions are added by hand with their service properties,
 * and listeners are told at once on the calling thread.
 */
public final class StaticRegistry implements ContributionRegistry {
    private record Entry(ContributionInfo info, Object service) {
    }

    private final List<Entry> entries = new CopyOnWriteArrayList<>();
    private final List<RegistryListener> listeners = new CopyOnWriteArrayList<>();

    /** Adds {@code service} of {@code kind} described by {@code descriptor} and extra {@code properties}. */
    public StaticRegistry add(ContributionKind kind, Descriptor descriptor, Object service,
            Map<String, Object> properties) {
        Map<String, Object> all = new HashMap<>(properties);
        all.put("id", descriptor.id());
        all.put("name", descriptor.name());
        all.put("category", descriptor.category());
        all.put("version", descriptor.version());
        all.put("vendor", descriptor.vendor());
        ContributionInfo info = new ContributionInfo(kind, descriptor.id(), descriptor.name(), descriptor.category(),
                descriptor.version(), "test", "0.0.0", all);
        entries.add(new Entry(info, service));
        listeners.forEach(l -> l.changed(info, true));
        return this;
    }

    @Override
    public List<ContributionInfo> list(ContributionKind kind) {
        List<ContributionInfo> result = new ArrayList<>();
        for (Entry e : entries) {
            if (e.info().kind() == kind) {
                result.add(e.info());
            }
        }
        result.sort(Comparator.comparing(ContributionInfo::name));
        return result;
    }

    @Override
    public <T> Optional<T> find(ContributionKind kind, String id, Class<T> type) {
        for (Entry e : entries) {
            if (e.info().kind() == kind && e.info().id().equals(id) && type.isInstance(e.service())) {
                return Optional.of(type.cast(e.service()));
            }
        }
        return Optional.empty();
    }

    @Override
    public AutoCloseable addListener(RegistryListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
