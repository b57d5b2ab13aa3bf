package org.mixbench.convert;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

/**
 * The processing paths allocate nothing: measured with the JVM's per-thread allocation counter around many calls,
 * after a warm-up round, as in {@code AbstractProcessorContractTest.processAllocatesNothingPerBlock}. Any allocation
 * per call costs at least 16 bytes, so the measured rounds must stay below one byte per call on average.
 */
class AllocationTest {
    private static final int ROUNDS = 5;

    private interface Call {
        void run(int k);
    }

    private static void assertAllocatesNothing(String what, int callsPerRound, Call call) {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assertTrue(threads.isThreadAllocatedMemorySupported(), "this JVM cannot measure allocation");
        long[] allocated = new long[ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            long before = threads.getCurrentThreadAllocatedBytes();
            for (int k = 0; k < callsPerRound; k++) {
                call.run(k);
            }
            allocated[round] = threads.getCurrentThreadAllocatedBytes() - before;
        }
        long measured = 0;
        for (int round = 1; round < ROUNDS; round++) {
            measured += allocated[round];
        }
        long calls = (long) callsPerRound * (ROUNDS - 1);
        assertTrue(measured < calls, what + " allocates: " + measured + " bytes over " + calls + " calls (per round "
                + Arrays.toString(allocated) + ")");
    }

    @Test
    void sampleRateConverterProcessAndFlushAllocateNothing() {
        SampleRateConverter[] converters = {
            new SampleRateConverter(44_100, 48_000, 2, 256),
            new SampleRateConverter(192_000, 44_100, 3, 256),
            new SampleRateConverter(48_000, 48_000, 2, 256),
        };
        float[][] in = Streams.sines(48_000, 256, 0.5, 440, 1000, 5000);
        float[][] out = new float[3][4096];
        assertAllocatesNothing("SampleRateConverter.process", 3000, k -> {
            SampleRateConverter src = converters[k % converters.length];
            src.process(in, 0, 256 - (k & 63), out, 0);
            if (k % 200 == 199) {
                while (src.flush(out, 0) > 0) {
                    // drain the end of the stream
                }
                src.reset();
            }
        });
    }

    @Test
    void dithererProcessAllocatesNothing() {
        Ditherer[] ditherers = {
            new Ditherer(2, 16, DitherType.NONE),
            new Ditherer(2, 16, DitherType.TPDF),
            new Ditherer(2, 24, DitherType.SHAPED),
        };
        float[][] source = Streams.sines(44_100, 512, 1.2, 440, 1000);
        float[][] audio = new float[2][512];
        assertAllocatesNothing("Ditherer.process", 20_000, k -> {
            System.arraycopy(source[0], 0, audio[0], 0, 512);
            System.arraycopy(source[1], 0, audio[1], 0, 512);
            Ditherer d = ditherers[k % ditherers.length];
            if (k % 1000 == 999) {
                d.setBits(8 + k % 17);
                d.setType(DitherType.values()[k % 3]);
                d.reset();
            }
            d.process(audio, 0, 512 - (k & 63));
        });
    }
}
