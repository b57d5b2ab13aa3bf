package org.mixbench.processors.mastering;

import static org.mixbench.processors.mastering.MasteringEqFactory.BANDS;
import static org.mixbench.processors.mastering.MasteringEqFactory.CHANNELS;
import static org.mixbench.processors.mastering.MasteringEqFactory.DESIGN_TYPES;
import static org.mixbench.processors.mastering.MasteringEqFactory.ENABLED;
import static org.mixbench.processors.mastering.MasteringEqFactory.FREQUENCY;
import static org.mixbench.processors.mastering.MasteringEqFactory.GAIN;
import static org.mixbench.processors.mastering.MasteringEqFactory.HIGH_PASS;
import static org.mixbench.processors.mastering.MasteringEqFactory.LOW_PASS;
import static org.mixbench.processors.mastering.MasteringEqFactory.OUTPUT;
import static org.mixbench.processors.mastering.MasteringEqFactory.PER_BAND;
import static org.mixbench.processors.mastering.MasteringEqFactory.PHASE;
import static org.mixbench.processors.mastering.MasteringEqFactory.Q;
import static org.mixbench.processors.mastering.MasteringEqFactory.SLOPE;
import static org.mixbench.processors.mastering.MasteringEqFactory.TYPE;
import static org.mixbench.processors.mastering.MasteringEqFactory.index;
import static org.mixbench.processors.mastering.MasteringEqLinearPhase.MAX_SECTIONS;

import java.util.Arrays;
import java.util.List;

import org.mixbench.api.processor.AudioBlock;
import org.mixbench.api.processor.ParameterDescriptor;
import org.mixbench.api.processor.ProcessSpec;
import org.mixbench.api.processor.ProcessorState;
import org.mixbench.dsp.BiquadDesign;
import org.mixbench.dsp.LinearSmoother;
import org.mixbench.dsp.ParameterBank;
import org.mixbench.dsp.SegmentedProcessor;

/**
 * The mastering EQ: six bands on chosen channel routes, in minimum or linear phase, then a smoothed output gain.
 *
 * <p><b>Routes.</b> The bands act in two stages, in both modes: first on left and right (a Stereo band filters both
 * alike, a Left or Right band one of them), then, only when a Mid or Side band is on, on mid {@code (L + R) / 2} and
 * side {@code (L - R) / 2}, decoded back as {@code L = M + S}, {@code R = M - S} (exact in double precision, so the
 * encoding alone changes no bit). Within a stage the order of bands does not matter. With one channel, Stereo and Mid
 * bands filter it and Side, Left and Right bands do nothing; channels beyond the second pass unfiltered (delayed by
 * the latency like the others).
 *
 * <p><b>Minimum phase.</b> Each band is one RBJ section ({@link BiquadDesign}), or two to four for a pass filter of 24
 * to 48 dB/oct in Butterworth alignment with the band's Q scaling the last, most resonant section (Q 0.71 is exactly
 * Butterworth); Direct Form I with double-precision state. Frequency, gain and Q are smoothed in the parameter domain
 * (a one-pole step every {@value #CHUNK} frames, time constant {@value #SMOOTH_MS} ms, frequency and Q in the log
 * domain) and the sections are designed anew from the smoothed values, so moving a band does not click. Switching a
 * band on or off cross-fades it with its input over {@value #FADE_MS} ms; a change of type, slope or route fades the
 * band out with its old settings and back in with the new (a band that has faded out clears its state).
 *
 * <p><b>Linear phase.</b> {@link MasteringEqLinearPhase}: symmetric FIRs with the magnitude of the same sections at
 * the target settings, convolved by FFT. A parameter change starts a new design at the next scheduled slot (designs
 * are timed to finish just before a convolver partition boundary, at most one per partition of
 * {@code N / 8} frames), run a step every {@value #STEP_FRAMES} frames; the convolvers then cross-fade from the old
 * to the new response over one partition (43 ms at 48 kHz), so a change never clicks and arrives within about
 * 0.1 s.
 *
 * <p><b>Latency.</b> {@link #latencyFrames()} is {@code N / 2} frames (8192 at 44.1 and 48 kHz, 16384 at 88.2 and
 * 96 kHz) in both modes, fixed by {@link #prepare} from the sample rate alone: the minimum-phase output is delayed by
 * the same amount, so that switching {@code phase} while playing neither changes the latency the host compensates
 * nor jumps in time; the two outputs cross-fade over {@value #MODE_FADE_MS} ms (the linear one once its first
 * response is designed and in the convolvers). Both paths run all the time (the convolvers hold a zero response in
 * minimum phase, which costs only their input transforms), so either can take over at once. With every band off and
 * the output at 0 dB, minimum phase passes its input delayed and bit for bit unchanged.
 *
 * <p>Thread: the main thread prepares, restores and reads latency and tail; the audio thread processes and resets.
 */
