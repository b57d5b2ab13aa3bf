package org.mixbench.workbench.meters.internal;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.mixbench.api.monitor.MonitorBus;
import org.mixbench.workbench.api.ViewPart;
import org.mixbench.workbench.api.ViewSite;
import org.mixbench.workbench.api.WorkbenchView;
import org.osgi.service.component.annotations.Component;

/**
 * The spectrum analyzer view of the Master perspective: average and peak hold, log frequency, slope setting; of the
 * analysed file, or live of what is played when the {@link MonitorBus} is present.
 */
@Component(service = WorkbenchView.class, property = {"id=mixbench.view.spectrum", "name=Spectrum",
    "category=Meters", "version=1.0.0", "perspective=master", "location=bottom"})
public final class SpectrumView extends LiveMeterView {
    private final MeterFeed feed;

    /** Used by DS. */
    public SpectrumView() {
        this(MeterFeed.SHARED, LiveMetering.SHARED);
    }

    SpectrumView(MeterFeed feed) {
        this(feed, new LiveMetering(feed));
    }

    SpectrumView(MeterFeed feed, LiveMetering live) {
        super(live);
        this.feed = feed;
    }

    @Override
    public ViewPart createPart(Composite parent, ViewSite site) {
        Composite root = new Composite(parent, SWT.NONE);
        root.setLayout(new GridLayout(3, false));
        Label label = new Label(root, SWT.NONE);
        label.setText("Slope");
        Combo slope = new Combo(root, SWT.READ_ONLY);
        slope.setData("mixbench.id", "spectrum.slope");
        slope.setItems("0 dB/oct", "3 dB/oct", "4.5 dB/oct");
        slope.select(0);
        Label caption = new Label(root, SWT.NONE);
        caption.setData("mixbench.id", "spectrum.caption");
        caption.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        SpectrumCanvas canvas = new SpectrumCanvas(root);
        canvas.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 3, 1));
        slope.addListener(SWT.Selection, e -> canvas.setSlope(new double[] {0, 3, 4.5}[slope.getSelectionIndex()]));
        FeedPoller.start(canvas, feed, () -> {
            canvas.setReading(feed.spectrum());
            String source = feed.source();
            caption.setText(source.isEmpty() ? "" : feed.live() ? String.format(java.util.Locale.ROOT,
                    "%s: %.0f s average, peak hold falling %.0f dB/s", source, LiveMeters.SPECTRUM_SECONDS,
                    LiveMeters.PEAK_FALL_DB_PER_SECOND) : "long-term average and peak hold of " + source);
        });
        return () -> root;
    }

    /** For tests. */
    static SpectrumCanvas canvasOf(Control root) {
        for (Control c : ((Composite) root).getChildren()) {
            if (c instanceof SpectrumCanvas s) {
                return s;
            }
        }
        throw new IllegalStateException("no spectrum canvas");
    }
}
