package org.mixbench.workbench.api;

import org.eclipse.swt.widgets.Composite;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A contributed view: a factory of parts, one per perspective the view shows in. The workbench lists views from
 * their service properties and calls {@link #createPart} only when a perspective first shows the view.
 */
@ConsumerType
public interface WorkbenchView {

    /**
     * Creates the view's controls inside {@code parent} (which has a {@code FillLayout}) and returns the part. The
     * part must keep itself current (through the registry's listener, a poll timer, ...) until it is disposed.
     * UI thread.
     */
    ViewPart createPart(Composite parent, ViewSite site);
}
