package org.mixbench.processors.mastering;

import java.util.List;

import org.mixbench.api.contribution.Descriptor;
import org.mixbench.api.processor.ParameterDescriptor;
import org.mixbench.api.processor.Preset;
import org.mixbench.api.processor.Processor;
import org.mixbench.api.processor.ProcessorFactory;

/**
 * A factory whose processors start from one of the delegate's presets, so that the contract tests run with bands
 * actually working rather than at the transparent defaults.
 */
final class MasteringEqPresetFactory implements ProcessorFactory {
    private final ProcessorFactory delegate;
    private final Preset preset;

    MasteringEqPresetFactory(ProcessorFactory delegate, String presetName) {
        this.delegate = delegate;
        this.preset = delegate.presets().stream().filter(p -> p.name().equals(presetName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no preset " + presetName));
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
        p.restoreState(preset.state());
        return p;
    }

    @Override
    public List<Preset> presets() {
        return delegate.presets();
    }
}
