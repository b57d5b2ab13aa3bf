package org.mixbench.mastering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixbench.analysis.FileAnalyzers;
import org.mixbench.api.audio.AudioFiles;
import org.mixbench.api.command.ProgressBar;
import org.mixbench.api.command.UsageException;
import org.mixbench.api.contribution.ContributionKind;
import org.mixbench.api.contribution.Descriptor;
import org.mixbench.api.processor.ProcessorFactory;
import org.mixbench.api.target.DeliveryTarget;
import org.mixbench.api.target.TargetContribution;
import org.mixbench.format.wav.WavExporterFactory;
import org.mixbench.format.wav.WavImporterFactory;
import org.mixbench.mixing.session.Session;
import org.mixbench.processors.limiter.LimiterFactory;
import org.mixbench.processors.mastering.StereoImagerFactory;
import org.mixbench.testkit.Libebur128;
import org.mixbench.testkit.ReferenceTools;
import org.mixbench.testkit.SingleFormatFiles;
import org.mixbench.testkit.StaticRegistry;

class MasterEngineTest {
    private static final double RATE = 48_000;
    private static final DeliveryTarget STREAM = new DeliveryTarget("stream", "Stream", "streaming", -14.0, 1.0, -1.0,
            null, null, null, 24, "wav", Map.of(), "tpdf", null, null, null, "test");
    private static final DeliveryTarget DISC = new DeliveryTarget("disc", "Disc", "physical", null, 1.0, -1.0, null,
            null, 44_100, 16, "wav", Map.of(), "tpdf", null, null, null, "test");
    private static final DeliveryTarget LOUD = new DeliveryTarget("loud", "Loud", "streaming", -7.0, 0.5, -1.0, null,
            null, null, 24, "wav", Map.of(), "tpdf", null, null, null, "test");
    private static final DeliveryTarget BROADCAST = new DeliveryTarget("broadcast", "Broadcast", "broadcast", -23.0,
            1.0, -1.0, null, null, 48_000, 24, "wav", Map.of(), "tpdf", null, null, null, "test");
    private static final DeliveryTarget LATHE = new DeliveryTarget("lathe", "Lathe", "physical", null, 1.0, -1.0, null,
            null, null, 24, "wav", Map.of(), "tpdf", 150.0, 0.0, 23.0, "test");

    @TempDir
    Path dir;

    private final AudioFiles files = new SingleFormatFiles(new WavImporterFactory(), new WavExporterFactory());
    private final StaticRegistry registry = registry();

    private static StaticRegistry registry() {
        StaticRegistry r = new StaticRegistry();
        for (ProcessorFactory f : List.<ProcessorFactory>of(new LimiterFactory(), new StereoImagerFactory())) {
            r.add(ContributionKind.PROCESSOR, f.descriptor(), f, Map.of());
        }
        for (DeliveryTarget t : List.of(STREAM, DISC, LOUD, BROADCAST, LATHE)) {
            TargetContribution c = () -> t;
            r.add(ContributionKind.TARGET, new Descriptor(t.id(), t.name(), t.category(), "test", "1.0.0"), c,
                    Map.of());
        }
        return r;
    }

    private final List<String> warnings = new ArrayList<>();
    private final MasterEngine.Listener listener = new MasterEngine.Listener() {
        @Override
        public ProgressBar progress(String label) {
            return new ProgressBar(System.err, label, false);
        }

        @Override
        public void warning(String line) {
            warnings.add(line);
        }
    };

    private MasterEngine engine() {
        return new MasterEngine(registry, files, FileAnalyzers.streaming(files));
    }

    private MasterEngine.Request request(List<Path> inputs, List<String> targets, boolean album, double maxLimiting,
            MasteringChain chain, List<Integer> sides) {
        return new MasterEngine.Request(inputs.stream().map(p -> new MasterEngine.Input(p, p.getFileName()
                .toString())).toList(), targets, dir.resolve("out"), "out", album, chain, null, null, maxLimiting,
                dir.resolve("plots"), "plots", sides);
    }

    private MasterEngine.Outcome master(List<Path> inputs, List<String> targets, boolean album, double maxLimiting)
            throws IOException {
        MasterEngine e = engine();
        return e.run(e.prepare(request(inputs, targets, album, maxLimiting, MasteringChain.empty(), List.of()),
                listener), listener);
    }

