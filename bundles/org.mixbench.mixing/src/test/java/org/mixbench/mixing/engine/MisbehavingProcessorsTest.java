package org.mixbench.mixing.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixbench.api.contribution.ContributionKind;
import org.mixbench.api.processor.AudioBlock;
import org.mixbench.api.processor.ParameterDescriptor;
import org.mixbench.api.processor.ProcessSpec;
import org.mixbench.api.processor.ProcessStatus;
import org.mixbench.api.processor.Processor;
import org.mixbench.mixing.session.Session;
import org.mixbench.mixing.session.Session.Insert;
import org.mixbench.mixing.session.Session.PanLaw;
import org.mixbench.mixing.session.SessionException;
import org.mixbench.testkit.StaticRegistry;

/** Processors that throw errors, try to end the process, hang, or fail while latent: the mix goes on, in time. */
class MisbehavingProcessorsTest {
    @TempDir
    Path dir;

    /** A factory whose processor does {@code block} on its third block (and every later one), after the first two. */
    private static Fixtures.TestFactory failing(String id, int latency, Runnable onThirdBlock,
            Runnable onPrepare) {
        return new Fixtures.TestFactory(id, id) {
            @Override
            public List<ParameterDescriptor> parameters() {
                return List.of(ParameterDescriptor.decibels("gain", "Gain", -24, 24, 0));
            }

            @Override
            public Processor create() {
                return new Fixtures.TestProcessor() {
                    private int blocks;
                    private float[][] line;
                    private int at;

                    @Override
                    public void prepare(ProcessSpec spec) {
                        if (onPrepare != null) {
                            onPrepare.run();
                        }
                        line = new float[2][Math.max(1, latency)];
                    }

                    @Override
                    public ProcessStatus process(AudioBlock block) {
                        if (++blocks >= 3) {
                            onThirdBlock.run();
                        }
                        if (latency > 0) {
                            at = Fixtures.delay(block, line, at);
                        }
                        return ProcessStatus.CONTINUE;
                    }

                    @Override
                    public int latencyFrames() {
                        return latency;
                    }
                };
            }
        };
    }

    private static StaticRegistry registry(Fixtures.TestFactory... factories) {
        StaticRegistry r = Fixtures.registry();
        for (Fixtures.TestFactory f : factories) {
            r.add(ContributionKind.PROCESSOR, f.descriptor(), f, Map.of());
        }
        return r;
    }

    /** A ramp that never repeats a value, so that any shift in time shows. */
    private Path ramp() throws IOException {
        float[][] audio = new float[2][48_000];
        for (int i = 0; i < audio[0].length; i++) {
            audio[0][i] = audio[1][i] = (i % 4800) / 9600f;
        }
        return Fixtures.wav(dir.resolve("ramp.wav"), audio);
    }

    private static Session oneTrack(String... processors) {
        List<Insert> inserts = new ArrayList<>();
        for (String p : processors) {
            inserts.add(new Insert(p, false, Map.of(), Map.of()));
        }
        return new Session(Session.FORMAT, 1, Fixtures.RATE, 120, List.of(Fixtures.track("a", "ramp.wav",
                Fixtures.strip(inserts, 0, 0, PanLaw.ZERO, "master", List.of()), List.of())), List.of(), null);
    }

    private float[][] render(Session session, StaticRegistry registry, List<String> warnings) throws IOException {
        return Fixtures.render(session, dir, warnings, registry, 1);
    }

    private static void assertSameAsInput(float[][] mix) {
        for (int i = 0; i < 48_000; i++) {
            assertEquals((i % 4800) / 9600f, mix[0][i], 1e-6, "frame " + i);
        }
    }

