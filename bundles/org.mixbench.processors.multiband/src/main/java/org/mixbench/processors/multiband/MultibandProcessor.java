package org.mixbench.processors.multiband;

import static org.mixbench.processors.multiband.MultibandFactory.ATTACK;
import static org.mixbench.processors.multiband.MultibandFactory.BANDS;
import static org.mixbench.processors.multiband.MultibandFactory.BYPASS;
import static org.mixbench.processors.multiband.MultibandFactory.CROSSOVER;
import static org.mixbench.processors.multiband.MultibandFactory.CROSSOVER_TYPE;
import static org.mixbench.processors.multiband.MultibandFactory.DETECTION;
import static org.mixbench.processors.multiband.MultibandFactory.KNEE;
import static org.mixbench.processors.multiband.MultibandFactory.LINEAR_PHASE;
import static org.mixbench.processors.multiband.MultibandFactory.MAKEUP;
import static org.mixbench.processors.multiband.MultibandFactory.MAX_BANDS;
import static org.mixbench.processors.multiband.MultibandFactory.MID_SIDE;
import static org.mixbench.processors.multiband.MultibandFactory.MODE;
import static org.mixbench.processors.multiband.MultibandFactory.OUTPUT;
import static org.mixbench.processors.multiband.MultibandFactory.RATIO;
import static org.mixbench.processors.multiband.MultibandFactory.RELEASE;
import static org.mixbench.processors.multiband.MultibandFactory.RMS;
import static org.mixbench.processors.multiband.MultibandFactory.SOLO;
import static org.mixbench.processors.multiband.MultibandFactory.THRESHOLD;
import static org.mixbench.processors.multiband.MultibandFactory.index;

import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;

import org.mixbench.api.processor.AudioBlock;
import org.mixbench.api.processor.GainReductionMeters;
import org.mixbench.api.processor.ParameterDescriptor;
import org.mixbench.api.processor.ProcessSpec;
import org.mixbench.api.processor.ProcessStatus;
import org.mixbench.api.processor.ProcessorState;
import org.mixbench.dsp.GainComputer;
import org.mixbench.dsp.LinearSmoother;
import org.mixbench.dsp.ParameterBank;
import org.mixbench.dsp.ReductionSmoother;
import org.mixbench.dsp.SegmentedProcessor;

/**
 * The multiband compressor.
 *
 * <p><b>Crossovers.</b> The input is split into {@code bands} bands at the first {@code bands - 1} crossover
 * frequencies, kept increasing at least a third of an octave apart and below 0.45 of the sample rate ({@link
 * #effectiveCrossovers}). <i>Linkwitz-Riley</i> uses {@link LinkwitzRileySplitter} (24 dB/oct, every band through the
 * all passes of the crossovers it did not pass, so the bands sum to one all-pass chain: flat magnitude, one phase
 * response). <i>Linear phase</i> uses {@link LinearPhaseCrossover}: zero-phase low passes {@code h_k} with the
 * Linkwitz-Riley magnitudes, band 1 being {@code h_1}, band {@code k} {@code h_k - h_(k-1)} and the last the delayed
 * input minus {@code h_last}, so the bands sum to the input delayed by {@link #latencyFrames()} exactly.
 *
 * <p><b>Latency.</b> The latency is that of the linear-phase crossover whatever {@code crossover_type} is, fixed by
 * {@link #prepare} from the sample rate alone (4608 frames, 96 ms, at 48 kHz; see {@link #latencyFrames()}): the
 * Linkwitz-Riley path runs on the input delayed by the same amount. So {@code crossover_type} can change while
 * playing (or be automated) without the latency the host compensates for going wrong; a change cross-fades between
 * the two crossovers' bands over 20 ms. The Linkwitz-Riley filters always run (they are cheap); the linear-phase
 * convolvers run only while they are heard and start from the input history when switched on, so they are exact from
 * the first sample of the cross-fade (at the cost of one burst of work at the switch).
 *
 * <p><b>Compression.</b> Each band is compressed feed-forward: a detector (<i>Peak</i>: the largest absolute sample;
 * <i>RMS</i>: a {@value #RMS_MS} ms mean of squares), the static curve of {@link GainComputer} (threshold, ratio,
 * soft knee) and the attack and release of {@link ReductionSmoother}. In <i>Stereo link</i> mode one detector reads
 * every channel of the band and its gain goes to all of them, so the image stays put. In <i>Mid/Side</i> mode (stereo
 * only; other channel counts stay linked) the band's mid {@code (L + R) / 2} and side {@code (L - R) / 2} have a
 * detector and gain each and are decoded back to left and right. Makeup follows. A bypassed band passes unchanged
 * (its detector keeps running, so releasing bypass does not click); when any active band is soloed only the soloed
 * bands are heard. Makeup, bypass, solo and output move over 20 ms; thresholds, ratios, knees and times take effect at
 * once (the attack and release smooth them). Changing {@code bands} keeps the filters of the crossovers that stay and
 * starts the added ones from rest.
 *
 * <p><b>Meters.</b> One gain-reduction meter per band at {@link #prepare} ("Low", "Low mid", "Mid", "High mid",
 * "High" by the band count), each the largest reduction of its band (of mid or side in Mid/Side) during the last
 * block, 0 while bypassed; written once per block. Bands added while active have no meter until the next prepare.
 *
 * <p>Threads: the audio thread for {@link #process} and {@link #reset}; the main thread for the rest; any thread for
 * the meters. Nothing allocates after {@link #prepare}.
 */
