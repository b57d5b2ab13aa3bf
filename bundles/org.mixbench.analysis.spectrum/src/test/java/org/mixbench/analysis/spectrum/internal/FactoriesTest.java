package org.mixbench.analysis.spectrum.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.mixbench.analysis.spectrum.SpectrumAnalyzer;
import org.mixbench.analysis.spectrum.SpectrumSettings;
import org.mixbench.analysis.spectrum.SpectrumSnapshot;
import org.mixbench.analysis.spectrum.StereoAnalyzer;
import org.mixbench.analysis.spectrum.StereoSettings;
import org.mixbench.analysis.spectrum.StereoSnapshot;
import org.mixbench.api.analysis.AnalysisSpec;
import org.mixbench.api.analysis.Analyzer;
import org.mixbench.api.analysis.AnalyzerFactory;
import org.mixbench.api.contribution.Descriptor;
import org.mixbench.api.processor.AudioBlock;

class FactoriesTest {

    private static void assertServiceProperties(AnalyzerFactory factory, Descriptor expected) throws IOException {
        String resource = "/OSGI-INF/" + factory.getClass().getName() + ".xml";
        String xml;
        try (InputStream in = factory.getClass().getResourceAsStream(resource)) {
            assertTrue(in != null, "bnd generated no component description " + resource);
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Descriptor d = factory.descriptor();
        assertEquals(expected, d);
        for (String[] property : new String[][] {{"id", d.id()}, {"name", d.name()}, {"category", d.category()},
            {"vendor", d.vendor()}, {"version", d.version()}}) {
            assertTrue(xml.contains("name=\"" + property[0] + "\" type=\"String\" value=\"" + property[1] + "\""),
                    "service property " + property[0] + " in " + xml);
        }
        assertTrue(xml.contains("<provide interface=\"org.mixbench.api.analysis.AnalyzerFactory\"/>"), xml);
    }

    @Test
    void theServicePropertiesMatchTheDescriptors() throws IOException {
        assertServiceProperties(new SpectrumAnalyzerFactory(),
                new Descriptor("mixbench.spectrum", "Spectrum", "Spectrum", "Mixbench", "1.0.0"));
        assertServiceProperties(new StereoAnalyzerFactory(),
                new Descriptor("mixbench.stereo", "Stereo and correlation", "Stereo", "Mixbench", "1.0.0"));
    }

    @Test
    void theSpectrumFactoryCreatesTheDefaultAnalyzerThatFindsATone() {
        Analyzer<SpectrumSnapshot> analyzer = new SpectrumAnalyzerFactory().create(new AnalysisSpec(48_000, 2, 512));
        assertEquals(SpectrumSettings.defaults(), ((SpectrumAnalyzer) analyzer).settings());
        AudioBlock block = new AudioBlock(2, 512, 0);
        for (int b = 0; b < 200; b++) {
            for (int i = 0; i < 512; i++) {
                float x = (float) Math.sin(2 * Math.PI * 1000 * (b * 512 + i) / 48_000.0);
                block.channel(0)[i] = x;
                block.channel(1)[i] = x;
            }
            analyzer.process(block);
        }
        SpectrumSnapshot s = analyzer.snapshot();
        assertEquals(8192, s.settings().fftSize());
        assertEquals(1000, s.peaks(1).get(0).frequencyHz(), 0.01);
        assertEquals(0.0, s.peaks(1).get(0).dbfs(), 0.01);
    }

    @Test
    void theStereoFactoryCreatesTheDefaultAnalyzerThatMeasuresCorrelation() {
        Analyzer<StereoSnapshot> analyzer = new StereoAnalyzerFactory().create(new AnalysisSpec(48_000, 2, 512));
        assertEquals(StereoSettings.defaults(), ((StereoAnalyzer) analyzer).settings());
        AudioBlock block = new AudioBlock(2, 512, 0);
        for (int i = 0; i < 512; i++) {
            float x = (float) Math.sin(2 * Math.PI * 1000 * i / 48_000.0);
            block.channel(0)[i] = x;
            block.channel(1)[i] = -x;
        }
        analyzer.process(block);
        assertEquals(-1.0, analyzer.snapshot().correlation(), 1e-12);
        assertEquals(-3.01, analyzer.snapshot().rmsDbfs()[1], 0.05);
    }
}