final class MasteringEqProcessor implements SegmentedProcessor {
    /** Frames between coefficient updates while a band moves. */
    static final int CHUNK = 32;
    /** Frames between two steps of a linear-phase design. */
    static final int STEP_FRAMES = 64;
    /** Time constant of parameter smoothing, ms. */
    static final double SMOOTH_MS = 10;
    /** Length of a band's on/off cross-fade, ms. */
    static final double FADE_MS = 20;
    /** Length of the cross-fade between the minimum- and linear-phase outputs, ms. */
    static final double MODE_FADE_MS = 20;
    private static final int SIGNALS = 4;
    private static final double SNAP_LOG = 1e-6;
    private static final double SNAP_DB = 1e-5;
    private static final double TINY = 1e-25;

    private final ParameterBank bank;
    private final LinearSmoother output = new LinearSmoother(0.020, 1.0);

    // Smoothed values per band (frequency and Q as natural logs) and the configuration the band runs with.
    private final double[] logFrequency = new double[BANDS];
    private final double[] gainDb = new double[BANDS];
    private final double[] logQ = new double[BANDS];
    private final int[] type = new int[BANDS];
    private final int[] stages = new int[BANDS];
    private final int[] mask = new int[BANDS];
    // Position of each band's on/off cross-fade in frames, 0 (out) to fadeFrames (in): counted in whole frames so
    // that the fade is the same however the blocks cut it.
    private final int[] wet = new int[BANDS];
    private final double[] coefficients = new double[BANDS * MAX_SECTIONS * 5];
    // The target settings handed to a linear-phase design.
    private final double[] designCoefficients = new double[BANDS * MAX_SECTIONS * 5];
    private final int[] designSections = new int[BANDS];
    private final int[] designMasks = new int[BANDS];

    private double sampleRate = 48_000;
    private int channels = 2;
    private double smoothStep;
    private int fadeFrames = 1;
    private double modeStep;
    private int chunkLeft;
    // x1, x2, y1, y2 per section, per signal (L, R, M, S), per band.
    private final double[] state = new double[BANDS * SIGNALS * MAX_SECTIONS * 4];
    private final double[] wl = new double[CHUNK];
    private final double[] wr = new double[CHUNK];
    private final double[] dry = new double[CHUNK];
    private final float[] inL = new float[CHUNK];
    private final float[] inR = new float[CHUNK];
    private final float[] linL = new float[CHUNK];
    private final float[] linR = new float[CHUNK];
    private final double[] mixes = new double[CHUNK];
    private final double[] gains = new double[CHUNK];

    private MasteringEqLinearPhase linear;
    private float[][] delay = new float[0][];
    private int delayPos;
    private int latency;
    private long frame;
    // Linear path: whether the convolvers hold a designed response, whether the settings changed since the last
    // design, the cross-fade position (0 minimum phase, 1 linear) and the frame before which it may not rise.
    private boolean kernelsLive;
    private boolean designDirty;
    private double mix;
    private long mixHoldUntil;
    private boolean prepared;
    private volatile int tailFrames;

    MasteringEqProcessor(List<ParameterDescriptor> parameters) {
        bank = new ParameterBank(parameters);
    }

    /** Allocates the delay lines and the linear-phase engine for the spec, designs, and resets. Main thread. */
    @Override
    public void prepare(ProcessSpec spec) {
        sampleRate = spec.sampleRate();
        channels = spec.channels();
        linear = new MasteringEqLinearPhase(sampleRate, channels, CHUNK);
        latency = linear.latencyFrames();
        delay = new float[channels][latency];
        smoothStep = 1 - Math.exp(-CHUNK * 1000.0 / (SMOOTH_MS * sampleRate));
        fadeFrames = Math.max(1, (int) Math.round(FADE_MS * sampleRate / 1000));
        modeStep = 1000.0 / (MODE_FADE_MS * sampleRate);
        output.prepare(sampleRate);
        prepared = true;
        reset();
    }

