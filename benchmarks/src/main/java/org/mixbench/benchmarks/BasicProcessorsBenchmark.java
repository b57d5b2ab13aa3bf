package org.mixbench.benchmarks;

import java.util.concurrent.TimeUnit;

import org.mixbench.api.processor.AudioBlock;
import org.mixbench.api.processor.ProcessSpec;
import org.mixbench.api.processor.Processor;
import org.mixbench.api.processor.ProcessorFactory;
import org.mixbench.processors.basic.GainFactory;
import org.mixbench.processors.basic.StereoUtilityFactory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of the built-in processors: one operation is one second of 48 kHz stereo in 512-frame blocks, so the
 * score in ops/s is the multiple of real time on one core. {@code automated} adds a parameter event to every block,
 * which keeps the smoothers ramping.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class BasicProcessorsBenchmark {
    private static final int RATE = 48_000;
    private static final int BLOCK = 512;

    @Param({"mixbench.gain", "mixbench.stereo-utility"})
    public String processor;

    @Param({"false", "true"})
    public boolean automated;

    private Processor instance;
    private AudioBlock block;
    private float[][] source;

    @Setup
    public void setUp() {
        ProcessorFactory factory = processor.equals(GainFactory.ID) ? new GainFactory() : new StereoUtilityFactory();
        instance = factory.create();
        instance.prepare(new ProcessSpec(RATE, BLOCK, 2));
        block = new AudioBlock(2, BLOCK, 4);
        source = new float[2][BLOCK];
        for (int i = 0; i < BLOCK; i++) {
            source[0][i] = (float) Math.sin(i * 0.05);
            source[1][i] = (float) Math.cos(i * 0.07);
        }
    }

    @Benchmark
    public float oneSecondOfStereo() {
        float sink = 0;
        int blocks = RATE / BLOCK;
        for (int b = 0; b < blocks; b++) {
            System.arraycopy(source[0], 0, block.channel(0), 0, BLOCK);
            System.arraycopy(source[1], 0, block.channel(1), 0, BLOCK);
            block.events().clear();
            if (automated) {
                block.events().add(b % BLOCK, 0, (b & 1) == 0 ? -6 : 0);
            }
            instance.process(block);
            sink += block.channel(0)[BLOCK - 1];
        }
        return sink;
    }
}