    @Test
    void aStreamingMasterIsWithinATenthOfALuOfItsTargetAndUnderItsCeilingByLibebur128Too() throws Exception {
        Path in = Material.wav(dir.resolve("song.wav"), Material.mix(20, RATE, 0.3, 1), RATE);
        MasterEngine.Outcome o = master(List.of(in), List.of("stream"), false, 6);
        MasterEngine.Master m = o.masters().get(0);
        assertTrue(m.pass(), () -> m.rules().toString());
        assertEquals(dir.resolve("out/stream/song.wav"), m.output());
        assertEquals(-14.0, m.outputAnalysis().integratedLufs(), 0.1);
        assertTrue(m.outputAnalysis().truePeakDbtp() <= -1.0, "true peak " + m.outputAnalysis().truePeakDbtp());
        float[][] delivered = decode(m.output());
        Libebur128.Measurement ref = Libebur128.measure(delivered, (int) RATE);
        assertEquals(-14.0, ref.integratedLufs(), 0.2, "libebur128 integrated loudness");
        assertTrue(ref.truePeakDbtp() <= -1.0, "libebur128 true peak " + ref.truePeakDbtp());
        assertTrue(m.gainDb() > 3, "the quiet mix was brought up: " + m.gainDb());
    }

    @Test
    void aCdMasterIs44100Hz16BitPeakNormalisedToItsCeilingWithoutLimiting() throws Exception {
        Path in = Material.wav(dir.resolve("song.wav"), Material.mix(12, RATE, 0.5, 2), RATE);
        MasterEngine.Outcome o = master(List.of(in), List.of("disc"), false, 6);
        MasterEngine.Master m = o.masters().get(0);
        assertTrue(m.pass(), () -> m.rules().toString());
        assertEquals(44_100, m.outputAnalysis().sampleRate());
        var info = files.open(m.output()).info();
        assertEquals(16, info.bitsPerSample());
        assertTrue(m.outputAnalysis().truePeakDbtp() <= -1.0 && m.outputAnalysis().truePeakDbtp() > -1.3,
                "peaks brought to the ceiling: " + m.outputAnalysis().truePeakDbtp());
        assertEquals(0, m.maxGainReductionDb(), 1e-9, "no limiting");
        double change = m.outputAnalysis().integratedLufs() - m.inputAnalysis().integratedLufs();
        assertEquals(m.gainDb(), change, 0.1, "plain gain: the loudness moves by the gain");
        assertEquals(m.inputAnalysis().durationSeconds(), m.outputAnalysis().durationSeconds(), 0.001);
    }

    @Test
    void aTargetThatWouldNeedMoreLimitingThanAllowedIsDeliveredQuieterAndFailsWithTheReason() throws Exception {
        Path in = Material.wav(dir.resolve("song.wav"), Material.mix(15, RATE, 0.3, 3), RATE);
        MasterEngine.Outcome o = master(List.of(in), List.of("loud"), false, 3);
        MasterEngine.Master m = o.masters().get(0);
        assertFalse(m.pass());
        Rule loudness = m.rules().stream().filter(r -> r.rule().equals("integrated_lufs")).findFirst().orElseThrow();
        assertFalse(loudness.pass());
        assertTrue(loudness.value() < -7.5, "delivered below the target: " + loudness.value());
        assertTrue(loudness.detail().contains("would take"), loudness.detail());
        assertTrue(m.maxGainReductionDb() <= 3.1, "limiting " + m.maxGainReductionDb());
        assertTrue(m.outputAnalysis().truePeakDbtp() <= -1.0);
        assertTrue(Files.isRegularFile(m.output()), "the master is still delivered");
    }

    @Test
    void albumModeGivesOneGainAndKeepsTheTracksRelativeLoudness() throws Exception {
        Path a = Material.wav(dir.resolve("one.wav"), Material.mix(12, RATE, 0.12, 4), RATE);
        Path b = Material.wav(dir.resolve("two.wav"), Material.mix(12, RATE, 0.06, 5), RATE);
        MasterEngine.Outcome o = master(List.of(a, b), List.of("broadcast"), true, 12);
        MasterEngine.Album album = o.albums().get(0);
        assertEquals(-23.0, album.albumLufs(), 0.2);
        MasterEngine.Master one = o.masters().get(0);
        MasterEngine.Master two = o.masters().get(1);
        double before = one.inputAnalysis().integratedLufs() - two.inputAnalysis().integratedLufs();
        double after = one.outputAnalysis().integratedLufs() - two.outputAnalysis().integratedLufs();
        assertTrue(one.maxGainReductionDb() < 0.5 && two.maxGainReductionDb() < 0.5, "the limiter barely acted: "
                + one.maxGainReductionDb() + ", " + two.maxGainReductionDb());
        assertEquals(before, after, 0.1, "relative loudness");
        assertEquals(one.gainDb(), two.gainDb(), 1e-9, "one gain");
        assertTrue(Files.isRegularFile(dir.resolve("out/broadcast/album.report.json")));
        assertTrue(album.pass(), () -> album.rules().toString());
    }

