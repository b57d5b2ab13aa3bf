package org.mixbench.mixing.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixbench.mixing.session.Session;
import org.mixbench.mixing.session.SessionException;
import org.mixbench.mixing.session.Session.Curve;
import org.mixbench.mixing.session.Session.Insert;
import org.mixbench.mixing.session.Session.Lane;
import org.mixbench.mixing.session.Session.PanLaw;
import org.mixbench.mixing.session.Session.Point;
import org.mixbench.mixing.session.Session.Send;

class MixRendererTest {
    @TempDir
    Path dir;

    private static float[][] click(int frames, int at, float level) {
        float[][] x = new float[1][frames];
        x[0][at] = level;
        return x;
    }

    private static float[][] constant(int channels, int frames, float level) {
        float[][] x = new float[channels][frames];
        for (float[] c : x) {
            java.util.Arrays.fill(c, level);
        }
        return x;
    }

    private static Session session(List<Session.Track> tracks, List<Session.Bus> buses) {
        return new Session(Session.FORMAT, 1, Fixtures.RATE, 120, tracks, buses, null);
    }

    @Test
    void delayCompensationAlignsALatentTrackWithADryOneToTheSample() throws Exception {
        Fixtures.wav(dir.resolve("a.wav"), click(48_000, 10_000, 0.5f));
        Fixtures.wav(dir.resolve("b.wav"), click(48_000, 10_000, 0.25f));
        Session s = session(List.of(
                Fixtures.track("latent", "a.wav", Fixtures.strip(List.of(new Insert("test.latent", false, Map.of(),
                        Map.of())), 0, 0, PanLaw.ZERO, "master", List.of()), List.of()),
                Fixtures.track("dry", "b.wav", Fixtures.strip(List.of(), 0, 0, PanLaw.ZERO, "master", List.of()),
                        List.of())), List.of());
        float[][] mix = Fixtures.render(s, dir, null);
        assertEquals(0.75, mix[0][10_000], 1e-6, "both clicks land on their timeline frame");
        for (int i = 0; i < mix[0].length; i++) {
            if (i != 10_000) {
                assertEquals(0, mix[0][i], 1e-7, "nothing elsewhere (frame " + i + ")");
            }
        }
    }

    @Test
    void delayCompensationAlsoAlignsSendsThroughALatentBus() throws Exception {
        Fixtures.wav(dir.resolve("a.wav"), click(48_000, 5_000, 0.5f));
        Session.Bus bus = new Session.Bus("fx", "FX", Fixtures.strip(List.of(new Insert("test.latent", false,
                Map.of(), Map.of())), 0, 0, PanLaw.ZERO, "master", List.of()), List.of());
        Session s = session(List.of(Fixtures.track("t", "a.wav", Fixtures.strip(List.of(), 0, 0, PanLaw.ZERO,
                "master", List.of(new Send("fx", -6.0206, 0, false))), List.of())), List.of(bus));
        float[][] mix = Fixtures.render(s, dir, null);
        assertEquals(0.75, mix[0][5_000], 1e-4, "dry and bus return arrive together");
    }

    @Test
    void panLawsGiveTheirCentreLevelsForMonoSources() throws Exception {
        Fixtures.wav(dir.resolve("m.wav"), constant(1, 4800, 0.5f));
        double[][] expected = {{PanLaw.ZERO.ordinal(), 1.0}, {PanLaw.MINUS_3.ordinal(), Math.sqrt(0.5)},
            {PanLaw.MINUS_4_5.ordinal(), Math.pow(0.5, 0.75)}, {PanLaw.MINUS_6.ordinal(), 0.5}};
        for (double[] e : expected) {
            PanLaw law = PanLaw.values()[(int) e[0]];
            Session s = session(List.of(Fixtures.track("m", "m.wav", Fixtures.strip(List.of(), 0, 0, law, "master",
                    List.of()), List.of())), List.of());
            float[][] mix = Fixtures.render(s, dir, null);
            assertEquals(0.5 * e[1], mix[0][1000], 1e-6, law + " left");
            assertEquals(0.5 * e[1], mix[1][1000], 1e-6, law + " right");
        }
    }

