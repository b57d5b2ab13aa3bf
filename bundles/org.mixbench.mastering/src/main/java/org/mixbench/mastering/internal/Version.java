package org.mixbench.mastering.internal;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/** The version reports name: the version of the bundle that made them. Any thread. */
final class Version {
    private Version() {
    }

    /** The version of the bundle holding {@code type}, or its package's implementation version outside OSGi. */
    static String of(Class<?> type) {
        Bundle bundle = FrameworkUtil.getBundle(type);
        if (bundle != null) {
            return bundle.getVersion().toString();
        }
        String v = type.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }
}
