package org.mixbench.processors.basic;

import java.util.Map;

import org.mixbench.api.processor.AudioBlock;
import org.mixbench.api.processor.ProcessSpec;
import org.mixbench.api.processor.Processor;
import org.mixbench.api.processor.ProcessorFactory;
import org.mixbench.api.processor.ProcessorState;

/** Small helpers for the behaviour tests. */
final class Blocks {
    static final double RATE = 48_000;

    private Blocks() {
    }

    static Processor prepared(ProcessorFactory factory, int channels, Map<String, Double> values) {
        Processor p = factory.create();
        p.restoreState(ProcessorState.of(values));
        p.prepare(new ProcessSpec(RATE, 4800, channels));
        return p;
    }

    /** A block of constant values per channel. */
    static AudioBlock constant(int frames, float... perChannel) {
        AudioBlock block = new AudioBlock(perChannel.length, frames, 8);
        for (int c = 0; c < perChannel.length; c++) {
            java.util.Arrays.fill(block.channel(c), perChannel[c]);
        }
        return block;
    }
}
