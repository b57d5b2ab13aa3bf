package org.mixbench.processors.basic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mixbench.api.processor.AudioBlock;
import org.mixbench.api.processor.Processor;

class GainProcessorTest {
    private final GainFactory factory = new GainFactory();

    @Test
    void minusSixDecibelsHalvesTheAmplitude() {
        Processor p = Blocks.prepared(factory, 2, Map.of("gain", -6.0206));
        AudioBlock block = Blocks.constant(480, 1f, -0.5f);
        p.process(block);
        assertEquals(0.5, block.channel(0)[479], 1e-4);
        assertEquals(-0.25, block.channel(1)[479], 1e-4);
    }

    @Test
    void polarityInvertFlipsTheSign() {
        Processor p = Blocks.prepared(factory, 1, Map.of("invert", 1.0));
        AudioBlock block = Blocks.constant(16, 0.25f);
        p.process(block);
        assertEquals(-0.25, block.channel(0)[15], 1e-7);
    }

    @Test
    void theBottomOfTheRangeIsSilence() {
        Processor p = Blocks.prepared(factory, 1, Map.of("gain", -96.0));
        AudioBlock block = Blocks.constant(16, 1f);
        p.process(block);
        assertEquals(0.0, block.channel(0)[0], 0.0);
    }

    @Test
    void anAutomatedChangeRampsOverTwentyMillisecondsFromItsFrame() {
        Processor p = Blocks.prepared(factory, 1, Map.of());
        AudioBlock block = Blocks.constant(4800, 1f);
        block.events().add(1000, GainFactory.GAIN, -96);
        p.process(block);
        float[] x = block.channel(0);
        assertEquals(1.0, x[999], 0.0, "unchanged before the event");
        assertTrue(x[1000] < 1.0 && x[1000] > 0.99, "ramp starts at the event frame");
        assertEquals(0.5, x[1000 + 480], 0.01, "half way through the 960-frame ramp");
        assertEquals(0.0, x[1000 + 960], 1e-6, "ramp complete after 20 ms");
    }
}
