/**
 * The monitor bus: the signal the user is listening to, handed from the transport that plays it (on its real-time
 * audio thread) to the views that measure it (on one monitor thread). {@link org.mixbench.api.monitor.MonitorBus}
 * is provided as an OSGi service; {@link org.mixbench.api.monitor.MonitorListener}s subscribe to it.
 *
 * <p>Threads: the transport calls {@code start} and {@code stop}; its audio thread calls {@code write}, which copies
 * into a preallocated lock-free ring and never blocks, allocates or throws. The bus calls every listener on its single
 * monitor thread, in the order the transport produced the programme.
 */
@Export
@Version("1.0.0")
package org.mixbench.api.monitor;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
