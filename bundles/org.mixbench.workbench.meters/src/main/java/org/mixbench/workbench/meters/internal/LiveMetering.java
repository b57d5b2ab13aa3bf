package org.mixbench.workbench.meters.internal;

import java.util.IdentityHashMap;
import java.util.Map;

import org.mixbench.api.monitor.MonitorBus;

/**
 * Connects the meter views to the monitor bus: every view binds the optional {@link MonitorBus} service, and the
 * first binding of a bus subscribes one {@link LiveMeters} feeding the views' {@link MeterFeed}; the last unbinding
 * closes it. So the three views meter the programme once, not three times, whichever of them are active. Without a
 * bus nothing is subscribed and the views show file analyses only. Threads: any (DS binds on its own threads).
 */
final class LiveMetering {
    /** The one metering of this bundle, feeding {@link MeterFeed#SHARED}. */
    static final LiveMetering SHARED = new LiveMetering(MeterFeed.SHARED);

    private final MeterFeed feed;
    private final Map<MonitorBus, Subscription> subscriptions = new IdentityHashMap<>();

    /** One bus's subscription and the views bound to it. */
    private static final class Subscription {
        final LiveMeters meters;
        final AutoCloseable handle;
        int views;

        Subscription(LiveMeters meters, AutoCloseable handle) {
            this.meters = meters;
            this.handle = handle;
        }
    }

    LiveMetering(MeterFeed feed) {
        this.feed = feed;
    }

    /** A view bound {@code bus}. */
    synchronized void attach(MonitorBus bus) {
        Subscription s = subscriptions.get(bus);
        if (s == null) {
            LiveMeters meters = new LiveMeters(feed);
            s = new Subscription(meters, bus.subscribe(meters));
            subscriptions.put(bus, s);
        }
        s.views++;
    }

    /** A view unbound {@code bus}: the last one unsubscribes, and what the meters show is marked stopped. */
    synchronized void detach(MonitorBus bus) {
        Subscription s = subscriptions.get(bus);
        if (s == null || --s.views > 0) {
            return;
        }
        subscriptions.remove(bus);
        try {
            s.handle.close();
        } catch (Exception e) {
            // the bus is going away anyway; the meters stop publishing below
        }
        s.meters.close();
    }

    /** How many buses are subscribed (for tests). */
    synchronized int subscriptions() {
        return subscriptions.size();
    }
}
