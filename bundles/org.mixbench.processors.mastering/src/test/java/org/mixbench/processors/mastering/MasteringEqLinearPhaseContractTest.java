package org.mixbench.processors.mastering;

import org.mixbench.api.processor.ProcessorFactory;
import org.mixbench.testkit.AbstractProcessorContractTest;

/**
 * The contract in linear phase with five bands working (the "Gentle master (linear phase)" preset), at the default
 * tolerance: the FFT convolution computes the same blocks whatever the host's block sizes, so renders agree exactly.
 */
class MasteringEqLinearPhaseContractTest extends AbstractProcessorContractTest {
    @Override
    protected ProcessorFactory factory() {
        return new MasteringEqPresetFactory(new MasteringEqFactory(), "Gentle master (linear phase)");
    }
}
