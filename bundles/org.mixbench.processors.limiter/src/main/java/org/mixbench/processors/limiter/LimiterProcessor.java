package org.mixbench.processors.limiter;

import static org.mixbench.processors.limiter.LimiterFactory.AUTO_RELEASE;
import static org.mixbench.processors.limiter.LimiterFactory.CEILING;
import static org.mixbench.processors.limiter.LimiterFactory.GAIN;
import static org.mixbench.processors.limiter.LimiterFactory.LINK;
import static org.mixbench.processors.limiter.LimiterFactory.RELEASE;

import java.util.Arrays;
import java.util.List;

import org.mixbench.api.processor.AudioBlock;
import org.mixbench.api.processor.GainReductionMeters;
import org.mixbench.api.processor.ParameterDescriptor;
import org.mixbench.api.processor.ProcessSpec;
import org.mixbench.api.processor.ProcessStatus;
import org.mixbench.api.processor.ProcessorState;
import org.mixbench.dsp.FastMath;
import org.mixbench.dsp.LinearSmoother;
import org.mixbench.dsp.ParameterBank;
import org.mixbench.dsp.SegmentedProcessor;

/**
 * The true-peak limiter described in {@link LimiterFactory}: drive, oversampled peak detection, linked release stages
 * in dB, minimum hold, two moving averages, delayed audio times gain, and a final clamp at the ceiling.
 *
 * <p>Timing, in frames: frame {@code j}'s peak is known {@code A = }{@link InterSamplePeakDetector#DELAY} frames
 * after it arrives. Its gain passes a minimum hold of {@code H} frames and moving averages of {@code W1} and
 * {@code W2} frames (support {@code S = W1 + W2 - 1}); with {@code H >= S + 2K} and the audio delayed by {@code A + B},
 * {@code B = S - 1 + K}, the gain applied to each frame within {@code K} = {@value #HOLD_MARGIN} frames of a peak is an
 * average of held values that all include that peak's gain, so it is at or below it. {@code H} is longer than that by
 * {@link #HOLD_SECONDS}, which only holds each reduction longer after its peak.
 *
 * <p>Threads: the main thread creates, prepares and restores; the audio thread processes and resets; the
 * gain-reduction meter is read by any thread (a volatile value published once per block).
 */
final class LimiterProcessor implements SegmentedProcessor, GainReductionMeters {
    /** Frames on either side of a peak over which the gain is held at or below the peak's need. */
    static final int HOLD_MARGIN = 16;
    /** How far under the ceiling the limiter aims, dB: covers the meters' shorter interpolators. */
    static final double SAFETY_DB = 0.05;
    /**
     * How long the reduction a peak needs is held after the peak (beyond the look-ahead's own window) before the
     * release begins, seconds: longer than the half period of 50 Hz, so a steady tone from 50 Hz up sees one constant
     * gain instead of a release between its crests (which distorts bass).
     */
    static final double HOLD_SECONDS = 0.010;
    /** Length of each of the two moving averages, seconds. */
    static final double AVERAGE_SECONDS = 0.001;
    /** With auto release: the fast stage's release time relative to the release parameter. */
    static final double AUTO_FAST = 0.5;
    /** With auto release: the slow stage's charging time constant relative to the release parameter. */
    static final double AUTO_CHARGE = 3;
    /** With auto release: the slow stage's release time constant relative to the release parameter. */
    static final double AUTO_SLOW = 5;
    private static final double GAIN_RAMP_SECONDS = 0.020;
    /** Multiplies dB to give the base-2 logarithm of the amplitude. */
    private static final double DB_TO_LOG2 = Math.log(10) / Math.log(2) / 20;
    /** Multiplies a natural logarithm of an amplitude ratio to give dB. */
    private static final double LN_TO_DB = 20 / Math.log(10);
    /** A reduction below this many dB is no reduction (the release would otherwise creep towards 0 forever). */
    private static final double NEGLIGIBLE_DB = 1e-7;

    private final ParameterBank bank;
    private final LinearSmoother driveDb = new LinearSmoother(GAIN_RAMP_SECONDS, 0);

    // Set by prepare.
    private double sampleRate = 48_000;
    private int channels;
    private int average1;
    private int average2;
    private int hold;
    private int gainDelay;
    private int latency;
    private int mask;
    private InterSamplePeakDetector detector;
    private float[][] delay = new float[0][];
    private float[] limits = new float[0];
    private double[] required = new double[0];
    private double[] fast = new double[0];
    private double[] slow = new double[0];
    private double[][] holdValues = new double[0][];
    private long[][] holdTimes = new long[0][];
    private int[] holdHead = new int[0];
    private int[] holdSize = new int[0];
    private double[][] ring1 = new double[0][];
    private double[][] ring2 = new double[0][];
    private double[] sum1 = new double[0];
    private double[] sum2 = new double[0];

    // Derived from the parameters.
    private double drive = 1;
    private double target;
    private double logTarget;
    private float limit;
    private double link;
    private boolean auto;
    private double fastCoefficient;
    private double chargeCoefficient;
    private double slowCoefficient;

