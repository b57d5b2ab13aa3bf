package org.mixbench.analysis.loudness;

import java.util.Arrays;

/**
 * Block loudness values above the absolute gate (-70 LUFS), kept in bounded memory: bins of 0.01 LU from -70 to
 * +30 LUFS (louder blocks share the top bin) that hold the number of blocks and the exact sum of their mean-square
 * energies. Sums over whole bins are therefore exact; only a bin that straddles a relative gate is decided as a whole
 * (by its mean), and percentiles take the energy mean of their bin, so results stay within 0.01 LU of the
 * computation over the full list of blocks.
 *
 * <p>Threads: the analysis thread only; nothing allocates after construction.
 */
final class GatingHistogram {
    /** The absolute gate of BS.1770-4 and Tech 3342, LUFS: blocks must be strictly louder. */
    static final double ABSOLUTE_GATE = -70.0;
    /** Width of a bin, LU. */
    static final double BIN = 0.01;
    /** Number of bins: -70 to +30 LUFS. */
    static final int BINS = 10_000;

    private final long[] counts = new long[BINS];
    private final double[] energies = new double[BINS];
    private long total;
    private double totalEnergy;
    private int lowest = BINS;
    private int highest = -1;

    /** Adds one block of mean-square energy {@code energy} if it passes the absolute gate. Analysis thread. */
    void add(double energy) {
        double lufs = LoudnessMeter.lufs(energy);
        if (!(lufs > ABSOLUTE_GATE)) {
            return;
        }
        int bin = bin(lufs);
        counts[bin]++;
        energies[bin] += energy;
        total++;
        totalEnergy += energy;
        if (bin < lowest) {
            lowest = bin;
        }
        if (bin > highest) {
            highest = bin;
        }
    }

    /** Blocks above the absolute gate. Analysis thread. */
    long count() {
        return total;
    }

    /** Forgets every block. Analysis thread. */
    void clear() {
        if (highest >= 0) {
            Arrays.fill(counts, lowest, highest + 1, 0L);
            Arrays.fill(energies, lowest, highest + 1, 0.0);
        }
        total = 0;
        totalEnergy = 0;
        lowest = BINS;
        highest = -1;
    }

    /**
     * The relative gate {@code offset} LU (negative) from the energy mean of the blocks above the absolute gate, in
     * LUFS, or NaN without blocks. Analysis thread.
     */
    double relativeGate(double offset) {
        return total == 0 ? Double.NaN : LoudnessMeter.lufs(totalEnergy / total) + offset;
    }

    /** The first bin entirely or by its mean above {@code gate}. */
    private int firstBinAbove(double gate) {
        double position = (gate - ABSOLUTE_GATE) / BIN;
        if (position < lowest) {
            return lowest;
        }
        int bin = (int) Math.floor(position);
        if (bin > highest) {
            return highest + 1;
        }
        if (counts[bin] > 0 && !(LoudnessMeter.lufs(energies[bin] / counts[bin]) > gate)) {
            bin++;
        }
        return bin;
    }

    /**
     * Integrated loudness (BS.1770-4): the energy mean of the blocks above the absolute gate and above the relative
     * gate {@code offset} LU below their mean, in LUFS; -Infinity without blocks. Analysis thread.
     */
    double gatedMean(double offset) {
        if (total == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        double gate = relativeGate(offset);
        long n = 0;
        double sum = 0;
        for (int b = firstBinAbove(gate); b <= highest; b++) {
            n += counts[b];
            sum += energies[b];
        }
        return n == 0 ? Double.NEGATIVE_INFINITY : LoudnessMeter.lufs(sum / n);
    }

    /**
     * The loudness at {@code fraction} (0 to 1) of the blocks above the relative gate {@code offset} LU, sorted by
     * loudness, by nearest rank ({@code round((n - 1) * fraction)}, as libebur128), in LUFS; NaN without blocks.
     * Analysis thread.
     */
    double percentile(double offset, double fraction) {
        if (total == 0) {
            return Double.NaN;
        }
        int first = firstBinAbove(relativeGate(offset));
        long n = 0;
        for (int b = first; b <= highest; b++) {
            n += counts[b];
        }
        if (n == 0) {
            return Double.NaN;
        }
        long rank = Math.round((n - 1) * fraction);
        long seen = 0;
        for (int b = first; b <= highest; b++) {
            seen += counts[b];
            if (seen > rank) {
                return LoudnessMeter.lufs(energies[b] / counts[b]);
            }
        }
        return Double.NaN;
    }

    private static int bin(double lufs) {
        int bin = (int) ((lufs - ABSOLUTE_GATE) / BIN);
        return Math.min(Math.max(bin, 0), BINS - 1);
    }
}