    /** Frees the linear-phase engine and the delay lines. Main thread. */
    @Override
    public void release() {
        linear = null;
        delay = new float[0][];
        prepared = false;
    }

    /**
     * Clears every filter, delay line and convolver and jumps to the current parameter values; in linear phase designs
     * the response at once (a few milliseconds, without allocating). Audio thread, active.
     */
    @Override
    public void reset() {
        Arrays.fill(state, 0);
        for (float[] d : delay) {
            Arrays.fill(d, 0);
        }
        delayPos = 0;
        frame = 0;
        chunkLeft = 0;
        for (int b = 0; b < BANDS; b++) {
            adopt(b);
            wet[b] = wants(b) ? fadeFrames : 0;
        }
        output.setImmediate(dbToGain(bank.get(OUTPUT)));
        linear.reset();
        linear.cancel();
        if (phaseLinear()) {
            snapshot();
            linear.designNow(designCoefficients, designSections, designMasks);
            kernelsLive = true;
            mix = 1;
        } else {
            linear.loadZero();
            kernelsLive = false;
            mix = 0;
        }
        designDirty = false;
        mixHoldUntil = 0;
        updateTail();
    }

    /** Half the linear-phase span, in both modes: 8192 frames at 44.1 and 48 kHz. Main thread, after prepare. */
    @Override
    public int latencyFrames() {
        return latency;
    }

    /** How long the output rings after the input stops (latency not included), for the current settings. */
    @Override
    public int tailFrames() {
        return tailFrames;
    }

    /** Takes a parameter change at this frame. Audio thread, active. */
    @Override
    public void parameterChanged(int parameter, double value) {
        double before = bank.get(parameter);
        double now = bank.set(parameter, value);
        if (Double.isNaN(now) || before == now) {
            return;
        }
        if (parameter == OUTPUT) {
            output.setTarget(dbToGain(now));
            return;
        }
        if (parameter == PHASE) {
            designDirty |= phaseLinear();
        } else {
            int band = parameter / PER_BAND;
            // A change to a band that is off and stays off changes no response.
            designDirty |= parameter % PER_BAND == ENABLED || enabled(band);
            chunkLeft = 0;
        }
        updateTail();
    }

    /** Filters frames {@code [from, to)} in place. Audio thread, active. */
    @Override
    public void render(AudioBlock block, int from, int to) {
        int i = from;
        while (i < to) {
            int intoStep = (int) (frame % STEP_FRAMES);
            if (intoStep == 0) {
                scheduleDesign();
            }
            if (chunkLeft == 0) {
                updateChunk();
                chunkLeft = CHUNK;
            }
            int n = Math.min(Math.min(to - i, chunkLeft), STEP_FRAMES - intoStep);
            processChunk(block, i, n);
            for (int b = 0; b < BANDS; b++) {
                advanceFade(b, n);
            }
            chunkLeft -= n;
            frame += n;
            i += n;
            if (chunkLeft == 0) {
                flushDenormals();
            }
        }
    }

    private boolean phaseLinear() {
        return bank.get(PHASE) >= 0.5;
    }

    private boolean enabled(int band) {
        return bank.get(index(band, ENABLED)) >= 0.5;
    }

    private int targetType(int band) {
        return (int) bank.get(index(band, TYPE));
    }

    private int stagesFor(int band, int bandType) {
        return bandType == HIGH_PASS || bandType == LOW_PASS ? (int) bank.get(index(band, SLOPE)) + 1 : 1;
    }

    /** The signals (route bits) band {@code band}'s route reaches with this channel count. */
    private int targetMask(int band) {
        int route = (int) bank.get(index(band, CHANNELS));
        if (channels == 1) {
            return route == MasteringEqFactory.STEREO || route == MasteringEqFactory.MID ? MasteringEqLinearPhase.L : 0;
        }
        return switch (route) {
            case MasteringEqFactory.STEREO -> MasteringEqLinearPhase.L | MasteringEqLinearPhase.R;
            case MasteringEqFactory.MID -> MasteringEqLinearPhase.M;
            case MasteringEqFactory.SIDE -> MasteringEqLinearPhase.S;
            case MasteringEqFactory.LEFT -> MasteringEqLinearPhase.L;
            default -> MasteringEqLinearPhase.R;
        };
    }

    /** Whether band {@code band} is on and reaches a signal. */
    private boolean wants(int band) {
        return enabled(band) && targetMask(band) != 0;
    }

