package org.mixbench.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.mixbench.api.processor.AudioBlock;
import org.mixbench.api.processor.ParameterDescriptor;
import org.mixbench.api.processor.ProcessSpec;
import org.mixbench.api.processor.Processor;
import org.mixbench.api.processor.ProcessorFactory;
import org.mixbench.api.processor.ProcessorState;

/**
 * The contract every {@link ProcessorFactory} and its processors keep. Extend it in your bundle's tests and return
 * your factory from {@link #factory()}; every test here then runs against it.
 *
 * <p>Checked: a valid descriptor and parameter list; any block length from 0 to the maximum; the same output
 * whatever the block sizes; {@code reset} restores the initial state; a state round trip reproduces the output; no
 * NaN or infinity for sane input under random automation; latency and tail are not negative; and {@code process}
 * allocates nothing.
 */
public abstract class AbstractProcessorContractTest {
    /** Sample rate the tests run at. */
    protected static final double SAMPLE_RATE = 48_000;
    /** Largest block the tests prepare for. */
    protected static final int MAX_BLOCK = 512;
    private static final int FRAMES = 24_000;

    /** The factory under test. */
    protected abstract ProcessorFactory factory();

    /** Channel counts the processor is tested with; stereo by default. */
    protected int channels() {
        return 2;
    }

    /** Largest difference tolerated between two renders that must agree. */
    protected double tolerance() {
        return 1e-6;
    }

    private Processor prepared() {
        Processor p = factory().create();
        assertNotNull(p, "create() returned null");
        p.prepare(new ProcessSpec(SAMPLE_RATE, MAX_BLOCK, channels()));
        return p;
    }

    /** Renders {@code input} through {@code p} in blocks whose sizes come from {@code sizes} in turn. */
    protected static float[][] render(Processor p, float[][] input, int[] sizes) {
        float[][] out = Signals.copy(input);
        AudioBlock block = new AudioBlock(input.length, MAX_BLOCK, 16);
        int pos = 0;
        int k = 0;
        while (pos < out[0].length) {
            int n = Math.min(sizes[k++ % sizes.length], out[0].length - pos);
            for (int c = 0; c < out.length; c++) {
                System.arraycopy(out[c], pos, block.channel(c), 0, n);
            }
            block.setFrames(n);
            block.setPosition(pos);
            block.events().clear();
            p.process(block);
            for (int c = 0; c < out.length; c++) {
                System.arraycopy(block.channel(c), 0, out[c], pos, n);
            }
            pos += n;
            if (n == 0 && sizes.length == 1) {
                break;
            }
        }
        return out;
    }

    private static void assertClose(float[][] expected, float[][] actual, double tolerance, String message) {
        for (int c = 0; c < expected.length; c++) {
            for (int i = 0; i < expected[c].length; i++) {
                if (Math.abs(expected[c][i] - actual[c][i]) > tolerance) {
                    fail(message + ": channel " + c + " frame " + i + ": expected " + expected[c][i] + " but was "
                            + actual[c][i]);
                }
            }
        }
    }

    @Test
    public void describesItselfWithAStableIdAndUniqueParameterIds() {
        ProcessorFactory f = factory();
        assertNotNull(f.descriptor());
        List<ParameterDescriptor> parameters = f.parameters();
        Set<String> ids = new HashSet<>();
        for (ParameterDescriptor p : parameters) {
            assertTrue(ids.add(p.id()), "duplicate parameter id " + p.id());
            assertFalse(p.displayText(p.defaultValue()).isBlank(), p.id() + " has no display text");
        }
    }

    @Test
    public void acceptsEveryBlockLengthFromZeroToTheMaximum() {
        Processor p = prepared();
        float[][] input = Signals.program(channels(), MAX_BLOCK, SAMPLE_RATE, 1);
        AudioBlock block = new AudioBlock(channels(), MAX_BLOCK, 4);
        for (int n : new int[] {0, 1, 2, 3, 7, 31, 64, 127, MAX_BLOCK - 1, MAX_BLOCK, 0}) {
            for (int c = 0; c < channels(); c++) {
                System.arraycopy(input[c], 0, block.channel(c), 0, MAX_BLOCK);
            }
            block.setFrames(n);
            block.events().clear();
            assertNotNull(p.process(block), "process returned null for a block of " + n);
            for (int c = 0; c < channels(); c++) {
                for (int i = 0; i < n; i++) {
                    assertTrue(Float.isFinite(block.channel(c)[i]), "non-finite output in a block of " + n);
                }
            }
        }
    }

    @Test
    public void producesTheSameOutputWhateverTheBlockSizes() {
        float[][] input = Signals.program(channels(), FRAMES, SAMPLE_RATE, 2);
        float[][] whole = render(prepared(), input, new int[] {MAX_BLOCK});
        float[][] ragged = render(prepared(), input, new int[] {1, 17, 0, 511, 64, 3, 200, MAX_BLOCK});
        assertClose(whole, ragged, tolerance(), "block size changed the output");
    }

    @Test
    public void resetReturnsToTheInitialState() {
        float[][] input = Signals.program(channels(), FRAMES, SAMPLE_RATE, 3);
        Processor p = prepared();
        float[][] first = render(p, input, new int[] {MAX_BLOCK});
        p.reset();
        float[][] second = render(p, input, new int[] {MAX_BLOCK});
        assertClose(first, second, tolerance(), "output after reset differs from the first render");
    }

