package org.mixbench.dsp;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A discrete Fourier transform of real signals whose length is a power of two, in double precision and in place, for
 * fast convolution ({@link FftConvolver}) and filter design. Forward: {@code X[k] = sum x[n] e^(-2 pi i k n / N)};
 * {@link #inverse} undoes {@link #forward} exactly, scaling by {@code 1 / N}.
 *
 * <p>Packed spectrum layout (the one the transforms read and write): {@code data[0]} is the real value at 0 Hz,
 * {@code data[1]} the real value at the Nyquist frequency (bin {@code N / 2}), and {@code data[2k]},
 * {@code data[2k + 1]} the real and imaginary parts of bin {@code k} for {@code 1 <= k < N / 2}; the bins above
 * {@code N / 2} are the complex conjugates of these.
 *
 * <p>Method: the even and odd samples are read as the real and imaginary parts of a complex signal of length
 * {@code N / 2}, placed in bit-reversed order while loading; an iterative radix-2 decimation-in-time transform with
 * per-stage twiddle tables follows, and a final pass separates the spectra of the two halves. Tables and scratch
 * space are allocated by the constructor; the transforms allocate nothing.
 *
 * <p>Thread: the constructor on any thread; an instance keeps scratch state, so one thread at a time transforms with
 * it (the audio thread, for a convolver).
 */
@ProviderType
public final class RealFft {
    private final int size;
    private final int half;
    private final int[] reversed;
    // Twiddles of stage h (butterflies h apart) at [h, 2h): cos and sin of pi j / h.
    private final double[] stageCos;
    private final double[] stageSin;
    // Twiddles of the final split: cos and sin of 2 pi k / N for k <= N / 4.
    private final double[] splitCos;
    private final double[] splitSin;
    private final double[] re;
    private final double[] im;

    /** A transform of {@code size} real samples, a power of two from 4 up. Main thread (allocates its tables). */
    public RealFft(int size) {
        if (size < 4 || Integer.bitCount(size) != 1) {
            throw new IllegalArgumentException("FFT size must be a power of two of at least 4: " + size);
        }
        this.size = size;
        this.half = size / 2;
        int bits = Integer.numberOfTrailingZeros(half);
        reversed = new int[half];
        for (int i = 0; i < half; i++) {
            reversed[i] = bits == 0 ? 0 : Integer.reverse(i) >>> (32 - bits);
        }
        stageCos = new double[Math.max(2, half)];
        stageSin = new double[Math.max(2, half)];
        for (int h = 1; h < half; h <<= 1) {
            for (int j = 0; j < h; j++) {
                double angle = Math.PI * j / h;
                stageCos[h + j] = Math.cos(angle);
                stageSin[h + j] = Math.sin(angle);
            }
        }
        splitCos = new double[size / 4 + 1];
        splitSin = new double[size / 4 + 1];
        for (int k = 0; k <= size / 4; k++) {
            double angle = 2 * Math.PI * k / size;
            splitCos[k] = Math.cos(angle);
            splitSin[k] = Math.sin(angle);
        }
        re = new double[half];
        im = new double[half];
    }

    /** The number of real samples transformed. */
    public int size() {
        return size;
    }

    /**
     * Replaces the {@link #size()} real samples at the start of {@code data} with their spectrum in the packed layout.
     * Never allocates.
     */
    public void forward(double[] data) {
        int n = half;
        for (int r = 0; r < n; r++) {
            int m = 2 * reversed[r];
            re[r] = data[m];
            im[r] = data[m + 1];
        }
        transform();
        // Separate the spectra of the even (E) and odd (O) samples: X[k] = E[k] + W^k O[k], W = e^(-2 pi i / N).
        double r0 = re[0];
        double i0 = im[0];
        data[0] = r0 + i0;
        data[1] = r0 - i0;
        for (int k = 1; k <= n / 2; k++) {
            int l = n - k;
            double a = re[k];
            double b = im[k];
            double c = re[l];
            double d = im[l];
            double er = 0.5 * (a + c);
            double ei = 0.5 * (b - d);
            double or = 0.5 * (b + d);
            double oi = -0.5 * (a - c);
            double wc = cos(k);
            double ws = sin(k);
            // W^k O[k] with W^k = wc - i ws.
            double tr = wc * or + ws * oi;
            double ti = wc * oi - ws * or;
            data[2 * k] = er + tr;
            data[2 * k + 1] = ei + ti;
            if (l != k) {
                // X[N/2 - k] = conj(E[k]) - conj(W^k O[k]).
                data[2 * l] = er - tr;
                data[2 * l + 1] = -ei + ti;
            }
        }
    }

    /**
     * Replaces the packed spectrum at the start of {@code data} with the {@link #size()} real samples it is the
     * transform of (scaled by {@code 1 / N}, so that {@code inverse(forward(x)) == x} to rounding). Never allocates.
     */
    public void inverse(double[] data) {
        int n = half;
        // Rebuild Z[k] = E[k] + i O[k], conjugated, in place in data; then load it bit-reversed and transform forward:
        // conj(FFT(conj(Z))) = n IFFT(Z).
        double x0 = data[0];
        double xn = data[1];
        data[0] = 0.5 * (x0 + xn);
        data[1] = -0.5 * (x0 - xn);
        for (int k = 1; k <= n / 2; k++) {
            int l = n - k;
            double a = data[2 * k];
            double b = data[2 * k + 1];
            double c = data[2 * l];
            double d = data[2 * l + 1];
            double er = 0.5 * (a + c);
            double ei = 0.5 * (b - d);
            double pr = 0.5 * (a - c);
            double pi = 0.5 * (b + d);
            double wc = cos(k);
            double ws = sin(k);
            // O[k] = P / W^k = P (wc + i ws).
            double or = pr * wc - pi * ws;
            double oi = pr * ws + pi * wc;
            // Z[k] = E + i O and Z[l] = conj(E) + i conj(O), stored conjugated.
            data[2 * k] = er - oi;
            data[2 * k + 1] = -(ei + or);
            if (l != k) {
                data[2 * l] = er + oi;
                data[2 * l + 1] = -(-ei + or);
            }
        }
        for (int r = 0; r < n; r++) {
            int m = 2 * reversed[r];
            re[r] = data[m];
            im[r] = data[m + 1];
        }
        transform();
        double scale = 1.0 / n;
        for (int m = 0; m < n; m++) {
            data[2 * m] = re[m] * scale;
            data[2 * m + 1] = -im[m] * scale;
        }
    }

    private double cos(int k) {
        return k <= size / 4 ? splitCos[k] : -splitSin[k - size / 4];
    }

    private double sin(int k) {
        return k <= size / 4 ? splitSin[k] : splitCos[k - size / 4];
    }

    /** Complex points per cache block: the early stages run block by block while the block sits in L1. */
    private static final int CACHE_BLOCK = 1024;

    /**
     * Complex forward transform of {@code re, im} (already in bit-reversed order) into natural order: the stages whose
     * butterflies stay within a cache block run block by block, the later ones over the whole array; stages run two
     * at a time (radix 2 x 2) to halve the passes over memory.
     */
    private void transform() {
        int n = half;
        int block = Math.min(n, CACHE_BLOCK);
        for (int from = 0; from < n; from += block) {
            firstStages(from, from + block);
            int h = 4;
            for (; 4 * h <= block; h *= 4) {
                stagePair(h, from, from + block);
            }
            if (2 * h <= block) {
                stage(h, from, from + block);
            }
        }
        int h = block;
        for (; 4 * h <= n; h *= 4) {
            stagePair(h, 0, n);
        }
        if (2 * h <= n) {
            stage(h, 0, n);
        }
    }

    /** The stages of span 1 and 2, whose twiddles are 1 and -i, over {@code [from, to)}. */
    private void firstStages(int from, int to) {
        double[] xr = re;
        double[] xi = im;
        if (to - from >= 2) {
            for (int b = from; b < to; b += 2) {
                double ar = xr[b];
                double ai = xi[b];
                double br = xr[b + 1];
                double bi = xi[b + 1];
                xr[b] = ar + br;
                xi[b] = ai + bi;
                xr[b + 1] = ar - br;
                xi[b + 1] = ai - bi;
            }
        }
        if (to - from >= 4) {
            for (int b = from; b < to; b += 4) {
                double ar = xr[b];
                double ai = xi[b];
                double br = xr[b + 2];
                double bi = xi[b + 2];
                xr[b] = ar + br;
                xi[b] = ai + bi;
                xr[b + 2] = ar - br;
                xi[b + 2] = ai - bi;
                double cr = xr[b + 1];
                double ci = xi[b + 1];
                double dr = xi[b + 3];
                double di = -xr[b + 3];
                xr[b + 1] = cr + dr;
                xi[b + 1] = ci + di;
                xr[b + 3] = cr - dr;
                xi[b + 3] = ci - di;
            }
        }
    }

    /** One radix-2 stage of span {@code h} (butterflies {@code h} apart) over {@code [from, to)}. */
    private void stage(int h, int from, int to) {
        double[] xr = re;
        double[] xi = im;
        double[] wc = stageCos;
        double[] ws = stageSin;
        for (int b = from; b < to; b += 2 * h) {
            for (int j = 0; j < h; j++) {
                int p = b + j;
                int q = p + h;
                double c = wc[h + j];
                double s = ws[h + j];
                double yr = xr[q];
                double yi = xi[q];
                double tr = c * yr + s * yi;
                double ti = c * yi - s * yr;
                double ur = xr[p];
                double ui = xi[p];
                xr[q] = ur - tr;
                xi[q] = ui - ti;
                xr[p] = ur + tr;
                xi[p] = ui + ti;
            }
        }
    }

    /** The radix-2 stages of span {@code h} and {@code 2h} in one pass over {@code [from, to)}. */
    private void stagePair(int h, int from, int to) {
        double[] xr = re;
        double[] xi = im;
        double[] wc = stageCos;
        double[] ws = stageSin;
        int h2 = 2 * h;
        for (int b = from; b < to; b += 4 * h) {
            for (int j = 0; j < h; j++) {
                int i0 = b + j;
                int i1 = i0 + h;
                int i2 = i1 + h;
                int i3 = i2 + h;
                // Span h: W = c1 - i s1 on the pairs (i0, i1) and (i2, i3).
                double c1 = wc[h + j];
                double s1 = ws[h + j];
                double yr = xr[i1];
                double yi = xi[i1];
                double tr = c1 * yr + s1 * yi;
                double ti = c1 * yi - s1 * yr;
                double ar = xr[i0] + tr;
                double ai = xi[i0] + ti;
                double br = xr[i0] - tr;
                double bi = xi[i0] - ti;
                yr = xr[i3];
                yi = xi[i3];
                tr = c1 * yr + s1 * yi;
                ti = c1 * yi - s1 * yr;
                double cr = xr[i2] + tr;
                double ci = xi[i2] + ti;
                double dr = xr[i2] - tr;
                double di = xi[i2] - ti;
                // Span 2h: W = c2 - i s2 on (a, c); -i W on (b, d).
                double c2 = wc[h2 + j];
                double s2 = ws[h2 + j];
                tr = c2 * cr + s2 * ci;
                ti = c2 * ci - s2 * cr;
                xr[i0] = ar + tr;
                xi[i0] = ai + ti;
                xr[i2] = ar - tr;
                xi[i2] = ai - ti;
                double ur = c2 * dr + s2 * di;
                double ui = c2 * di - s2 * dr;
                // -i (ur + i ui) = ui - i ur.
                xr[i1] = br + ui;
                xi[i1] = bi - ur;
                xr[i3] = br - ui;
                xi[i3] = bi + ur;
            }
        }
    }
}