    @Test
    void anErrorOrABlockedExitInProcessBypassesTheProcessorNamedInTheReportAndTheMixGoesOn() throws Exception {
        ramp();
        List<Supplier<Throwable>> failures = List.of(() -> new OutOfMemoryError("Java heap space"),
                () -> new AssertionError("broken invariant"), () -> new StackOverflowError(),
                () -> new SecurityException("the processor called System.exit(0), which Mixbench does not allow"));
        for (Supplier<Throwable> failure : failures) {
            Fixtures.TestFactory bad = failing("test.bad", 0, () -> sneakyThrow(failure.get()), null);
            List<String> warnings = new ArrayList<>();
            float[][] mix = render(oneTrack("test.bad"), registry(bad), warnings);
            assertSameAsInput(mix);
            assertTrue(warnings.stream().anyMatch(w -> w.startsWith("track a: insert 0 'test.bad' (test.bad) failed "
                    + "in process") && w.endsWith("it was bypassed") && !w.contains("Error")
                    && !w.contains("Exception")), warnings.toString());
        }
    }

    @Test
    void aProcessorThatFailsWhilePreparingEvenOutOfMemoryIsBypassedAndReported() throws Exception {
        ramp();
        Fixtures.TestFactory bad = failing("test.oom", 0, () -> { }, () -> {
            throw new OutOfMemoryError("Java heap space");
        });
        List<String> warnings = new ArrayList<>();
        float[][] mix = render(oneTrack("test.oom"), registry(bad), warnings);
        assertSameAsInput(mix);
        assertTrue(warnings.contains("track a: insert 0 'test.oom' (test.oom) failed while preparing: ran out of "
                + "memory; it is bypassed and its settings are kept"), warnings.toString());
    }

    @Test
    void aLatentProcessorThatFailsKeepsItsTrackInTime() throws Exception {
        ramp();
        Fixtures.TestFactory bad = failing("test.latentbad", 300, () -> {
            throw new IllegalStateException("bug");
        }, null);
        List<String> warnings = new ArrayList<>();
        float[][] mix = render(oneTrack("test.latentbad", "test.latent"), registry(bad), warnings);
        assertSameAsInput(mix);
        assertEquals(1, warnings.size(), warnings.toString());
    }

    @Test
    void aProcessorThatNeverReturnsIsNamedByTheWatch() throws Exception {
        ramp();
        CountDownLatch release = new CountDownLatch(1);
        Fixtures.TestFactory hang = failing("test.hang", 0, () -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, null);
        ProcessorWatch watch = new ProcessorWatch();
        MixRenderer r = MixRenderer.compile(oneTrack("mixbench.gain", "test.hang"), dir, registry(hang),
                Fixtures.files(), 2, null, watch);
        Thread renderer = new Thread(() -> {
            float[][] block = new float[2][MixRenderer.BLOCK];
            try {
                while (r.render(block, MixRenderer.BLOCK) > 0) {
                    // render on
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        renderer.setDaemon(true);
        renderer.start();
        Optional<String> late = Optional.empty();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (late.isEmpty() && System.nanoTime() < end) {
            Thread.sleep(20);
            late = watch.overdue(0.2);
        }
        assertTrue(late.isPresent(), "the stuck call is seen");
        assertTrue(late.get().startsWith("track a: insert 1 'test.hang' (test.hang) in process has not returned for"),
                late.get());
        release.countDown();
        renderer.join(10_000);
        assertFalse(renderer.isAlive());
        assertTrue(watch.overdue(0.2).isEmpty(), "a call that returned is no longer overdue");
        r.close();
    }

    @Test
    void aStoredParameterOutsideTheProcessorsRangeIsRefusedWithItsPlace() throws Exception {
        ramp();
        Session s = new Session(Session.FORMAT, 1, Fixtures.RATE, 120, List.of(Fixtures.track("a", "ramp.wav",
                Fixtures.strip(List.of(new Insert("test.range", false, Map.of("gain", 500.0), Map.of())), 0, 0,
                        PanLaw.ZERO, "master", List.of()), List.of())), List.of(), null);
        SessionException e = assertThrows(SessionException.class, () -> render(s, registry(failing("test.range", 0,
                () -> { }, null)), new ArrayList<>()));
        assertEquals("tracks[0].strip.inserts[0].parameters.gain: 500 is outside the range of insert 0 'test.range' "
                + "(test.range), -24..24 dB", e.getMessage());
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> void sneakyThrow(Throwable t) throws T {
        throw (T) t;
    }
}