    @Test
    public void stateRoundTripReproducesParametersAndOutput() {
        SplittableRandom random = new SplittableRandom(4);
        Map<String, Double> values = new HashMap<>();
        for (ParameterDescriptor d : factory().parameters()) {
            values.put(d.id(), d.fromNormalized(random.nextDouble()));
        }
        Processor source = factory().create();
        source.restoreState(ProcessorState.of(values));
        ProcessorState saved = source.saveState();
        for (ParameterDescriptor d : factory().parameters()) {
            assertEquals(d.clamp(values.get(d.id())), saved.parameters().get(d.id()), 1e-9,
                    "parameter " + d.id() + " did not survive saveState");
        }
        Processor copy = factory().create();
        copy.restoreState(saved);
        source.prepare(new ProcessSpec(SAMPLE_RATE, MAX_BLOCK, channels()));
        copy.prepare(new ProcessSpec(SAMPLE_RATE, MAX_BLOCK, channels()));
        float[][] input = Signals.program(channels(), FRAMES, SAMPLE_RATE, 5);
        assertClose(render(source, input, new int[] {MAX_BLOCK}), render(copy, input, new int[] {MAX_BLOCK}),
                tolerance(), "restored processor sounds different");
    }

    @Test
    public void staysFiniteUnderRandomSampleAccurateAutomation() {
        Processor p = prepared();
        List<ParameterDescriptor> parameters = factory().parameters();
        SplittableRandom random = new SplittableRandom(6);
        float[][] input = Signals.program(channels(), FRAMES, SAMPLE_RATE, 7);
        AudioBlock block = new AudioBlock(channels(), MAX_BLOCK, 16);
        for (int pos = 0; pos + MAX_BLOCK <= FRAMES; pos += MAX_BLOCK) {
            for (int c = 0; c < channels(); c++) {
                System.arraycopy(input[c], pos, block.channel(c), 0, MAX_BLOCK);
            }
            block.setFrames(MAX_BLOCK);
            block.events().clear();
            for (int e = 0; e < 4 && !parameters.isEmpty(); e++) {
                int index = random.nextInt(parameters.size());
                block.events().add(random.nextInt(MAX_BLOCK), index,
                        parameters.get(index).fromNormalized(random.nextDouble()));
            }
            p.process(block);
            for (int c = 0; c < channels(); c++) {
                for (int i = 0; i < MAX_BLOCK; i++) {
                    assertTrue(Float.isFinite(block.channel(c)[i]), "non-finite output at " + (pos + i));
                }
            }
        }
    }

    @Test
    public void everyPresetRestoresAndSoundsFinite() {
        for (org.mixbench.api.processor.Preset preset : factory().presets()) {
            Processor p = factory().create();
            p.restoreState(preset.state());
            for (String id : preset.state().parameters().keySet()) {
                assertTrue(factory().parameters().stream().anyMatch(d -> d.id().equals(id)),
                        "preset '" + preset.name() + "' names unknown parameter " + id);
            }
            p.prepare(new ProcessSpec(SAMPLE_RATE, MAX_BLOCK, channels()));
            float[][] out = render(p, Signals.program(channels(), FRAMES, SAMPLE_RATE, 12), new int[] {MAX_BLOCK});
            for (float[] channel : out) {
                for (float v : channel) {
                    assertTrue(Float.isFinite(v), "preset '" + preset.name() + "' produced a non-finite sample");
                }
            }
        }
    }

    @Test
    public void reportsNonNegativeLatencyAndTail() {
        Processor p = prepared();
        assertTrue(p.latencyFrames() >= 0, "negative latency");
        assertTrue(p.tailFrames() >= 0, "negative tail");
    }

    @Test
    public void processAllocatesNothingPerBlock() {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assertTrue(threads.isThreadAllocatedMemorySupported(), "this JVM cannot measure allocation");
        Processor p = prepared();
        List<ParameterDescriptor> parameters = factory().parameters();
        AudioBlock block = new AudioBlock(channels(), MAX_BLOCK, 16);
        float[][] input = Signals.program(channels(), MAX_BLOCK, SAMPLE_RATE, 8);
        int blocksPerRound = 5_000;
        long[] allocated = new long[5];
        for (int round = 0; round < allocated.length; round++) {
            long before = threads.getCurrentThreadAllocatedBytes();
            for (int k = 0; k < blocksPerRound; k++) {
                for (int c = 0; c < channels(); c++) {
                    System.arraycopy(input[c], 0, block.channel(c), 0, MAX_BLOCK);
                }
                block.setFrames(MAX_BLOCK - (k & 63));
                block.events().clear();
                if (!parameters.isEmpty()) {
                    int index = k % parameters.size();
                    ParameterDescriptor d = parameters.get(index);
                    block.events().add(k & 255, index, d.fromNormalized((k % 7) / 6.0));
                }
                p.process(block);
            }
            allocated[round] = threads.getCurrentThreadAllocatedBytes() - before;
        }
        // Round 0 warms up the JIT. A deoptimisation may materialise a scalar-replaced object once (tens of bytes),
        // but any allocation per block costs at least 16 bytes a block: over the measured rounds the total must stay
        // below one byte per block.
        long measured = 0;
        for (int round = 1; round < allocated.length; round++) {
            measured += allocated[round];
        }
        long blocks = (long) blocksPerRound * (allocated.length - 1);
        assertTrue(measured < blocks, "process() allocates: " + measured + " bytes over " + blocks
                + " blocks (per round " + java.util.Arrays.toString(allocated) + ")");
    }
}
