package org.mixbench.processors.space;

import java.util.List;

import org.mixbench.api.processor.AudioBlock;
import org.mixbench.api.processor.ParameterDescriptor;
import org.mixbench.api.processor.ProcessSpec;
import org.mixbench.api.processor.ProcessorState;
import org.mixbench.dsp.LinearSmoother;
import org.mixbench.dsp.ParameterBank;
import org.mixbench.dsp.SegmentedProcessor;

/**
 * A waveshaper run at four times the sample rate through two half-band stages (79 taps at 2x, 35 taps at 4x,
 * Kaiser windows for about 100 dB of stopband), so the harmonics the curve makes above the audio band are filtered
 * away instead of folding back. The curves, on {@code u = drive * x}:
 * <ul>
 * <li>Tape: {@code tanh(u)}, symmetric, odd harmonics.</li>
 * <li>Tube: {@code (tanh(u + b) - tanh(b)) / (1 - tanh(b)^2)} with {@code b = 0.4}: asymmetric, so even harmonics too,
 * with unity slope at zero; a 5 Hz DC blocker removes the offset it makes.</li>
 * <li>Hard clip: {@code u} limited to +-1.</li>
 * </ul>
 * All three have slope one at zero, so a low-level signal gains exactly the drive. Then a tilt (a one-pole split at
 * 700 Hz; +t dB raises the highs by t/2 and lowers the lows by t/2, and 0 dB is an exact bypass), the output level,
 * and a dry/wet mix whose dry path is delayed by the same {@value #LATENCY} frames as the oversampled path.
 */
final class SaturationProcessor implements SegmentedProcessor {
    /** Frames of delay through the oversampling filters: (2 x 39 + 17 + 1) at 2x = 96 at 2x = 48 at the base rate. */
    static final int LATENCY = 48;
    private static final double SMOOTHING_SECONDS = 0.020;
    private static final double[] STAGE1 = Halfband.design(79, 10.0);
    private static final double[] STAGE2 = Halfband.design(35, 10.0);
    private static final double TUBE_BIAS = 0.4;
    private static final double TUBE_OFFSET = Math.tanh(TUBE_BIAS);
    private static final double TUBE_SCALE = 1 / (1 - TUBE_OFFSET * TUBE_OFFSET);
    private static final double TILT_HZ = 700;
    private static final double DC_HZ = 5;

    private final ParameterBank bank;
    private final LinearSmoother drive = new LinearSmoother(SMOOTHING_SECONDS, 1);
    private final LinearSmoother lowGain = new LinearSmoother(SMOOTHING_SECONDS, 1);
    private final LinearSmoother highGain = new LinearSmoother(SMOOTHING_SECONDS, 1);
    private final LinearSmoother output = new LinearSmoother(SMOOTHING_SECONDS, 1);
    private final LinearSmoother mix = new LinearSmoother(SMOOTHING_SECONDS, 1);
    private Halfband.Up[] up1 = new Halfband.Up[0];
    private Halfband.Up[] up2 = new Halfband.Up[0];
    private Halfband.Down[] down2 = new Halfband.Down[0];
    private Halfband.Down[] down1 = new Halfband.Down[0];
    private double[] between = new double[0];
    private double[] dcIn = new double[0];
    private double[] dcOut = new double[0];
    private double[] tilt = new double[0];
    private float[][] dry = new float[0][];
    private int dryPos;
    private double dcPole;
    private double tiltCoefficient;

    SaturationProcessor(List<ParameterDescriptor> parameters) {
        bank = new ParameterBank(parameters);
    }

    /** Allocates the oversampling filters, the dry delay and the filter states per channel. Main thread. */
    @Override
    public void prepare(ProcessSpec spec) {
        int channels = spec.channels();
        up1 = new Halfband.Up[channels];
        up2 = new Halfband.Up[channels];
        down2 = new Halfband.Down[channels];
        down1 = new Halfband.Down[channels];
        for (int c = 0; c < channels; c++) {
            up1[c] = new Halfband.Up(STAGE1);
            up2[c] = new Halfband.Up(STAGE2);
            down2[c] = new Halfband.Down(STAGE2);
            down1[c] = new Halfband.Down(STAGE1);
        }
        between = new double[channels];
        dcIn = new double[channels];
        dcOut = new double[channels];
        tilt = new double[channels];
        dry = new float[channels][LATENCY];
        double rate = spec.sampleRate();
        dcPole = 1 - 2 * Math.PI * DC_HZ / rate;
        tiltCoefficient = 1 - Math.exp(-2 * Math.PI * TILT_HZ / rate);
        drive.prepare(rate);
        lowGain.prepare(rate);
        highGain.prepare(rate);
        output.prepare(rate);
        mix.prepare(rate);
        reset();
    }

