package org.mixbench.mixing.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The sample conversion of the device sink (no device needed). */
class JavaSoundSinkTest {
    private static int sample24(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | b[at + 2] << 16;
    }

    private static int sample16(byte[] b, int at) {
        return (b[at] & 0xff) | b[at + 1] << 8;
    }

    @Test
    void twentyFourBitPlaybackIsExactRoundedAndClamped() {
        float[][] x = {{0.5f, -1f, 2f, 1f / 8_388_608}, {-0.25f, 0f, -2f, 0f}};
        byte[] out = new byte[4 * 6];
        assertEquals(24, new JavaSoundSink().convert(x, 4, out, 24));
        assertEquals(4_194_304, sample24(out, 0));
        assertEquals(-2_097_152, sample24(out, 3));
        assertEquals(-8_388_608, sample24(out, 6));
        assertEquals(8_388_607, sample24(out, 12), "clamped to the largest positive");
        assertEquals(-8_388_608, sample24(out, 15));
        assertEquals(1, sample24(out, 18), "one LSB");
    }

    @Test
    void sixteenBitPlaybackIsDitheredSoAToneBelowOneLsbIsNotLost() {
        int frames = 48_000;
        float[][] x = new float[2][frames];
        for (int i = 0; i < frames; i++) {
            x[0][i] = (float) (0.4 / 32_768 * Math.sin(2 * Math.PI * 1000 * i / 48_000.0));
        }
        byte[] out = new byte[frames * 4];
        new JavaSoundSink().convert(x, frames, out, 16);
        double correlation = 0;
        double mean = 0;
        for (int i = 0; i < frames; i++) {
            int v = sample16(out, 4 * i);
            correlation += v * Math.sin(2 * Math.PI * 1000 * i / 48_000.0);
            mean += v;
            assertTrue(Math.abs(v) <= 2, "dither stays within two LSB, got " + v);
        }
        // The tone (0.4 LSB) survives in the dithered output: its correlation is about 0.4 * frames / 2.
        assertEquals(0.4 * frames / 2, correlation, 0.05 * frames);
        assertEquals(0, mean / frames, 0.02, "TPDF dither adds no offset");
    }
}
