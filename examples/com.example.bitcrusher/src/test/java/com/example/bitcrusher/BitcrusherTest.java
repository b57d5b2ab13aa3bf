package com.example.bitcrusher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mixbench.api.processor.AudioBlock;
import org.mixbench.api.processor.ProcessSpec;
import org.mixbench.api.processor.Processor;
import org.mixbench.api.processor.ProcessorState;

class BitcrusherTest {
    @Test
    void twoBitsQuantiseToHalfSteps() {
        Processor p = new BitcrusherFactory().create();
        p.restoreState(ProcessorState.of(Map.of("bits", 2.0)));
        p.prepare(new ProcessSpec(48_000, 4, 1));
        AudioBlock block = new AudioBlock(1, 4, 0);
        float[] x = block.channel(0);
        x[0] = 0.3f;
        x[1] = 0.2f;
        x[2] = -0.8f;
        x[3] = 0.74f;
        p.process(block);
        assertEquals(0.5, x[0], 1e-7);
        assertEquals(0.0, x[1], 1e-7);
        assertEquals(-1.0, x[2], 1e-7);
        assertEquals(0.5, x[3], 1e-7);
    }
}