    @Test
    void metersReportThePeakOfTheLastBlockAtEveryStrip() throws Exception {
        Fixtures.wav(dir.resolve("m.wav"), constant(1, 4800, 0.5f));
        Session s = session(List.of(Fixtures.track("m", "m.wav", Fixtures.strip(List.of(), -6.0206, 0, PanLaw.ZERO,
                "master", List.of()), List.of())), List.of());
        try (MixRenderer r = MixRenderer.compile(s, dir, Fixtures.registry(), Fixtures.files())) {
            r.render(new float[2][MixRenderer.BLOCK], MixRenderer.BLOCK);
            assertEquals(0.25, r.peak(0), 1e-6, "track");
            assertEquals(0.25, r.peak(1), 1e-6, "master");
        }
    }

    @Test
    void aStereoSourceIsBalancedNotPanned() throws Exception {
        Fixtures.wav(dir.resolve("s.wav"), constant(2, 4800, 0.5f));
        Session s = session(List.of(Fixtures.track("s", "s.wav", Fixtures.strip(List.of(), 0, 0.5, PanLaw.MINUS_3,
                "master", List.of()), List.of())), List.of());
        float[][] mix = Fixtures.render(s, dir, null);
        assertEquals(0.25, mix[0][1000], 1e-6);
        assertEquals(0.5, mix[1][1000], 1e-6);
    }

    @Test
    void faderAutomationRampsSampleAccuratelyAndHolds() throws Exception {
        Fixtures.wav(dir.resolve("c.wav"), constant(2, 96_000, 0.5f));
        List<Lane> lanes = List.of(new Lane("fader", List.of(new Point(0.5, -6.0206, Curve.LINEAR),
                new Point(1.0, 0, Curve.HOLD))));
        Session s = session(List.of(Fixtures.track("c", "c.wav", Fixtures.strip(List.of(), -20, 0, PanLaw.ZERO,
                "master", List.of()), lanes)), List.of());
        float[][] mix = Fixtures.render(s, dir, null);
        assertEquals(0.25, mix[0][10_000], 1e-5, "before the first point its value holds");
        double mid = Math.pow(10, -3.0103 / 20) * 0.5;
        assertEquals(mid, mix[0][36_000], 1e-5, "half way along the ramp, in dB");
        assertEquals(0.5, mix[0][60_000], 1e-6, "after the last point");
    }

    @Test
    void processorAutomationTakesEffectAtTheBreakpointsOwnFrameNotOnTheEventGrid() throws Exception {
        Fixtures.wav(dir.resolve("c.wav"), constant(1, 96_000, 0.5f));
        int step = 48_013;
        Session s = session(List.of(Fixtures.track("g", "c.wav", Fixtures.strip(List.of(new Insert("mixbench.gain",
                false, Map.of("gain", -6.0), Map.of())), 0, 0, PanLaw.ZERO, "master", List.of()), List.of(
                        new Lane("insert:0:gain", List.of(new Point(0, -6, Curve.HOLD), new Point(step / 48_000.0, 0,
                                Curve.HOLD)))))), List.of());
        assertTrue(step % StripNode.EVENT_SPACING != 0, "the breakpoint falls between grid events");
        float[][] mix = Fixtures.render(s, dir, null);
        assertEquals(0.5 * Math.pow(10, -6 / 20.0), mix[0][step - 1], 1e-6, "the old value up to the breakpoint");
        assertEquals(mix[0][step - 2], mix[0][step - 1], 0.0, "steady before it");
        assertTrue(mix[0][step] > mix[0][step - 1] + 1e-6, "the change starts at the breakpoint's frame");
        assertEquals(0.5, mix[0][step + 9_600], 1e-6, "and reaches the new value");
    }

