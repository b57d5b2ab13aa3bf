package org.mixbench.workbench.internal;

import java.util.List;

/** The views contributed now, and a way to hear about views coming and going. */
interface ViewCatalog {

    /** Every view registered now. Any thread. */
    List<ViewEntry> views();

    /** Registers a listener, told on an arbitrary thread; returns a handle that removes it. Any thread. */
    AutoCloseable addListener(Listener listener);

    /** Told that a view was added or removed. */
    interface Listener {
        /** Arbitrary thread; the workbench hops to the UI thread itself. */
        void changed(ViewEntry entry, boolean added);
    }
}