    // Audio state.
    private long frame;
    private int position1;
    private int position2;
    private double blockMinimumGain = 1;
    private long clamped;
    private volatile double meterReductionDb;

    LimiterProcessor(List<ParameterDescriptor> parameters) {
        bank = new ParameterBank(parameters);
        derive();
    }

    @Override
    public void prepare(ProcessSpec spec) {
        sampleRate = spec.sampleRate();
        channels = spec.channels();
        average1 = Math.max(1, (int) Math.round(sampleRate * AVERAGE_SECONDS));
        average2 = average1;
        int support = average1 + average2 - 1;
        hold = support + 2 * HOLD_MARGIN + (int) Math.round(sampleRate * HOLD_SECONDS);
        gainDelay = support - 1 + HOLD_MARGIN;
        latency = InterSamplePeakDetector.DELAY + gainDelay;
        int size = Integer.highestOneBit(latency) * 2;
        mask = size - 1;
        detector = new InterSamplePeakDetector(sampleRate, channels);
        delay = new float[channels][size];
        limits = new float[size];
        required = new double[channels];
        fast = new double[channels];
        slow = new double[channels];
        holdValues = new double[channels][hold + 1];
        holdTimes = new long[channels][hold + 1];
        holdHead = new int[channels];
        holdSize = new int[channels];
        ring1 = new double[channels][average1];
        ring2 = new double[channels][average2];
        sum1 = new double[channels];
        sum2 = new double[channels];
        driveDb.prepare(sampleRate);
        derive();
        reset();
    }

    @Override
    public void reset() {
        driveDb.setImmediate(bank.get(GAIN));
        drive = amplitude(bank.get(GAIN));
        if (detector != null) {
            detector.reset();
        }
        for (float[] d : delay) {
            Arrays.fill(d, 0f);
        }
        Arrays.fill(limits, limit);
        Arrays.fill(fast, 0);
        Arrays.fill(slow, 0);
        Arrays.fill(holdHead, 0);
        Arrays.fill(holdSize, 0);
        for (int c = 0; c < channels; c++) {
            Arrays.fill(ring1[c], 1);
            Arrays.fill(ring2[c], 1);
            sum1[c] = average1;
            sum2[c] = average2;
        }
        frame = 0;
        position1 = 0;
        position2 = 0;
        blockMinimumGain = 1;
        meterReductionDb = 0;
    }

    /** Frames the output lags the input: detector, averaging and hold margin. Constant after prepare. Main thread. */
    @Override
    public int latencyFrames() {
        return latency;
    }

    /** The output goes on for the look-ahead after the input stops, nothing more. Main thread. */
    @Override
    public int tailFrames() {
        return latency;
    }

    /** One meter, the limiter's. Any thread. */
    @Override
    public int gainReductionMeters() {
        return 1;
    }

    /** "Limiter". Any thread. */
    @Override
    public String gainReductionMeterName(int meter) {
        if (meter != 0) {
            throw new IndexOutOfBoundsException(meter);
        }
        return "Limiter";
    }

    /** The largest reduction applied to any channel during the last block, dB, 0 or more. Any thread. */
    @Override
    public double gainReductionDb(int meter) {
        if (meter != 0) {
            throw new IndexOutOfBoundsException(meter);
        }
        return meterReductionDb;
    }

    /** Output samples the final clamp had to pull down to the ceiling since prepare; for tests. Audio thread. */
    long clampedSamples() {
        return clamped;
    }

    /** The detector's oversampling factor; for tests. Main thread, after prepare. */
    int oversampling() {
        return detector.oversampling();
    }

    /** Renders the block between its parameter events, then publishes the block's largest reduction. Audio thread. */
    @Override
    public ProcessStatus process(AudioBlock block) {
        blockMinimumGain = 1;
        SegmentedProcessor.super.process(block);
        double g = blockMinimumGain;
        meterReductionDb = g >= 1 ? 0 : -LN_TO_DB * Math.log(g);
        return ProcessStatus.CONTINUE;
    }

    @Override
    public void parameterChanged(int parameter, double value) {
        bank.set(parameter, value);
        if (parameter == GAIN) {
            driveDb.setTarget(bank.get(GAIN));
        }
        boolean wasAuto = auto;
        derive();
        if (wasAuto && !auto) {
            // the slow stage stops counting: hand its reduction to the fast stage, which releases it gracefully
            for (int c = 0; c < fast.length; c++) {
                fast[c] = Math.max(fast[c], slow[c]);
            }
        }
    }

    private void derive() {
        double ceiling = amplitude(bank.get(CEILING));
        target = ceiling * amplitude(-SAFETY_DB);
        logTarget = Math.log(target);
        float f = (float) ceiling;
        limit = f > ceiling ? Math.nextDown(f) : f;
        link = bank.get(LINK) / 100;
        auto = bank.get(AUTO_RELEASE) >= 0.5;
        double release = bank.get(RELEASE) / 1000;
        fastCoefficient = coefficient(auto ? release * AUTO_FAST : release);
        chargeCoefficient = 1 - coefficient(release * AUTO_CHARGE);
        slowCoefficient = coefficient(release * AUTO_SLOW);
    }

