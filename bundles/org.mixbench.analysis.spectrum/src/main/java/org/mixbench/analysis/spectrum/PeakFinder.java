package org.mixbench.analysis.spectrum;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the strongest peaks of one spectrum in dB. A peak is a local maximum (higher than its lower neighbour, at
 * least as high as its upper one) at or above a floor. Candidates are taken strongest first; a candidate is dropped
 * when it lies within the main lobe of a stronger peak already taken, or when it is not at least
 * {@link #SKIRT_MARGIN_DB} above that peak's window skirt: the highest response of the window at that distance or
 * further (with half a bin of slack, since the stronger tone may sit anywhere in its bin). So a tone's side lobes are
 * never reported as tones of their own, whatever the window, while a real second tone clear of the skirt is.
 *
 * <p>The frequency and level of each peak come from a parabola through the dB levels of the peak bin and its two
 * neighbours, with the parabola's bias for the window removed ({@link #refine}).
 *
 * <p>Threads: any; the skirt envelopes are computed once per window and size and then shared read-only.
 */
final class PeakFinder {
    /** How far above a stronger peak's skirt a weaker local maximum must stand to count. */
    static final double SKIRT_MARGIN_DB = 6.0;
    private static final int STEPS_PER_BIN = 8;
    private static final Map<String, double[]> SKIRTS = new ConcurrentHashMap<>();

    private PeakFinder() {
    }

    /**
     * The at most {@code maxCount} strongest peaks of {@code dbfs} (bins of {@code binWidthHz}, from an
     * {@code fftSize}-point transform with {@code window}), strongest first, none below {@code floorDbfs}.
     */
    static List<SpectralPeak> find(double[] dbfs, double binWidthHz, int fftSize, Window window, int maxCount,
            double floorDbfs) {
        if (maxCount < 0) {
            throw new IllegalArgumentException("maxCount must not be negative: " + maxCount);
        }
        int bins = dbfs.length;
        int count = 0;
        int[] candidates = new int[bins];
        for (int k = 1; k + 1 < bins; k++) {
            double level = dbfs[k];
            if (level >= floorDbfs && level > dbfs[k - 1] && level >= dbfs[k + 1] && Double.isFinite(level)) {
                candidates[count++] = k;
            }
        }
        Integer[] order = new Integer[count];
        for (int i = 0; i < count; i++) {
            order[i] = candidates[i];
        }
        Arrays.sort(order, (p, q) -> p.intValue() == q.intValue() ? 0
                : dbfs[q] != dbfs[p] ? Double.compare(dbfs[q], dbfs[p]) : Integer.compare(p, q));
        double[] skirt = skirt(window, fftSize);
        int minimumSeparation = window.mainLobeHalfWidthBins();
        List<SpectralPeak> peaks = new ArrayList<>();
        int[] taken = new int[Math.min(maxCount, count)];
        for (int i = 0; i < count && peaks.size() < maxCount; i++) {
            int k = order[i];
            boolean clear = true;
            for (int j = 0; j < peaks.size() && clear; j++) {
                int distance = Math.abs(k - taken[j]);
                clear = distance >= minimumSeparation
                        && dbfs[k] >= dbfs[taken[j]] + skirt[Math.min(distance, skirt.length - 1)] + SKIRT_MARGIN_DB;
            }
            if (clear) {
                taken[peaks.size()] = k;
                peaks.add(refine(dbfs, k, binWidthHz, window, fftSize));
            }
        }
        return List.copyOf(peaks);
    }

    /**
     * The peak at bin {@code k}: the offset {@code p} of the vertex of the parabola through the dB levels of bins
     * {@code k - 1, k, k + 1}, then that offset's bias removed for the window in use. For a clean tone at
     * {@code k + d} the parabola's offset is a known odd, increasing function {@code p(d)} of the window's response
     * ({@link #parabolicOffset}); solving {@code p(d) = p} gives {@code d}, and the level is the bin's level plus the
     * response lost at {@code d} (the scalloping). Plain parabolic interpolation on dB is biased by up to 0.14 bin
     * and 0.16 dB with the flat-top window; with the bias removed, every window finds a clean tone within a few
     * thousandths of a bin and hundredths of a dB.
     */
    static SpectralPeak refine(double[] dbfs, int k, double binWidthHz, Window window, int fftSize) {
        double alpha = dbfs[k - 1];
        double beta = dbfs[k];
        double gamma = dbfs[k + 1];
        double curvature = alpha - 2 * beta + gamma;
        if (!Double.isFinite(alpha) || !Double.isFinite(gamma) || !(curvature < 0)) {
            return new SpectralPeak(k * binWidthHz, beta, k);
        }
        double parabolic = 0.5 * (alpha - gamma) / curvature;
        double offset = unbias(parabolic, window, fftSize);
        double level = beta - 20 * Math.log10(window.response(offset, fftSize));
        return new SpectralPeak((k + offset) * binWidthHz, level, k);
    }

    /** The tone offset {@code d} in {@code [-1/2, 1/2]} whose parabolic estimate is {@code parabolic}, by bisection. */
    static double unbias(double parabolic, Window window, int fftSize) {
        double target = Math.abs(parabolic);
        double low = 0;
        double high = 0.5;
        if (target >= parabolicOffset(high, window, fftSize)) {
            return Math.copySign(high, parabolic);
        }
        for (int i = 0; i < 40; i++) {
            double middle = 0.5 * (low + high);
            if (parabolicOffset(middle, window, fftSize) < target) {
                low = middle;
            } else {
                high = middle;
            }
        }
        return Math.copySign(0.5 * (low + high), parabolic);
    }

    /** What the parabola through three bins in dB estimates for a clean tone {@code d} bins above the middle one. */
    static double parabolicOffset(double d, Window window, int fftSize) {
        double alpha = 20 * Math.log10(window.response(1 + d, fftSize));
        double beta = 20 * Math.log10(window.response(d, fftSize));
        double gamma = 20 * Math.log10(window.response(1 - d, fftSize));
        return 0.5 * (alpha - gamma) / (alpha - 2 * beta + gamma);
    }

    /**
     * {@code skirt[d]}: the window's highest response, in dB relative to its peak, at {@code d - 1/2} bins or
     * further from a tone, for {@code d} from 0 to {@code fftSize / 2}. Non-increasing.
     */
    static double[] skirt(Window window, int fftSize) {
        return SKIRTS.computeIfAbsent(window.name() + "/" + fftSize, key -> {
            int bins = fftSize / 2 + 1;
            int steps = bins * STEPS_PER_BIN;
            double[] suffixMax = new double[steps + 1];
            suffixMax[steps] = 0;
            for (int j = steps - 1; j >= 0; j--) {
                suffixMax[j] = Math.max(suffixMax[j + 1], window.response((double) j / STEPS_PER_BIN, fftSize));
            }
            double[] skirt = new double[bins];
            for (int d = 0; d < bins; d++) {
                skirt[d] = 20 * Math.log10(suffixMax[Math.max(0, d * STEPS_PER_BIN - STEPS_PER_BIN / 2)]);
            }
            return skirt;
        });
    }
}
