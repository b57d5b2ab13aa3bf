package org.mixbench.mastering.internal;

import org.mixbench.analysis.loudness.LoudnessMeter;

/**
 * The integrated loudness of an album: ITU-R BS.1770 gating over all its tracks together, as if they played one
 * after another (the 400 ms blocks of all tracks share the absolute and the relative gate). Tracks at another rate
 * than the meter's are converted first. Command thread.
 */
final class AlbumLoudness {
    private final double rate;
    private final LoudnessMeter meter;

    AlbumLoudness(double rate) {
        this.rate = rate;
        this.meter = new LoudnessMeter(rate, 2);
    }

    /** Adds one track (planar stereo at {@code trackRate}). */
    void add(float[][] audio, double trackRate) {
        float[][] x = trackRate == rate ? audio : Engine.resample(audio, trackRate, (int) Math.round(rate));
        for (int at = 0; at < x[0].length; at += Limiting.BLOCK) {
            meter.process(x, at, Math.min(Limiting.BLOCK, x[0].length - at));
        }
    }

    /** The album's integrated loudness so far, LUFS (negative infinity when silent). */
    double integratedLufs() {
        return meter.snapshot().integratedLufs();
    }
}
