package org.mixbench.convert.internal;

import java.util.List;

import org.mixbench.api.processor.AudioBlock;
import org.mixbench.api.processor.ParameterDescriptor;
import org.mixbench.api.processor.ProcessSpec;
import org.mixbench.api.processor.ProcessStatus;
import org.mixbench.api.processor.ProcessorState;
import org.mixbench.convert.DitherType;
import org.mixbench.convert.Ditherer;
import org.mixbench.dsp.ParameterBank;
import org.mixbench.dsp.SegmentedProcessor;

/**
 * The dither stage as a processor: wraps a {@link Ditherer} and applies it in place; a change of word length or
 * dither type takes effect at its event's frame and clears the shaping filter. {@link #reset} reseeds the dither
 * generators, so a render after a reset is identical to the first.
 */
final class DitherProcessor implements SegmentedProcessor {
    private static final DitherType[] TYPES = DitherType.values();

    private final ParameterBank bank;
    private Ditherer ditherer;
    /** The block's channel arrays, refilled before each block so that the ditherer sees them as one array. */
    private float[][] channels;

    DitherProcessor(List<ParameterDescriptor> parameters) {
        bank = new ParameterBank(parameters);
    }

    private int bits() {
        return DitherFactory.BIT_CHOICES[(int) bank.get(DitherFactory.BITS)];
    }

    private DitherType type() {
        return TYPES[(int) bank.get(DitherFactory.TYPE)];
    }

    /** Allocates the ditherer for the spec's channels. Main thread, inactive. */
    @Override
    public void prepare(ProcessSpec spec) {
        ditherer = new Ditherer(spec.channels(), bits(), type());
        channels = new float[spec.channels()][];
    }

    /** Dithers the block in place, splitting it at parameter events. Audio thread; never allocates. */
    @Override
    public ProcessStatus process(AudioBlock block) {
        int n = Math.min(block.channelCount(), channels.length);
        for (int c = 0; c < n; c++) {
            channels[c] = block.channel(c);
        }
        return SegmentedProcessor.super.process(block);
    }

    /** Dithers frames {@code [from, to)}. Audio thread. */
    @Override
    public void render(AudioBlock block, int from, int to) {
        ditherer.process(channels, from, to - from);
    }

    /** Applies a new word length or dither type from the next frame on. Audio thread. */
    @Override
    public void parameterChanged(int parameter, double value) {
        double before = bank.get(parameter);
        if (bank.set(parameter, value) != before) {
            apply();
        }
    }

    private void apply() {
        if (ditherer != null) {
            ditherer.setBits(bits());
            ditherer.setType(type());
        }
    }

    /** Reseeds the generators and clears the shaping filter and the clip count. Audio thread. */
    @Override
    public void reset() {
        ditherer.reset();
    }

    /** The two parameters by id. Main thread. */
    @Override
    public ProcessorState saveState() {
        return bank.save();
    }

    /** Restores the parameters; takes effect at once. Main thread, inactive. */
    @Override
    public void restoreState(ProcessorState state) {
        bank.restore(state);
        apply();
    }

    /** Frees the ditherer. Main thread. */
    @Override
    public void release() {
        ditherer = null;
        channels = null;
    }
}