final class MultibandProcessor implements SegmentedProcessor, GainReductionMeters {
    /** Time constant of the RMS detector's averaging, ms. */
    static final double RMS_MS = 10;
    /** Smallest ratio between two neighbouring crossovers: a third of an octave. */
    static final double MIN_SPACING = Math.pow(2, 1.0 / 3);
    private static final double RAMP_SECONDS = 0.020;
    private static final int MAX_CROSSOVERS = MAX_BANDS - 1;
    private static final String[][] METER_NAMES = {{}, {}, {"Low", "High"}, {"Low", "Mid", "High"},
        {"Low", "Low mid", "High mid", "High"}, {"Low", "Low mid", "Mid", "High mid", "High"}};

    private final ParameterBank bank;
    private final GainComputer[] computers = new GainComputer[MAX_BANDS];
    private final ReductionSmoother[][] smoothers = new ReductionSmoother[MAX_BANDS][2];
    private final double[][] meanSquares = new double[MAX_BANDS][2];
    private final LinearSmoother[] makeup = new LinearSmoother[MAX_BANDS];
    private final LinearSmoother[] bypass = new LinearSmoother[MAX_BANDS];
    private final LinearSmoother[] audible = new LinearSmoother[MAX_BANDS];
    private final LinearSmoother output = new LinearSmoother(RAMP_SECONDS, 1);
    private final LinearSmoother linearPhase = new LinearSmoother(RAMP_SECONDS, 0);
    private final double[] settings = new double[MAX_CROSSOVERS];
    private final double[] crossovers = new double[MAX_CROSSOVERS];
    private final double[] blockMax = new double[MAX_BANDS];
    private final AtomicLongArray meters = new AtomicLongArray(MAX_BANDS);

    private double rate = 48_000;
    private int channels;
    private int latency;
    private LinkwitzRileySplitter[] splitters = new LinkwitzRileySplitter[0];
    private LinearPhaseCrossover linear;
    /** Per channel, the input history: the Linkwitz-Riley path's delay line and the linear phase's warm-up. */
    private float[][] delay = new float[0][];
    private int delayMask;
    private int delayAt;
    private double[][] bandSamples = new double[0][];
    /** Per channel, per crossover: the linear-phase low passes of the current segment. */
    private float[][][] lowPasses = new float[0][][];
    private double[] sums = new double[0];

    // Derived from the parameters.
    private int bands;
    private boolean midSide;
    private boolean rms;
    private double rmsCoefficient;
    private final boolean[] bypassed = new boolean[MAX_BANDS];
    /** Written by the main thread (construction, restore, prepare), read by any thread's meters. */
    private volatile int meterCount;

    MultibandProcessor(List<ParameterDescriptor> parameters) {
        bank = new ParameterBank(parameters);
        for (int b = 0; b < MAX_BANDS; b++) {
            computers[b] = new GainComputer();
            smoothers[b][0] = new ReductionSmoother();
            smoothers[b][1] = new ReductionSmoother();
            makeup[b] = new LinearSmoother(RAMP_SECONDS, 1);
            bypass[b] = new LinearSmoother(RAMP_SECONDS, 0);
            audible[b] = new LinearSmoother(RAMP_SECONDS, 1);
        }
        bands = (int) bank.get(BANDS);
        meterCount = bands;
        deriveDynamics();
    }

