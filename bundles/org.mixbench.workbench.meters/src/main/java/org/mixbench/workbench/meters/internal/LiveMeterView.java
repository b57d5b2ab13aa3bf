package org.mixbench.workbench.meters.internal;

import org.mixbench.api.monitor.MonitorBus;
import org.mixbench.workbench.api.WorkbenchView;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * A meter view that also follows what is played: the optional, dynamic {@link MonitorBus} reference the three meter
 * views share (bnd copies it into each view's component description: {@code -dsannotations-options: inherit}).
 * Binding attaches the shared {@link LiveMetering}; unbinding leaves the last readings, marked stopped.
 */
abstract class LiveMeterView implements WorkbenchView {
    /** What measures the played signal for this view (shared by the views of a runtime). */
    final LiveMetering live;

    LiveMeterView(LiveMetering live) {
        this.live = live;
    }

    /** The monitor bus came: meter what is played. DS thread. */
    @Reference(name = "monitor", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindMonitor(MonitorBus bus) {
        live.attach(bus);
    }

    /** The monitor bus went: the last readings stay, marked stopped. DS thread. */
    void unbindMonitor(MonitorBus bus) {
        live.detach(bus);
    }
}
