package org.mixbench.workbench.meters.internal;

/**
 * The latest readings, shared by the meter views of this bundle: the file analysis thread or the monitor thread of
 * the playback ({@link LiveMeters}) publishes immutable readings here; the views poll them on the UI thread with a
 * timer. Plain volatile fields, no locks: the publishing thread never waits for the UI.
 */
final class MeterFeed {
    /** The one feed of this bundle: every meter view shows the same measurement. */
    static final MeterFeed SHARED = new MeterFeed();

    private volatile Readings.Loudness loudness = Readings.Loudness.EMPTY;
    private volatile Readings.Spectrum spectrum = Readings.Spectrum.EMPTY;
    private volatile Readings.Stereo stereo = Readings.Stereo.EMPTY;
    private volatile String source = "";
    private volatile double progress = -1;
    private volatile boolean live;
    private volatile long revision;

    Readings.Loudness loudness() {
        return loudness;
    }

    Readings.Spectrum spectrum() {
        return spectrum;
    }

    Readings.Stereo stereo() {
        return stereo;
    }

    /** What is being measured, for the views' captions. */
    String source() {
        return source;
    }

    /** Fraction done (0 to 1) of an analysis in progress, or -1 when none runs. */
    double progress() {
        return progress;
    }

    /** Whether the readings follow what is played (a live programme) rather than a file analysis. */
    boolean live() {
        return live;
    }

    /** Grows with every publication, so a view repaints only when something changed. */
    long revision() {
        return revision;
    }

    /** Publishes a complete set of readings. Any thread. */
    void publish(String what, Readings.Loudness l, Readings.Spectrum s, Readings.Stereo st, double fraction) {
        publish(what, l, s, st, fraction, false);
    }

    /** Publishes a complete set of readings of what is played (no progress). Any thread. */
    void publishLive(String what, Readings.Loudness l, Readings.Spectrum s, Readings.Stereo st) {
        publish(what, l, s, st, -1, true);
    }

    private void publish(String what, Readings.Loudness l, Readings.Spectrum s, Readings.Stereo st, double fraction,
            boolean isLive) {
        live = isLive;
        source = what;
        loudness = l;
        spectrum = s;
        stereo = st;
        progress = fraction;
        revision++;
    }

    /** Publishes progress only. Any thread. */
    void progress(double fraction) {
        progress = fraction;
        revision++;
    }
}