    /** Clears every filter and the dry delay and takes every value at once. Audio thread, active. */
    @Override
    public void reset() {
        for (int c = 0; c < up1.length; c++) {
            up1[c].reset();
            up2[c].reset();
            down2[c].reset();
            down1[c].reset();
            java.util.Arrays.fill(dry[c], 0f);
        }
        java.util.Arrays.fill(between, 0);
        java.util.Arrays.fill(dcIn, 0);
        java.util.Arrays.fill(dcOut, 0);
        java.util.Arrays.fill(tilt, 0);
        dryPos = 0;
        updateTargets(true);
    }

    /** Applies an automation event or a host change. Audio thread, active. */
    @Override
    public void parameterChanged(int parameter, double value) {
        bank.set(parameter, value);
        updateTargets(false);
    }

    private void updateTargets(boolean immediate) {
        double g = Math.pow(10, bank.get(SaturationFactory.DRIVE) / 20);
        double t = bank.get(SaturationFactory.TONE);
        double low = Math.pow(10, -t / 40);
        double high = Math.pow(10, t / 40);
        double out = Math.pow(10, bank.get(SaturationFactory.OUTPUT) / 20);
        double m = bank.get(SaturationFactory.MIX) / 100;
        if (immediate) {
            drive.setImmediate(g);
            lowGain.setImmediate(low);
            highGain.setImmediate(high);
            output.setImmediate(out);
            mix.setImmediate(m);
        } else {
            drive.setTarget(g);
            lowGain.setTarget(low);
            highGain.setTarget(high);
            output.setTarget(out);
            mix.setTarget(m);
        }
    }

    /** Renders frames {@code [from, to)}. Audio thread, active; never allocates. */
    @Override
    public void render(AudioBlock block, int from, int to) {
        int channels = block.channelCount();
        int type = (int) bank.get(SaturationFactory.TYPE);
        for (int i = from; i < to; i++) {
            double g = drive.next();
            double low = lowGain.next();
            double high = highGain.next();
            double out = output.next();
            double wet = mix.next();
            for (int c = 0; c < channels; c++) {
                float[] x = block.channel(c);
                double in = x[i];
                // Up to 2x; the 2x stream is delayed by one sample so that the total latency is whole frames.
                double a0 = up1[c].process(in);
                double a1 = up1[c].odd();
                double b0 = between[c];
                between[c] = a1;
                double q0 = shape(type, g * up2[c].process(b0));
                double q1 = shape(type, g * up2[c].odd());
                double q2 = shape(type, g * up2[c].process(a0));
                double q3 = shape(type, g * up2[c].odd());
                double r0 = down2[c].process(q0, q1);
                double r1 = down2[c].process(q2, q3);
                double y = down1[c].process(r0, r1);
                double blocked = y - dcIn[c] + dcPole * dcOut[c];
                dcIn[c] = y;
                dcOut[c] = DelayLine.flush(blocked);
                double lp = tilt[c] + tiltCoefficient * (blocked - tilt[c]);
                tilt[c] = DelayLine.flush(lp);
                double shaped = low * lp + high * (blocked - lp);
                double delayedDry = dry[c][dryPos];
                dry[c][dryPos] = (float) in;
                x[i] = (float) (out * (wet * shaped + (1 - wet) * delayedDry));
            }
            if (++dryPos == LATENCY) {
                dryPos = 0;
            }
        }
    }

    /** The transfer curve of {@code type}; each has slope one at zero. Audio thread. */
    static double shape(int type, double u) {
        switch (type) {
            case SaturationFactory.TUBE:
                return (Math.tanh(u + TUBE_BIAS) - TUBE_OFFSET) * TUBE_SCALE;
            case SaturationFactory.HARD_CLIP:
                return Math.max(-1, Math.min(1, u));
            default:
                return Math.tanh(u);
        }
    }

    /** {@value #LATENCY} frames at any sample rate: the delay of the oversampling filters. Main thread, active. */
    @Override
    public int latencyFrames() {
        return LATENCY;
    }

    /**
     * The length of the oversampling filters' impulse response, twice the latency; the slow, inaudible settling of
     * the 5 Hz DC blocker is not counted. Main thread, active.
     */
    @Override
    public int tailFrames() {
        return 2 * LATENCY;
    }

    /** The parameter values by id. Main thread. */
    @Override
    public ProcessorState saveState() {
        return bank.save();
    }

    /** Restores parameter values without smoothing. Main thread, inactive. */
    @Override
    public void restoreState(ProcessorState state) {
        bank.restore(state);
        updateTargets(true);
    }
}
