package org.mixbench.processors.space;

import java.util.List;

import org.mixbench.api.processor.AudioBlock;
import org.mixbench.api.processor.ParameterDescriptor;
import org.mixbench.api.processor.ProcessSpec;
import org.mixbench.api.processor.ProcessorState;
import org.mixbench.dsp.LinearSmoother;
import org.mixbench.dsp.FastMath;
import org.mixbench.dsp.ParameterBank;
import org.mixbench.dsp.SegmentedProcessor;

/**
 * A waveshaper run at two, four or eight times the sample rate (the "oversampling" parameter, 8x by default) through
 * up to three half-band stages (79 taps at 2x, 35 at 4x, 23 at 8x; Kaiser windows for about 100 dB of stopband), so
 * the harmonics the curve makes above the audio band are filtered away instead of folding back; only harmonics near
 * the oversampled rate can alias. 2x runs the first stage only, 4x the first two, 8x all three. Measured at 48 kHz
 * with a 7 kHz sine and +24 dB drive, the strongest alias below the fundamental, and the cost (stereo instances one
 * core runs in real time, the JMH EffectsBenchmark, all three measured the same day):
 * <ul>
 * <li>8x: tape -98 dB at -6 dBFS in, -60 dB at 0 dBFS; tube -100 dB and -59 dB; hard clip, whose harmonics fall only
 * as 1/k^2, -54 dB and -53 dB. About 52x real time.</li>
 * <li>4x: tape -51 dB and -36 dB; tube -53 dB and -37 dB; hard clip -46 dB and -32 dB. About 100x, twice as cheap.</li>
 * <li>2x: tape -27 dB and -23 dB; tube -28 dB and -23 dB; hard clip -24 dB and -21 dB (from the 11th harmonic of
 * 7 kHz up, harmonics fold into the audio band). About 170x, a third of the cost of 8x. For low drive, dull
 * material or many tracks; not for driving bright material hard.</li>
 * </ul>
 * Every setting has the same latency, {@value #LATENCY} frames: the cheaper ones are padded with a whole-frame delay
 * after decimation ({@code PAD}), so the host compensates it once and the dry path lines up in every setting. A
 * change of the setting while playing clears the stages it takes up again; it may click, but the output stays
 * aligned. The curves, on {@code u = drive * x}:
 * <ul>
 * <li>Tape: {@code tanh(u)}, symmetric, odd harmonics.</li>
 * <li>Tube: {@code (tanh(u + b) - tanh(b)) / (1 - tanh(b)^2)} with {@code b = 0.4}: asymmetric, so even harmonics too,
 * with unity slope at zero; a 5 Hz DC blocker removes the offset it makes.</li>
 * <li>Hard clip: {@code u} limited to +-1.</li>
 * </ul>
 * All three have slope one at zero, so a low-level signal gains exactly the drive. Then a tilt (a one-pole split at
 * 700 Hz; +t dB raises the highs by t/2 and lowers the lows by t/2, and 0 dB is an exact bypass), the output level,
 * and a dry/wet mix whose dry path is delayed by the same {@value #LATENCY} frames as the oversampled path.
 *
 * <p>Thread: the main thread creates, restores and prepares it while inactive; the audio thread processes and resets
 * it while active. It takes no locks and allocates nothing after {@code prepare}.
 */
