package com.example.misbehaving;

import java.util.Map;

import org.mixbench.api.processor.AudioBlock;
import org.mixbench.api.processor.ProcessSpec;
import org.mixbench.api.processor.ProcessStatus;
import org.mixbench.api.processor.Processor;
import org.mixbench.api.processor.ProcessorState;

/** Passes audio through (delayed, for the latent one) for two blocks, then misbehaves. Audio thread. */
final class MisbehavingProcessor implements Processor {
    static final int LATENCY = 4800;

    private final Misbehaviour how;
    private float[][] line;
    private int at;
    private int blocks;

    MisbehavingProcessor(Misbehaviour how) {
        this.how = how;
    }

    @Override
    public void prepare(ProcessSpec spec) {
        if (how == Misbehaviour.OOM_IN_PREPARE) {
            throw new OutOfMemoryError("Java heap space");
        }
        line = new float[spec.channels()][LATENCY];
    }

    @Override
    public ProcessStatus process(AudioBlock block) {
        if (++blocks >= 3) {
            switch (how) {
                case THROWS, LATENT_THROWS -> throw new IllegalStateException("a bug in the processor");
                case NAN -> block.channel(0)[0] = Float.NaN;
                case ERROR -> throw new AssertionError("a broken invariant");
                case EXIT -> System.exit(0);
                case HANG -> {
                    while (true) {
                        try {
                            Thread.sleep(1000);
                        } catch (InterruptedException e) {
                            // a processor that never returns ignores interruptions too
                        }
                    }
                }
                default -> {
                }
            }
        }
        if (how == Misbehaviour.LATENT_THROWS) {
            for (int i = 0; i < block.frames(); i++) {
                for (int c = 0; c < block.channelCount(); c++) {
                    float x = block.channel(c)[i];
                    block.channel(c)[i] = line[c][at];
                    line[c][at] = x;
                }
                at = (at + 1) % LATENCY;
            }
        }
        return ProcessStatus.CONTINUE;
    }

    @Override
    public int latencyFrames() {
        return how == Misbehaviour.LATENT_THROWS ? LATENCY : 0;
    }

    @Override
    public void reset() {
        blocks = 0;
    }

    @Override
    public ProcessorState saveState() {
        return ProcessorState.of(Map.of());
    }

    @Override
    public void restoreState(ProcessorState state) {
    }
}
