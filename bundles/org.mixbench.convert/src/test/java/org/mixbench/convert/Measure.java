package org.mixbench.convert;

/** Double-precision measurements for the tests: sine fits, RMS, decibels, FFT and band power. */
final class Measure {
    private Measure() {
    }

    /** Amplitude, phase and what is left after removing the fitted sine and DC. */
    record Fit(double amplitude, double phase, double residualRms) {
    }

    /**
     * Least-squares fit of {@code a sin(w n) + b cos(w n) + c} to {@code y[from..to)}, with {@code w = 2 pi f / rate}
     * and {@code n} counted from 0 at index 0 of {@code y}. Returns the amplitude, the phase of
     * {@code amplitude * sin(w n + phase)} and the RMS of the residual.
     */
    static Fit sine(float[] y, int from, int to, double frequency, double rate) {
        double w = 2 * Math.PI * frequency / rate;
        double ss = 0;
        double sc = 0;
        double s1 = 0;
        double cc = 0;
        double c1 = 0;
        double n1 = 0;
        double ys = 0;
        double yc = 0;
        double y1 = 0;
        for (int n = from; n < to; n++) {
            double s = Math.sin(w * n);
            double c = Math.cos(w * n);
            ss += s * s;
            sc += s * c;
            s1 += s;
            cc += c * c;
            c1 += c;
            n1 += 1;
            ys += y[n] * s;
            yc += y[n] * c;
            y1 += y[n];
        }
        double[] abc = solve3(new double[][] {{ss, sc, s1}, {sc, cc, c1}, {s1, c1, n1}}, new double[] {ys, yc, y1});
        double residual = 0;
        for (int n = from; n < to; n++) {
            double r = y[n] - (abc[0] * Math.sin(w * n) + abc[1] * Math.cos(w * n) + abc[2]);
            residual += r * r;
        }
        return new Fit(Math.hypot(abc[0], abc[1]), Math.atan2(abc[1], abc[0]), Math.sqrt(residual / (to - from)));
    }

    /** Solves a 3x3 linear system by Gaussian elimination with partial pivoting. */
    static double[] solve3(double[][] a, double[] b) {
        int n = 3;
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
                    pivot = r;
                }
            }
            double[] t = a[col];
            a[col] = a[pivot];
            a[pivot] = t;
            double tb = b[col];
            b[col] = b[pivot];
            b[pivot] = tb;
            for (int r = col + 1; r < n; r++) {
                double f = a[r][col] / a[col][col];
                for (int k = col; k < n; k++) {
                    a[r][k] -= f * a[col][k];
                }
                b[r] -= f * b[col];
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double s = b[r];
            for (int k = r + 1; k < n; k++) {
                s -= a[r][k] * x[k];
            }
            x[r] = s / a[r][r];
        }
        return x;
    }

    /** RMS of {@code y[from..to)}. */
    static double rms(float[] y, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += (double) y[i] * y[i];
        }
        return Math.sqrt(s / (to - from));
    }

    /** {@code 20 log10(ratio)}. */
    static double db(double ratio) {
        return 20 * Math.log10(ratio);
    }

    /** In-place radix-2 complex FFT; the length must be a power of two. */
    static void fft(double[] re, double[] im) {
        int n = re.length;
        for (int i = 1, j = 0; i < n; i++) {
            int bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1) {
                j ^= bit;
            }
            j ^= bit;
            if (i < j) {
                double t = re[i];
                re[i] = re[j];
                re[j] = t;
                t = im[i];
                im[i] = im[j];
                im[j] = t;
            }
        }
        for (int len = 2; len <= n; len <<= 1) {
            double angle = -2 * Math.PI / len;
            int half = len >> 1;
            for (int k = 0; k < half; k++) {
                double wr = Math.cos(angle * k);
                double wi = Math.sin(angle * k);
                for (int i = k; i < n; i += len) {
                    int j = i + half;
                    double xr = re[j] * wr - im[j] * wi;
                    double xi = re[j] * wi + im[j] * wr;
                    re[j] = re[i] - xr;
                    im[j] = im[i] - xi;
                    re[i] += xr;
                    im[i] += xi;
                }
            }
        }
    }

    /**
     * Welch estimate of the one-sided power of {@code x} per FFT bin, averaged over non-overlapping Hann-windowed
     * segments of {@code segment} samples: element {@code k} is the variance that frequency {@code k * rate /
     * segment} contributes, so the elements sum to the variance of {@code x} (for a stationary noise).
     */
    static double[] powerPerBin(double[] x, int segment) {
        double[] window = new double[segment];
        double w2 = 0;
        for (int i = 0; i < segment; i++) {
            window[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / segment);
            w2 += window[i] * window[i];
        }
        double[] power = new double[segment / 2 + 1];
        int segments = x.length / segment;
        for (int s = 0; s < segments; s++) {
            double[] re = new double[segment];
            double[] im = new double[segment];
            for (int i = 0; i < segment; i++) {
                re[i] = x[s * segment + i] * window[i];
            }
            fft(re, im);
            for (int k = 0; k <= segment / 2; k++) {
                double p = (re[k] * re[k] + im[k] * im[k]) / w2 / segment;
                power[k] += (k == 0 || k == segment / 2 ? p : 2 * p) / segments;
            }
        }
        return power;
    }

    /** Sum of {@code power} over the bins whose frequency lies within {@code [low, high]} Hz. */
    static double band(double[] power, double rate, double low, double high) {
        int segment = (power.length - 1) * 2;
        double sum = 0;
        for (int k = 0; k < power.length; k++) {
            double f = k * rate / segment;
            if (f >= low && f <= high) {
                sum += power[k];
            }
        }
        return sum;
    }
}
