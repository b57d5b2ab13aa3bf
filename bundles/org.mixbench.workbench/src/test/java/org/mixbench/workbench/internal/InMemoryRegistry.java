package org.mixbench.workbench.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.mixbench.api.contribution.ContributionInfo;
import org.mixbench.api.contribution.ContributionKind;
import org.mixbench.api.contribution.ContributionRegistry;
import org.mixbench.api.contribution.Descriptor;

/** A registry for UI tests; like the real one, it tells listeners on another thread. */
final class InMemoryRegistry implements ContributionRegistry {
    private final Map<String, ContributionInfo> infos = new ConcurrentHashMap<>();
    private final List<RegistryListener> listeners = new CopyOnWriteArrayList<>();

    static ContributionInfo processor(Descriptor d, String bundle) {
        return new ContributionInfo(ContributionKind.PROCESSOR, d.id(), d.name(), d.category(), d.version(), bundle,
                "1.0.0", Map.of("id", d.id(), "name", d.name(), "vendor", d.vendor()));
    }

    void add(ContributionInfo info) {
        infos.put(info.id(), info);
        fire(info, true);
    }

    void remove(String id) {
        ContributionInfo info = infos.remove(id);
        if (info != null) {
            fire(info, false);
        }
    }

    private void fire(ContributionInfo info, boolean added) {
        Thread t = new Thread(() -> listeners.forEach(l -> l.changed(info, added)), "test-registry-events");
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public List<ContributionInfo> list(ContributionKind kind) {
        return infos.values().stream().filter(i -> i.kind() == kind)
                .sorted(java.util.Comparator.comparing(ContributionInfo::name)).toList();
    }

    @Override
    public <T> Optional<T> find(ContributionKind kind, String id, Class<T> type) {
        return Optional.empty();
    }

    @Override
    public AutoCloseable addListener(RegistryListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
