package org.mixbench.api.processor;

import java.util.List;

import org.mixbench.api.contribution.Descriptor;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A contributed effect or mastering stage. Register an implementation as an OSGi service with the properties of
 * {@link org.mixbench.api.contribution.ContributionProperties} ({@code id}, {@code name}, {@code category},
 * {@code version}) matching {@link #descriptor()}; the core lists it from those properties and creates processors
 * from it on demand. A factory holds no audio state and may be called from any thread.
 */
@ConsumerType
public interface ProcessorFactory {

    /** Who this processor is; must agree with the service properties. Any thread. */
    Descriptor descriptor();

    /** The parameters every processor of this factory has, in a fixed order; an event's parameter index points here. Any thread. */
    List<ParameterDescriptor> parameters();

    /** A new, inactive processor with every parameter at its default. Main thread. */
    Processor create();

    /** Named presets of this processor, for the parameter editor; none by default. Any thread. */
    default List<Preset> presets() {
        return List.of();
    }
}
