package org.mixbench.processors.multiband;

import java.util.List;
import java.util.Map;

import org.mixbench.api.contribution.Descriptor;
import org.mixbench.api.processor.ParameterDescriptor;
import org.mixbench.api.processor.Preset;
import org.mixbench.api.processor.Processor;
import org.mixbench.api.processor.ProcessorFactory;
import org.mixbench.api.processor.ProcessorState;

/**
 * A multiband factory whose processors start from given settings, so that the contract tests also run with the
 * linear-phase crossover, mid/side and every band compressing rather than at the transparent defaults.
 */
final class SettingsFactory implements ProcessorFactory {
    private final MultibandFactory delegate = new MultibandFactory();
    private final ProcessorState settings;

    SettingsFactory(Map<String, Double> settings) {
        this.settings = ProcessorState.of(settings);
    }

    @Override
    public Descriptor descriptor() {
        return delegate.descriptor();
    }

    @Override
    public List<ParameterDescriptor> parameters() {
        return delegate.parameters();
    }

    @Override
    public Processor create() {
        Processor p = delegate.create();
        p.restoreState(settings);
        return p;
    }

    @Override
    public List<Preset> presets() {
        return delegate.presets();
    }
}
