package org.mixbench.dsp;

import org.mixbench.api.processor.AudioBlock;
import org.mixbench.api.processor.ParameterEvents;
import org.mixbench.api.processor.ProcessStatus;
import org.mixbench.api.processor.Processor;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A processor that is handed its block in segments between parameter events: {@link #render} renders frames
 * {@code [from, to)} with the current values, then {@link #parameterChanged} applies the event at {@code to}. This
 * is what makes automation sample-accurate without every processor repeating the loop.
 */
@ConsumerType
public interface SegmentedProcessor extends Processor {

    /** Renders frames {@code [from, to)} of {@code block} in place, {@code from < to}. Audio thread. */
    void render(AudioBlock block, int from, int to);

    /** Applies a parameter change from an event (or from the host before processing). Audio thread. */
    void parameterChanged(int parameter, double value);

    /** Splits the block at its events and renders each part. Audio thread; never allocates. */
    @Override
    default ProcessStatus process(AudioBlock block) {
        ParameterEvents events = block.events();
        int frames = block.frames();
        int from = 0;
        for (int i = 0; i < events.size(); i++) {
            int at = Math.min(events.frame(i), frames);
            if (at > from) {
                render(block, from, at);
                from = at;
            }
            parameterChanged(events.parameter(i), events.value(i));
        }
        if (frames > from) {
            render(block, from, frames);
        }
        return ProcessStatus.CONTINUE;
    }
}