final class SaturationProcessor implements SegmentedProcessor {
    /**
     * Frames of delay through the oversampling filters at 8x, which every setting keeps: at 4x, 17 + 11 + 17 + 1 = 46
     * (the centre taps of stages 2, 3 and 2 again, plus one sample); at 2x, 39 + 23 + 39 + 1 = 102; at the base rate
     * 51.
     */
    static final int LATENCY = 51;
    /**
     * Whole frames of delay after decimation that bring each setting to {@value #LATENCY}, by oversampling index.
     * 2x runs stage 1 only: 39 + 39 = 78 samples at 2x, 39 frames, so 12 frames of padding. 4x runs stages 1 and 2
     * with the one-sample 2x delay: at 4x, 17 + 17 = 34; at 2x, 39 + 17 + 39 + 1 = 96; 48 frames, so 3. 8x: none.
     * (Without that 2x delay, 4x would make 95 samples at 2x, 47.5 frames; 2x needs none, its 78 is already even.)
     */
    private static final int[] PAD = {LATENCY - 39, LATENCY - 48, 0};
    /** Ring size of the padding delay: a power of two above the largest pad. */
    private static final int PAD_SIZE = 16;
    private static final double SMOOTHING_SECONDS = 0.020;
    private static final double[] STAGE1 = Halfband.design(79, 10.0);
    private static final double[] STAGE2 = Halfband.design(35, 10.0);
    private static final double[] STAGE3 = Halfband.design(23, 10.0);
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
    private Halfband.Up[] up3 = new Halfband.Up[0];
    private Halfband.Down[] down3 = new Halfband.Down[0];
    private double[] delay2 = new double[0];
    private double[] delay4 = new double[0];
    private double[][] pad = new double[0][];
    private int padPos;
    /** The oversampling index whose stages currently hold live state. */
    private int activeMode = SaturationFactory.X8;
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
        up3 = new Halfband.Up[channels];
        down3 = new Halfband.Down[channels];
        for (int c = 0; c < channels; c++) {
            up1[c] = new Halfband.Up(STAGE1);
            up2[c] = new Halfband.Up(STAGE2);
            up3[c] = new Halfband.Up(STAGE3);
            down3[c] = new Halfband.Down(STAGE3);
            down2[c] = new Halfband.Down(STAGE2);
            down1[c] = new Halfband.Down(STAGE1);
        }
        delay2 = new double[channels];
        delay4 = new double[channels];
        pad = new double[channels][PAD_SIZE];
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
            up3[c].reset();
            down3[c].reset();
            down2[c].reset();
            down1[c].reset();
            java.util.Arrays.fill(dry[c], 0f);
            java.util.Arrays.fill(pad[c], 0);
        }
        java.util.Arrays.fill(delay2, 0);
        java.util.Arrays.fill(delay4, 0);
        java.util.Arrays.fill(dcIn, 0);
        java.util.Arrays.fill(dcOut, 0);
        java.util.Arrays.fill(tilt, 0);
        dryPos = 0;
        padPos = 0;
        activeMode = mode();
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

    private int mode() {
        return (int) bank.get(SaturationFactory.OVERSAMPLING);
    }

    /**
     * Clears the stages that the new setting runs and the old one did not, so that they start from silence rather
     * than from what they held when last used; the stages that ran on keep their state. The total delay is the same
     * before and after, so the output stays aligned; the switch itself may click. Audio thread.
     */
    private void switchTo(int mode) {
        for (int c = 0; c < up1.length; c++) {
            if (activeMode < SaturationFactory.X4 && mode >= SaturationFactory.X4) {
                up2[c].reset();
                down2[c].reset();
                delay2[c] = 0;
            }
            if (activeMode < SaturationFactory.X8 && mode >= SaturationFactory.X8) {
                up3[c].reset();
                down3[c].reset();
                delay4[c] = 0;
            }
        }
        activeMode = mode;
    }

    /** Renders frames {@code [from, to)}. Audio thread, active; never allocates. */
    @Override
    public void render(AudioBlock block, int from, int to) {
        int channels = block.channelCount();
        int type = (int) bank.get(SaturationFactory.TYPE);
        int mode = mode();
        if (mode != activeMode) {
            switchTo(mode);
        }
        int padFrames = PAD[mode];
        for (int i = from; i < to; i++) {
            double g = drive.next();
            double low = lowGain.next();
            double high = highGain.next();
            double out = output.next();
            double wet = mix.next();
            for (int c = 0; c < channels; c++) {
                float[] x = block.channel(c);
                double in = x[i];
                double y;
                if (mode == SaturationFactory.X8) {
                    y = oversampled8(c, type, g, in);
                } else if (mode == SaturationFactory.X4) {
                    y = oversampled4(c, type, g, in);
                } else {
                    y = oversampled2(c, type, g, in);
                }
                double[] p = pad[c];
                p[padPos] = y;
                y = p[(padPos - padFrames) & (PAD_SIZE - 1)];
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
            padPos = (padPos + 1) & (PAD_SIZE - 1);
        }
    }

    /** One input frame of channel {@code c} shaped at 8x and decimated back: {@value #LATENCY} frames of delay. */
    private double oversampled8(int c, int type, double g, double in) {
        // 1x -> 2x; the 2x stream is delayed by one sample and the 4x stream by one more, so that the total latency
        // is a whole number of frames.
        double a0 = up1[c].process(in);
        double a1 = up1[c].odd();
        double b0 = delay2[c];
        delay2[c] = a1;
        // 2x -> 4x
        double e0 = up2[c].process(b0);
        double e1 = up2[c].odd();
        double e2 = up2[c].process(a0);
        double e3 = up2[c].odd();
        double f0 = delay4[c];
        delay4[c] = e3;
        // 4x -> 8x, shape, 8x -> 4x
        double r0 = shapedPair(c, type, g, f0);
        double r1 = shapedPair(c, type, g, e0);
        double r2 = shapedPair(c, type, g, e1);
        double r3 = shapedPair(c, type, g, e2);
        // 4x -> 2x -> 1x
        return down1[c].process(down2[c].process(r0, r1), down2[c].process(r2, r3));
    }

    /** One input frame shaped at 4x (stages 1 and 2): 48 frames of delay. */
    private double oversampled4(int c, int type, double g, double in) {
        // 1x -> 2x, with the 2x stream delayed by one sample so that the total is a whole number of frames.
        double a0 = up1[c].process(in);
        double a1 = up1[c].odd();
        double b0 = delay2[c];
        delay2[c] = a1;
        // 2x -> 4x, shape
        Halfband.Up up = up2[c];
        double s0 = shape(type, g * up.process(b0));
        double s1 = shape(type, g * up.odd());
        double s2 = shape(type, g * up.process(a0));
        double s3 = shape(type, g * up.odd());
        // 4x -> 2x -> 1x
        Halfband.Down down = down2[c];
        return down1[c].process(down.process(s0, s1), down.process(s2, s3));
    }

    /** One input frame shaped at 2x (stage 1 only): 39 frames of delay. */
    private double oversampled2(int c, int type, double g, double in) {
        Halfband.Up up = up1[c];
        double s0 = shape(type, g * up.process(in));
        double s1 = shape(type, g * up.odd());
        return down1[c].process(s0, s1);
    }

    /** Upsamples one 4x sample to two 8x samples, shapes both, and returns them decimated to one 4x sample. */
    private double shapedPair(int c, int type, double g, double v) {
        Halfband.Up up = up3[c];
        double s0 = shape(type, g * up.process(v));
        double s1 = shape(type, g * up.odd());
        return down3[c].process(s0, s1);
    }

    /** The transfer curve of {@code type}; each has slope one at zero. Audio thread. */
    static double shape(int type, double u) {
        switch (type) {
            case SaturationFactory.TUBE:
                return (FastMath.tanh(u + TUBE_BIAS) - TUBE_OFFSET) * TUBE_SCALE;
            case SaturationFactory.HARD_CLIP:
                return Math.max(-1, Math.min(1, u));
            default:
                return FastMath.tanh(u);
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
