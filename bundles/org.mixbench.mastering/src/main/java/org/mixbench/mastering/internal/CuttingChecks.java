package org.mixbench.mastering.internal;

import org.mixbench.dsp.Biquad;

/**
 * What a cutting engineer checks before cutting a lacquer, measured on a delivered stereo file: how much side
 * signal remains below the mono frequency (out-of-phase bass throws the stylus vertically), the lowest phase
 * correlation sustained over a second, the share of energy above 10 kHz and the loudest 50 ms of the 5-10 kHz band
 * (sibilance: high frequencies at high level overheat the cutter head and distort on playback). Filters are
 * Linkwitz-Riley 24 dB/oct. Command thread.
 */
final class CuttingChecks {
    /** The measurements. */
    record Result(double sideBelowDb, double minCorrelation, double highFrequencyDb, double sibilanceDbfs) {
    }

    private CuttingChecks() {
    }

    static Result measure(float[][] audio, double rate, double monoBelowHz) {
        int frames = audio[0].length;
        Biquad[] midLow = lr4(rate, monoBelowHz, true);
        Biquad[] sideLow = lr4(rate, monoBelowHz, true);
        Biquad[] highL = lr4(rate, Math.min(10_000, rate * 0.45), false);
        Biquad[] highR = lr4(rate, Math.min(10_000, rate * 0.45), false);
        Biquad[] sibHighL = lr4(rate, 5_000, false);
        Biquad[] sibHighR = lr4(rate, 5_000, false);
        Biquad[] sibLowL = lr4(rate, Math.min(10_000, rate * 0.45), true);
        Biquad[] sibLowR = lr4(rate, Math.min(10_000, rate * 0.45), true);
        double midEnergy = 0;
        double sideEnergy = 0;
        double total = 0;
        double high = 0;
        int window = Math.max(1, (int) Math.round(rate));
        int hop = window / 2;
        double minCorrelation = Double.NaN;
        int sib = Math.max(1, (int) Math.round(0.05 * rate));
        double sibSum = 0;
        int sibCount = 0;
        double sibMax = 0;
        // Correlation over 1 s windows every 0.5 s, from running sums of the half-second pieces.
        double[] lr = new double[2];
        double[] ll = new double[2];
        double[] rr = new double[2];
        int half = 0;
        int inHalf = 0;
        for (int i = 0; i < frames; i++) {
            double l = audio[0][i];
            double r = audio[1][i];
            double m = run(midLow, (l + r) / 2);
            double s = run(sideLow, (l - r) / 2);
            midEnergy += m * m;
            sideEnergy += s * s;
            total += l * l + r * r;
            double hl = run(highL, l);
            double hr = run(highR, r);
            high += hl * hl + hr * hr;
            double bl = run(sibLowL, run(sibHighL, l));
            double br = run(sibLowR, run(sibHighR, r));
            sibSum += (bl * bl + br * br) / 2;
            if (++sibCount == sib) {
                sibMax = Math.max(sibMax, sibSum / sib);
                sibSum = 0;
                sibCount = 0;
            }
            lr[half] += l * r;
            ll[half] += l * l;
            rr[half] += r * r;
            if (++inHalf == hop) {
                double sl = ll[0] + ll[1];
                double sr = rr[0] + rr[1];
                // Windows where both channels sound (above -60 dBFS mean square) count.
                if (sl / window > 1e-6 && sr / window > 1e-6) {
                    double c = (lr[0] + lr[1]) / Math.sqrt(sl * sr);
                    minCorrelation = Double.isNaN(minCorrelation) ? c : Math.min(minCorrelation, c);
                }
                half ^= 1;
                lr[half] = 0;
                ll[half] = 0;
                rr[half] = 0;
                inHalf = 0;
            }
        }
        double side = sideEnergy <= 0 ? Double.NEGATIVE_INFINITY : midEnergy <= 0 ? 0
                : 10 * Math.log10(sideEnergy / midEnergy);
        double hf = high <= 0 || total <= 0 ? Double.NEGATIVE_INFINITY : 10 * Math.log10(high / total);
        // RMS in dBFS where a full-scale sine reads 0 (AES17).
        double sibilance = sibMax <= 0 ? Double.NEGATIVE_INFINITY : 10 * Math.log10(sibMax) + 3.0103;
        return new Result(side, minCorrelation, hf, sibilance);
    }

    private static Biquad[] lr4(double rate, double hz, boolean low) {
        Biquad a = new Biquad();
        Biquad b = new Biquad();
        if (low) {
            a.lowPass(rate, hz);
            b.lowPass(rate, hz);
        } else {
            a.highPass(rate, hz);
            b.highPass(rate, hz);
        }
        return new Biquad[] {a, b};
    }

    private static double run(Biquad[] pair, double x) {
        return pair[1].process(pair[0].process(x));
    }
}