    /** Whether the band runs with the configuration its parameters ask for (else it fades out to change). */
    private boolean configured(int band) {
        int t = targetType(band);
        return type[band] == t && stages[band] == stagesFor(band, t) && mask[band] == targetMask(band);
    }

    /** The band's fade target: fully in when it is wanted as configured, else out. */
    private boolean on(int band) {
        return wants(band) && configured(band);
    }

    /** Takes the configuration and values the band's parameters ask for, designs it and clears its state. */
    private void adopt(int b) {
        type[b] = targetType(b);
        stages[b] = stagesFor(b, type[b]);
        mask[b] = targetMask(b);
        logFrequency[b] = Math.log(bank.get(index(b, FREQUENCY)));
        gainDb[b] = bank.get(index(b, GAIN));
        logQ[b] = Math.log(bank.get(index(b, Q)));
        design(b);
        clearBand(b);
    }

    private void design(int b) {
        designBand(type[b], stages[b], Math.exp(logFrequency[b]), gainDb[b], Math.exp(logQ[b]), sampleRate,
                coefficients, b * MAX_SECTIONS * 5);
    }

    /**
     * Writes the sections of a band of {@code bandType} (a type choice index) with {@code count} sections. Pass
     * filters of more than one section are Butterworth-aligned with {@code q} scaling the last section.
     */
    static void designBand(int bandType, int count, double frequency, double gain, double q, double rate,
            double[] out, int offset) {
        int designType = DESIGN_TYPES[bandType];
        if (count == 1) {
            BiquadDesign.design(designType, frequency, gain, q, rate, out, offset);
            return;
        }
        for (int j = 0; j < count; j++) {
            double sq = BiquadDesign.butterworthQ(j, count);
            if (j == count - 1) {
                sq *= q / BiquadDesign.BUTTERWORTH_Q;
            }
            BiquadDesign.design(designType, frequency, 0, sq, rate, out, offset + 5 * j);
        }
    }

    /** The target settings of every band, as the linear-phase design takes them. */
    private void snapshot() {
        for (int b = 0; b < BANDS; b++) {
            if (!wants(b)) {
                designSections[b] = 0;
                designMasks[b] = 0;
                continue;
            }
            int t = targetType(b);
            int count = stagesFor(b, t);
            designSections[b] = count;
            designMasks[b] = targetMask(b);
            designBand(t, count, Math.exp(Math.log(bank.get(index(b, FREQUENCY)))), bank.get(index(b, GAIN)),
                    Math.exp(Math.log(bank.get(index(b, Q)))), sampleRate, designCoefficients,
                    b * MAX_SECTIONS * 5);
        }
    }

    /**
     * At every multiple of {@link #STEP_FRAMES} frames: runs the next step of a design under way, or starts one when
     * the settings changed and the slot has come (timed so that the last step runs one step before a partition
     * boundary), or drops the linear responses once the minimum-phase output has fully taken over.
     */
    private void scheduleDesign() {
        if (linear.designing()) {
            if (linear.step(kernelsLive)) {
                handedOver();
            }
            return;
        }
        boolean wantLinear = phaseLinear();
        if (designDirty && wantLinear) {
            int partition = linear.partition();
            int slot = Math.floorMod(partition - linear.steps() * STEP_FRAMES, partition);
            if (frame % partition == slot) {
                designDirty = false;
                snapshot();
                linear.begin(designCoefficients, designSections, designMasks);
                if (linear.step(kernelsLive)) {
                    handedOver();
                }
            }
        } else if (!wantLinear && kernelsLive && mix == 0) {
            linear.loadZero();
            kernelsLive = false;
        }
    }

    /** A design reached the convolvers; the first one may fade in from the next partition boundary on. */
    private void handedOver() {
        if (!kernelsLive) {
            long partition = linear.partition();
            mixHoldUntil = (frame / partition + 1) * partition;
            kernelsLive = true;
        }
    }

