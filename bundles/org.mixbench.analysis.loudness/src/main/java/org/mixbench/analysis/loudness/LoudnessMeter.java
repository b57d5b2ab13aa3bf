package org.mixbench.analysis.loudness;

import java.util.Arrays;

import org.mixbench.api.analysis.Analyzer;
import org.mixbench.api.processor.AudioBlock;
import org.osgi.annotation.versioning.ConsumerType;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Loudness per ITU-R BS.1770-4 and EBU R128: momentary (400 ms), short-term (3 s), integrated and loudness range
 * (EBU Tech 3342), and the maxima of momentary and short-term loudness.
 *
 * <p>How it measures. Each weighted channel is K-weighted (two biquads derived for the actual sample rate, see
 * {@link #kWeightingResponseDb}); the weighted sum of squares is collected per 5 ms sub-block (sub-block {@code k}
 * ends at frame {@code floor((k + 1) fs / 200)}) into a ring of the last 3 s. At the end of every sub-block the
 * momentary and short-term mean squares are taken over the last 80 and 600 sub-blocks (windows reaching back before
 * the first frame count the missing part as silence), so the maxima are over windows ending every 5 ms: a 400 ms
 * burst is never missed by more than 0.06 LU (Tech 3341 cases 13 and 14 need 10 ms or better). Every 100 ms, the
 * complete 400 ms window is a gating block (BS.1770-4: blocks start at 0 and step by 100 ms) and the complete 3 s
 * window is a loudness-range value (Tech 3342); both go into bounded histograms of 0.01 LU bins that also keep the
 * exact energies of their blocks, so the integrated loudness (absolute gate -70 LUFS, relative gate -10 LU) and the
 * loudness range (absolute gate -70 LUFS, relative gate -20 LU, 95th minus 10th percentile) are within 0.01 LU of a
 * computation over every block, with memory that does not grow with the input (about 330 kB per meter).
 *
 * <p>Channels and weights (BS.1770-4 Table 3): by default 1 channel is mono (one channel, weight 1, not dual mono),
 * 2 is L R, 3 is L R C, 4 is L R Ls Rs, 5 is L R C Ls Rs, 6 is 5.1 in the order L R C LFE Ls Rs, 7 is 6.1 (L R C LFE
 * Ls Rs Cs), 8 is 7.1 (L R C LFE Lss Rss Lrs Rrs); L, R, C and the rear channels weigh 1.0, the side surrounds
 * (Ls, Rs, Lss, Rss) 1.41, the LFE 0 (excluded). Other layouts pass their weights to
 * {@link #LoudnessMeter(double, double[])}.
 *
 * <p>Non-finite input samples (NaN, infinities) are measured as 0 and counted in
 * {@link LoudnessSnapshot#nonFiniteSamples()}; they never poison the filters.
 *
 * <p>Threads: construct on the main thread. One analysis thread at a time calls {@link #process}, {@link #reset} and
 * {@link #setHistoryListener}; they never allocate, lock, log or do I/O. {@link #snapshot()} may be called from any
 * thread at any time, never blocks the analysis thread and always returns one complete measurement.
 */
@ProviderType
public final class LoudnessMeter implements Analyzer<LoudnessSnapshot> {
    /** Sub-blocks per second: windows end every 5 ms. */
    public static final int SUBBLOCKS_PER_SECOND = 200;
    /** Lowest supported sample rate, Hz. */
    public static final double MIN_SAMPLE_RATE = 8_000;
    /** Highest supported sample rate, Hz. */
    public static final double MAX_SAMPLE_RATE = 384_000;
    /** Weight of a side surround channel (BS.1770-4 Table 3). */
    public static final double SURROUND_WEIGHT = 1.41;

    static final int MOMENTARY_SUBBLOCKS = 80;
    static final int SHORT_TERM_SUBBLOCKS = 600;
    static final int STEP_SUBBLOCKS = 20;
    static final double INTEGRATED_RELATIVE_GATE = -10;
    static final double RANGE_RELATIVE_GATE = -20;
    static final double RANGE_LOW = 0.10;
    static final double RANGE_HIGH = 0.95;
    private static final double DENORMAL_GUARD = 1e-30;

    private static final int FRAMES = 0;
    private static final int MOMENTARY = 1;
    private static final int SHORT_TERM = 2;
    private static final int INTEGRATED = 3;
    private static final int RANGE = 4;
    private static final int MOMENTARY_MAX = 5;
    private static final int SHORT_TERM_MAX = 6;
    private static final int GATE = 7;
    private static final int RANGE_LOW_SLOT = 8;
    private static final int RANGE_HIGH_SLOT = 9;
    private static final int BLOCKS = 10;
    private static final int NON_FINITE = 11;
    private static final int SLOTS = 12;

    /**
     * Receives the momentary and short-term loudness at a fixed hop, so a caller can keep a loudness history; the
     * meter itself keeps none.
     */
    @ConsumerType
    @FunctionalInterface
    public interface HistoryListener {
        /**
         * The windows ending at {@code (index + 1) * hop} seconds: momentary (400 ms) and short-term (3 s) loudness,
         * LUFS, -Infinity for silence (windows reaching back before the first frame count that part as silence).
         * Called on the analysis thread from inside {@code process}: must not block, and should not allocate.
         */
        void loudness(long index, double momentaryLufs, double shortTermLufs);
    }

    private final double sampleRate;
    private final int channels;
    private final double[] weights;
    private final int[] active;
    private final double[] activeWeights;
    private final boolean integralRate;
    private final long rate;
    private final float[][] view;

    private final double sb0;
    private final double sb1;
    private final double sb2;
    private final double sa1;
    private final double sa2;
    private final double ha1;
    private final double ha2;
    /** Per active channel, the filter states: shelf z1, z2, high-pass z1, z2. */
    private final double[] state;

    /** Per sub-block, the weighted sum of squares; the last {@link #SHORT_TERM_SUBBLOCKS}. */
    private final double[] ring = new double[SHORT_TERM_SUBBLOCKS];
    private final GatingHistogram blocks = new GatingHistogram();
    private final GatingHistogram shortTerms = new GatingHistogram();
    private final Published published = new Published(SLOTS);

    private long frames;
    private long nonFinite;
    private long subblocks;
    private int subFilled;
    private int subLength;
    private double subEnergy;
    private double shortTermSum;
    private double momentary = Double.NaN;
    private double shortTerm = Double.NaN;
    private double momentaryMax = Double.NaN;
    private double shortTermMax = Double.NaN;
    private boolean gatesChanged;
    private double integrated = Double.NEGATIVE_INFINITY;
    private double gate = Double.NaN;
    private double rangeLow = Double.NaN;
    private double rangeHigh = Double.NaN;

    private HistoryListener listener;
    private int hopSubblocks;

    /**
     * A meter for {@code channels} channels in the default layout for that count (1 to 8, see the class comment) at
     * {@code sampleRate} Hz (8 to 384 kHz). Main thread.
     *
     * @throws IllegalArgumentException for another channel count or sample rate
     */
    public LoudnessMeter(double sampleRate, int channels) {
        this(sampleRate, defaultWeights(channels));
    }

    /**
     * A meter whose channel {@code c} has the BS.1770 weight {@code weights[c]} (0 excludes a channel, such as an
     * LFE) at {@code sampleRate} Hz (8 to 384 kHz). Main thread.
     *
     * @throws IllegalArgumentException for an unsupported sample rate, no channel, more than 64, or a weight that is
     *                                  negative or not finite
     */
    public LoudnessMeter(double sampleRate, double[] weights) {
        if (!(sampleRate >= MIN_SAMPLE_RATE && sampleRate <= MAX_SAMPLE_RATE)) {
            throw new IllegalArgumentException("sample rate must be within 8 to 384 kHz: " + sampleRate);
        }
        if (weights.length == 0 || weights.length > 64) {
            throw new IllegalArgumentException("1 to 64 channels: " + weights.length);
        }
        int count = 0;
        for (double w : weights) {
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException("channel weights must be finite and not negative: "
                        + Arrays.toString(weights));
            }
            if (w > 0) {
                count++;
            }
        }
        this.sampleRate = sampleRate;
        this.channels = weights.length;
        this.weights = weights.clone();
        this.active = new int[count];
        this.activeWeights = new double[count];
        for (int c = 0, a = 0; c < weights.length; c++) {
            if (weights[c] > 0) {
                active[a] = c;
                activeWeights[a++] = weights[c];
            }
        }
        this.integralRate = sampleRate == Math.rint(sampleRate);
        this.rate = (long) sampleRate;
        this.view = new float[channels][];
        double[] shelf = KWeighting.shelf(sampleRate);
        double[] highPass = KWeighting.highPass(sampleRate);
        sb0 = shelf[0];
        sb1 = shelf[1];
        sb2 = shelf[2];
        sa1 = shelf[3];
        sa2 = shelf[4];
        ha1 = highPass[3];
        ha2 = highPass[4];
        state = new double[4 * count];
        subLength = (int) (boundary(1) - boundary(0));
        publish();
    }

    /**
     * The BS.1770-4 weights of the default layout for {@code channels} (see the class comment). Any thread.
     *
     * @throws IllegalArgumentException for a count outside 1 to 8
     */
    public static double[] defaultWeights(int channels) {
        double s = SURROUND_WEIGHT;
        switch (channels) {
            case 1: return new double[] {1};
            case 2: return new double[] {1, 1};
            case 3: return new double[] {1, 1, 1};
            case 4: return new double[] {1, 1, s, s};
            case 5: return new double[] {1, 1, 1, s, s};
            case 6: return new double[] {1, 1, 1, 0, s, s};
            case 7: return new double[] {1, 1, 1, 0, s, s, 1};
            case 8: return new double[] {1, 1, 1, 0, s, s, 1, 1};
            default:
                throw new IllegalArgumentException("loudness is measured for the channel layouts of 1 to 8 channels, "
                        + "not " + channels + " channels");
        }
    }

    /** The sample rate, Hz. Any thread. */
    public double sampleRate() {
        return sampleRate;
    }

    /** Number of channels of every block. Any thread. */
    public int channels() {
        return channels;
    }

    /** The channel weights (a copy). Any thread. */
    public double[] weights() {
        return weights.clone();
    }

    /**
     * The magnitude response of the K-weighting this meter applies at {@code sampleRate}, at {@code frequency} Hz, in
     * dB (about +0.69 dB at 1 kHz, +4 dB in the treble, falling steeply below 40 Hz). Any thread.
     */
    public static double kWeightingResponseDb(double sampleRate, double frequency) {
        return KWeighting.responseDb(sampleRate, frequency);
    }

    /**
     * Calls {@code listener} every {@code hopSeconds} of input (a multiple of 5 ms, such as 0.01 or 0.1) with the
     * momentary and short-term loudness of the windows ending there; {@code null} stops. The first call is for the
     * windows ending at {@code hopSeconds}. Takes effect from the next sub-block; call it before the first block for
     * a complete history. Analysis thread (or the main thread before processing starts).
     *
     * @throws IllegalArgumentException if the hop is not a positive multiple of 5 ms
     */
    public void setHistoryListener(double hopSeconds, HistoryListener listener) {
        if (listener == null) {
            this.listener = null;
            return;
        }
        double subs = hopSeconds * SUBBLOCKS_PER_SECOND;
        long rounded = Math.round(subs);
        if (!(hopSeconds > 0) || rounded < 1 || rounded > Integer.MAX_VALUE || Math.abs(subs - rounded) > 1e-6) {
            throw new IllegalArgumentException("the hop must be a positive multiple of 5 ms: " + hopSeconds);
        }
        this.hopSubblocks = (int) rounded;
        this.listener = listener;
    }

    /**
     * Measures one block of planar audio: the first {@code block.frames()} frames of each of its channels (read only).
     * Analysis thread; no allocation, no lock.
     *
     * @throws IllegalArgumentException if the block has another number of channels
     */
    @Override
    public void process(AudioBlock block) {
        if (block.channelCount() != channels) {
            throw new IllegalArgumentException("expected " + channels + " channels, got " + block.channelCount());
        }
        for (int c = 0; c < channels; c++) {
            view[c] = block.channel(c);
        }
        process(view, 0, block.frames());
    }

    /**
     * Measures {@code frames} frames of planar audio starting at {@code offset} in each of {@code audio[0 ..
     * channels - 1]} (read only; any number of frames, including 0). Analysis thread; no allocation, no lock.
     *
     * @throws IllegalArgumentException if there are fewer arrays than channels or the range is outside them
     */
    public void process(float[][] audio, int offset, int frames) {
        if (audio.length < channels || frames < 0 || offset < 0) {
            throw new IllegalArgumentException("need " + channels + " channels and a valid range");
        }
        for (int c : active) {
            if (audio[c].length - offset < frames) {
                throw new IllegalArgumentException("channel " + c + " is shorter than offset + frames");
            }
        }
        int position = offset;
        int remaining = frames;
        while (remaining > 0) {
            int chunk = Math.min(remaining, subLength - subFilled);
            filter(audio, position, chunk);
            position += chunk;
            remaining -= chunk;
            subFilled += chunk;
            this.frames += chunk;
            if (subFilled == subLength) {
                completeSubblock();
            }
        }
        publish();
    }

    /** K-weights {@code count} frames of every weighted channel and adds their weighted energy to the sub-block. */
    private void filter(float[][] audio, int from, int count) {
        double b0 = sb0;
        double b1 = sb1;
        double b2 = sb2;
        double a1 = sa1;
        double a2 = sa2;
        double h1 = ha1;
        double h2 = ha2;
        int to = from + count;
        double energy = 0;
        for (int a = 0; a < active.length; a++) {
            float[] x = audio[active[a]];
            int s = 4 * a;
            double z1 = state[s];
            double z2 = state[s + 1];
            double z3 = state[s + 2];
            double z4 = state[s + 3];
            double sum = 0;
            for (int i = from; i < to; i++) {
                double in = x[i];
                double y = b0 * in + z1;
                z1 = b1 * in - a1 * y + z2;
                z2 = b2 * in - a2 * y;
                double v = y + z3;
                z3 = -2 * y - h1 * v + z4;
                z4 = y - h2 * v;
                sum += v * v;
            }
            if (!Double.isFinite(sum)) {
                sum = filterSanitized(x, from, to, s);
            } else {
                state[s] = Math.abs(z1) < DENORMAL_GUARD ? 0 : z1;
                state[s + 1] = Math.abs(z2) < DENORMAL_GUARD ? 0 : z2;
                state[s + 2] = Math.abs(z3) < DENORMAL_GUARD ? 0 : z3;
                state[s + 3] = Math.abs(z4) < DENORMAL_GUARD ? 0 : z4;
            }
            energy += activeWeights[a] * sum;
        }
        subEnergy += energy;
    }

    /** The slow path for a chunk holding NaN or infinite samples: they are measured as 0 and counted. */
    private double filterSanitized(float[] x, int from, int to, int s) {
        double z1 = state[s];
        double z2 = state[s + 1];
        double z3 = state[s + 2];
        double z4 = state[s + 3];
        double sum = 0;
        for (int i = from; i < to; i++) {
            double in = x[i];
            if (!Double.isFinite(in)) {
                in = 0;
                nonFinite++;
            }
            double y = sb0 * in + z1;
            z1 = sb1 * in - sa1 * y + z2;
            z2 = sb2 * in - sa2 * y;
            double v = y + z3;
            z3 = -2 * y - ha1 * v + z4;
            z4 = y - ha2 * v;
            sum += v * v;
        }
        state[s] = z1;
        state[s + 1] = z2;
        state[s + 2] = z3;
        state[s + 3] = z4;
        return sum;
    }

    /** Closes the current 5 ms sub-block: windows, maxima, gating blocks, history. */
    private void completeSubblock() {
        int slot = (int) (subblocks % SHORT_TERM_SUBBLOCKS);
        shortTermSum += subEnergy - ring[slot];
        ring[slot] = subEnergy;
        subEnergy = 0;
        subFilled = 0;
        long k = ++subblocks;
        subLength = (int) (boundary(k + 1) - boundary(k));

        double sum = 0;
        for (int i = 0, j = slot; i < MOMENTARY_SUBBLOCKS; i++) {
            sum += ring[j];
            j = j == 0 ? SHORT_TERM_SUBBLOCKS - 1 : j - 1;
        }
        momentary = sum / (boundary(k) - boundary(k - MOMENTARY_SUBBLOCKS));
        boolean step = k % STEP_SUBBLOCKS == 0;
        if (step) {
            double exact = 0;
            for (double e : ring) {
                exact += e;
            }
            shortTermSum = exact;
        }
        shortTerm = Math.max(shortTermSum, 0) / (boundary(k) - boundary(k - SHORT_TERM_SUBBLOCKS));
        if (!(momentary <= momentaryMax)) {
            momentaryMax = momentary;
        }
        if (!(shortTerm <= shortTermMax)) {
            shortTermMax = shortTerm;
        }
        if (step) {
            if (k >= MOMENTARY_SUBBLOCKS) {
                blocks.add(momentary);
                gatesChanged = true;
            }
            if (k >= SHORT_TERM_SUBBLOCKS) {
                shortTerms.add(shortTerm);
                gatesChanged = true;
            }
        }
        HistoryListener l = listener;
        if (l != null && k % hopSubblocks == 0) {
            l.loudness(k / hopSubblocks - 1, lufs(momentary), lufs(shortTerm));
        }
    }

    /** The frame at which sub-block {@code k} starts: {@code floor(k fs / 200)}, also for negative {@code k}. */
    private long boundary(long k) {
        if (integralRate) {
            return Math.floorDiv(k * rate, SUBBLOCKS_PER_SECOND);
        }
        return (long) Math.floor(k * sampleRate / SUBBLOCKS_PER_SECOND);
    }

    private void publish() {
        if (gatesChanged) {
            gatesChanged = false;
            integrated = blocks.gatedMean(INTEGRATED_RELATIVE_GATE);
            gate = blocks.relativeGate(INTEGRATED_RELATIVE_GATE);
            rangeLow = shortTerms.percentile(RANGE_RELATIVE_GATE, RANGE_LOW);
            rangeHigh = shortTerms.percentile(RANGE_RELATIVE_GATE, RANGE_HIGH);
        }
        published.begin();
        published.putLong(FRAMES, frames);
        published.put(MOMENTARY, lufs(momentary));
        published.put(SHORT_TERM, lufs(shortTerm));
        published.put(INTEGRATED, integrated);
        published.put(RANGE, rangeHigh - rangeLow);
        published.put(MOMENTARY_MAX, lufs(momentaryMax));
        published.put(SHORT_TERM_MAX, lufs(shortTermMax));
        published.put(GATE, gate);
        published.put(RANGE_LOW_SLOT, rangeLow);
        published.put(RANGE_HIGH_SLOT, rangeHigh);
        published.putLong(BLOCKS, blocks.count());
        published.putLong(NON_FINITE, nonFinite);
        published.end();
    }

    /**
     * The latest measurement: complete, consistent and immutable. Any thread; never blocks the analysis thread
     * (allocates the returned record).
     */
    @Override
    public LoudnessSnapshot snapshot() {
        long[] v = new long[SLOTS];
        published.read(v);
        return new LoudnessSnapshot(sampleRate, v[FRAMES], d(v[MOMENTARY]), d(v[SHORT_TERM]), d(v[INTEGRATED]),
                d(v[RANGE]), d(v[MOMENTARY_MAX]), d(v[SHORT_TERM_MAX]), d(v[GATE]), d(v[RANGE_LOW_SLOT]),
                d(v[RANGE_HIGH_SLOT]), v[BLOCKS], v[NON_FINITE]);
    }

    private static double d(long bits) {
        return Double.longBitsToDouble(bits);
    }

    /** Forgets everything measured (the history listener stays). Analysis thread; no allocation. */
    @Override
    public void reset() {
        Arrays.fill(state, 0);
        Arrays.fill(ring, 0);
        blocks.clear();
        shortTerms.clear();
        frames = 0;
        nonFinite = 0;
        subblocks = 0;
        subFilled = 0;
        subLength = (int) (boundary(1) - boundary(0));
        subEnergy = 0;
        shortTermSum = 0;
        momentary = Double.NaN;
        shortTerm = Double.NaN;
        momentaryMax = Double.NaN;
        shortTermMax = Double.NaN;
        gatesChanged = false;
        integrated = Double.NEGATIVE_INFINITY;
        gate = Double.NaN;
        rangeLow = Double.NaN;
        rangeHigh = Double.NaN;
        publish();
    }

    /** Loudness of a weighted mean square: {@code -0.691 + 10 log10(meanSquare)} LUFS (BS.1770-4 eq. 2). Any thread. */
    static double lufs(double meanSquare) {
        return -0.691 + 10 * Math.log10(meanSquare);
    }
}
