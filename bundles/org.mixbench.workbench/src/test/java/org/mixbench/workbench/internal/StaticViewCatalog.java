package org.mixbench.workbench.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A view catalog for UI tests, changed by hand. */
final class StaticViewCatalog implements ViewCatalog {
    private final List<ViewEntry> entries = new CopyOnWriteArrayList<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    void add(ViewEntry entry) {
        entries.add(entry);
        listeners.forEach(l -> l.changed(entry, true));
    }

    void remove(ViewEntry entry) {
        entries.remove(entry);
        listeners.forEach(l -> l.changed(entry, false));
    }

    @Override
    public List<ViewEntry> views() {
        return List.copyOf(entries);
    }

    @Override
    public AutoCloseable addListener(Listener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
