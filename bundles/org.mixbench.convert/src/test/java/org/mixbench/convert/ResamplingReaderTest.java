package org.mixbench.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mixbench.api.audio.AudioFileInfo;
import org.mixbench.api.audio.AudioReader;

class ResamplingReaderTest {
    /** A reader over samples in memory, giving at most {@code step} frames per call. */
    private static AudioReader memory(float[][] audio, double rate, int step) {
        AudioFileInfo info = new AudioFileInfo("test", "float", rate, audio.length, audio[0].length, 32, List.of(),
                Map.of());
        return new AudioReader() {
            private int at;
            boolean closed;

            @Override
            public AudioFileInfo info() {
                return info;
            }

            @Override
            public int read(float[][] buffers, int offset, int frames) {
                if (at == audio[0].length) {
                    return -1;
                }
                int n = Math.min(Math.min(frames, step), audio[0].length - at);
                for (int c = 0; c < audio.length; c++) {
                    System.arraycopy(audio[c], at, buffers[c], offset, n);
                }
                at += n;
                return n;
            }

            @Override
            public void close() {
                closed = true;
            }
        };
    }

    private static float[][] sine(double rate, int frames, double hz) {
        float[][] x = new float[2][frames];
        for (int i = 0; i < frames; i++) {
            x[0][i] = (float) (0.5 * Math.sin(2 * Math.PI * hz * i / rate));
            x[1][i] = -x[0][i];
        }
        return x;
    }

    @Test
    void aFortyFourKiloHertzSineReadsAtFortyEightWithItsPitchLevelAndTimingAndTheExactLength() throws Exception {
        int frames = 44_100;
        try (ResamplingReader r = new ResamplingReader(memory(sine(44_100, frames, 1000), 44_100, 777), 48_000)) {
            assertEquals(48_000, r.info().sampleRate());
            assertEquals(48_000, r.info().frames());
            assertTrue(r.info().encoding().endsWith("resampled from 44100 Hz"), r.info().encoding());
            float[][] out = new float[2][50_000];
            int total = 0;
            int n;
            while ((n = r.read(out, total, 300)) >= 0) {
                total += n;
            }
            assertEquals(48_000, total);
            float[][] expected = sine(48_000, 48_000, 1000);
            double worst = 0;
            for (int i = 2_000; i < 46_000; i++) {
                worst = Math.max(worst, Math.abs(out[0][i] - expected[0][i]));
                worst = Math.max(worst, Math.abs(out[1][i] - expected[1][i]));
            }
            assertTrue(worst < 1e-5, "worst deviation from the ideal 48 kHz sine " + worst);
        }
    }

    @Test
    void readingAllocatesNothing() throws Exception {
        float[][] long44 = sine(44_100, 44_100 * 20, 440);
        try (ResamplingReader r = new ResamplingReader(memory(long44, 44_100, 4096), 48_000)) {
            float[][] out = new float[2][512];
            long allocated = org.mixbench.testkit.Allocations.during(200, 1500, () -> r.read(out, 0, 512));
            assertTrue(allocated < 1500, "allocated " + allocated + " bytes");
        }
    }

    @Test
    void onlyTheConvertersRatesAreConvertible() {
        assertTrue(ResamplingReader.canConvert(44_100, 48_000));
        assertTrue(ResamplingReader.canConvert(96_000, 44_100));
        assertFalse(ResamplingReader.canConvert(22_050, 48_000));
        assertFalse(ResamplingReader.canConvert(44_100.5, 48_000));
    }
}