    private void processChunk(AudioBlock block, int at, int n) {
        int blockChannels = Math.min(block.channelCount(), channels);
        boolean stereo = blockChannels >= 2;
        float[] left = block.channel(0);
        float[] right = stereo ? block.channel(1) : inR;
        for (int k = 0; k < n; k++) {
            inL[k] = left[at + k];
            wl[k] = inL[k];
        }
        if (stereo) {
            for (int k = 0; k < n; k++) {
                inR[k] = right[at + k];
                wr[k] = inR[k];
            }
        }
        minimumPhase(n, stereo);
        linear.process(inL, inR, linL, linR, n);
        // Cross-fade between the paths and the output gain.
        double target = phaseLinear() && kernelsLive ? 1 : 0;
        double m = mix;
        for (int k = 0; k < n; k++) {
            if (m < target) {
                if (frame + k >= mixHoldUntil) {
                    m = Math.min(1, m + modeStep);
                }
            } else if (m > target) {
                m = Math.max(0, m - modeStep);
            }
            mixes[k] = m;
            gains[k] = output.next();
        }
        mix = m;
        int pos = delayPos;
        float[] dl = delay[0];
        for (int k = 0; k < n; k++) {
            double d = dl[pos + k];
            dl[pos + k] = (float) wl[k];
            left[at + k] = (float) ((d + mixes[k] * (linL[k] - d)) * gains[k]);
        }
        if (stereo) {
            float[] dr = delay[1];
            for (int k = 0; k < n; k++) {
                double d = dr[pos + k];
                dr[pos + k] = (float) wr[k];
                right[at + k] = (float) ((d + mixes[k] * (linR[k] - d)) * gains[k]);
            }
        }
        for (int c = 2; c < blockChannels; c++) {
            float[] x = block.channel(c);
            float[] dc = delay[c];
            for (int k = 0; k < n; k++) {
                float d = dc[pos + k];
                dc[pos + k] = x[at + k];
                x[at + k] = (float) (d * gains[k]);
            }
        }
        delayPos = pos + n == latency ? 0 : pos + n;
    }

    /** The minimum-phase path over {@code wl} (and {@code wr}): the left/right stage, then the mid/side stage. */
    private void minimumPhase(int n, boolean stereo) {
        boolean midSide = false;
        for (int b = 0; b < BANDS; b++) {
            if (wet[b] == 0 && !on(b)) {
                continue;
            }
            int bits = mask[b];
            if ((bits & MasteringEqLinearPhase.L) != 0) {
                filter(b, 0, wl, n);
            }
            if (stereo && (bits & MasteringEqLinearPhase.R) != 0) {
                filter(b, 1, wr, n);
            }
            midSide |= (bits & (MasteringEqLinearPhase.M | MasteringEqLinearPhase.S)) != 0;
        }
        if (!midSide || !stereo) {
            return;
        }
        // Encode in place: wl becomes the mid, wr the side.
        for (int k = 0; k < n; k++) {
            double l = wl[k];
            double r = wr[k];
            wl[k] = 0.5 * (l + r);
            wr[k] = 0.5 * (l - r);
        }
        for (int b = 0; b < BANDS; b++) {
            if (wet[b] == 0 && !on(b)) {
                continue;
            }
            int bits = mask[b];
            if ((bits & MasteringEqLinearPhase.M) != 0) {
                filter(b, 2, wl, n);
            }
            if ((bits & MasteringEqLinearPhase.S) != 0) {
                filter(b, 3, wr, n);
            }
        }
        for (int k = 0; k < n; k++) {
            double mid = wl[k];
            double side = wr[k];
            wl[k] = mid + side;
            wr[k] = mid - side;
        }
    }

    /**
     * Runs band {@code band}'s sections over {@code x[0..n)} with the state of signal {@code signal}, one section at a
     * time with coefficients and state in locals; a band fading in or out is mixed with its input.
     */
    private void filter(int band, int signal, double[] x, int n) {
        int count = stages[band];
        int coef = band * MAX_SECTIONS * 5;
        int st = (band * SIGNALS + signal) * MAX_SECTIONS * 4;
        int w = wet[band];
        int target = on(band) ? fadeFrames : 0;
        boolean fading = w != target;
        double[] s = state;
        double[] h = coefficients;
        if (fading) {
            System.arraycopy(x, 0, dry, 0, n);
        }
        for (int j = 0; j < count; j++) {
            int o = st + 4 * j;
            int q = coef + 5 * j;
            double b0 = h[q];
            double b1 = h[q + 1];
            double b2 = h[q + 2];
            double a1 = h[q + 3];
            double a2 = h[q + 4];
            double x1 = s[o];
            double x2 = s[o + 1];
            double y1 = s[o + 2];
            double y2 = s[o + 3];
            for (int k = 0; k < n; k++) {
                double v = x[k];
                double y = b0 * v + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2;
                x2 = x1;
                x1 = v;
                y2 = y1;
                y1 = y;
                x[k] = y;
            }
            s[o] = x1;
            s[o + 1] = x2;
            s[o + 2] = y1;
            s[o + 3] = y2;
        }
        if (fading) {
            int step = target > w ? 1 : -1;
            double scale = 1.0 / fadeFrames;
            for (int k = 0; k < n; k++) {
                w = Math.max(0, Math.min(fadeFrames, w + step));
                x[k] = dry[k] + w * scale * (x[k] - dry[k]);
            }
        }
    }

