package org.mixbench.workbench.views.internal;

import java.util.List;
import java.util.function.Function;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.mixbench.api.contribution.ContributionInfo;
import org.mixbench.api.contribution.ContributionRegistry;
import org.mixbench.workbench.api.ViewPart;

/**
 * A table of rows that refills itself on the UI thread whenever the registry changes. Used by the views that list
 * contributions. UI thread, except the registry callback, which only schedules a refresh.
 */
final class RegistryTablePart implements ViewPart {
    private final Table table;
    private final ContributionRegistry registry;
    private final Function<ContributionRegistry, List<String[]>> rows;
    private final AutoCloseable subscription;

    RegistryTablePart(Composite parent, String widgetId, ContributionRegistry registry, String[] headers,
            int[] widths, Function<ContributionRegistry, List<String[]>> rows) {
        this.registry = registry;
        this.rows = rows;
        table = new Table(parent, SWT.FULL_SELECTION | SWT.SINGLE | SWT.V_SCROLL | SWT.H_SCROLL);
        table.setData("mixbench.id", widgetId);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        for (int i = 0; i < headers.length; i++) {
            TableColumn column = new TableColumn(table, SWT.LEFT);
            column.setText(headers[i]);
            column.setWidth(widths[i]);
        }
        refresh();
        subscription = registry.addListener((info, added) -> {
            if (!table.isDisposed()) {
                table.getDisplay().asyncExec(this::refresh);
            }
        });
    }

    /** Refills the table from the registry. UI thread. */
    void refresh() {
        if (table.isDisposed()) {
            return;
        }
        List<String[]> content = rows.apply(registry);
        table.setRedraw(false);
        try {
            table.removeAll();
            for (String[] row : content) {
                new TableItem(table, SWT.NONE).setText(row);
            }
        } finally {
            table.setRedraw(true);
        }
    }

    static String bundle(ContributionInfo info) {
        return info.bundle() + " " + info.bundleVersion();
    }

    @Override
    public Control control() {
        return table;
    }

    @Override
    public void dispose() {
        try {
            subscription.close();
        } catch (Exception e) {
            // removing a listener does not fail
        }
    }
}
