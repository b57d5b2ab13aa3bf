package org.mixbench.workbench.internal;

import org.mixbench.api.workbench.ViewDescriptor;
import org.mixbench.workbench.api.WorkbenchView;

/** A contributed view: its descriptor (from service properties) and the service. */
record ViewEntry(ViewDescriptor descriptor, WorkbenchView view, Object key) {
}
