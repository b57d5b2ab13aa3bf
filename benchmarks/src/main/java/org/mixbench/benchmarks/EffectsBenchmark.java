package org.mixbench.benchmarks;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.mixbench.api.processor.AudioBlock;
import org.mixbench.api.processor.ProcessSpec;
import org.mixbench.api.processor.Processor;
import org.mixbench.api.processor.ProcessorFactory;
import org.mixbench.api.processor.ProcessorState;
import org.mixbench.processors.eqdyn.CompressorFactory;
import org.mixbench.processors.eqdyn.GateFactory;
import org.mixbench.processors.eqdyn.ParametricEqFactory;
import org.mixbench.processors.space.DelayFactory;
import org.mixbench.processors.space.ReverbFactory;
import org.mixbench.processors.space.SaturationFactory;
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
 * Throughput of the mixing effects with working settings (four EQ bands; a compressor and a gate acting on the
 * signal; a tempo-synced ping-pong delay; a 2 s reverb; saturation at its default 8x oversampling): one operation
 * is one second of 48 kHz stereo in 512-frame blocks, so the score in ops/s is how many instances one core runs in
 * real time.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class EffectsBenchmark {
    private static final int RATE = 48_000;
    private static final int BLOCK = 512;

    @Param({"mixbench.eq", "mixbench.compressor", "mixbench.gate", "mixbench.delay", "mixbench.reverb",
        "mixbench.saturation", "mixbench.imager"})
    public String processor;

    private Processor instance;
    private AudioBlock block;
    private float[][] source;

    private static ProcessorFactory factory(String id) {
        return switch (id) {
            case ParametricEqFactory.ID -> new ParametricEqFactory();
            case CompressorFactory.ID -> new CompressorFactory();
            case GateFactory.ID -> new GateFactory();
            case DelayFactory.ID -> new DelayFactory();
            case ReverbFactory.ID -> new ReverbFactory();
            case org.mixbench.processors.mastering.StereoImagerFactory.ID ->
                    new org.mixbench.processors.mastering.StereoImagerFactory();
            default -> new SaturationFactory();
        };
    }

    private static Map<String, Double> settings(String id) {
        return switch (id) {
            case ParametricEqFactory.ID -> Map.of("band1.enabled", 1.0, "band1.type", 3.0, "band1.frequency", 40.0,
                    "band2.enabled", 1.0, "band2.gain", 3.0, "band3.enabled", 1.0, "band3.gain", -2.0,
                    "band4.enabled", 1.0, "band4.gain", 2.0);
            case CompressorFactory.ID -> Map.of("threshold", -20.0, "ratio", 4.0);
            case GateFactory.ID -> Map.of("threshold", -30.0);
            case DelayFactory.ID -> Map.of("mix", 30.0);
            case ReverbFactory.ID -> Map.of("mix", 100.0, "decay", 2.0);
            case org.mixbench.processors.mastering.StereoImagerFactory.ID -> Map.of("low_width", 0.0, "high_width",
                    130.0, "mono_below", 120.0);
            default -> Map.of();
        };
    }

    @Setup
    public void setUp() {
        ProcessorFactory factory = factory(processor);
        instance = factory.create();
        instance.restoreState(ProcessorState.of(settings(processor)));
        instance.prepare(new ProcessSpec(RATE, BLOCK, 2));
        block = new AudioBlock(2, BLOCK, 4);
        source = new float[2][RATE];
        java.util.Random random = new java.util.Random(3);
        for (int i = 0; i < RATE; i++) {
            double beat = (i % 12_000) < 3_000 ? 0.8 : 0.1; // a loud hit four times a second, then a quiet tail
            source[0][i] = (float) (beat * (Math.sin(i * 0.05) * 0.7 + random.nextGaussian() * 0.1));
            source[1][i] = (float) (beat * (Math.cos(i * 0.07) * 0.7 + random.nextGaussian() * 0.1));
        }
    }

    @Benchmark
    public float oneSecondOfStereo() {
        float sink = 0;
        for (int at = 0; at + BLOCK <= RATE; at += BLOCK) {
            System.arraycopy(source[0], at, block.channel(0), 0, BLOCK);
            System.arraycopy(source[1], at, block.channel(1), 0, BLOCK);
            block.setFrames(BLOCK);
            block.events().clear();
            instance.process(block);
            sink += block.channel(0)[BLOCK - 1];
        }
        return sink;
    }
}