    @Test
    void theReportHoldsTheMeasurementsTheRulesTheChainAndTheHashes() throws Exception {
        Path in = Material.wav(dir.resolve("song.wav"), Material.mix(10, RATE, 0.3, 6), RATE);
        MasterEngine.Master m = master(List.of(in), List.of("stream"), false, 6).masters().get(0);
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(m.report().toFile());
        for (String field : List.of("input", "output", "target", "gain_db", "max_gain_reduction_db", "rules", "pass",
                "chain", "sha256", "mixbench_version")) {
            assertTrue(json.has(field), field);
        }
        assertEquals(sha256(in), json.path("sha256").path("input").asText());
        assertEquals(sha256(m.output()), json.path("sha256").path("output").asText());
        assertEquals("mixbench.limiter", json.path("chain").get(0).path("processor").asText());
        assertEquals(m.gainDb(), json.path("chain").get(0).path("parameters").path("gain").asDouble(), 0.01);
        assertEquals("stream", json.path("target").path("id").asText());
        for (String kind : List.of("loudness", "spectrum", "gain-reduction")) {
            assertTrue(Files.size(dir.resolve("plots/stream/song." + kind + ".png")) > 1000, kind);
        }
    }

    @Test
    void aCuttingTargetIsNotLimitedAndTheImagerMakesTheBassMono() throws Exception {
        float[][] x = Material.mix(12, RATE, 0.9, 7);
        // Out-of-phase bass that a lathe cannot cut.
        for (int i = 0; i < x[0].length; i++) {
            double s = 0.1 * Math.sin(2 * Math.PI * 60 * i / RATE);
            x[0][i] += (float) s;
            x[1][i] -= (float) s;
        }
        Path in = Material.wav(dir.resolve("side.wav"), x, RATE);
        MasterEngine.Master m = master(List.of(in), List.of("lathe"), false, 6).masters().get(0);
        assertEquals(0, m.maxGainReductionDb(), 1e-9, "no limiting");
        assertTrue(m.outputAnalysis().truePeakDbtp() <= -1.0, "peaks under the ceiling by gain alone");
        Rule side = m.rules().stream().filter(r -> r.rule().equals("side_below_mono_hz_db")).findFirst()
                .orElseThrow();
        assertTrue(side.pass(), "the imager made the bass mono: " + side);
        assertTrue(m.json().get("chain").toString().contains("mixbench.imager"));
    }

    @Test
    void silenceATooShortInputAnUnknownTargetAndAMissingProcessorAreRefusedWithNothingWritten() throws Exception {
        Path silent = Material.wav(dir.resolve("silent.wav"), new float[2][(int) (5 * RATE)], RATE);
        Path shortOne = Material.wav(dir.resolve("short.wav"), Material.mix(1, RATE, 0.3, 8), RATE);
        Path fine = Material.wav(dir.resolve("fine.wav"), Material.mix(5, RATE, 0.3, 9), RATE);
        MasterEngine e = engine();
        assertTrue(assertThrows(UsageException.class, () -> e.prepare(request(List.of(silent), List.of("stream"),
                false, 6, MasteringChain.empty(), List.of()), listener)).getMessage().contains("silent"));
        assertTrue(assertThrows(UsageException.class, () -> e.prepare(request(List.of(shortOne), List.of("stream"),
                false, 6, MasteringChain.empty(), List.of()), listener)).getMessage().contains("too short"));
        assertTrue(assertThrows(UsageException.class, () -> e.prepare(request(List.of(fine), List.of("nowhere"),
                false, 6, MasteringChain.empty(), List.of()), listener)).getMessage().contains("unknown target"));
        MasteringChain missing = MasteringChain.empty().with(new Session.Insert("com.example.absent", false, Map.of(),
                Map.of()));
        assertTrue(assertThrows(UsageException.class, () -> e.prepare(request(List.of(fine), List.of("stream"),
                false, 6, missing, List.of()), listener)).getMessage().contains("com.example.absent"));
        try (Stream<Path> all = Files.list(dir)) {
            assertEquals(List.of("fine.wav", "short.wav", "silent.wav"), all.map(p -> p.getFileName().toString())
                    .sorted().toList());
        }
    }

    @Test
    void anOutputThatIsAnInputIsRefusedBeforeAnyWork() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("out/stream"));
        Path in = Material.wav(folder.resolve("song.wav"), Material.mix(5, RATE, 0.3, 10), RATE);
        byte[] before = Files.readAllBytes(in);
        MasterEngine e = engine();
        assertThrows(UsageException.class, () -> e.prepare(request(List.of(in), List.of("stream"), false, 6,
                MasteringChain.empty(), List.of()), listener));
        assertEquals(HexFormat.of().formatHex(before), HexFormat.of().formatHex(Files.readAllBytes(in)));
    }

    private float[][] decode(Path file) throws IOException {
        return deinterleave(ReferenceTools.readInterleaved(files.open(file)), 2);
    }

    private static float[][] deinterleave(float[] x, int channels) {
        float[][] y = new float[channels][x.length / channels];
        for (int i = 0; i < y[0].length; i++) {
            for (int c = 0; c < channels; c++) {
                y[c][i] = x[i * channels + c];
            }
        }
        return y;
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