    private void advanceFade(int band, int n) {
        int target = on(band) ? fadeFrames : 0;
        if (wet[band] == target) {
            return;
        }
        wet[band] = target > wet[band] ? Math.min(fadeFrames, wet[band] + n) : Math.max(0, wet[band] - n);
        if (wet[band] == 0) {
            clearBand(band);
        }
    }

    /** Once per chunk: bands take a smoothing step toward their targets; a silent band takes its new settings. */
    private void updateChunk() {
        for (int b = 0; b < BANDS; b++) {
            if (wet[b] == 0) {
                if (wants(b)) {
                    adopt(b); // switched on, or reconfigured while out: start from its values, fading in
                }
                continue;
            }
            double tf = Math.log(bank.get(index(b, FREQUENCY)));
            double tg = bank.get(index(b, GAIN));
            double tq = Math.log(bank.get(index(b, Q)));
            boolean changed = false;
            if (logFrequency[b] != tf) {
                logFrequency[b] = approach(logFrequency[b], tf, SNAP_LOG);
                changed = true;
            }
            if (gainDb[b] != tg) {
                gainDb[b] = approach(gainDb[b], tg, SNAP_DB);
                changed = true;
            }
            if (logQ[b] != tq) {
                logQ[b] = approach(logQ[b], tq, SNAP_LOG);
                changed = true;
            }
            if (changed) {
                design(b);
            }
        }
    }

    private double approach(double current, double target, double snap) {
        double next = current + (target - current) * smoothStep;
        return Math.abs(target - next) < snap ? target : next;
    }

    private void clearBand(int b) {
        int from = b * SIGNALS * MAX_SECTIONS * 4;
        Arrays.fill(state, from, from + SIGNALS * MAX_SECTIONS * 4, 0);
    }

    /** Flushes tiny filter states of the bands that run. */
    private void flushDenormals() {
        double[] s = state;
        for (int b = 0; b < BANDS; b++) {
            if (wet[b] == 0) {
                continue;
            }
            int from = b * SIGNALS * MAX_SECTIONS * 4;
            for (int i = from; i < from + SIGNALS * MAX_SECTIONS * 4; i++) {
                if (Math.abs(s[i]) < TINY) {
                    s[i] = 0;
                }
            }
        }
    }

    /**
     * Estimates how long the output rings: 120 dB of decay of the most resonant pole of the bands that are on (time
     * constant Q / (pi f)) and, in linear phase, the FIR's half length after its peak. Published through a volatile
     * field for the main thread.
     */
    private void updateTail() {
        double seconds = 0;
        for (int b = 0; b < BANDS; b++) {
            if (!wants(b)) {
                continue;
            }
            int t = targetType(b);
            double q = bank.get(index(b, Q));
            double f = bank.get(index(b, FREQUENCY));
            double poleQ;
            if (t == HIGH_PASS || t == LOW_PASS) {
                int n = stagesFor(b, t);
                poleQ = n == 1 ? q : BiquadDesign.butterworthQ(n - 1, n) * q / BiquadDesign.BUTTERWORTH_Q;
            } else {
                poleQ = q * Math.max(1, dbToGain(Math.abs(bank.get(index(b, GAIN))) / 2));
            }
            seconds = Math.max(seconds, Math.log(1e6) * Math.max(poleQ, 0.5) / (Math.PI * f));
        }
        int frames = (int) Math.ceil(seconds * sampleRate);
        if (phaseLinear() && linear != null) {
            frames = Math.max(frames, linear.centre());
        }
        tailFrames = frames;
    }

    /** The parameter values by id. Main thread. */
    @Override
    public ProcessorState saveState() {
        return bank.save();
    }

    /** Restores parameter values; they take effect at once (a prepared EQ resets to them). Main thread. */
    @Override
    public void restoreState(ProcessorState saved) {
        bank.restore(saved);
        if (prepared) {
            reset();
        } else {
            updateTail();
        }
    }

    private static double dbToGain(double db) {
        return Math.pow(10, db / 20);
    }
}