    /**
     * The linear-phase crossover's half length at {@code sampleRate}: 4096 frames at 48 kHz (85.3 ms), the same time
     * at other rates. Its response is exact for crossovers above about 30 Hz; below, the low band's shape is smoothed.
     */
    static int kernelHalf(double sampleRate) {
        return (int) Math.round(sampleRate * 4096 / 48_000);
    }

    /** Allocates the filters, delay lines and band buffers for {@code spec} and resets. Main thread, inactive. */
    @Override
    public void prepare(ProcessSpec spec) {
        rate = spec.sampleRate();
        channels = spec.channels();
        int maxBlock = spec.maxBlockFrames();
        int half = kernelHalf(rate);
        splitters = new LinkwitzRileySplitter[channels];
        for (int c = 0; c < channels; c++) {
            splitters[c] = new LinkwitzRileySplitter();
        }
        linear = new LinearPhaseCrossover(channels, half);
        latency = linear.latencyFrames();
        int size = Integer.highestOneBit(Math.max(latency + 1, linear.historyFrames())) * 2;
        delay = new float[channels][size];
        delayMask = size - 1;
        bandSamples = new double[channels][MAX_BANDS];
        lowPasses = new float[channels][MAX_CROSSOVERS][maxBlock];
        sums = new double[channels];
        output.prepare(rate);
        linearPhase.prepare(rate);
        for (int b = 0; b < MAX_BANDS; b++) {
            makeup[b].prepare(rate);
            bypass[b].prepare(rate);
            audible[b].prepare(rate);
        }
        bands = (int) bank.get(BANDS);
        meterCount = bands;
        deriveDynamics();
        deriveCrossovers();
        reset();
    }

    /** Frees the buffers. Main thread, active; becomes inactive. */
    @Override
    public void release() {
        splitters = new LinkwitzRileySplitter[0];
        linear = null;
        delay = new float[0][];
        bandSamples = new double[0][];
        lowPasses = new float[0][][];
        sums = new double[0];
        channels = 0;
    }

    /**
     * The linear-phase crossover's delay ({@link #kernelHalf} plus the convolver's block), whatever {@code
     * crossover_type} is, constant from {@link #prepare} on. Main thread, active.
     */
    @Override
    public int latencyFrames() {
        return latency;
    }

    /** Clears filters, delay lines, detectors and meters and jumps to the parameter values. Audio thread, active. */
    @Override
    public void reset() {
        for (int c = 0; c < channels; c++) {
            splitters[c].reset();
            java.util.Arrays.fill(delay[c], 0);
        }
        delayAt = 0;
        if (linear != null) {
            linear.reset();
            if (bank.get(CROSSOVER_TYPE) == LINEAR_PHASE) {
                linear.runFromSilence();
            }
        }
        for (int b = 0; b < MAX_BANDS; b++) {
            smoothers[b][0].reset();
            smoothers[b][1].reset();
            meanSquares[b][0] = 0;
            meanSquares[b][1] = 0;
            meters.set(b, 0);
        }
        jumpToTargets();
    }

    /** Takes a parameter change at its frame. Audio thread, active. */
    @Override
    public void parameterChanged(int parameter, double value) {
        double before = bank.get(parameter);
        double now = bank.set(parameter, value);
        if (Double.isNaN(now) || now == before) {
            return;
        }
        if (parameter == BANDS) {
            int previous = bands;
            bands = (int) now;
            deriveCrossovers();
            for (int c = 0; c < channels; c++) {
                splitters[c].resetAbove(previous - 1);
            }
            if (linear.running() && bands > previous) {
                linear.start(delay, delayMask, delayAt, previous - 1);
            }
            deriveDynamics();
            setTargets();
        } else if (parameter == CROSSOVER_TYPE) {
            if (now == LINEAR_PHASE && !linear.running()) {
                linear.start(delay, delayMask, delayAt, 0);
            }
            setTargets();
        } else if (parameter >= CROSSOVER && parameter < CROSSOVER + MAX_CROSSOVERS) {
            deriveCrossovers();
        } else {
            deriveDynamics();
            setTargets();
        }
    }

    private void deriveDynamics() {
        midSide = bank.get(MODE) == MID_SIDE && channels == 2;
        rms = bank.get(DETECTION) == RMS;
        rmsCoefficient = ReductionSmoother.coefficient(RMS_MS, rate);
        for (int b = 0; b < MAX_BANDS; b++) {
            computers[b].set(bank.get(index(b, THRESHOLD)), bank.get(index(b, RATIO)), bank.get(index(b, KNEE)));
            double attack = bank.get(index(b, ATTACK));
            double release = bank.get(index(b, RELEASE));
            smoothers[b][0].setTimes(attack, release, rate);
            smoothers[b][1].setTimes(attack, release, rate);
            bypassed[b] = bank.get(index(b, BYPASS)) >= 0.5;
        }
    }

