package org.mixbench.workbench.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.mixbench.api.contribution.ContributionRegistry;
import org.mixbench.workbench.api.ViewPart;
import org.mixbench.workbench.api.ViewSite;

/**
 * The layout of one perspective: tab folders on the left, in the centre, on the right and at the bottom, each hidden
 * while empty. Views are placed by their {@code location}. UI thread.
 */
final class PerspectiveArea {
    private final String id;
    private final Composite root;
    private final SashForm columns;
    private final Map<String, CTabFolder> folders = new LinkedHashMap<>();
    private final Map<Object, Placed> placed = new LinkedHashMap<>();
    private final ContributionRegistry registry;
    private final StatusLine status;

    /** A view part and its tab. */
    private record Placed(ViewEntry entry, CTabItem item, ViewPart part) {
    }

    PerspectiveArea(Composite parent, String id, ContributionRegistry registry, StatusLine status) {
        this.id = id;
        this.registry = registry;
        this.status = status;
        root = new SashForm(parent, SWT.VERTICAL);
        root.setData(WorkbenchWindow.WIDGET_ID, "perspective." + id);
        columns = new SashForm(root, SWT.HORIZONTAL);
        folders.put("left", folder(columns, "left"));
        folders.put("center", folder(columns, "center"));
        folders.put("right", folder(columns, "right"));
        folders.put("bottom", folder(root, "bottom"));
        // the centre (the mixer, the main meters) gets most of the window; the bottom holds the spectrum in Master,
        // secondary tables in Mix
        columns.setWeights(20, 62, 18);
        int bottom = org.mixbench.api.workbench.Perspectives.MASTER.equals(id) ? 38 : 22;
        ((SashForm) root).setWeights(100 - bottom, bottom);
        updateVisibility();
    }

    private CTabFolder folder(Composite parent, String location) {
        CTabFolder folder = new CTabFolder(parent, SWT.BORDER);
        folder.setData(WorkbenchWindow.WIDGET_ID, "folder." + id + "." + location);
        folder.setSimple(false);
        folder.setTabHeight(24);
        return folder;
    }

    Composite control() {
        return root;
    }

    String id() {
        return id;
    }

    /** Whether the view with this service key is shown here. */
    boolean contains(Object key) {
        return placed.containsKey(key);
    }

    /**
     * Creates a tab for {@code entry} and its part; a part that fails shows the failure instead, reports it in the
     * status line and returns {@code false}.
     */
    boolean add(ViewEntry entry) {
        if (placed.containsKey(entry.key()) || !entry.descriptor().belongsTo(id)) {
            return true;
        }
        CTabFolder folder = folders.get(entry.descriptor().location());
        CTabItem item = new CTabItem(folder, SWT.NONE);
        item.setText(entry.descriptor().name());
        item.setData(WorkbenchWindow.WIDGET_ID, "view." + entry.descriptor().id());
        Composite holder = new Composite(folder, SWT.NONE);
        holder.setLayout(new FillLayout());
        ViewPart part = null;
        boolean ok = true;
        try {
            part = entry.view().createPart(holder, site());
        } catch (RuntimeException | LinkageError e) {
            for (var child : holder.getChildren()) {
                child.dispose();
            }
            Label failure = new Label(holder, SWT.WRAP);
            failure.setText("The view '" + entry.descriptor().name() + "' failed to open: " + e);
            status.setMessage("View " + entry.descriptor().id() + " failed: " + e.getMessage());
            ok = false;
        }
        item.setControl(holder);
        placed.put(entry.key(), new Placed(entry, item, part));
        if (folder.getSelectionIndex() < 0) {
            folder.setSelection(item);
        }
        updateVisibility();
        return ok;
    }

    /** Removes the tab of a view whose service went away. */
    void remove(Object key) {
        Placed p = placed.remove(key);
        if (p == null) {
            return;
        }
        if (p.part() != null) {
            try {
                p.part().dispose();
            } catch (RuntimeException e) {
                status.setMessage("View " + p.entry().descriptor().id() + " failed to close: " + e.getMessage());
            }
        }
        if (p.item().getControl() != null) {
            p.item().getControl().dispose();
        }
        p.item().dispose();
        updateVisibility();
    }

    /** Disposes every part. */
    void dispose() {
        for (Object key : placed.keySet().toArray()) {
            remove(key);
        }
    }

    /** Names of the tabs in this perspective, by location then order. */
    java.util.List<String> tabTitles() {
        java.util.List<String> titles = new java.util.ArrayList<>();
        for (CTabFolder f : folders.values()) {
            for (CTabItem item : f.getItems()) {
                titles.add(item.getText());
            }
        }
        return titles;
    }

    private void updateVisibility() {
        boolean any = false;
        for (String location : new String[] {"left", "center", "right"}) {
            CTabFolder f = folders.get(location);
            boolean visible = f.getItemCount() > 0;
            f.setVisible(visible);
            any |= visible;
        }
        columns.setVisible(any || folders.get("bottom").getItemCount() == 0);
        folders.get("bottom").setVisible(folders.get("bottom").getItemCount() > 0);
        columns.layout(true);
        root.layout(true);
    }

    private ViewSite site() {
        return new ViewSite() {
            @Override
            public ContributionRegistry registry() {
                return registry;
            }

            @Override
            public Display display() {
                return root.getDisplay();
            }

            @Override
            public String perspective() {
                return id;
            }

            @Override
            public void setStatusMessage(String message) {
                status.setMessage(message);
            }
        };
    }
}
