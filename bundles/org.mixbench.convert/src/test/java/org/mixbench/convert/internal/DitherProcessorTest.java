package org.mixbench.convert.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mixbench.api.contribution.Descriptor;
import org.mixbench.api.processor.AudioBlock;
import org.mixbench.api.processor.ProcessSpec;
import org.mixbench.api.processor.Processor;
import org.mixbench.api.processor.ProcessorState;

class DitherProcessorTest {
    private final DitherFactory factory = new DitherFactory();

    private Processor prepared(Map<String, Double> values) {
        Processor p = factory.create();
        p.restoreState(ProcessorState.of(values));
        p.prepare(new ProcessSpec(44_100, 4096, 2));
        return p;
    }

    private static AudioBlock quietNoise(int frames) {
        AudioBlock block = new AudioBlock(2, frames, 8);
        java.util.SplittableRandom random = new java.util.SplittableRandom(1);
        for (int c = 0; c < 2; c++) {
            for (int i = 0; i < frames; i++) {
                block.channel(c)[i] = (float) (0.01 * (random.nextDouble() - 0.5));
            }
        }
        return block;
    }

    private static void assertOnGrid(float[] x, int from, int to, int bits) {
        double scale = Math.scalb(1.0, bits - 1);
        for (int i = from; i < to; i++) {
            if (x[i] * scale != Math.rint(x[i] * scale)) {
                fail("frame " + i + " is not on the " + bits + "-bit grid: " + x[i]);
            }
        }
    }

    @Test
    void defaultsToSixteenBitsWithTpdfDither() {
        assertEquals(1.0, factory.parameters().get(DitherFactory.BITS).defaultValue());
        assertEquals("16", factory.parameters().get(DitherFactory.BITS).displayText(1));
        assertEquals("TPDF", factory.parameters().get(DitherFactory.TYPE).displayText(1));
        AudioBlock block = quietNoise(4096);
        prepared(Map.of()).process(block);
        assertOnGrid(block.channel(0), 0, 4096, 16);
        assertOnGrid(block.channel(1), 0, 4096, 16);
    }

    @Test
    void aWordLengthChangeTakesEffectAtItsEventFrame() {
        Processor p = prepared(Map.of());
        AudioBlock block = quietNoise(4096);
        block.events().add(1000, DitherFactory.BITS, 0); // 8 bits
        p.process(block);
        assertOnGrid(block.channel(0), 0, 1000, 16);
        assertOnGrid(block.channel(0), 1000, 4096, 8);
        int coarse = 0;
        for (int i = 0; i < 1000; i++) {
            if (block.channel(0)[i] * 128 != Math.rint(block.channel(0)[i] * 128)) {
                coarse++;
            }
        }
        assertTrue(coarse > 900, "before the event the output is finer than 8 bits");
    }

    @Test
    void typeNoneIsPlainRounding() {
        Processor p = prepared(Map.of("type", 0.0, "bits", 0.0));
        AudioBlock block = quietNoise(512);
        float[] before = block.channel(0).clone();
        p.process(block);
        for (int i = 0; i < 512; i++) {
            assertEquals(Math.floor(before[i] * 128.0 + 0.5) / 128.0, block.channel(0)[i], 0.0, "frame " + i);
        }
    }

    @Test
    void theServicePropertiesMatchTheDescriptor() throws IOException {
        String xml;
        try (InputStream in = DitherFactory.class.getResourceAsStream(
                "/OSGI-INF/org.mixbench.convert.internal.DitherFactory.xml")) {
            assertTrue(in != null, "bnd generated no component description");
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Descriptor d = factory.descriptor();
        assertEquals(new Descriptor("mixbench.dither", "Dither", "Conversion", "Mixbench", "1.0.0"), d);
        for (String[] property : new String[][] {{"id", d.id()}, {"name", d.name()}, {"category", d.category()},
            {"vendor", d.vendor()}, {"version", d.version()}}) {
            assertTrue(xml.contains("name=\"" + property[0] + "\" type=\"String\" value=\"" + property[1] + "\""),
                    "service property " + property[0] + " in " + xml);
        }
        assertTrue(xml.contains("<provide interface=\"org.mixbench.api.processor.ProcessorFactory\"/>"));
    }
}