    /**
     * The crossover frequencies actually used: the first {@code bands - 1} settings, each at least {@link
     * #MIN_SPACING} above the one below and the last below 0.45 of the rate (with room for the spacing below it);
     * the unused ones continue above them the same way. The result is written to {@code out}.
     */
    static void effectiveCrossovers(double[] settings, int bands, double rate, double[] out) {
        double top = 0.45 * rate;
        int active = bands - 1;
        for (int k = 0; k < MAX_CROSSOVERS; k++) {
            out[k] = k == 0 ? settings[0] : Math.max(settings[k], out[k - 1] * MIN_SPACING);
        }
        double cap = top;
        for (int k = active - 1; k >= 0; k--) {
            out[k] = Math.min(out[k], cap);
            cap = out[k] / MIN_SPACING;
        }
        for (int k = active; k < MAX_CROSSOVERS; k++) {
            out[k] = Math.min(Math.max(settings[k], (k == 0 ? 0 : out[k - 1]) * MIN_SPACING), top);
        }
    }

    private void deriveCrossovers() {
        for (int k = 0; k < MAX_CROSSOVERS; k++) {
            settings[k] = bank.get(CROSSOVER + k);
        }
        effectiveCrossovers(settings, bands, rate, crossovers);
        for (int c = 0; c < channels; c++) {
            splitters[c].configure(rate, crossovers, bands);
        }
        if (linear != null) {
            linear.configure(rate, crossovers, bands - 1);
        }
    }

    private boolean anySolo() {
        for (int b = 0; b < bands; b++) {
            if (bank.get(index(b, SOLO)) >= 0.5) {
                return true;
            }
        }
        return false;
    }

    private void setTargets() {
        boolean solo = anySolo();
        for (int b = 0; b < MAX_BANDS; b++) {
            makeup[b].setTarget(GainComputer.gain(bank.get(index(b, MAKEUP))));
            bypass[b].setTarget(bypassed[b] ? 1 : 0);
            audible[b].setTarget(!solo || bank.get(index(b, SOLO)) >= 0.5 ? 1 : 0);
        }
        output.setTarget(GainComputer.gain(bank.get(OUTPUT)));
        linearPhase.setTarget(bank.get(CROSSOVER_TYPE) == LINEAR_PHASE ? 1 : 0);
    }

    private void jumpToTargets() {
        setTargets();
        for (int b = 0; b < MAX_BANDS; b++) {
            makeup[b].setImmediate(makeup[b].target());
            bypass[b].setImmediate(bypass[b].target());
            audible[b].setImmediate(audible[b].target());
        }
        output.setImmediate(output.target());
        linearPhase.setImmediate(linearPhase.target());
    }

    /** Splits, compresses and sums the block, then publishes the meters. Audio thread, active. */
    @Override
    public ProcessStatus process(AudioBlock block) {
        java.util.Arrays.fill(blockMax, 0);
        ProcessStatus status = SegmentedProcessor.super.process(block);
        for (int b = 0; b < MAX_BANDS; b++) {
            meters.set(b, Double.doubleToRawLongBits(blockMax[b]));
        }
        return status;
    }

