package org.mixbench.core.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.mixbench.api.contribution.ContributionInfo;
import org.mixbench.api.contribution.ContributionKind;
import org.mixbench.api.contribution.ContributionProperties;
import org.mixbench.api.contribution.ContributionRegistry;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;

/**
 * The live registry of contributions: one service tracker per {@link ContributionKind}, following services by the
 * name of their interface (the whiteboard pattern). Entries are built from service properties alone, so listing
 * never loads a contribution's classes; the service object is fetched only by {@link #find}.
 */
@Component(service = ContributionRegistry.class, immediate = true)
public final class ServiceRegistryContributions implements ContributionRegistry {

    private final Map<ContributionKind, ServiceTracker<Object, Entry>> trackers = new EnumMap<>(ContributionKind.class);
    private final Map<ContributionKind, Map<ServiceReference<Object>, Entry>> entries =
            new EnumMap<>(ContributionKind.class);
    private final List<RegistryListener> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService notifier = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "mixbench-registry-events");
        t.setDaemon(true);
        return t;
    });
    private BundleContext context;

    /** One tracked service. */
    private record Entry(ServiceReference<Object> reference, ContributionInfo info) {
    }

    @Activate
    void activate(BundleContext bundleContext) throws InvalidSyntaxException {
        this.context = bundleContext;
        for (ContributionKind kind : ContributionKind.values()) {
            entries.put(kind, new ConcurrentHashMap<>());
            ServiceTracker<Object, Entry> tracker = new ServiceTracker<>(bundleContext,
                    bundleContext.createFilter("(" + Constants.OBJECTCLASS + "=" + kind.serviceInterface() + ")"),
                    new Customizer(kind));
            trackers.put(kind, tracker);
            tracker.open(true);
        }
    }

    @Deactivate
    void deactivate() {
        trackers.values().forEach(ServiceTracker::close);
        trackers.clear();
        notifier.shutdown();
        try {
            notifier.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public List<ContributionInfo> list(ContributionKind kind) {
        List<ContributionInfo> result = new ArrayList<>();
        for (Entry e : entries.get(kind).values()) {
            result.add(e.info());
        }
        result.sort(Comparator.comparing((ContributionInfo i) -> i.name().toLowerCase(java.util.Locale.ROOT))
                .thenComparing(ContributionInfo::id));
        return List.copyOf(result);
    }

    @Override
    public <T> Optional<T> find(ContributionKind kind, String id, Class<T> type) {
        ServiceReference<Object> best = null;
        for (Entry e : entries.get(kind).values()) {
            if (e.info().id().equals(id) && (best == null || e.reference().compareTo(best) > 0)) {
                best = e.reference();
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        Object service = context.getService(best);
        return type.isInstance(service) ? Optional.of(type.cast(service)) : Optional.empty();
    }

    @Override
    public AutoCloseable addListener(RegistryListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private void fire(ContributionInfo info, boolean added) {
        notifier.execute(() -> {
            for (RegistryListener l : listeners) {
                try {
                    l.changed(info, added);
                } catch (RuntimeException e) {
                    System.err.println("mixbench: registry listener failed: " + e);
                }
            }
        });
    }

    static ContributionInfo describe(ContributionKind kind, ServiceReference<?> reference) {
        Map<String, Object> properties = new HashMap<>();
        for (String key : reference.getPropertyKeys()) {
            Object value = reference.getProperty(key);
            if (value != null) {
                properties.put(key, value);
            }
        }
        Bundle bundle = reference.getBundle();
        String id = string(properties.get(ContributionProperties.ID), "service." + properties.get(Constants.SERVICE_ID));
        String name = string(properties.get(ContributionProperties.NAME), id);
        return new ContributionInfo(kind, id, name, string(properties.get(ContributionProperties.CATEGORY), ""),
                string(properties.get(ContributionProperties.VERSION), ""),
                bundle == null ? "" : bundle.getSymbolicName(),
                bundle == null ? "" : bundle.getVersion().toString(), properties);
    }

    private static String string(Object value, String fallback) {
        return value == null ? fallback : String.valueOf(value);
    }

    private final class Customizer implements ServiceTrackerCustomizer<Object, Entry> {
        private final ContributionKind kind;

        Customizer(ContributionKind kind) {
            this.kind = kind;
        }

        @Override
        public Entry addingService(ServiceReference<Object> reference) {
            Entry entry = new Entry(reference, describe(kind, reference));
            entries.get(kind).put(reference, entry);
            fire(entry.info(), true);
            return entry;
        }

        @Override
        public void modifiedService(ServiceReference<Object> reference, Entry old) {
            Entry entry = new Entry(reference, describe(kind, reference));
            entries.get(kind).put(reference, entry);
            fire(old.info(), false);
            fire(entry.info(), true);
        }

        @Override
        public void removedService(ServiceReference<Object> reference, Entry entry) {
            entries.get(kind).remove(reference);
            fire(entry.info(), false);
            context.ungetService(reference);
        }
    }
}
