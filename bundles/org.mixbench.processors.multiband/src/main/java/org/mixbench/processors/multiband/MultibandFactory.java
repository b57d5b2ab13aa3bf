package org.mixbench.processors.multiband;

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
import org.mixbench.api.processor.Scale;
import org.mixbench.dsp.AbstractProcessorFactory;
import org.osgi.service.component.annotations.Component;

/**
 * Contributes the multiband compressor for mastering: 2 to 5 bands split by Linkwitz-Riley 24 dB/oct or linear-phase
 * crossovers, each band a feed-forward compressor (soft knee, attack and release, peak or RMS detection), stereo
 * linked or mid/side. Its processors are {@link MultibandProcessor}s, which publish one gain-reduction meter per band
 * through {@link org.mixbench.api.processor.GainReductionMeters}. A fresh instance (every threshold at 0 dBFS, hard
 * knee) leaves program whose bands stay below 0 dBFS at unity gain: only the crossover's phase (Linkwitz-Riley) or
 * delay remains. Stateless; any thread.
 */
@Component(service = ProcessorFactory.class, property = {
    "id=" + MultibandFactory.ID, "name=Multiband Compressor", "category=Mastering", "vendor=Mixbench",
    "version=1.0.0"})
public final class MultibandFactory extends AbstractProcessorFactory {
    /** Stable id. */
    public static final String ID = "mixbench.multiband";
    /** Most bands. */
    static final int MAX_BANDS = 5;
    static final int BANDS = 0;
    /** Index of {@code crossover1}; crossover {@code k} (0-based) is at {@code CROSSOVER + k}. */
    static final int CROSSOVER = 1;
    static final int CROSSOVER_TYPE = 5;
    static final int MODE = 6;
    static final int DETECTION = 7;
    static final int OUTPUT = 8;
    /** Index of {@code band1.threshold}; band {@code b}'s parameters start at {@code FIRST_BAND + b * PER_BAND}. */
    static final int FIRST_BAND = 9;
    static final int PER_BAND = 8;
    static final int THRESHOLD = 0;
    static final int RATIO = 1;
    static final int KNEE = 2;
    static final int ATTACK = 3;
    static final int RELEASE = 4;
    static final int MAKEUP = 5;
    static final int BYPASS = 6;
    static final int SOLO = 7;
    /** Values of {@code crossover_type}. */
    static final int LINKWITZ_RILEY = 0;
    static final int LINEAR_PHASE = 1;
    /** Values of {@code mode}. */
    static final int STEREO_LINK = 0;
    static final int MID_SIDE = 1;
    /** Values of {@code detection}. */
    static final int PEAK = 0;
    static final int RMS = 1;

    private static final double[][] CROSSOVER_RANGES = {{20, 2000, 120}, {50, 8000, 1000}, {200, 16000, 5000},
        {500, 20000, 12000}};
    /** Mastering defaults per band: slower for the lows, faster for the highs. */
    private static final double[] ATTACK_MS = {30, 20, 10, 5, 3};
    private static final double[] RELEASE_MS = {250, 180, 120, 90, 70};

    private static final Descriptor DESCRIPTOR = new Descriptor(ID, "Multiband Compressor", "Mastering", "Mixbench",
            "1.0.0");
    private static final List<ParameterDescriptor> PARAMETERS = describe();

    /** Used by DS. */
    public MultibandFactory() {
        super(DESCRIPTOR, PARAMETERS);
    }

    /** Index of parameter {@code which} ({@link #THRESHOLD} ... {@link #SOLO}) of band {@code band} (0-based). */
    static int index(int band, int which) {
        return FIRST_BAND + band * PER_BAND + which;
    }

    private static List<ParameterDescriptor> describe() {
        List<ParameterDescriptor> list = new ArrayList<>();
        list.add(new ParameterDescriptor("bands", "Bands", "", 2, MAX_BANDS, 4, Scale.LINEAR, 0,
                List.of("2", "3", "4", "5")));
        for (int k = 0; k < MAX_BANDS - 1; k++) {
            double[] r = CROSSOVER_RANGES[k];
            list.add(ParameterDescriptor.logarithmic("crossover" + (k + 1), "Crossover " + (k + 1), "Hz", r[0], r[1],
                    r[2], 0));
        }
        list.add(ParameterDescriptor.choice("crossover_type", "Crossover type", LINKWITZ_RILEY, "Linkwitz-Riley",
                "Linear phase"));
        list.add(ParameterDescriptor.choice("mode", "Mode", STEREO_LINK, "Stereo link", "Mid/Side"));
        list.add(ParameterDescriptor.choice("detection", "Detection", PEAK, "Peak", "RMS"));
        list.add(ParameterDescriptor.linear("output", "Output", "dB", -24, 12, 0, 1));
        for (int b = 0; b < MAX_BANDS; b++) {
            String id = "band" + (b + 1) + ".";
            String name = "Band " + (b + 1) + " ";
            list.add(ParameterDescriptor.linear(id + "threshold", name + "threshold", "dB", -60, 0, 0, 1));
            list.add(ParameterDescriptor.logarithmic(id + "ratio", name + "ratio", ":1", 1, 20, 2, 2));
            list.add(ParameterDescriptor.linear(id + "knee", name + "knee", "dB", 0, 24, 0, 1));
            list.add(ParameterDescriptor.logarithmic(id + "attack", name + "attack", "ms", 0.1, 300, ATTACK_MS[b],
                    1));
            list.add(ParameterDescriptor.logarithmic(id + "release", name + "release", "ms", 5, 3000,
                    RELEASE_MS[b], 0));
            list.add(ParameterDescriptor.linear(id + "makeup", name + "makeup", "dB", -12, 24, 0, 1));
            list.add(ParameterDescriptor.toggle(id + "bypass", name + "bypass", false));
            list.add(ParameterDescriptor.toggle(id + "solo", name + "solo", false));
        }
        return List.copyOf(list);
    }

    /** A new, inactive {@link MultibandProcessor} at the defaults. Main thread. */
    @Override
    public Processor create() {
        return new MultibandProcessor(PARAMETERS);
    }

    /**
     * "Gentle master glue" (four bands, 1.5:1 to 2:1 with wide knees, RMS) and "Tame harsh top" (the 2-8 kHz band
     * alone at 3:1, peak). Any thread.
     */
    @Override
    public List<Preset> presets() {
        Map<String, Double> glue = new HashMap<>(Map.of("bands", 4.0, "crossover1", 120.0, "crossover2", 1000.0,
                "crossover3", 5000.0, "detection", (double) RMS));
        double[] thresholds = {-18, -20, -22, -24};
        double[] ratios = {2, 1.5, 1.5, 2};
        for (int b = 0; b < 4; b++) {
            glue.put("band" + (b + 1) + ".threshold", thresholds[b]);
            glue.put("band" + (b + 1) + ".ratio", ratios[b]);
            glue.put("band" + (b + 1) + ".knee", 10.0);
        }
        Map<String, Double> harsh = new HashMap<>(Map.of("bands", 3.0, "crossover1", 2000.0, "crossover2", 8000.0,
                "detection", (double) PEAK, "band2.threshold", -24.0, "band2.ratio", 3.0, "band2.knee", 6.0,
                "band2.attack", 2.0, "band2.release", 60.0));
        return List.of(new Preset("Gentle master glue", ProcessorState.of(glue)),
                new Preset("Tame harsh top", ProcessorState.of(harsh)));
    }
}