    /** Processes frames {@code [from, to)} in place. Audio thread, active. */
    @Override
    public void render(AudioBlock block, int from, int to) {
        int n = to - from;
        int ch = Math.min(channels, block.channelCount());
        if (linear.running() && linearPhase.current() == 0 && linearPhase.target() == 0) {
            linear.stop();
        }
        boolean lp = linear.running();
        if (lp) {
            for (int c = 0; c < ch; c++) {
                linear.lowPasses(c, block.channel(c), from, n, lowPasses[c]);
            }
        }
        int nb = bands;
        int last = nb - 1;
        double[][] bs = bandSamples;
        for (int i = from; i < to; i++) {
            int at = i - from;
            double w = linearPhase.next();
            int write = delayAt;
            int read = (write - latency) & delayMask;
            delayAt = (write + 1) & delayMask;
            for (int c = 0; c < ch; c++) {
                float[] line = delay[c];
                line[write] = block.channel(c)[i];
                double x = line[read];
                double[] s = bs[c];
                splitters[c].split(x, s);
                if (lp && w != 0) {
                    float[][] lows = lowPasses[c];
                    double below = 0;
                    for (int k = 0; k < last; k++) {
                        double low = lows[k][at];
                        s[k] = blend(s[k], low - below, w);
                        below = low;
                    }
                    s[last] = blend(s[last], x - below, w);
                }
                sums[c] = 0;
            }
            for (int b = 0; b < nb; b++) {
                double up = makeup[b].next();
                double through = bypass[b].next();
                double heard = audible[b].next();
                if (midSide) {
                    double l = bs[0][b];
                    double r = bs[1][b];
                    double mid = (l + r) * 0.5;
                    double side = (l - r) * 0.5;
                    double grMid = smoothers[b][0].next(detect(b, 0, mid * mid, Math.abs(mid)));
                    double grSide = smoothers[b][1].next(detect(b, 1, side * side, Math.abs(side)));
                    double gMid = gain(grMid, up, through, heard);
                    double gSide = gain(grSide, up, through, heard);
                    sums[0] += gMid * mid + gSide * side;
                    sums[1] += gMid * mid - gSide * side;
                    if (!bypassed[b]) {
                        blockMax[b] = Math.max(blockMax[b], Math.max(grMid, grSide));
                    }
                } else {
                    double peak = 0;
                    double power = 0;
                    for (int c = 0; c < ch; c++) {
                        double v = bs[c][b];
                        peak = Math.max(peak, Math.abs(v));
                        power += v * v;
                    }
                    double gr = smoothers[b][0].next(detect(b, 0, ch == 0 ? 0 : power / ch, peak));
                    double g = gain(gr, up, through, heard);
                    for (int c = 0; c < ch; c++) {
                        sums[c] += g * bs[c][b];
                    }
                    if (!bypassed[b]) {
                        blockMax[b] = Math.max(blockMax[b], gr);
                    }
                }
            }
            double out = output.next();
            for (int c = 0; c < ch; c++) {
                block.channel(c)[i] = (float) (sums[c] * out);
            }
        }
    }

    private static double blend(double linkwitzRiley, double linearPhaseBand, double w) {
        return w == 1 ? linearPhaseBand : linkwitzRiley + w * (linearPhaseBand - linkwitzRiley);
    }

    /** The static reduction of band {@code b}'s detector {@code d} for this sample's power and peak. */
    private double detect(int b, int d, double power, double peak) {
        if (rms) {
            double ms = rmsCoefficient * meanSquares[b][d] + (1 - rmsCoefficient) * power;
            ms = ms < 1e-30 ? 0 : ms;
            meanSquares[b][d] = ms;
            return computers[b].powerReductionDb(ms);
        }
        return computers[b].peakReductionDb(peak);
    }

    private static double gain(double reductionDb, double makeupGain, double through, double heard) {
        double compressed = reductionDb == 0 ? makeupGain : GainComputer.gain(-reductionDb) * makeupGain;
        return heard * (through == 0 ? compressed : through + (1 - through) * compressed);
    }

    /** How many bands had a meter at {@link #prepare}. Any thread. */
    @Override
    public int gainReductionMeters() {
        return meterCount;
    }

    /** "Low", "Low mid", "Mid", "High mid" or "High", by the band count at {@link #prepare}. Any thread. */
    @Override
    public String gainReductionMeterName(int meter) {
        return METER_NAMES[meterCount][meter];
    }

    /** The largest reduction of band {@code meter} in the last block, dB, 0 or more. Any thread. */
    @Override
    public double gainReductionDb(int meter) {
        if (meter < 0 || meter >= meterCount) {
            throw new IndexOutOfBoundsException(meter);
        }
        return Double.longBitsToDouble(meters.get(meter));
    }

    /** The parameter values by id. Main thread. */
    @Override
    public ProcessorState saveState() {
        return bank.save();
    }

    /** Restores parameter values; they take effect at once. Main thread, inactive. */
    @Override
    public void restoreState(ProcessorState state) {
        bank.restore(state);
        int previous = bands;
        bands = (int) bank.get(BANDS);
        if (channels == 0) {
            meterCount = bands;
        }
        deriveDynamics();
        deriveCrossovers();
        for (int c = 0; c < channels; c++) {
            splitters[c].resetAbove(previous - 1);
        }
        if (linear != null) {
            if (bank.get(CROSSOVER_TYPE) == LINEAR_PHASE) {
                linear.start(delay, delayMask, delayAt, linear.running() ? previous - 1 : 0);
            } else {
                linear.stop();
            }
        }
        jumpToTargets();
    }
}
