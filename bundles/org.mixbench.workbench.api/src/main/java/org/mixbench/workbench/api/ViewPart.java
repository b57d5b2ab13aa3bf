package org.mixbench.workbench.api;

import org.eclipse.swt.widgets.Control;
import org.osgi.annotation.versioning.ConsumerType;

/** One live instance of a view inside a perspective. UI thread. */
@ConsumerType
public interface ViewPart {

    /** The top control of the part. UI thread. */
    Control control();

    /** Gives the keyboard focus to the part's main control. UI thread. */
    default void setFocus() {
        control().setFocus();
    }

    /**
     * Releases listeners and resources; the workbench disposes the controls itself afterwards. Called when the view
     * is removed (its bundle went away) or the window closes. UI thread.
     */
    default void dispose() {
    }
}
