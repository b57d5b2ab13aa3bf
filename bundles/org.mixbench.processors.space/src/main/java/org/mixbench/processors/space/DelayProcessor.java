package org.mixbench.processors.space;

import java.util.List;

import org.mixbench.api.processor.AudioBlock;
import org.mixbench.api.processor.ParameterDescriptor;
import org.mixbench.api.processor.ProcessSpec;
import org.mixbench.api.processor.ProcessorState;
import org.mixbench.dsp.Biquad;
import org.mixbench.dsp.LinearSmoother;
import org.mixbench.dsp.ParameterBank;
import org.mixbench.dsp.SegmentedProcessor;

/**
 * A feedback delay per channel. Each line writes its input plus the feedback, filtered by a 12 dB/oct high-pass
 * (low cut) and low-pass (high cut), and is read at a fractional delay (third-order Lagrange) that glides toward a
 * new time with an 80 ms one-pole, so time changes and automation bend the pitch like tape instead of clicking.
 * An integer delay is read exactly, so a 250 ms delay at 48 kHz puts an impulse at frame 12000.
 *
 * <p>Ping-pong (stereo and wider, on the first two channels): the sum {@code (L + R) / 2} enters the left line
 * only, the left line's output feeds the right line and the right line's output feeds the left one, both scaled by
 * the feedback, so echoes alternate L, R, L, ... each one feedback step lower.
 *
 * <p>Sync: the delay is the note value at {@link AudioBlock#tempoBpm()}, limited to 4 s; a tempo change glides
 * like a time change, except at the first block after a reset, where it is taken at once.
 *
 * <p>Thread: the main thread creates, restores and prepares it while inactive; the audio thread processes and resets
 * it while active. It takes no locks and allocates nothing after {@code prepare}.
 */
final class DelayProcessor implements SegmentedProcessor {
    private static final double SMOOTHING_SECONDS = 0.020;
    private static final double GLIDE_SECONDS = 0.080;
    /** 90 dB of decay in amplitude. */
    private static final double TAIL_LEVEL = Math.pow(10, -90 / 20.0);

    private final ParameterBank bank;
    private final LinearSmoother feedback = new LinearSmoother(SMOOTHING_SECONDS, 0);
    private final LinearSmoother mix = new LinearSmoother(SMOOTHING_SECONDS, 0);
    private final LinearSmoother output = new LinearSmoother(SMOOTHING_SECONDS, 1);
    private double sampleRate = 48_000;
    private DelayLine[] lines = new DelayLine[0];
    private Biquad[] lowCut = new Biquad[0];
    private Biquad[] highCut = new Biquad[0];
    private double glide;
    private double delay;
    private double targetDelay;
    private double tempo = 120;
    private boolean tempoKnown;

    DelayProcessor(List<ParameterDescriptor> parameters) {
        bank = new ParameterBank(parameters);
    }

    /** Allocates one line of 4 s plus margin per channel and its filters. Main thread, inactive. */
    @Override
    public void prepare(ProcessSpec spec) {
        sampleRate = spec.sampleRate();
        int maxFrames = (int) Math.ceil(DelayFactory.MAX_MS / 1000 * sampleRate) + 2;
        lines = new DelayLine[spec.channels()];
        lowCut = new Biquad[spec.channels()];
        highCut = new Biquad[spec.channels()];
        for (int c = 0; c < lines.length; c++) {
            lines[c] = new DelayLine(maxFrames);
            lowCut[c] = new Biquad();
            highCut[c] = new Biquad();
        }
        glide = 1 - Math.exp(-1 / (GLIDE_SECONDS * sampleRate));
        feedback.prepare(sampleRate);
        mix.prepare(sampleRate);
        output.prepare(sampleRate);
        reset();
    }

    /** Clears the lines and filters and jumps every smoothed value to its target. Audio thread, active. */
    @Override
    public void reset() {
        for (int c = 0; c < lines.length; c++) {
            lines[c].clear();
            lowCut[c].reset();
            highCut[c].reset();
        }
        tempo = 120;
        tempoKnown = false;
        updateFilters();
        updateTargets(true);
    }

    /** Applies an automation event or a host change. Audio thread, active. */
    @Override
    public void parameterChanged(int parameter, double value) {
        bank.set(parameter, value);
        if (parameter == DelayFactory.LOW_CUT || parameter == DelayFactory.HIGH_CUT) {
            updateFilters();
        }
        updateTargets(false);
    }

