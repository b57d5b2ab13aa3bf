package org.mixbench.workbench.internal;

import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.mixbench.api.contribution.ContributionKind;
import org.mixbench.api.contribution.ContributionRegistry;

import jakarta.inject.Inject;

/**
 * The status line at the foot of the window: a message on the left, and on the right the perspective and the live
 * count of contributions. UI thread, except {@link #refreshCountsLater}, which any thread may call.
 */
final class StatusLine {
    private final ContributionRegistry registry;
    private Label message;
    private Label counts;
    private String perspective = "";

    @Inject
    StatusLine(ContributionRegistry registry) {
        this.registry = registry;
    }

    /** Builds the controls. UI thread. */
    void create(Composite parent) {
        Composite bar = new Composite(parent, SWT.NONE);
        bar.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        GridLayout layout = new GridLayout(2, false);
        layout.marginHeight = 2;
        bar.setLayout(layout);
        message = new Label(bar, SWT.NONE);
        message.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        message.setData(WorkbenchWindow.WIDGET_ID, "status.message");
        counts = new Label(bar, SWT.RIGHT);
        counts.setLayoutData(new GridData(SWT.END, SWT.CENTER, false, false));
        counts.setData(WorkbenchWindow.WIDGET_ID, "status.counts");
        setMessage("Ready");
        refreshCounts();
    }

    /** Shows {@code text} on the left. UI thread. */
    void setMessage(String text) {
        if (message != null && !message.isDisposed()) {
            message.setText(text);
        }
    }

    /** Names the perspective shown. UI thread. */
    void setPerspective(String title) {
        perspective = title;
        refreshCounts();
    }

    /** Recounts contributions from the registry. UI thread. */
    void refreshCounts() {
        if (counts == null || counts.isDisposed()) {
            return;
        }
        StringBuilder text = new StringBuilder(perspective.isEmpty() ? "" : perspective + "  |  ");
        List<ContributionKind> kinds = List.of(ContributionKind.values());
        for (int i = 0; i < kinds.size(); i++) {
            ContributionKind kind = kinds.get(i);
            if (i > 0) {
                text.append(" · ");
            }
            text.append(registry.list(kind).size()).append(' ')
                    .append(kind.title().toLowerCase(java.util.Locale.ROOT));
        }
        counts.setText(text.toString());
        counts.getParent().layout();
    }

    /** Schedules {@link #refreshCounts} on the UI thread. Any thread. */
    void refreshCountsLater() {
        if (counts != null && !counts.isDisposed()) {
            counts.getDisplay().asyncExec(this::refreshCounts);
        }
    }
}
