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
 * The stereo utility as a 2x2 matrix whose four coefficients are smoothed over 20 ms:
 * width scales the side signal ({@code S = (L - R) / 2}; 0 % is mono, 200 % doubles the side), mono forces width to
 * 0, swap exchanges the outputs, and balance attenuates the opposite side linearly (a stereo balance control: at
 * +100 % the left channel is silent and the right is untouched).
 */
final class StereoUtilityProcessor implements SegmentedProcessor {
    private static final double RAMP_SECONDS = 0.020;
    private final ParameterBank bank;
    private final LinearSmoother ll = new LinearSmoother(RAMP_SECONDS, 1);
    private final LinearSmoother lr = new LinearSmoother(RAMP_SECONDS, 0);
    private final LinearSmoother rl = new LinearSmoother(RAMP_SECONDS, 0);
    private final LinearSmoother rr = new LinearSmoother(RAMP_SECONDS, 1);

    StereoUtilityProcessor(List<ParameterDescriptor> parameters) {
        bank = new ParameterBank(parameters);
    }

    @Override
    public void prepare(ProcessSpec spec) {
        ll.prepare(spec.sampleRate());
        lr.prepare(spec.sampleRate());
        rl.prepare(spec.sampleRate());
        rr.prepare(spec.sampleRate());
        reset();
    }

    @Override
    public void reset() {
        updateTargets(true);
    }

    @Override
    public void parameterChanged(int parameter, double value) {
        bank.set(parameter, value);
        updateTargets(false);
    }

    private void updateTargets(boolean immediate) {
        double width = bank.get(StereoUtilityFactory.MONO) >= 0.5 ? 0 : bank.get(StereoUtilityFactory.WIDTH) / 100;
        double balance = bank.get(StereoUtilityFactory.BALANCE) / 100;
        double leftGain = Math.min(1, 1 - balance);
        double rightGain = Math.min(1, 1 + balance);
        // out_L = (M + wS), out_R = (M - wS) with M = (L+R)/2, S = (L-R)/2
        double a = (1 + width) / 2;
        double b = (1 - width) / 2;
        double outLl = a * leftGain;
        double outLr = b * leftGain;
        double outRl = b * rightGain;
        double outRr = a * rightGain;
        if (bank.get(StereoUtilityFactory.SWAP) >= 0.5) {
            set(ll, outRl, immediate);
            set(lr, outRr, immediate);
            set(rl, outLl, immediate);
            set(rr, outLr, immediate);
        } else {
            set(ll, outLl, immediate);
            set(lr, outLr, immediate);
            set(rl, outRl, immediate);
            set(rr, outRr, immediate);
        }
    }

    private static void set(LinearSmoother s, double value, boolean immediate) {
        if (immediate) {
            s.setImmediate(value);
        } else {
            s.setTarget(value);
        }
    }

    @Override
    public void render(AudioBlock block, int from, int to) {
        if (block.channelCount() < 2) {
            ll.skip(to - from);
            lr.skip(to - from);
            rl.skip(to - from);
            rr.skip(to - from);
            return;
        }
        float[] left = block.channel(0);
        float[] right = block.channel(1);
        for (int i = from; i < to; i++) {
            double l = left[i];
            double r = right[i];
            left[i] = (float) (ll.next() * l + lr.next() * r);
            right[i] = (float) (rl.next() * l + rr.next() * r);
        }
    }

    @Override
    public ProcessorState saveState() {
        return bank.save();
    }

    @Override
    public void restoreState(ProcessorState state) {
        bank.restore(state);
        updateTargets(true);
    }
}
