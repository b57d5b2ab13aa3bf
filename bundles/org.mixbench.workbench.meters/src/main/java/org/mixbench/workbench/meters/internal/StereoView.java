package org.mixbench.workbench.meters.internal;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.mixbench.api.monitor.MonitorBus;
import org.mixbench.workbench.api.ViewPart;
import org.mixbench.workbench.api.ViewSite;
import org.mixbench.workbench.api.WorkbenchView;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The correlation meter with goniometer of the Master perspective: of the analysed file, or live of what is played
 * when the {@link MonitorBus} is present.
 */
@Component(service = WorkbenchView.class, property = {"id=mixbench.view.stereo", "name=Correlation",
    "category=Meters", "version=1.0.0", "perspective=master", "location=right"})
public final class StereoView implements WorkbenchView {
    private final MeterFeed feed;

    private final LiveMetering live;

    /** Used by DS. */
    public StereoView() {
        this(MeterFeed.SHARED, LiveMetering.SHARED);
    }

    StereoView(MeterFeed feed) {
        this(feed, new LiveMetering(feed));
    }

    StereoView(MeterFeed feed, LiveMetering live) {
        this.feed = feed;
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

    @Override
    public ViewPart createPart(Composite parent, ViewSite site) {
        Composite root = new Composite(parent, SWT.NONE);
        root.setLayout(new FillLayout());
        StereoCanvas canvas = new StereoCanvas(root);
        FeedPoller.start(canvas, feed, () -> canvas.setReading(feed.stereo()));
        return () -> root;
    }
}
