package org.mixbench.processors.space;

import java.util.List;
import java.util.Map;

import org.mixbench.api.contribution.Descriptor;
import org.mixbench.api.processor.ParameterDescriptor;
import org.mixbench.api.processor.Preset;
import org.mixbench.api.processor.Processor;
import org.mixbench.api.processor.ProcessorFactory;
import org.mixbench.api.processor.ProcessorState;
import org.mixbench.dsp.AbstractProcessorFactory;
import org.osgi.service.component.annotations.Component;

/**
 * Contributes the Delay: a free or tempo-synced echo with filtered feedback, ping-pong and mix. Stateless; any
 * thread.
 */
@Component(service = ProcessorFactory.class, property = {
    "id=" + DelayFactory.ID, "name=Delay", "category=Delay", "vendor=Mixbench", "version=1.0.0"})
public final class DelayFactory extends AbstractProcessorFactory {
    /** Stable id. */
    public static final String ID = "mixbench.delay";
    static final int TIME = 0;
    static final int SYNC = 1;
    static final int NOTE = 2;
    static final int FEEDBACK = 3;
    static final int LOW_CUT = 4;
    static final int HIGH_CUT = 5;
    static final int PING_PONG = 6;
    static final int MIX = 7;
    static final int OUTPUT = 8;

    /** Longest delay, free or synced, in milliseconds. */
    static final double MAX_MS = 4000;
    /** The note values of the sync choice, in quarter notes (beats), in the order of its labels. */
    static final double[] NOTE_BEATS = {0.125, 0.25, 0.375, 1.0 / 3, 0.5, 0.75, 1, 1.5, 2, 4};
    static final int QUARTER = 6;

    private static final Descriptor DESCRIPTOR = new Descriptor(ID, "Delay", "Delay", "Mixbench", "1.0.0");
    private static final List<ParameterDescriptor> PARAMETERS = List.of(
            ParameterDescriptor.logarithmic("time", "Time", "ms", 1, MAX_MS, 375, 1),
            ParameterDescriptor.toggle("sync", "Tempo sync", false),
            ParameterDescriptor.choice("note", "Note value", QUARTER, "1/32", "1/16", "1/16 dotted",
                    "1/8 triplet", "1/8", "1/8 dotted", "1/4", "1/4 dotted", "1/2", "1/1"),
            ParameterDescriptor.linear("feedback", "Feedback", "%", 0, 95, 35, 0),
            ParameterDescriptor.logarithmic("lowcut", "Low cut", "Hz", 20, 2000, 80, 0),
            ParameterDescriptor.logarithmic("highcut", "High cut", "Hz", 1000, 20000, 8000, 0),
            ParameterDescriptor.toggle("pingpong", "Ping-pong", false),
            ParameterDescriptor.linear("mix", "Mix", "%", 0, 100, 30, 0),
            ParameterDescriptor.decibels("output", "Output", -24, 12, 0));

    private static final List<Preset> PRESETS = List.of(
            new Preset("Slapback", ProcessorState.of(Map.of("time", 110.0, "sync", 0.0, "feedback", 8.0,
                    "lowcut", 120.0, "highcut", 5000.0, "pingpong", 0.0, "mix", 30.0))),
            new Preset("Quarter-note ping-pong", ProcessorState.of(Map.of("sync", 1.0, "note", (double) QUARTER,
                    "feedback", 45.0, "lowcut", 200.0, "highcut", 6000.0, "pingpong", 1.0, "mix", 30.0))),
            new Preset("Dotted-eighth echo", ProcessorState.of(Map.of("sync", 1.0, "note", 5.0,
                    "feedback", 40.0, "lowcut", 150.0, "highcut", 7000.0, "pingpong", 0.0, "mix", 25.0))));

    /** Used by DS. */
    public DelayFactory() {
        super(DESCRIPTOR, PARAMETERS);
    }

    /** A new, inactive delay with default values. Main thread. */
    @Override
    public Processor create() {
        return new DelayProcessor(PARAMETERS);
    }

    /** Slapback, a quarter-note ping-pong and a dotted-eighth echo. Any thread. */
    @Override
    public List<Preset> presets() {
        return PRESETS;
    }
}
