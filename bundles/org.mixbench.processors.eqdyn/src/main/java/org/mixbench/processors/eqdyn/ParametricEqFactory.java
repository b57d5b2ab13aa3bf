package org.mixbench.processors.eqdyn;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.mixbench.api.contribution.Descriptor;
import org.mixbench.api.processor.ParameterDescriptor;
import org.mixbench.api.processor.Preset;
import org.mixbench.api.processor.Processor;
import org.mixbench.api.processor.ProcessorFactory;
import org.mixbench.api.processor.ProcessorState;
import org.mixbench.dsp.AbstractProcessorFactory;
import org.mixbench.dsp.BiquadDesign;
import org.osgi.service.component.annotations.Component;

/**
 * Contributes the eight-band parametric EQ: each band a bell, a shelf or a high or low pass of 12 to 48 dB/oct,
 * plus an output gain. Parameter ids are {@code band1.enabled, band1.type, band1.frequency, band1.gain, band1.q,
 * band1.slope}, ..., {@code band8.slope}, {@code output}; they never change.
 */
@Component(service = ProcessorFactory.class, property = {
    "id=" + ParametricEqFactory.ID, "name=Parametric EQ", "category=EQ", "vendor=Mixbench", "version=1.0.0"})
public final class ParametricEqFactory extends AbstractProcessorFactory {
    /** Stable id. */
    public static final String ID = "mixbench.eq";
    static final int BANDS = 8;
    /** Parameters per band, in this order. */
    static final int PER_BAND = 6;
    static final int ENABLED = 0;
    static final int TYPE = 1;
    static final int FREQUENCY = 2;
    static final int GAIN = 3;
    static final int Q = 4;
    static final int SLOPE = 5;
    /** Index of the output gain. */
    static final int OUTPUT = BANDS * PER_BAND;

    private static final String[] TYPES = {"Bell", "Low shelf", "High shelf", "High pass", "Low pass"};
    private static final String[] SLOPES = {"12 dB/oct", "24 dB/oct", "36 dB/oct", "48 dB/oct"};
    private static final int[] DEFAULT_TYPES = {
        BiquadDesign.HIGH_PASS, BiquadDesign.LOW_SHELF, BiquadDesign.BELL, BiquadDesign.BELL, BiquadDesign.BELL,
        BiquadDesign.BELL, BiquadDesign.HIGH_SHELF, BiquadDesign.LOW_PASS};
    private static final double[] DEFAULT_FREQUENCIES = {30, 100, 250, 600, 1500, 4000, 10000, 18000};

    private static final Descriptor DESCRIPTOR = new Descriptor(ID, "Parametric EQ", "EQ", "Mixbench", "1.0.0");
    private static final List<ParameterDescriptor> PARAMETERS = buildParameters();

    /** Used by DS. */
    public ParametricEqFactory() {
        super(DESCRIPTOR, PARAMETERS);
    }

    /** Index in {@link #parameters()} of field {@code field} ({@link #ENABLED} ...) of band {@code band} (0-based). */
    static int index(int band, int field) {
        return band * PER_BAND + field;
    }

    private static List<ParameterDescriptor> buildParameters() {
        List<ParameterDescriptor> list = new ArrayList<>();
        for (int b = 0; b < BANDS; b++) {
            String p = "band" + (b + 1) + ".";
            String n = "Band " + (b + 1) + " ";
            list.add(ParameterDescriptor.toggle(p + "enabled", n + "on", false));
            list.add(ParameterDescriptor.choice(p + "type", n + "type", DEFAULT_TYPES[b], TYPES));
            list.add(ParameterDescriptor.logarithmic(p + "frequency", n + "frequency", "Hz", 20, 20000,
                    DEFAULT_FREQUENCIES[b], 1));
            list.add(ParameterDescriptor.linear(p + "gain", n + "gain", "dB", -24, 24, 0, 1));
            list.add(ParameterDescriptor.logarithmic(p + "q", n + "Q", "", 0.1, 18, BiquadDesign.BUTTERWORTH_Q, 2));
            list.add(ParameterDescriptor.choice(p + "slope", n + "slope", 0, SLOPES));
        }
        list.add(ParameterDescriptor.linear("output", "Output", "dB", -24, 24, 0, 1));
        return list;
    }

    /** A new, inactive EQ with every band off. Main thread. */
    @Override
    public Processor create() {
        return new ParametricEqProcessor(PARAMETERS);
    }

    /** "Vocal presence", "Low cut 80 Hz" and "Air". Any thread. */
    @Override
    public List<Preset> presets() {
        return List.of(
                preset("Vocal presence",
                        band(1, BiquadDesign.HIGH_PASS, 80, 0, BiquadDesign.BUTTERWORTH_Q, 0),
                        band(3, BiquadDesign.BELL, 300, -2, 1.4, 0),
                        band(5, BiquadDesign.BELL, 3000, 3, 1.0, 0),
                        band(7, BiquadDesign.HIGH_SHELF, 10000, 2, BiquadDesign.BUTTERWORTH_Q, 0)),
                preset("Low cut 80 Hz", band(1, BiquadDesign.HIGH_PASS, 80, 0, BiquadDesign.BUTTERWORTH_Q, 1)),
                preset("Air", band(7, BiquadDesign.HIGH_SHELF, 12000, 3, BiquadDesign.BUTTERWORTH_Q, 0)));
    }

    @SafeVarargs
    private static Preset preset(String name, Map<String, Double>... bands) {
        Map<String, Double> values = new HashMap<>();
        for (Map<String, Double> band : bands) {
            values.putAll(band);
        }
        return new Preset(name, ProcessorState.of(values));
    }

    private static Map<String, Double> band(int number, int type, double frequency, double gain, double q,
            int slope) {
        String p = "band" + number + ".";
        return Map.of(p + "enabled", 1.0, p + "type", (double) type, p + "frequency", frequency, p + "gain", gain,
                p + "q", q, p + "slope", (double) slope);
    }
}
