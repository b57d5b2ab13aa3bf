package org.mixbench.workbench.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.mixbench.api.contribution.ContributionProperties;
import org.mixbench.api.workbench.ViewDescriptor;
import org.mixbench.workbench.api.WorkbenchView;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;

/** The view catalog of the running framework: a service tracker on {@link WorkbenchView}. */
final class TrackedViewCatalog implements ViewCatalog, ServiceTrackerCustomizer<WorkbenchView, ViewEntry> {
    private final BundleContext context;
    private final ServiceTracker<WorkbenchView, ViewEntry> tracker;
    private final Map<ServiceReference<WorkbenchView>, ViewEntry> entries = new ConcurrentHashMap<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    TrackedViewCatalog(BundleContext context) {
        this.context = context;
        this.tracker = new ServiceTracker<>(context, WorkbenchView.class, this);
    }

    void open() {
        tracker.open();
    }

    void close() {
        tracker.close();
    }

    @Override
    public List<ViewEntry> views() {
        return new ArrayList<>(entries.values());
    }

    @Override
    public AutoCloseable addListener(Listener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    static ViewDescriptor describe(ServiceReference<?> reference) {
        Object id = reference.getProperty(ContributionProperties.ID);
        Object name = reference.getProperty(ContributionProperties.NAME);
        Object perspective = reference.getProperty(ContributionProperties.PERSPECTIVE);
        Object location = reference.getProperty(ContributionProperties.LOCATION);
        String idText = id == null ? "view." + reference.getProperty("service.id") : id.toString();
        return new ViewDescriptor(idText, name == null ? idText : name.toString(),
                perspective == null ? "*" : perspective.toString(), location == null ? null : location.toString());
    }

    @Override
    public ViewEntry addingService(ServiceReference<WorkbenchView> reference) {
        WorkbenchView view = context.getService(reference);
        if (view == null) {
            return null;
        }
        ViewEntry entry = new ViewEntry(describe(reference), view, reference);
        entries.put(reference, entry);
        listeners.forEach(l -> l.changed(entry, true));
        return entry;
    }

    @Override
    public void modifiedService(ServiceReference<WorkbenchView> reference, ViewEntry entry) {
        // Descriptive properties of a view do not change while it is registered.
    }

    @Override
    public void removedService(ServiceReference<WorkbenchView> reference, ViewEntry entry) {
        entries.remove(reference);
        listeners.forEach(l -> l.changed(entry, false));
        context.ungetService(reference);
    }
}
