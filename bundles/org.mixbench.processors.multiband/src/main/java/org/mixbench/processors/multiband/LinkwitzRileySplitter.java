package org.mixbench.processors.multiband;

import org.mixbench.dsp.Biquad;

/**
 * Splits one signal into 2 to 5 bands with Linkwitz-Riley 24 dB/oct crossovers (two Butterworth low or high passes in
 * a row) in a tree: band 0 is the low pass of crossover 0, the rest goes on through its high pass to crossover 1, and
 * so on; the last band is the high pass of the last crossover. The two outputs of one crossover sum to the all pass at
 * its frequency, so each band {@code k} also passes the all passes of the crossovers {@code k+1 ...} it did not go
 * through: then every band has the phase of the same chain of all passes and the bands sum to that chain, flat in
 * magnitude. Per sample, in double precision. Thread: the processor's audio thread (main thread while preparing);
 * nothing allocates after construction.
 */
final class LinkwitzRileySplitter {
    private static final int MAX_CROSSOVERS = MultibandFactory.MAX_BANDS - 1;
    private final Biquad[][] lowPass = new Biquad[MAX_CROSSOVERS][2];
    private final Biquad[][] highPass = new Biquad[MAX_CROSSOVERS][2];
    /** {@code allPass[k][j]}: band {@code k}'s compensation for crossover {@code j > k}. */
    private final Biquad[][] allPass = new Biquad[MAX_CROSSOVERS][MAX_CROSSOVERS];
    private int crossovers = 1;

    LinkwitzRileySplitter() {
        for (int k = 0; k < MAX_CROSSOVERS; k++) {
            for (int s = 0; s < 2; s++) {
                lowPass[k][s] = new Biquad();
                highPass[k][s] = new Biquad();
            }
            for (int j = 0; j < MAX_CROSSOVERS; j++) {
                allPass[k][j] = new Biquad();
            }
        }
    }

    /**
     * Sets the first {@code bands - 1} crossover frequencies from {@code hz} (increasing, below 0.45 of the rate).
     * Filter memories are kept, so that moving a frequency does not interrupt the signal.
     */
    void configure(double rate, double[] hz, int bands) {
        crossovers = bands - 1;
        for (int k = 0; k < crossovers; k++) {
            for (int s = 0; s < 2; s++) {
                lowPass[k][s].lowPass(rate, hz[k]);
                highPass[k][s].highPass(rate, hz[k]);
            }
            for (int j = k + 1; j < crossovers; j++) {
                allPass[k][j].allPass(rate, hz[j]);
            }
        }
    }

    /** Clears every filter memory. */
    void reset() {
        for (int k = 0; k < MAX_CROSSOVERS; k++) {
            for (int s = 0; s < 2; s++) {
                lowPass[k][s].reset();
                highPass[k][s].reset();
            }
            for (int j = 0; j < MAX_CROSSOVERS; j++) {
                allPass[k][j].reset();
            }
        }
    }

    /**
     * Clears the memories of crossovers {@code kept} and above and of the all passes for them, so that crossovers
     * added by a change of the band count start from rest instead of from an old signal.
     */
    void resetAbove(int kept) {
        for (int k = Math.max(0, kept); k < MAX_CROSSOVERS; k++) {
            for (int s = 0; s < 2; s++) {
                lowPass[k][s].reset();
                highPass[k][s].reset();
            }
            for (int b = 0; b < MAX_CROSSOVERS; b++) {
                allPass[b][k].reset();
            }
        }
    }

    /** Splits one sample {@code x} into {@code out[0 .. bands)}. */
    void split(double x, double[] out) {
        double rest = x;
        int n = crossovers;
        for (int k = 0; k < n; k++) {
            Biquad[] lp = lowPass[k];
            Biquad[] hp = highPass[k];
            double low = lp[1].process(lp[0].process(rest));
            rest = hp[1].process(hp[0].process(rest));
            Biquad[] compensation = allPass[k];
            for (int j = k + 1; j < n; j++) {
                low = compensation[j].process(low);
            }
            out[k] = low;
        }
        out[n] = rest;
    }
}
