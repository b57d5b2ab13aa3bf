package org.mixbench.processors.basic;

import java.util.List;

import org.mixbench.api.processor.AudioBlock;
import org.mixbench.api.processor.ParameterDescriptor;
import org.mixbench.api.processor.ProcessSpec;
import org.mixbench.api.processor.ProcessorState;
import org.mixbench.dsp.LinearSmoother;
import org.mixbench.dsp.ParameterBank;
import org.mixbench.dsp.SegmentedProcessor;

/**
 * Gain with a 20 ms linear ramp in amplitude. -96 dB and below is silence. The polarity switch flips the sign of
 * the gain, so it is smoothed too.
 */
final class GainProcessor implements SegmentedProcessor {
    private static final double RAMP_SECONDS = 0.020;
    private final ParameterBank bank;
    private final LinearSmoother gain = new LinearSmoother(RAMP_SECONDS, 1.0);

    GainProcessor(List<ParameterDescriptor> parameters) {
        bank = new ParameterBank(parameters);
    }

    static double linearGain(double db, boolean invert) {
        double g = db <= -96 ? 0 : Math.pow(10, db / 20);
        return invert ? -g : g;
    }

    private double targetGain() {
        return linearGain(bank.get(GainFactory.GAIN), bank.get(GainFactory.INVERT) >= 0.5);
    }

    @Override
    public void prepare(ProcessSpec spec) {
        gain.prepare(spec.sampleRate());
        reset();
    }

    @Override
    public void reset() {
        gain.setImmediate(targetGain());
    }

    @Override
    public void parameterChanged(int parameter, double value) {
        bank.set(parameter, value);
        gain.setTarget(targetGain());
    }

    @Override
    public void render(AudioBlock block, int from, int to) {
        int channels = block.channelCount();
        if (!gain.isSmoothing()) {
            float g = (float) gain.current();
            for (int c = 0; c < channels; c++) {
                float[] x = block.channel(c);
                for (int i = from; i < to; i++) {
                    x[i] *= g;
                }
            }
            return;
        }
        for (int i = from; i < to; i++) {
            float g = (float) gain.next();
            for (int c = 0; c < channels; c++) {
                block.channel(c)[i] *= g;
            }
        }
    }

    @Override
    public ProcessorState saveState() {
        return bank.save();
    }

    @Override
    public void restoreState(ProcessorState state) {
        bank.restore(state);
        gain.setImmediate(targetGain());
    }
}
