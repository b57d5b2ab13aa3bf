package com.example.bitcrusher;

import java.util.List;

import org.mixbench.api.processor.AudioBlock;
import org.mixbench.api.processor.ParameterDescriptor;
import org.mixbench.api.processor.ProcessSpec;
import org.mixbench.api.processor.ProcessorState;
import org.mixbench.dsp.ParameterBank;
import org.mixbench.dsp.SegmentedProcessor;

/** Quantises to a (fractional) word length and holds each sample for a (fractional) number of frames. */
final class BitcrusherProcessor implements SegmentedProcessor {
    private final ParameterBank bank;
    private float[] held = new float[0];
    private double phase;

    BitcrusherProcessor(List<ParameterDescriptor> parameters) {
        bank = new ParameterBank(parameters);
    }

    @Override
    public void prepare(ProcessSpec spec) {
        held = new float[spec.channels()];
        reset();
    }

    @Override
    public void reset() {
        java.util.Arrays.fill(held, 0f);
        phase = 1.0;
    }

    @Override
    public void parameterChanged(int parameter, double value) {
        bank.set(parameter, value);
    }

    @Override
    public void render(AudioBlock block, int from, int to) {
        double levels = Math.pow(2, bank.get(BitcrusherFactory.BITS) - 1);
        double step = 1.0 / bank.get(BitcrusherFactory.HOLD);
        float wet = (float) (bank.get(BitcrusherFactory.MIX) / 100);
        int channels = Math.min(block.channelCount(), held.length);
        for (int i = from; i < to; i++) {
            phase += step;
            boolean sample = phase >= 1.0;
            if (sample) {
                phase -= Math.floor(phase);
            }
            for (int c = 0; c < channels; c++) {
                float[] x = block.channel(c);
                if (sample) {
                    held[c] = (float) (Math.rint(x[i] * levels) / levels);
                }
                x[i] = x[i] + wet * (held[c] - x[i]);
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
    }
}
