package org.mixbench.analysis.loudness.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mixbench.analysis.loudness.LoudnessSnapshot;
import org.mixbench.analysis.loudness.PeakSnapshot;
import org.mixbench.api.analysis.AnalysisSpec;
import org.mixbench.api.analysis.Analyzer;
import org.mixbench.api.analysis.AnalyzerFactory;
import org.mixbench.api.contribution.ContributionKind;
import org.mixbench.api.contribution.Descriptor;
import org.mixbench.api.processor.AudioBlock;
import org.mixbench.testkit.StaticRegistry;

/** The two analyzer contributions: what they say about themselves and what they create. */
class AnalyzerFactoriesTest {

    /** The descriptors are the ones the brief and the CLI rely on. */
    @Test
    void theFactoriesDescribeThemselvesWithStableIds() {
        Descriptor loudness = new LoudnessAnalyzerFactory().descriptor();
        assertEquals(new Descriptor("mixbench.loudness", "Loudness (EBU R128)", "Loudness", "Mixbench", "1.0.0"),
                loudness);
        Descriptor peak = new TruePeakAnalyzerFactory().descriptor();
        assertEquals(new Descriptor("mixbench.true-peak", "True peak", "Loudness", "Mixbench", "1.0.0"), peak);
    }

    /** The DS component descriptions bnd generated carry the same id, name, category, vendor and version. */
    @Test
    void theServicePropertiesAgreeWithTheDescriptors() throws IOException {
        for (AnalyzerFactory factory : new AnalyzerFactory[] {new LoudnessAnalyzerFactory(),
            new TruePeakAnalyzerFactory()}) {
            Path xml = Path.of("target", "classes", "OSGI-INF", factory.getClass().getName() + ".xml");
            String text = Files.readString(xml);
            Descriptor d = factory.descriptor();
            for (String[] p : new String[][] {{"id", d.id()}, {"name", d.name()}, {"category", d.category()},
                {"vendor", d.vendor()}, {"version", d.version()}}) {
                assertTrue(text.contains("name=\"" + p[0] + "\"") && text.contains("value=\"" + p[1] + "\""),
                        xml + " lacks " + p[0] + "=" + p[1]);
            }
            assertTrue(text.contains("org.mixbench.api.analysis.AnalyzerFactory"), xml + " names the service");
        }
    }

    /** Created analyzers measure blocks and publish their own snapshot types; found through a registry by id. */
    @Test
    void theCreatedAnalyzersMeasureBlocks() {
        StaticRegistry registry = new StaticRegistry();
        registry.add(ContributionKind.ANALYZER, new LoudnessAnalyzerFactory().descriptor(),
                new LoudnessAnalyzerFactory(), Map.of());
        registry.add(ContributionKind.ANALYZER, new TruePeakAnalyzerFactory().descriptor(),
                new TruePeakAnalyzerFactory(), Map.of());
        AnalysisSpec spec = new AnalysisSpec(48_000, 2, 480);
        Analyzer<?> loudness = registry.find(ContributionKind.ANALYZER, "mixbench.loudness", AnalyzerFactory.class)
                .orElseThrow().create(spec);
        Analyzer<?> peak = registry.find(ContributionKind.ANALYZER, "mixbench.true-peak", AnalyzerFactory.class)
                .orElseThrow().create(spec);
        AudioBlock block = new AudioBlock(2, 480, 1);
        for (int b = 0; b < 1000; b++) {
            for (int i = 0; i < 480; i++) {
                float v = (float) (0.1 * Math.sin(2 * Math.PI * 1000 * (b * 480 + i) / 48_000.0));
                block.channel(0)[i] = v;
                block.channel(1)[i] = v;
            }
            loudness.process(block);
            peak.process(block);
        }
        LoudnessSnapshot l = assertInstanceOf(LoudnessSnapshot.class, loudness.snapshot());
        PeakSnapshot p = assertInstanceOf(PeakSnapshot.class, peak.snapshot());
        assertEquals(-20, l.integratedLufs(), 0.05);
        assertEquals(-20, p.truePeakMaxDbtp(), 0.05);
        loudness.reset();
        assertEquals(0, ((LoudnessSnapshot) loudness.snapshot()).frames());
    }

    /** Specs the meters cannot measure are refused when the analyzer is created. */
    @Test
    void unsupportedSpecsAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new LoudnessAnalyzerFactory().create(new AnalysisSpec(4_000, 2, 512)));
        assertThrows(IllegalArgumentException.class,
                () -> new LoudnessAnalyzerFactory().create(new AnalysisSpec(48_000, 12, 512)));
        assertThrows(IllegalArgumentException.class,
                () -> new TruePeakAnalyzerFactory().create(new AnalysisSpec(500_000, 2, 512)));
    }
}
