package org.mixbench.mixing.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.mixbench.api.audio.AudioFiles;
import org.mixbench.api.contribution.ContributionKind;
import org.mixbench.api.contribution.Descriptor;
import org.mixbench.api.export.ExportFormat;
import org.mixbench.api.export.ExportWriter;
import org.mixbench.api.processor.AudioBlock;
import org.mixbench.api.processor.ParameterDescriptor;
import org.mixbench.api.processor.ProcessSpec;
import org.mixbench.api.processor.ProcessStatus;
import org.mixbench.api.processor.Processor;
import org.mixbench.api.processor.ProcessorFactory;
import org.mixbench.api.processor.ProcessorState;
import org.mixbench.format.wav.WavExporterFactory;
import org.mixbench.format.wav.WavImporterFactory;
import org.mixbench.mixing.session.Session;
import org.mixbench.processors.basic.GainFactory;
import org.mixbench.testkit.SingleFormatFiles;
import org.mixbench.testkit.StaticRegistry;

/** Files, a registry and test processors for the engine tests. */
final class Fixtures {
    static final double RATE = 48_000;

    private Fixtures() {
    }

    /** WAV in and out, outside OSGi. */
    static AudioFiles files() {
        return new SingleFormatFiles(new WavImporterFactory(), new WavExporterFactory());
    }

    static Path wav(Path file, float[][] audio) throws IOException {
        return wav(file, audio, RATE);
    }

    static Path wav(Path file, float[][] audio, double rate) throws IOException {
        try (ExportWriter w = new WavExporterFactory().open(file, new ExportFormat(rate, audio.length, -1),
                Map.of("bits", "32f"), Map.of())) {
            AudioBlock block = new AudioBlock(audio, new org.mixbench.api.processor.ParameterEvents(0));
            w.write(block);
        }
        return file;
    }

    /** A test processor without parameters or state: subclasses say what one block does. */
    abstract static class TestProcessor implements Processor {
        @Override
        public void prepare(ProcessSpec spec) {
        }

        @Override
        public void reset() {
        }

        @Override
        public ProcessorState saveState() {
            return ProcessorState.of(Map.of());
        }

        @Override
        public void restoreState(ProcessorState state) {
        }
    }

    /** The factory of a test processor: its id and name, no parameters. */
    abstract static class TestFactory implements ProcessorFactory {
        private final String id;
        private final String name;

        TestFactory(String id, String name) {
            this.id = id;
            this.name = name;
        }

        @Override
        public Descriptor descriptor() {
            return new Descriptor(id, name, "Test", "Test", "1.0.0");
        }

        @Override
        public List<ParameterDescriptor> parameters() {
            return List.of();
        }
    }

    /** A processor that delays its input by a fixed number of frames and says so. */
    static final class Latent extends TestFactory {
        static final int DELAY = 300;

        Latent() {
            super("test.latent", "Latent");
        }

        @Override
        public Processor create() {
            return new TestProcessor() {
                private float[][] line;
                private int at;

                @Override
                public void prepare(ProcessSpec spec) {
                    line = new float[spec.channels()][DELAY];
                }

                @Override
                public ProcessStatus process(AudioBlock block) {
                    at = delay(block, line, at);
                    return ProcessStatus.CONTINUE;
                }

                @Override
                public int latencyFrames() {
                    return DELAY;
                }
            };
        }
    }

    /** Delays the block by the length of {@code line}, whose write position is {@code at}; returns the next. */
    static int delay(AudioBlock block, float[][] line, int at) {
        int length = line[0].length;
        for (int i = 0; i < block.frames(); i++) {
            for (int c = 0; c < block.channelCount(); c++) {
                float x = block.channel(c)[i];
                block.channel(c)[i] = line[c][at];
                line[c][at] = x;
            }
            at = (at + 1) % length;
        }
        return at;
    }

    /** A processor that throws on its tenth block. */
    static final class Faulty extends TestFactory {
        Faulty() {
            super("test.faulty", "Faulty");
        }

        @Override
        public Processor create() {
            return new TestProcessor() {
                private int blocks;

                @Override
                public ProcessStatus process(AudioBlock block) {
                    if (++blocks == 10) {
                        throw new IllegalStateException("bug");
                    }
                    return ProcessStatus.CONTINUE;
                }
            };
        }
    }

    /** A processor that halves its input but takes 12 ms of wall time per call (a 512-frame block lasts 10.7). */
    static final class Slow extends TestFactory {
        static final long NANOS = 12_000_000;

        Slow() {
            super("test.slow", "Slow");
        }

        @Override
        public Processor create() {
            return new TestProcessor() {
                @Override
                public ProcessStatus process(AudioBlock block) {
                    long end = System.nanoTime() + NANOS;
                    while (System.nanoTime() < end) {
                        Thread.onSpinWait();
                    }
                    for (int c = 0; c < block.channelCount(); c++) {
                        for (int i = 0; i < block.frames(); i++) {
                            block.channel(c)[i] *= 0.5f;
                        }
                    }
                    return ProcessStatus.CONTINUE;
                }
            };
        }
    }

    static StaticRegistry registry() {
        StaticRegistry r = new StaticRegistry();
        for (ProcessorFactory f : new ProcessorFactory[] {new GainFactory(), new Latent(), new Faulty(), new Slow()}) {
            r.add(ContributionKind.PROCESSOR, f.descriptor(), f, Map.of());
        }
        return r;
    }

    static Session.Strip strip(List<Session.Insert> inserts, double faderDb, double pan, Session.PanLaw law,
            String output, List<Session.Send> sends) {
        return new Session.Strip(0, false, inserts, faderDb, pan, law, false, false, false, output, sends);
    }

    static Session.Track track(String id, String file, Session.Strip strip, List<Session.Lane> lanes) {
        return new Session.Track(id, id, List.of(new Session.Clip(file, 0, 0, null, 0, 0, 0,
                Session.FadeCurve.LINEAR)), strip, lanes);
    }

    /** Renders the whole session into memory. */
    static float[][] render(Session session, Path base, List<String> warnings) throws IOException {
        return render(session, base, warnings, registry(), Runtime.getRuntime().availableProcessors());
    }

    /** Renders the whole session into memory with the processors of {@code registry} on {@code threads} threads. */
    static float[][] render(Session session, Path base, List<String> warnings, StaticRegistry registry, int threads)
            throws IOException {
        try (MixRenderer r = MixRenderer.compile(session, base, registry, files(), threads)) {
            float[][] all = new float[2][(int) r.lengthFrames()];
            float[][] block = new float[2][MixRenderer.BLOCK];
            int pos = 0;
            int n;
            while ((n = r.render(block, MixRenderer.BLOCK)) > 0) {
                System.arraycopy(block[0], 0, all[0], pos, n);
                System.arraycopy(block[1], 0, all[1], pos, n);
                pos += n;
            }
            if (warnings != null) {
                warnings.addAll(r.warnings());
            }
            return all;
        }
    }
}
