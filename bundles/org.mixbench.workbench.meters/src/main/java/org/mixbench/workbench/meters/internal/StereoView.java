package org.mixbench.workbench.meters.internal;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.mixbench.api.monitor.MonitorBus;
import org.mixbench.workbench.api.ViewPart;
import org.mixbench.workbench.api.ViewSite;
import org.mixbench.workbench.api.WorkbenchView;
import org.osgi.service.component.annotations.Component;

/**
 * The correlation meter with goniometer of the Master perspective: of the analysed file, or live of what is played
 * when the {@link MonitorBus} is present.
 */
@Component(service = WorkbenchView.class, property = {"id=mixbench.view.stereo", "name=Correlation",
    "category=Meters", "version=1.0.0", "perspective=master", "location=right"})
public final class StereoView extends LiveMeterView {
    private final MeterFeed feed;

    /** Used by DS. */
    public StereoView() {
        this(MeterFeed.SHARED, LiveMetering.SHARED);
    }

    StereoView(MeterFeed feed) {
        this(feed, new LiveMetering(feed));
    }

    StereoView(MeterFeed feed, LiveMetering live) {
        super(live);
        this.feed = feed;
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