    @Test
    void aClipAtAnotherSampleRateIsResampledKeepingItsPitchLevelAndPlace() throws Exception {
        float[][] tone = new float[1][44_100];
        for (int i = 0; i < tone[0].length; i++) {
            tone[0][i] = (float) (0.5 * Math.sin(2 * Math.PI * 1000 * i / 44_100.0));
        }
        Fixtures.wav(dir.resolve("cd.wav"), tone, 44_100);
        Session s = session(List.of(new Session.Track("t", "T", List.of(new Session.Clip("cd.wav", 0.5, 0, null, 0, 0,
                0, Session.FadeCurve.LINEAR)), Fixtures.strip(List.of(), 0, 0, PanLaw.ZERO, "master", List.of()),
                List.of())), List.of());
        float[][] mix = Fixtures.render(s, dir, null);
        assertEquals(24_000 + 48_000, mix[0].length, "half a second of silence, then one second at 48 kHz");
        double worst = 0;
        for (int i = 26_000; i < 70_000; i++) {
            double expected = 0.5 * Math.sin(2 * Math.PI * 1000 * (i - 24_000) / 48_000.0);
            worst = Math.max(worst, Math.abs(mix[0][i] - expected));
        }
        assertTrue(worst < 1e-4, "deviation from the ideal tone at its place " + worst);
        assertEquals(0, mix[0][23_000], 1e-6, "silent before the clip");

        Fixtures.wav(dir.resolve("low.wav"), new float[1][100], 22_050);
        Session low = session(List.of(Fixtures.track("low", "low.wav", Fixtures.strip(List.of(), 0, 0, PanLaw.ZERO,
                "master", List.of()), List.of())), List.of());
        SessionException e = assertThrows(SessionException.class, () -> Fixtures.render(low, dir, null));
        assertTrue(e.getMessage().startsWith("track low: low.wav is 22050 Hz and cannot be resampled to the session's 48000 Hz"),
                e.getMessage());
    }

    @Test
    void soloMutesTheOthersButNotSoloSafeTracks() throws Exception {
        Fixtures.wav(dir.resolve("a.wav"), constant(1, 4800, 0.1f));
        Fixtures.wav(dir.resolve("b.wav"), constant(1, 4800, 0.2f));
        Fixtures.wav(dir.resolve("c.wav"), constant(1, 4800, 0.4f));
        Session s = session(List.of(
                Fixtures.track("a", "a.wav", new Session.Strip(0, false, List.of(), 0, 0, PanLaw.ZERO, false, true,
                        false, "master", List.of()), List.of()),
                Fixtures.track("b", "b.wav", Fixtures.strip(List.of(), 0, 0, PanLaw.ZERO, "master", List.of()),
                        List.of()),
                Fixtures.track("c", "c.wav", new Session.Strip(0, false, List.of(), 0, 0, PanLaw.ZERO, false, false,
                        true, "master", List.of()), List.of())), List.of());
        float[][] mix = Fixtures.render(s, dir, null);
        assertEquals(0.5, mix[0][100], 1e-6, "the soloed track and the solo-safe one");
    }

    @Test
    void aMissingProcessorIsBypassedWithAWarningAndAFaultyOneIsBypassedWhenItFails() throws Exception {
        Fixtures.wav(dir.resolve("a.wav"), constant(1, 48_000, 0.25f));
        Session s = session(List.of(Fixtures.track("a", "a.wav", Fixtures.strip(List.of(
                new Insert("com.example.not-installed", false, Map.of("x", 1.0), Map.of()),
                new Insert("test.faulty", false, Map.of(), Map.of()),
                new Insert("mixbench.gain", false, Map.of("gain", -6.0206), Map.of())), 0, 0, PanLaw.ZERO, "master",
                List.of()), List.of())), List.of());
        List<String> warnings = new ArrayList<>();
        float[][] mix = Fixtures.render(s, dir, warnings);
        assertEquals(0.125, mix[0][40_000], 1e-6, "the rest of the chain still runs");
        assertTrue(warnings.stream().anyMatch(w -> w.contains("com.example.not-installed")
                && w.contains("not installed")), warnings.toString());
        assertTrue(warnings.stream().anyMatch(w -> w.contains("test.faulty") && w.contains("bypassed")),
                warnings.toString());
    }

