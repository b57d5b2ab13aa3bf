package org.mixbench.analysis.spectrum;

import org.osgi.annotation.versioning.ProviderType;

/**
 * How a {@link StereoAnalyzer} measures. Immutable; any thread.
 *
 * @param integrationSeconds   time constant of the running meters (correlation, balance, mid, side, RMS): each
 *                             averages squares and products through a one-pole filter with this time constant
 * @param goniometerPoints     how many of the latest (side, mid) points the goniometer ring keeps, 0 to
 *                             {@value #MAX_GONIOMETER_POINTS}
 * @param goniometerDecimation keep one sample in this many for the goniometer, 1 or more
 */
@ProviderType
public record StereoSettings(double integrationSeconds, int goniometerPoints, int goniometerDecimation) {
    /** The largest goniometer ring. */
    public static final int MAX_GONIOMETER_POINTS = 65536;

    private static final StereoSettings DEFAULTS = new StereoSettings(0.3, 1024, 2);

    /** Rejects settings the analyzer cannot honour. */
    public StereoSettings {
        if (!(integrationSeconds > 0) || Double.isInfinite(integrationSeconds)) {
            throw new IllegalArgumentException("integration time must be positive: " + integrationSeconds);
        }
        if (goniometerPoints < 0 || goniometerPoints > MAX_GONIOMETER_POINTS) {
            throw new IllegalArgumentException("goniometer points must be within 0.." + MAX_GONIOMETER_POINTS + ": "
                    + goniometerPoints);
        }
        if (goniometerDecimation < 1) {
            throw new IllegalArgumentException("goniometer decimation must be at least 1: " + goniometerDecimation);
        }
    }

    /**
     * The defaults of the contributed analyzer: a 300 ms meter (the usual integration of a correlation meter), 1024
     * goniometer points keeping every second sample (43 ms of 48 kHz audio). Any thread.
     */
    public static StereoSettings defaults() {
        return DEFAULTS;
    }
}