    private void updateFilters() {
        for (int c = 0; c < lines.length; c++) {
            lowCut[c].highPass(sampleRate, bank.get(DelayFactory.LOW_CUT));
            highCut[c].lowPass(sampleRate, bank.get(DelayFactory.HIGH_CUT));
        }
    }

    /** The delay the parameters and the tempo ask for, in frames, within 2 frames and 4 s. */
    private double delayFrames() {
        double ms;
        if (bank.get(DelayFactory.SYNC) >= 0.5) {
            ms = DelayFactory.NOTE_BEATS[(int) bank.get(DelayFactory.NOTE)] * 60_000 / tempo;
        } else {
            ms = bank.get(DelayFactory.TIME);
        }
        double frames = Math.min(DelayFactory.MAX_MS, ms) / 1000 * sampleRate;
        return Math.max(2, frames);
    }

    private void updateTargets(boolean immediate) {
        targetDelay = delayFrames();
        double fb = bank.get(DelayFactory.FEEDBACK) / 100;
        double wet = bank.get(DelayFactory.MIX) / 100;
        double out = Math.pow(10, bank.get(DelayFactory.OUTPUT) / 20);
        if (immediate) {
            delay = targetDelay;
            feedback.setImmediate(fb);
            mix.setImmediate(wet);
            output.setImmediate(out);
        } else {
            feedback.setTarget(fb);
            mix.setTarget(wet);
            output.setTarget(out);
        }
    }

    /** Renders frames {@code [from, to)}. Audio thread, active; never allocates. */
    @Override
    public void render(AudioBlock block, int from, int to) {
        if (!tempoKnown || block.tempoBpm() != tempo) {
            tempo = block.tempoBpm();
            targetDelay = delayFrames();
            if (!tempoKnown) {
                delay = targetDelay;
                tempoKnown = true;
            }
        }
        int channels = block.channelCount();
        boolean pingPong = channels >= 2 && bank.get(DelayFactory.PING_PONG) >= 0.5;
        int first = pingPong ? 2 : 0;
        for (int i = from; i < to; i++) {
            double d = delay;
            if (d != targetDelay) {
                d += (targetDelay - d) * glide;
                if (Math.abs(targetDelay - d) < 1e-4) {
                    d = targetDelay;
                }
                delay = d;
            }
            double fb = feedback.next();
            double wet = mix.next();
            double dry = 1 - wet;
            double gain = output.next();
            if (pingPong) {
                float[] left = block.channel(0);
                float[] right = block.channel(1);
                double yl = lines[0].read(d);
                double yr = lines[1].read(d);
                double xl = left[i];
                double xr = right[i];
                lines[0].write(0.5 * (xl + xr) + fb * highCut[0].process(lowCut[0].process(yr)));
                lines[1].write(fb * highCut[1].process(lowCut[1].process(yl)));
                left[i] = (float) (gain * (dry * xl + wet * yl));
                right[i] = (float) (gain * (dry * xr + wet * yr));
            }
            for (int c = first; c < channels; c++) {
                float[] x = block.channel(c);
                DelayLine line = lines[c];
                double y = line.read(d);
                double in = x[i];
                line.write(in + fb * highCut[c].process(lowCut[c].process(y)));
                x[i] = (float) (gain * (dry * in + wet * y));
            }
        }
    }

    /** No latency: the dry signal passes at once. Main thread, active. */
    @Override
    public int latencyFrames() {
        return 0;
    }

    /**
     * Frames until the echoes have decayed by 90 dB: the number of feedback passes that takes, plus the first echo,
     * times the delay (the filters only shorten it). Main thread, active.
     */
    @Override
    public int tailFrames() {
        double d = Math.max(delay, targetDelay);
        double fb = bank.get(DelayFactory.FEEDBACK) / 100;
        double repeats = fb <= 0 ? 0 : Math.ceil(Math.log(TAIL_LEVEL) / Math.log(fb));
        double frames = Math.ceil(d * (repeats + 1)) + 4;
        return (int) Math.min(Integer.MAX_VALUE, frames);
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
        updateFilters();
        updateTargets(true);
    }
}
