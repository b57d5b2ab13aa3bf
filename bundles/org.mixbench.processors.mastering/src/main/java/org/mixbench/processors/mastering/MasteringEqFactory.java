package org.mixbench.processors.mastering;

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
 * Contributes the mastering EQ: six bands (bell, shelves, tilt, high and low pass of 12 to 48 dB/oct), each on the
 * stereo pair, the mid, the side, the left or the right channel, in minimum phase (cascaded biquads) or linear phase
 * (a symmetric FIR with the same magnitude), plus an output gain. Every band is off by default, so a fresh instance
 * passes its input unchanged (delayed by its latency, see {@link MasteringEqProcessor}).
 *
 * <p>Parameter ids, which never change: {@code band1.enabled, band1.type, band1.frequency, band1.gain, band1.q,
 * band1.slope, band1.channels}, ..., {@code band6.channels}, {@code phase}, {@code output}.
 */
@Component(service = ProcessorFactory.class, property = {
    "id=" + MasteringEqFactory.ID, "name=Mastering EQ", "category=Mastering", "vendor=Mixbench", "version=1.0.0"})
public final class MasteringEqFactory extends AbstractProcessorFactory {
    /** Stable id. */
    public static final String ID = "mixbench.mastering-eq";
    static final int BANDS = 6;
    /** Parameters per band, in this order. */
    static final int PER_BAND = 7;
    static final int ENABLED = 0;
    static final int TYPE = 1;
    static final int FREQUENCY = 2;
    static final int GAIN = 3;
    static final int Q = 4;
    static final int SLOPE = 5;
    static final int CHANNELS = 6;
    /** Index of the phase choice: 0 minimum phase, 1 linear phase. */
    static final int PHASE = BANDS * PER_BAND;
    /** Index of the output gain. */
    static final int OUTPUT = PHASE + 1;

    /** Band types in the order of the type choice. */
    static final String[] TYPES = {"Bell", "Low shelf", "High shelf", "Tilt", "High pass", "Low pass"};
    /** The {@link BiquadDesign} section of each type choice. */
    static final int[] DESIGN_TYPES = {
        BiquadDesign.BELL, BiquadDesign.LOW_SHELF, BiquadDesign.HIGH_SHELF, BiquadDesign.TILT,
        BiquadDesign.HIGH_PASS, BiquadDesign.LOW_PASS};
    static final int BELL = 0;
    static final int LOW_SHELF = 1;
    static final int HIGH_SHELF = 2;
    static final int TILT = 3;
    static final int HIGH_PASS = 4;
    static final int LOW_PASS = 5;
    private static final String[] SLOPES = {"12 dB/oct", "24 dB/oct", "36 dB/oct", "48 dB/oct"};
    /** Channel routes in the order of the channels choice. */
    static final String[] ROUTES = {"Stereo", "Mid", "Side", "Left", "Right"};
    static final int STEREO = 0;
    static final int MID = 1;
    static final int SIDE = 2;
    static final int LEFT = 3;
    static final int RIGHT = 4;
    private static final int[] DEFAULT_TYPES = {HIGH_PASS, LOW_SHELF, BELL, BELL, HIGH_SHELF, LOW_PASS};
    private static final double[] DEFAULT_FREQUENCIES = {25, 100, 400, 3000, 10000, 20000};

    private static final Descriptor DESCRIPTOR = new Descriptor(ID, "Mastering EQ", "Mastering", "Mixbench",
            "1.0.0");
    private static final List<ParameterDescriptor> PARAMETERS = buildParameters();

    /** Used by DS. */
    public MasteringEqFactory() {
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
            list.add(ParameterDescriptor.linear(p + "gain", n + "gain", "dB", -18, 18, 0, 1));
            list.add(ParameterDescriptor.logarithmic(p + "q", n + "Q", "", 0.1, 10, BiquadDesign.BUTTERWORTH_Q, 2));
            list.add(ParameterDescriptor.choice(p + "slope", n + "slope", 1, SLOPES));
            list.add(ParameterDescriptor.choice(p + "channels", n + "channels", STEREO, ROUTES));
        }
        list.add(ParameterDescriptor.choice("phase", "Phase", 0, "Minimum phase", "Linear phase"));
        list.add(ParameterDescriptor.linear("output", "Output", "dB", -18, 18, 0, 1));
        return list;
    }

    /** A new, inactive mastering EQ with every band off, in minimum phase. Main thread. */
    @Override
    public Processor create() {
        return new MasteringEqProcessor(PARAMETERS);
    }

    /** "Gentle master (linear phase)", "Mono bass (side high pass)" and "Brighter tilt". Any thread. */
    @Override
    public List<Preset> presets() {
        return List.of(
                preset("Gentle master (linear phase)", 1,
                        band(1, HIGH_PASS, 25, 0, BiquadDesign.BUTTERWORTH_Q, 1, STEREO),
                        band(2, LOW_SHELF, 100, 3, BiquadDesign.BUTTERWORTH_Q, 0, STEREO),
                        band(3, BELL, 400, -4, 1.4, 0, STEREO),
                        band(4, BELL, 3000, 2, 1.0, 0, STEREO),
                        band(5, HIGH_SHELF, 10000, 2.5, BiquadDesign.BUTTERWORTH_Q, 0, STEREO)),
                preset("Mono bass (side high pass)", 0,
                        band(1, HIGH_PASS, 120, 0, BiquadDesign.BUTTERWORTH_Q, 1, SIDE)),
                preset("Brighter tilt", 0, band(6, TILT, 1000, 2, 1, 0, STEREO)));
    }

    @SafeVarargs
    private static Preset preset(String name, int phase, Map<String, Double>... bands) {
        Map<String, Double> values = new HashMap<>();
        for (Map<String, Double> band : bands) {
            values.putAll(band);
        }
        values.put("phase", (double) phase);
        return new Preset(name, ProcessorState.of(values));
    }

    static Map<String, Double> band(int number, int type, double frequency, double gain, double q, int slope,
            int route) {
        String p = "band" + number + ".";
        return Map.of(p + "enabled", 1.0, p + "type", (double) type, p + "frequency", frequency, p + "gain", gain,
                p + "q", q, p + "slope", (double) slope, p + "channels", (double) route);
    }
}
