package org.mixbench.processors.eqdyn;

import static org.mixbench.processors.eqdyn.ParametricEqFactory.BANDS;
import static org.mixbench.processors.eqdyn.ParametricEqFactory.ENABLED;
import static org.mixbench.processors.eqdyn.ParametricEqFactory.FREQUENCY;
import static org.mixbench.processors.eqdyn.ParametricEqFactory.GAIN;
import static org.mixbench.processors.eqdyn.ParametricEqFactory.OUTPUT;
import static org.mixbench.processors.eqdyn.ParametricEqFactory.Q;
import static org.mixbench.processors.eqdyn.ParametricEqFactory.SLOPE;
import static org.mixbench.processors.eqdyn.ParametricEqFactory.TYPE;
import static org.mixbench.processors.eqdyn.ParametricEqFactory.index;

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
 * The parametric EQ: eight bands in series, each one to four RBJ biquads in Direct Form I with double-precision
 * state, then a smoothed output gain.
 *
 * <p><b>Smoothing (our choice).</b> We smooth the parameters, not the coefficients: every {@value #CHUNK} frames each
 * moving band takes a one-pole step (time constant {@value #SMOOTH_MS} ms) of its frequency and Q in the log domain
 * and of its gain in dB toward the target, and its coefficients are designed anew from those values. Smoothing in
 * the parameter domain keeps every intermediate filter a proper, stable EQ curve (interpolating coefficients
 * linearly does not), and Direct Form I tolerates coefficient changes with no state rescaling. Chunk boundaries are
 * counted across blocks and restart at every parameter event, so the output does not depend on block sizes and a
 * change starts moving at its event's frame. Switching a band on or off cross-fades it with its input over
 * {@value #FADE_MS} ms (a band that has faded out stops computing and clears its state); a change of type or slope
 * switches at the event, keeping the state of the sections that stay.
 *
 * <p>Pass filters: 12 dB/oct is one section whose Q is the band's Q (0.71 is Butterworth); 24 to 48 dB/oct cascade
 * two to four sections in Butterworth alignment, the band's Q scaling the last, most resonant section (at Q 0.71 the
 * cascade is exactly Butterworth, -3 dB at the frequency). Denormals: the filter state is flushed to zero once per
 * chunk when it falls below 1e-25.
 *
 * <p>Thread: the main thread prepares and restores; the audio thread processes and resets; {@link #tailFrames()} may be
 * read from the main thread at any time.
 */
final class ParametricEqProcessor implements SegmentedProcessor {
    /** Frames between coefficient updates while a band moves. */
    static final int CHUNK = 32;
    /** Time constant of parameter smoothing, ms. */
    static final double SMOOTH_MS = 10;
    /** Length of the on/off cross-fade, ms. */
    static final double FADE_MS = 20;
    private static final int MAX_STAGES = 4;
    private static final double SNAP_LOG = 1e-6;
    private static final double SNAP_DB = 1e-5;
    private static final double TINY = 1e-25;

    private final ParameterBank bank;
    private final LinearSmoother output = new LinearSmoother(0.020, 1.0);

    // Smoothed values per band (frequency and Q as natural logs).
    private final double[] logFrequency = new double[BANDS];
    private final double[] gainDb = new double[BANDS];
    private final double[] logQ = new double[BANDS];
    private final int[] type = new int[BANDS];
    private final int[] stages = new int[BANDS];
    private final boolean[] designed = new boolean[BANDS];
    // Cross-fade of each band with its input: 0 = bypassed, 1 = fully in.
    private final double[] wet = new double[BANDS];
    private final double[] coefficients = new double[BANDS * MAX_STAGES * 5];
    private final double[] outputGains = new double[CHUNK];

    private double sampleRate = 48_000;
    private int channels = 1;
    private double smoothStep;
    private double fadeStep;
    private int chunkLeft;
    // x1, x2, y1, y2 per stage, per band, per channel; allocated in prepare.
    private double[] state = new double[0];
    private double[] work = new double[CHUNK];
    private double[] dry = new double[CHUNK];
    private volatile int tailFrames;

    ParametricEqProcessor(List<ParameterDescriptor> parameters) {
        bank = new ParameterBank(parameters);
    }

    /** Allocates the filter state for the spec and resets. Main thread, inactive. */
    @Override
    public void prepare(ProcessSpec spec) {
        sampleRate = spec.sampleRate();
        channels = spec.channels();
        state = new double[channels * BANDS * MAX_STAGES * 4];
        work = new double[CHUNK];
        dry = new double[CHUNK];
        smoothStep = 1 - Math.exp(-CHUNK * 1000.0 / (SMOOTH_MS * sampleRate));
        fadeStep = 1000.0 / (FADE_MS * sampleRate);
        output.prepare(sampleRate);
        reset();
    }

    /** Clears every filter and jumps to the current parameter values. Audio thread, active. */
    @Override
    public void reset() {
        Arrays.fill(state, 0);
        for (int b = 0; b < BANDS; b++) {
            wet[b] = enabled(b) ? 1 : 0;
            snap(b);
        }
        output.setImmediate(Levels.dbToGain(bank.get(OUTPUT)));
        chunkLeft = 0;
        updateTail();
    }

    /** Takes a parameter change; a band starts moving toward it at this frame. Audio thread, active. */
    @Override
    public void parameterChanged(int parameter, double value) {
        bank.set(parameter, value);
        if (parameter == OUTPUT) {
            output.setTarget(Levels.dbToGain(bank.get(OUTPUT)));
        } else {
            chunkLeft = 0;
            updateTail();
        }
    }

    /** Filters frames {@code [from, to)} in place. Audio thread, active. */
    @Override
    public void render(AudioBlock block, int from, int to) {
        int blockChannels = Math.min(block.channelCount(), channels);
        int i = from;
        while (i < to) {
            if (chunkLeft == 0) {
                updateChunk();
                chunkLeft = CHUNK;
            }
            int n = Math.min(to - i, chunkLeft);
            for (int k = 0; k < n; k++) {
                outputGains[k] = output.next();
            }
            for (int c = 0; c < blockChannels; c++) {
                float[] x = block.channel(c);
                for (int k = 0; k < n; k++) {
                    work[k] = x[i + k];
                }
                for (int b = 0; b < BANDS; b++) {
                    if (wet[b] > 0 || enabled(b)) {
                        filter(c, b, n);
                    }
                }
                for (int k = 0; k < n; k++) {
                    x[i + k] = (float) (work[k] * outputGains[k]);
                }
            }
            for (int b = 0; b < BANDS; b++) {
                advanceFade(b, n);
            }
            chunkLeft -= n;
            i += n;
            if (chunkLeft == 0) {
                flushDenormals();
            }
        }
    }

    private boolean enabled(int band) {
        return bank.get(index(band, ENABLED)) >= 0.5;
    }

    /**
     * Runs band {@code band}'s sections over {@code work[0..n)} of one channel, one section at a time with its
     * coefficients and state in locals (the same arithmetic, sample for sample, as a section-per-sample loop, at a
     * fraction of the memory traffic); a band fading in or out is mixed with its input.
     */
    private void filter(int channel, int band, int n) {
        int count = stages[band];
        int coef = band * MAX_STAGES * 5;
        int st = (channel * BANDS + band) * MAX_STAGES * 4;
        double w = wet[band];
        double target = enabled(band) ? 1 : 0;
        boolean fading = w != target;
        double[] s = state;
        double[] h = coefficients;
        double[] x = work;
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
            double step = target > w ? fadeStep : -fadeStep;
            for (int k = 0; k < n; k++) {
                w = Math.max(0, Math.min(1, w + step));
                x[k] = dry[k] + w * (x[k] - dry[k]);
            }
        }
    }

    private void advanceFade(int band, int n) {
        double target = enabled(band) ? 1 : 0;
        if (wet[band] == target) {
            return;
        }
        wet[band] = target > wet[band] ? Math.min(1, wet[band] + n * fadeStep) : Math.max(0, wet[band] - n * fadeStep);
        if (wet[band] == 0) {
            clearBand(band);
        }
    }

    /** Once per chunk: moves each band a step toward its targets and designs its sections when anything changed. */
    private void updateChunk() {
        for (int b = 0; b < BANDS; b++) {
            if (wet[b] == 0 && !enabled(b)) {
                continue; // silent band: snapped when it comes back
            }
            if (wet[b] == 0) {
                snap(b); // band switched on: start at its values, fading in from a clear state
                continue;
            }
            int newType = (int) bank.get(index(b, TYPE));
            int newStages = stagesFor(b, newType);
            if (newStages > stages[b]) {
                for (int c = 0; c < channels; c++) {
                    int st = (c * BANDS + b) * MAX_STAGES * 4;
                    Arrays.fill(state, st + 4 * stages[b], st + 4 * newStages, 0);
                }
            }
            boolean changed = newType != type[b] || newStages != stages[b] || !designed[b];
            type[b] = newType;
            stages[b] = newStages;
            double tf = Math.log(bank.get(index(b, FREQUENCY)));
            double tg = bank.get(index(b, GAIN));
            double tq = Math.log(bank.get(index(b, Q)));
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

    private int stagesFor(int band, int bandType) {
        return bandType == BiquadDesign.HIGH_PASS || bandType == BiquadDesign.LOW_PASS
                ? (int) bank.get(index(band, SLOPE)) + 1 : 1;
    }

    /** Jumps band {@code b} to its parameter values and designs it. */
    private void snap(int b) {
        type[b] = (int) bank.get(index(b, TYPE));
        stages[b] = stagesFor(b, type[b]);
        logFrequency[b] = Math.log(bank.get(index(b, FREQUENCY)));
        gainDb[b] = bank.get(index(b, GAIN));
        logQ[b] = Math.log(bank.get(index(b, Q)));
        design(b);
    }

    private void design(int b) {
        double f = Math.exp(logFrequency[b]);
        double q = Math.exp(logQ[b]);
        int count = stages[b];
        int coef = b * MAX_STAGES * 5;
        if (count == 1) {
            BiquadDesign.design(type[b], f, gainDb[b], q, sampleRate, coefficients, coef);
        } else {
            for (int j = 0; j < count; j++) {
                double sq = BiquadDesign.butterworthQ(j, count);
                if (j == count - 1) {
                    sq *= q / BiquadDesign.BUTTERWORTH_Q;
                }
                BiquadDesign.design(type[b], f, 0, sq, sampleRate, coefficients, coef + 5 * j);
            }
        }
        designed[b] = true;
    }

    private void clearBand(int b) {
        for (int c = 0; c < channels; c++) {
            int st = (c * BANDS + b) * MAX_STAGES * 4;
            Arrays.fill(state, st, st + MAX_STAGES * 4, 0);
        }
    }

    /** Flushes tiny states of the bands that run (the others were cleared when they faded out). */
    private void flushDenormals() {
        double[] s = state;
        for (int c = 0; c < channels; c++) {
            for (int b = 0; b < BANDS; b++) {
                if (wet[b] == 0 && !enabled(b)) {
                    continue;
                }
                int from = (c * BANDS + b) * MAX_STAGES * 4;
                for (int i = from; i < from + MAX_STAGES * 4; i++) {
                    if (Math.abs(s[i]) < TINY) {
                        s[i] = 0;
                    }
                }
            }
        }
    }

    /**
     * Estimates how long the enabled bands ring: 120 dB of decay of their most resonant pole, whose time constant is
     * Q / (pi f). Published through a volatile field for the main thread.
     */
    private void updateTail() {
        double seconds = 0;
        for (int b = 0; b < BANDS; b++) {
            if (!enabled(b)) {
                continue;
            }
            int t = (int) bank.get(index(b, TYPE));
            double q = bank.get(index(b, Q));
            double f = bank.get(index(b, FREQUENCY));
            double poleQ;
            if (t == BiquadDesign.HIGH_PASS || t == BiquadDesign.LOW_PASS) {
                int n = stagesFor(b, t);
                poleQ = n == 1 ? q : BiquadDesign.butterworthQ(n - 1, n) * q / BiquadDesign.BUTTERWORTH_Q;
            } else {
                poleQ = q * Math.max(1, Levels.dbToGain(Math.abs(bank.get(index(b, GAIN))) / 2));
            }
            seconds = Math.max(seconds, Math.log(1e6) * Math.max(poleQ, 0.5) / (Math.PI * f));
        }
        tailFrames = (int) Math.ceil(seconds * sampleRate);
    }

    /** How long the output rings after the input stops, for the current settings. Main thread, active. */
    @Override
    public int tailFrames() {
        return tailFrames;
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
        for (int b = 0; b < BANDS; b++) {
            wet[b] = enabled(b) ? 1 : 0;
            snap(b);
        }
        output.setImmediate(Levels.dbToGain(bank.get(OUTPUT)));
        updateTail();
    }
}
