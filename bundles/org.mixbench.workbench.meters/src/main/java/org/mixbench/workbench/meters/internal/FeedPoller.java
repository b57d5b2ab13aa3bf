package org.mixbench.workbench.meters.internal;

import org.eclipse.swt.widgets.Control;

/**
 * Polls the {@link MeterFeed} on the UI thread about 30 times a second and runs an update when a new reading was
 * published, until the control is disposed. UI thread only.
 */
final class FeedPoller implements Runnable {
    private static final int PERIOD_MS = 33;
    private final Control control;
    private final MeterFeed feed;
    private final Runnable update;
    private long seen = -1;

    private FeedPoller(Control control, MeterFeed feed, Runnable update) {
        this.control = control;
        this.feed = feed;
        this.update = update;
    }

    /** Starts polling for {@code control}. */
    static void start(Control control, MeterFeed feed, Runnable update) {
        FeedPoller poller = new FeedPoller(control, feed, update);
        poller.run();
    }

    @Override
    public void run() {
        if (control.isDisposed()) {
            return;
        }
        long revision = feed.revision();
        if (revision != seen) {
            seen = revision;
            update.run();
        }
        control.getDisplay().timerExec(PERIOD_MS, this);
    }
}