    /** The one-pole coefficient for time constant {@code seconds}: the part of the distance kept each frame. */
    private double coefficient(double seconds) {
        return Math.exp(-1 / (seconds * sampleRate));
    }

    private static double amplitude(double db) {
        return db == 0 ? 1 : FastMath.exp2(db * DB_TO_LOG2);
    }

    @Override
    public void render(AudioBlock block, int from, int to) {
        int n = Math.min(block.channelCount(), channels);
        double minimumGain = blockMinimumGain;
        for (int i = from; i < to; i++) {
            double g0;
            if (driveDb.isSmoothing()) {
                g0 = amplitude(driveDb.next());
                if (!driveDb.isSmoothing()) {
                    drive = amplitude(driveDb.target());
                }
            } else {
                g0 = drive;
            }
            int in = (int) (frame & mask);
            double loudest = 0;
            for (int c = 0; c < n; c++) {
                float x = (float) (block.channel(c)[i] * g0);
                if (x - x != 0) {
                    // NaN or infinity (from the input, or a huge input times the gain) would stick in the envelope
                    // and silence everything after it: it becomes silence, once
                    x = 0;
                }
                delay[c][in] = x;
                double peak = detector.push(c, x);
                double r = peak > target ? (Math.log(peak) - logTarget) * LN_TO_DB : 0;
                required[c] = r;
                if (r > loudest) {
                    loudest = r;
                }
            }
            detector.advance();
            limits[in] = limit;
            float ceiling = limits[(int) ((frame - gainDelay) & mask)];
            int out = (int) ((frame - latency) & mask);
            for (int c = 0; c < n; c++) {
                double r = link * loudest + (1 - link) * required[c];
                double f = fast[c];
                f = r >= f ? r : r + (f - r) * fastCoefficient;
                if (f < NEGLIGIBLE_DB) {
                    f = 0;
                }
                fast[c] = f;
                double s = slow[c];
                s = r > s ? s + (r - s) * chargeCoefficient : r + (s - r) * slowCoefficient;
                if (s < NEGLIGIBLE_DB) {
                    s = 0;
                }
                slow[c] = s;
                double reduction = auto && s > f ? s : f;
                double gain = reduction == 0 ? 1 : FastMath.exp2(-reduction * DB_TO_LOG2);
                double smooth = average(c, minimumHold(c, gain));
                float y = (float) (delay[c][out] * smooth);
                if (y > ceiling) {
                    y = ceiling;
                    clamped++;
                } else if (y < -ceiling) {
                    y = -ceiling;
                    clamped++;
                }
                block.channel(c)[i] = y;
                if (smooth < minimumGain) {
                    minimumGain = smooth;
                }
            }
            position1 = position1 + 1 == average1 ? 0 : position1 + 1;
            position2 = position2 + 1 == average2 ? 0 : position2 + 1;
            if (position1 == 0) {
                resum(ring1, sum1);
            }
            if (position2 == 0) {
                resum(ring2, sum2);
            }
            frame++;
        }
        blockMinimumGain = minimumGain;
    }

    /**
     * The smallest of the last {@link #hold} gains of channel {@code c}, {@code value} the newest: a monotonic queue
     * whose front is the minimum, amortised constant time.
     */
    private double minimumHold(int c, double value) {
        double[] values = holdValues[c];
        long[] times = holdTimes[c];
        int capacity = values.length;
        int head = holdHead[c];
        int size = holdSize[c];
        while (size > 0) {
            int back = head + size - 1;
            if (back >= capacity) {
                back -= capacity;
            }
            if (values[back] < value) {
                break;
            }
            size--;
        }
        int at = head + size;
        if (at >= capacity) {
            at -= capacity;
        }
        values[at] = value;
        times[at] = frame;
        size++;
        if (times[head] <= frame - hold) {
            head = head + 1 == capacity ? 0 : head + 1;
            size--;
        }
        holdHead[c] = head;
        holdSize[c] = size;
        return values[head];
    }

    /** The two moving averages of channel {@code c}'s held gain, one after the other. */
    private double average(int c, double value) {
        double[] r1 = ring1[c];
        double s1 = sum1[c] + value - r1[position1];
        r1[position1] = value;
        sum1[c] = s1;
        double a1 = s1 / average1;
        double[] r2 = ring2[c];
        double s2 = sum2[c] + a1 - r2[position2];
        r2[position2] = a1;
        sum2[c] = s2;
        return s2 / average2;
    }

    /** Sums each channel's ring afresh, so that rounding in the running sums cannot accumulate. */
    private void resum(double[][] rings, double[] sums) {
        for (int c = 0; c < channels; c++) {
            double s = 0;
            for (double v : rings[c]) {
                s += v;
            }
            sums[c] = s;
        }
    }

    @Override
    public ProcessorState saveState() {
        return bank.save();
    }

    @Override
    public void restoreState(ProcessorState state) {
        bank.restore(state);
        derive();
        driveDb.setImmediate(bank.get(GAIN));
        drive = amplitude(bank.get(GAIN));
    }
}
