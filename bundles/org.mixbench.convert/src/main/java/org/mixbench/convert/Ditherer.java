package org.mixbench.convert;

import java.util.Arrays;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Reduces planar float audio in place to a word length of {@code bits} (8 to 24), the last stage before a file is
 * written at 16 or 24 bits. Every output value lies exactly on the grid {@code k / 2^(bits-1)} and within
 * {@code [-1, 1 - 2^-(bits-1)]}, so an integer writer only has to multiply by {@code 2^(bits-1)}.
 *
 * <p>Dither ({@link DitherType}): none (plain rounding), TPDF (the difference of two uniform values, plus or minus
 * one LSB, from a seeded xorshift64* generator per channel) or TPDF with error-feedback noise shaping through
 * Wannamaker's 9-tap F-weighted filter (JAES 40(7/8), 1992): the quantizer sees {@code x - sum h_i e[n-i]} where
 * {@code e} is the total error (dither plus rounding) of earlier samples, so the output error is {@code e} filtered
 * by {@code 1 - sum h_i z^-i}. The error fed back is taken before clamping, which keeps the loop stable when the
 * signal clips.
 *
 * <p>Clipping is never silent: every clamped sample is counted, with the frame index of the first one (counted from
 * the start of the stream, across calls) and the peak input magnitude; read them with {@link #clipReport()}.
 * NaN input samples are written as 0; infinities count as clipped, with an infinite peak.
 *
 * <p>Determinism: each channel has its own generator and shaping state, so the output does not depend on how the
 * stream is cut into calls; {@link #reset} reseeds the generators and clears the filters and the report.
 *
 * <p>Threads: construct on the main thread; afterwards one thread at a time (the audio or export thread) calls
 * {@link #process}, the setters, {@link #reset} and {@link #clipReport()}. {@link #process} and the setters never
 * allocate or lock.
 */
@ProviderType
public final class Ditherer {
    /** The seed of {@link #Ditherer(int, int, DitherType)}. */
    public static final long DEFAULT_SEED = 0x6d69786265_6e6368L;

    /** Wannamaker's 9-tap F-weighted error-feedback filter for 44.1 kHz, {@code h_1 ... h_9}. */
    static final double[] F_WEIGHTED = {2.412, -3.370, 3.937, -4.174, 3.353, -2.205, 1.281, -0.569, 0.0847};
    private static final int ORDER = F_WEIGHTED.length;
    private static final double H1 = F_WEIGHTED[0];
    private static final double H2 = F_WEIGHTED[1];
    private static final double H3 = F_WEIGHTED[2];
    private static final double H4 = F_WEIGHTED[3];
    private static final double H5 = F_WEIGHTED[4];
    private static final double H6 = F_WEIGHTED[5];
    private static final double H7 = F_WEIGHTED[6];
    private static final double H8 = F_WEIGHTED[7];
    private static final double H9 = F_WEIGHTED[8];
    private static final double TWO_TO_MINUS_32 = 0x1.0p-32;

    private final int channels;
    private final long seed;
    private final long[] random;
    /** Per channel, the last {@link #ORDER} total errors (dither plus rounding) in LSB, newest first. */
    private final double[][] errors;
    private int bits;
    private DitherType type;
    private double scale;
    private double step;
    private double maxCode;
    private double minCode;

    private long frame;
    private long clippedSamples;
    private long firstClipFrame;
    private double peak;

    /** A ditherer for {@code channels} channels with {@link #DEFAULT_SEED}. Main thread. */
    public Ditherer(int channels, int bits, DitherType type) {
        this(channels, bits, type, DEFAULT_SEED);
    }

    /**
     * A ditherer for {@code channels} channels to {@code bits} bits with dither {@code type}, whose generators start
     * from {@code seed}. Main thread.
     *
     * @throws IllegalArgumentException if {@code channels} is not positive or {@code bits} is outside 8..24
     */
    public Ditherer(int channels, int bits, DitherType type, long seed) {
        if (channels <= 0) {
            throw new IllegalArgumentException("channels must be positive: " + channels);
        }
        this.channels = channels;
        this.seed = seed;
        this.random = new long[channels];
        this.errors = new double[channels][ORDER];
        setBits(bits);
        setType(type);
        reset();
    }

    /** Number of channels. Any thread. */
    public int channels() {
        return channels;
    }

    /** Output word length in bits. Processing thread. */
    public int bits() {
        return bits;
    }

    /** The dither applied. Processing thread. */
    public DitherType type() {
        return type;
    }

    /**
     * Changes the word length from the next sample on and clears the shaping filter. Never allocates. Processing
     * thread.
     *
     * @throws IllegalArgumentException if {@code bits} is outside 8..24
     */
    public void setBits(int bits) {
        if (bits < 8 || bits > 24) {
            throw new IllegalArgumentException("bits must be within 8..24: " + bits);
        }
        this.bits = bits;
        scale = Math.scalb(1.0, bits - 1);
        step = Math.scalb(1.0, 1 - bits);
        maxCode = scale - 1;
        minCode = -scale;
        clearErrors();
    }

    /** Changes the dither from the next sample on and clears the shaping filter. Never allocates. Processing thread. */
    public void setType(DitherType type) {
        if (type == null) {
            throw new IllegalArgumentException("type must not be null");
        }
        this.type = type;
        clearErrors();
    }

    /**
     * Starts a new stream: reseeds every channel's generator, clears the shaping filters, the frame count and the
     * clip report. Never allocates. Processing thread.
     */
    public void reset() {
        for (int c = 0; c < channels; c++) {
            long s = mix(seed + (c + 1) * 0x9E3779B97F4A7C15L);
            random[c] = s == 0 ? 0x2545F4914F6CDD1DL : s;
        }
        clearErrors();
        frame = 0;
        clippedSamples = 0;
        firstClipFrame = -1;
        peak = 0;
    }

    private void clearErrors() {
        for (double[] e : errors) {
            Arrays.fill(e, 0);
        }
    }

    /**
     * What was clamped since construction or the last {@link #reset}. Allocates one small record, so call it between
     * blocks or at the end of the stream, not per sample. Processing thread.
     */
    public ClipReport clipReport() {
        return new ClipReport(clippedSamples, firstClipFrame, peak);
    }

    /**
     * Quantizes {@code frames} frames of the first {@link #channels()} arrays of {@code audio}, from {@code offset},
     * in place. Never allocates or locks. Processing thread.
     */
    public void process(float[][] audio, int offset, int frames) {
        if (frames <= 0) {
            return;
        }
        long first = -1;
        for (int c = 0; c < channels; c++) {
            long clipAt = switch (type) {
                case NONE -> round(audio[c], offset, frames);
                case TPDF -> tpdf(audio[c], offset, frames, c);
                case SHAPED -> shaped(audio[c], offset, frames, c);
            };
            if (clipAt >= 0 && (first < 0 || clipAt < first)) {
                first = clipAt;
            }
        }
        if (first >= 0 && firstClipFrame < 0) {
            firstClipFrame = frame + first;
        }
        frame += frames;
    }

    /** Plain rounding; returns the offset within the call of the first clamped sample, or -1. */
    private long round(float[] x, int offset, int frames) {
        long firstClip = -1;
        double pk = peak;
        for (int i = 0; i < frames; i++) {
            double v = x[offset + i];
            if (v != v) {
                v = 0;
            }
            double a = Math.abs(v);
            if (a > pk) {
                pk = a;
            }
            if (a > 2) {
                v = v > 0 ? 2 : -2; // far outside the range anyway; keeps infinities out of the arithmetic
            }
            double k = Math.floor(v * scale + 0.5);
            if (k > maxCode || k < minCode) {
                k = k > maxCode ? maxCode : minCode;
                clippedSamples++;
                if (firstClip < 0) {
                    firstClip = i;
                }
            }
            x[offset + i] = (float) (k * step);
        }
        peak = pk;
        return firstClip;
    }

    /** TPDF dither and rounding; returns the offset within the call of the first clamped sample, or -1. */
    private long tpdf(float[] x, int offset, int frames, int channel) {
        long firstClip = -1;
        double pk = peak;
        long r = random[channel];
        for (int i = 0; i < frames; i++) {
            double v = x[offset + i];
            if (v != v) {
                v = 0;
            }
            double a = Math.abs(v);
            if (a > pk) {
                pk = a;
            }
            if (a > 2) {
                v = v > 0 ? 2 : -2; // far outside the range anyway; keeps infinities out of the arithmetic
            }
            r ^= r >>> 12;
            r ^= r << 25;
            r ^= r >>> 27;
            long bitsOut = r * 0x2545F4914F6CDD1DL;
            double dither = ((bitsOut >>> 32) - (bitsOut & 0xFFFFFFFFL)) * TWO_TO_MINUS_32;
            double k = Math.floor(v * scale + dither + 0.5);
            if (k > maxCode || k < minCode) {
                k = k > maxCode ? maxCode : minCode;
                clippedSamples++;
                if (firstClip < 0) {
                    firstClip = i;
                }
            }
            x[offset + i] = (float) (k * step);
        }
        random[channel] = r;
        peak = pk;
        return firstClip;
    }

    /** TPDF dither with F-weighted error feedback; returns the offset of the first clamped sample, or -1. */
    private long shaped(float[] x, int offset, int frames, int channel) {
        long firstClip = -1;
        double pk = peak;
        long r = random[channel];
        double[] e = errors[channel];
        double e1 = e[0];
        double e2 = e[1];
        double e3 = e[2];
        double e4 = e[3];
        double e5 = e[4];
        double e6 = e[5];
        double e7 = e[6];
        double e8 = e[7];
        double e9 = e[8];
        for (int i = 0; i < frames; i++) {
            double v = x[offset + i];
            if (v != v) {
                v = 0;
            }
            double a = Math.abs(v);
            if (a > pk) {
                pk = a;
            }
            if (a > 2) {
                v = v > 0 ? 2 : -2; // far outside the range anyway; keeps infinities out of the arithmetic
            }
            r ^= r >>> 12;
            r ^= r << 25;
            r ^= r >>> 27;
            long bitsOut = r * 0x2545F4914F6CDD1DL;
            double dither = ((bitsOut >>> 32) - (bitsOut & 0xFFFFFFFFL)) * TWO_TO_MINUS_32;
            double u = v * scale - (H1 * e1 + H2 * e2 + H3 * e3 + H4 * e4 + H5 * e5 + H6 * e6 + H7 * e7 + H8 * e8
                    + H9 * e9);
            double k = Math.floor(u + dither + 0.5);
            e9 = e8;
            e8 = e7;
            e7 = e6;
            e6 = e5;
            e5 = e4;
            e4 = e3;
            e3 = e2;
            e2 = e1;
            e1 = k - u;
            if (k > maxCode || k < minCode) {
                k = k > maxCode ? maxCode : minCode;
                clippedSamples++;
                if (firstClip < 0) {
                    firstClip = i;
                }
            }
            x[offset + i] = (float) (k * step);
        }
        e[0] = e1;
        e[1] = e2;
        e[2] = e3;
        e[3] = e4;
        e[4] = e5;
        e[5] = e6;
        e[6] = e7;
        e[7] = e8;
        e[8] = e9;
        random[channel] = r;
        peak = pk;
        return firstClip;
    }

    /** The SplitMix64 finalizer, to turn a seed into a well-mixed generator state. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