    /**
     * Eight tracks of noise with latent inserts, automation, pre and post sends, a group bus feeding a sub bus (two
     * levels of buses), an effects bus: every path the crew runs in parallel.
     */
    private Session busySession() throws java.io.IOException {
        java.util.Random random = new java.util.Random(5);
        float[][] noise = new float[2][48_000 * 60];
        for (float[] c : noise) {
            for (int i = 0; i < c.length; i++) {
                c[i] = (float) (random.nextGaussian() * 0.1);
            }
        }
        Fixtures.wav(dir.resolve("long.wav"), noise);
        List<Session.Track> tracks = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            tracks.add(Fixtures.track("t" + t, "long.wav", Fixtures.strip(List.of(new Insert("mixbench.gain", false,
                    Map.of("gain", -3.0), Map.of()), new Insert("test.latent", false, Map.of(), Map.of())), -6,
                    t / 8.0 - 0.5, PanLaw.MINUS_3, t < 4 ? "master" : "grp", List.of(new Send("fx", -10, 0,
                            t % 2 == 0))), List.of(new Lane("fader", List.of(new Point(0, -10, Curve.LINEAR),
                                    new Point(30, -3, Curve.EXPONENTIAL), new Point(50, -6, Curve.HOLD))),
                            new Lane("insert:0:gain", List.of(new Point(0, -6, Curve.LINEAR), new Point(40, 0,
                                    Curve.LINEAR))))));
        }
        List<Session.Bus> buses = List.of(
                new Session.Bus("grp", "Group", Fixtures.strip(List.of(), 0, 0, PanLaw.MINUS_3, "sub", List.of()),
                        List.of()),
                new Session.Bus("fx", "FX", Fixtures.strip(List.of(new Insert("mixbench.gain", false, Map.of(),
                        Map.of())), 0, 0, PanLaw.MINUS_3, "master", List.of()), List.of()),
                new Session.Bus("sub", "Sub", Fixtures.strip(List.of(new Insert("test.latent", false, Map.of(),
                        Map.of())), -1, 0.2, PanLaw.MINUS_3, "master", List.of()), List.of()));
        return session(tracks, buses);
    }

    @Test
    void aProcessorSlowerThanItsTimeBudgetIsBypassedAndReportedAndTheMixGoesOn() throws Exception {
        Fixtures.wav(dir.resolve("c.wav"), constant(1, 48_000, 0.5f));
        Session s = session(List.of(Fixtures.track("slow", "c.wav", Fixtures.strip(List.of(new Insert("test.slow",
                false, Map.of(), Map.of())), 0, 0, PanLaw.ZERO, "master", List.of()), List.of())), List.of());
        int blocks = StripNode.OVER_BUDGET_BLOCKS + 8;
        try (MixRenderer r = MixRenderer.compile(s, dir, Fixtures.registry(), Fixtures.files())) {
            float[][] first = drain(r, MixRenderer.BLOCK * 4);
            assertEquals(0.25, first[0][100], 1e-6, "offline, the slow processor runs (it halves)");
            r.setTimeBudget(1);
            float[][] later = drain(r, MixRenderer.BLOCK * blocks);
            assertEquals(0.25, later[0][100], 1e-6, "still running within the first blocks over budget");
            assertEquals(0.5, later[0][later[0].length - 1], 1e-6, "bypassed: the dry signal");
            List<String> warnings = r.warnings();
            assertTrue(warnings.stream().anyMatch(w -> w.contains("test.slow") && w.contains("time budget")
                    && w.contains("10.7 ms of audio")), warnings.toString());
        }
    }

    @Test
    void offlineTheTimeBudgetLetsASlowProcessorFinish() throws Exception {
        Fixtures.wav(dir.resolve("c.wav"), constant(1, 48_000, 0.5f));
        Session s = session(List.of(Fixtures.track("slow", "c.wav", Fixtures.strip(List.of(new Insert("test.slow",
                false, Map.of(), Map.of())), 0, 0, PanLaw.ZERO, "master", List.of()), List.of())), List.of());
        try (MixRenderer r = MixRenderer.compile(s, dir, Fixtures.registry(), Fixtures.files())) {
            float[][] mix = drain(r, MixRenderer.BLOCK * (StripNode.OVER_BUDGET_BLOCKS + 8));
            assertEquals(0.25, mix[0][mix[0].length - 1], 1e-6);
            assertEquals(List.of(), r.warnings());
        }
    }

    @Test
    void renderingAFullSessionAllocatesNothingPerBlockOnAnyThreadReadingFilesInlineOrPrefetched() throws Exception {
        Session s = busySession();
        for (boolean prefetched : new boolean[] {false, true}) {
            assertRenderAllocatesNothing(s, prefetched);
        }
    }

    private void assertRenderAllocatesNothing(Session s, boolean prefetched) throws Exception {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        try (MixRenderer r = MixRenderer.compile(s, dir, Fixtures.registry(), Fixtures.files(), 3)) {
            if (prefetched) {
                r.prefetch();
            }
            assertEquals(3, r.threads());
            long[] ids = java.util.stream.LongStream.concat(java.util.stream.LongStream.of(Thread.currentThread()
                    .getId()), java.util.stream.LongStream.of(r.workerThreadIds())).toArray();
            assertEquals(3, ids.length);
            float[][] block = new float[2][MixRenderer.BLOCK];
            for (int i = 0; i < 1500; i++) {
                r.render(block, MixRenderer.BLOCK);
            }
            long[] before = threads.getThreadAllocatedBytes(ids);
            int blocks = 0;
            while (blocks < 3000 && r.render(block, MixRenderer.BLOCK) > 0) {
                blocks++;
            }
            long[] after = threads.getThreadAllocatedBytes(ids);
            assertEquals(3000, blocks);
            for (int t = 0; t < ids.length; t++) {
                long allocated = after[t] - before[t];
                assertTrue(allocated < blocks, (t == 0 ? "the render thread" : "worker " + t) + " allocated "
                        + allocated + " bytes over " + blocks + " blocks" + (prefetched ? " (prefetched)" : ""));
            }
        }
    }

    @Test
    void theMixIsTheSameBitForBitOnOneTwoOrFourThreads() throws Exception {
        Session s = busySession();
        float[][] reference = renderAll(s, 1, 48_000 * 5);
        for (int threads : new int[] {2, 4}) {
            float[][] mix = renderAll(s, threads, 48_000 * 5);
            for (int c = 0; c < 2; c++) {
                for (int i = 0; i < mix[c].length; i++) {
                    if (Float.floatToRawIntBits(mix[c][i]) != Float.floatToRawIntBits(reference[c][i])) {
                        throw new AssertionError(threads + " threads differ from one at channel " + c + " frame "
                                + i + ": " + mix[c][i] + " vs " + reference[c][i]);
                    }
                }
            }
        }
        double energy = 0;
        for (float x : reference[0]) {
            energy += x * x;
        }
        assertTrue(energy > 1, "the mix is not silent");
    }

    @Test
    void anAudioFileThatFailsWhileRenderingOnAWorkerFailsTheRenderWithItsMessage() throws Exception {
        Session s = busySession();
        org.mixbench.api.audio.AudioFiles failing = new FailingFiles(Fixtures.files(), 48_000 * 2);
        try (MixRenderer r = MixRenderer.compile(s, dir, Fixtures.registry(), failing, 2)) {
            float[][] block = new float[2][MixRenderer.BLOCK];
            java.io.IOException e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class, () -> {
                while (r.render(block, MixRenderer.BLOCK) > 0) {
                    // until the broken read
                }
            });
            assertEquals("long.wav: unreadable frame", e.getMessage());
        }
    }

    @Test
    void aBusStemHoldsOnlyWhatFeedsItAndTrackStemsSumToTheMix() throws Exception {
        Fixtures.wav(dir.resolve("a.wav"), constant(1, 48_000, 0.1f));
        Fixtures.wav(dir.resolve("b.wav"), constant(1, 48_000, 0.2f));
        Session s = session(List.of(
                Fixtures.track("a", "a.wav", Fixtures.strip(List.of(), 0, 0, PanLaw.ZERO, "master",
                        List.of(new Send("fx", -6, 0, false))), List.of()),
                Fixtures.track("b", "b.wav", Fixtures.strip(List.of(), 0, 0, PanLaw.ZERO, "master", List.of()),
                        List.of())),
                List.of(new Session.Bus("fx", "FX", Fixtures.strip(List.of(new Insert("test.latent", false, Map.of(),
                        Map.of())), 0, 0, PanLaw.ZERO, "master", List.of()), List.of())));
        double send = 0.1 * Math.pow(10, -6 / 20.0);
        int at = 20_000;
        assertEquals(send, renderStem(s, "fx", 48_000)[0][at], 1e-7, "the effect return alone");
        assertEquals(0.2, renderStem(s, "b", 48_000)[0][at], 1e-7, "b alone, nothing of a");
        assertEquals(0.1 + send, renderStem(s, "a", 48_000)[0][at], 1e-7, "a with its effect return");
        assertEquals(0.3 + send, renderAll(s, 1, 48_000)[0][at], 1e-7, "the mix");
        assertThrows(SessionException.class, () -> renderStem(s, "nope", 10));
    }

    @Test
    void theTrackStemsOfALinearSessionSumToTheMix() throws Exception {
        Session s = busySession();
        float[][] mix = renderAll(s, 2, 48_000 * 2);
        double[] sum = new double[mix[0].length];
        for (Session.Track t : s.tracks()) {
            float[][] stem = renderStem(s, t.id(), sum.length);
            for (int i = 0; i < sum.length; i++) {
                sum[i] += stem[0][i];
            }
        }
        for (int i = 0; i < sum.length; i++) {
            assertEquals(mix[0][i], sum[i], 1e-5, "frame " + i);
        }
    }

    private float[][] renderStem(Session s, String stem, int frames) throws java.io.IOException {
        try (MixRenderer r = MixRenderer.compile(s, dir, Fixtures.registry(), Fixtures.files(), 2, stem)) {
            return drain(r, frames);
        }
    }

    /** Audio files whose readers fail after {@code frames} frames. */
    private record FailingFiles(org.mixbench.api.audio.AudioFiles delegate, long frames)
            implements org.mixbench.api.audio.AudioFiles {
        @Override
        public org.mixbench.api.audio.AudioReader open(Path file) throws java.io.IOException {
            org.mixbench.api.audio.AudioReader reader = delegate.open(file);
            return new org.mixbench.api.audio.AudioReader() {
                private long read;

                @Override
                public org.mixbench.api.audio.AudioFileInfo info() {
                    return reader.info();
                }

                @Override
                public int read(float[][] buffer, int offset, int count) throws java.io.IOException {
                    if (read >= frames) {
                        throw new java.io.IOException(file.getFileName() + ": unreadable frame");
                    }
                    int n = reader.read(buffer, offset, count);
                    read += Math.max(0, n);
                    return n;
                }

                @Override
                public void close() throws java.io.IOException {
                    reader.close();
                }
            };
        }

        @Override
        public void export(Path target, String format, org.mixbench.api.export.ExportFormat spec,
                Map<String, String> options, Map<String, String> tags, BlockSource source)
                throws java.io.IOException {
            delegate.export(target, format, spec, options, tags, source);
        }
    }

    private float[][] renderAll(Session s, int threads, int frames) throws java.io.IOException {
        try (MixRenderer r = MixRenderer.compile(s, dir, Fixtures.registry(), Fixtures.files(), threads)) {
            return drain(r, frames);
        }
    }

    /** The first {@code frames} frames the renderer gives. */
    private static float[][] drain(MixRenderer r, int frames) throws java.io.IOException {
        float[][] out = new float[2][frames];
        float[][] block = new float[2][MixRenderer.BLOCK];
        int at = 0;
        while (at < frames) {
            int n = r.render(block, Math.min(MixRenderer.BLOCK, frames - at));
            if (n < 0) {
                break;
            }
            System.arraycopy(block[0], 0, out[0], at, n);
            System.arraycopy(block[1], 0, out[1], at, n);
            at += n;
        }
        return out;
    }
}
