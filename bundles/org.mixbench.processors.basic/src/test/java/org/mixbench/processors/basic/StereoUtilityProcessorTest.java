package org.mixbench.processors.basic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mixbench.api.processor.AudioBlock;
import org.mixbench.api.processor.Processor;

class StereoUtilityProcessorTest {
    private final StereoUtilityFactory factory = new StereoUtilityFactory();

    private AudioBlock run(Map<String, Double> values, float left, float right) {
        Processor p = Blocks.prepared(factory, 2, values);
        AudioBlock block = Blocks.constant(64, left, right);
        p.process(block);
        return block;
    }

    @Test
    void defaultsPassStereoUnchanged() {
        AudioBlock b = run(Map.of(), 0.7f, -0.2f);
        assertEquals(0.7, b.channel(0)[63], 1e-6);
        assertEquals(-0.2, b.channel(1)[63], 1e-6);
    }

    @Test
    void monoSumsBothChannelsToTheirAverage() {
        AudioBlock b = run(Map.of("mono", 1.0), 0.8f, 0.2f);
        assertEquals(0.5, b.channel(0)[63], 1e-6);
        assertEquals(0.5, b.channel(1)[63], 1e-6);
    }

    @Test
    void zeroWidthEqualsMonoAndDoubleWidthDoublesTheSide() {
        AudioBlock mono = run(Map.of("width", 0.0), 0.8f, 0.2f);
        assertEquals(0.5, mono.channel(0)[63], 1e-6);
        AudioBlock wide = run(Map.of("width", 200.0), 0.8f, 0.2f);
        // M = 0.5, S = 0.3 -> 0.5 +/- 0.6
        assertEquals(1.1, wide.channel(0)[63], 1e-6);
        assertEquals(-0.1, wide.channel(1)[63], 1e-6);
    }

    @Test
    void fullRightBalanceSilencesTheLeftAndKeepsTheRight() {
        AudioBlock b = run(Map.of("balance", 100.0), 0.5f, 0.5f);
        assertEquals(0.0, b.channel(0)[63], 1e-6);
        assertEquals(0.5, b.channel(1)[63], 1e-6);
    }

    @Test
    void swapExchangesTheChannels() {
        AudioBlock b = run(Map.of("swap", 1.0), 0.9f, 0.1f);
        assertEquals(0.1, b.channel(0)[63], 1e-6);
        assertEquals(0.9, b.channel(1)[63], 1e-6);
    }
}
