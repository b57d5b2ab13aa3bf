package org.mixbench.analysis.spectrum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mixbench.api.analysis.Analyzer;
import org.mixbench.api.processor.AudioBlock;
import org.mixbench.testkit.Signals;

/**
 * Memory stays bounded over a 10-minute input: after a minute of warm-up, {@code process} allocates nothing,
 * measured with the JVM's per-thread allocation counter as in {@code AbstractProcessorContractTest}. Any allocation
 * costs at least 16 bytes, so the measured minutes must stay below one byte per block on average.
 */
class BoundedMemoryTest {
    private static final int RATE = (int) Audio.RATE;

    @Test
    void tenMinutesOfStereoAllocateNothingPerBlockAfterWarmUp() {
        List<Analyzer<?>> analyzers = List.of(
                new SpectrumAnalyzer(Audio.spec(2), SpectrumSettings.defaults()),
                new StereoAnalyzer(Audio.spec(2), StereoSettings.defaults()),
                new SpectrumAnalyzer(Audio.spec(2), SpectrumSettings.defaults().withFftSize(32768)
                        .withWindow(Window.FLAT_TOP).withChannelMode(ChannelMode.PER_CHANNEL)
                        .withPeakDecayDbPerSecond(20)),
                new SpectrumAnalyzer(Audio.spec(2), SpectrumSettings.defaults().withFftSize(1024)
                        .withWindow(Window.HANN).withOverlap(0.75).withSpectrogramRows(4096)));
        float[][] source = Signals.program(2, RATE, RATE, 3);
        AudioBlock block = new AudioBlock(2, Audio.MAX_BLOCK, 0);
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assertTrue(threads.isThreadAllocatedMemorySupported(), "this JVM cannot measure allocation");

        long[] position = {0};
        long warmUpBlocks = run(analyzers, source, block, position, 60L * RATE);
        long before = threads.getCurrentThreadAllocatedBytes();
        long blocks = run(analyzers, source, block, position, 600L * RATE);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertTrue(warmUpBlocks > 5_000 && blocks > 50_000, "blocks measured: " + blocks);
        assertTrue(allocated < blocks, "10 minutes allocated " + allocated + " bytes over " + blocks + " blocks");
        SpectrumSnapshot spectrum = ((SpectrumAnalyzer) analyzers.get(0)).snapshot();
        assertEquals(660L * RATE, spectrum.samples());
        assertEquals(1 + (660L * RATE - 8192) / 4096, spectrum.frames());
        assertEquals(660L * RATE, ((StereoAnalyzer) analyzers.get(1)).snapshot().frames());
        assertEquals(4096, ((SpectrumAnalyzer) analyzers.get(3)).spectrogram(0).rows(), "the ring stays full");
    }

    /** Feeds {@code frames} frames of the looped source in blocks of 448 to 512 frames, with empty and full blocks. */
    private static long run(List<Analyzer<?>> analyzers, float[][] source, AudioBlock block, long[] position,
            long frames) {
        long blocks = 0;
        long done = 0;
        while (done < frames) {
            int size = blocks % 97 == 0 ? 0 : blocks % 89 == 0 ? Audio.MAX_BLOCK : 512 - (int) (blocks & 63);
            size = (int) Math.min(size, frames - done);
            for (int i = 0; i < size; i++) {
                int t = (int) ((position[0] + i) % source[0].length);
                block.channel(0)[i] = source[0][t];
                block.channel(1)[i] = source[1][t];
            }
            block.setFrames(size);
            for (Analyzer<?> analyzer : analyzers) {
                analyzer.process(block);
            }
            position[0] += size;
            done += size;
            blocks++;
        }
        return blocks;
    }
}
