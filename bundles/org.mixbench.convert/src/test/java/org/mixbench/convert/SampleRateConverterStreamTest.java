package org.mixbench.convert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Frame counts, chunking, flush, reset and pass-through. */
class SampleRateConverterStreamTest {
    private static final int[] AWKWARD_LENGTHS = {0, 1, 2, 3, 146, 147, 159, 160, 161, 641, 1001, 12_345, 44_101};
    private static final int[] RAGGED = {1, 17, 0, 333, 64, 3, 1024, 2, 999};

    private static float[][] noise(int channels, int frames, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[][] x = new float[channels][frames];
        for (float[] channel : x) {
            for (int i = 0; i < frames; i++) {
                channel[i] = (float) (random.nextDouble() - 0.5);
            }
        }
        return x;
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("org.mixbench.convert.SampleRateConverterQualityTest#pairs")
    void aWholeStreamYieldsExactlyCeilOfInputTimesTheRateRatioFrames(int inRate, int outRate) {
        SampleRateConverter src = new SampleRateConverter(inRate, outRate, 2, 1024);
        for (int frames : AWKWARD_LENGTHS) {
            // Streams.convert asserts the total, and that no call returns more than maxOutputFrames promises
            Streams.convert(src, noise(2, frames, frames), RAGGED);
            Streams.convert(src, noise(2, frames, frames), 1024);
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("org.mixbench.convert.SampleRateConverterQualityTest#pairs")
    void theOutputIsTheSameWhateverTheSizesOfTheCalls(int inRate, int outRate) {
        float[][] in = noise(3, 20_011, 7);
        float[][] whole = Streams.convert(new SampleRateConverter(inRate, outRate, 3, 4096), in, 4096);
        float[][] ragged = Streams.convert(new SampleRateConverter(inRate, outRate, 3, 1024), in, RAGGED);
        float[][] single = Streams.convert(new SampleRateConverter(inRate, outRate, 3, 1), in, 1);
        for (int c = 0; c < 3; c++) {
            assertArrayEquals(whole[c], ragged[c], "ragged calls, channel " + c);
            assertArrayEquals(whole[c], single[c], "one frame per call, channel " + c);
        }
    }

    @Test
    void equalRatesPassThroughSampleForSample() {
        float[][] in = noise(2, 5000, 3);
        SampleRateConverter src = new SampleRateConverter(96_000, 96_000, 2, 512);
        float[][] out = Streams.convert(src, in, RAGGED);
        assertArrayEquals(in[0], out[0]);
        assertArrayEquals(in[1], out[1]);
        assertEquals(0, src.tapsPerPhase());
    }

    @Test
    void resetStartsANewStreamThatComesOutIdentically() {
        float[][] in = noise(2, 9000, 5);
        SampleRateConverter src = new SampleRateConverter(44_100, 48_000, 2, 700);
        float[][] first = Streams.convert(src, in, 700);
        SampleRateConverter other = new SampleRateConverter(44_100, 48_000, 2, 700);
        float[] scratch = new float[other.maxOutputFrames(700)];
        other.process(noise(2, 700, 9), 0, 700, new float[][] {scratch, scratch.clone()}, 0);
        float[][] second = Streams.convert(other, in, 700); // resets first
        assertArrayEquals(first[0], second[0]);
        assertArrayEquals(first[1], second[1]);
    }

    @Test
    void flushEmitsNoMoreThanOneBlockPerCallAndThenZero() {
        SampleRateConverter src = new SampleRateConverter(44_100, 192_000, 1, 16);
        float[][] out = new float[1][src.maxOutputFrames(16)];
        float[][] in = new float[1][16];
        long produced = 0;
        for (int i = 0; i < 100; i++) {
            produced += src.process(in, 0, 16, out, 0);
        }
        int calls = 0;
        int got;
        while ((got = src.flush(out, 0)) > 0) {
            assertTrue(got <= src.maxOutputFrames(16));
            produced += got;
            calls++;
        }
        assertTrue(calls > 1, "a short block size needs several flush calls");
        assertEquals((1600L * 192_000 + 44_099) / 44_100, produced);
        assertEquals(0, src.flush(out, 0), "flush keeps returning 0 at the end");
    }

    @Test
    void processAfterFlushIsRefusedUntilReset() {
        SampleRateConverter src = new SampleRateConverter(48_000, 44_100, 1, 64);
        float[][] buffer = new float[1][src.maxOutputFrames(64)];
        src.process(new float[1][64], 0, 64, buffer, 0);
        src.flush(buffer, 0);
        assertThrows(IllegalStateException.class, () -> src.process(new float[1][64], 0, 64, buffer, 0));
        src.reset();
        src.process(new float[1][64], 0, 64, buffer, 0);
    }

    @Test
    void unsupportedRatesAndOversizedCallsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new SampleRateConverter(32_000, 48_000, 2, 64));
        assertThrows(IllegalArgumentException.class, () -> new SampleRateConverter(48_000, 22_050, 2, 64));
        assertThrows(IllegalArgumentException.class, () -> new SampleRateConverter(48_000, 44_100, 0, 64));
        SampleRateConverter src = new SampleRateConverter(48_000, 44_100, 1, 64);
        assertThrows(IllegalArgumentException.class,
                () -> src.process(new float[1][65], 0, 65, new float[1][100], 0));
    }

    @Test
    void maxOutputFramesIsTheCeilingOfTheRateRatio() {
        SampleRateConverter src = new SampleRateConverter(44_100, 48_000, 1, 64);
        assertEquals(0, src.maxOutputFrames(0));
        assertEquals(2, src.maxOutputFrames(1));
        assertEquals(160, src.maxOutputFrames(147));
        assertEquals(162, src.maxOutputFrames(148)); // 161.09...
    }
}
