package org.mixbench.processors.mastering;

import org.mixbench.api.processor.ProcessorFactory;
import org.mixbench.testkit.AbstractProcessorContractTest;

/** The contract on one channel, in linear phase with five bands working. */
class MasteringEqMonoContractTest extends AbstractProcessorContractTest {
    @Override
    protected ProcessorFactory factory() {
        return new MasteringEqPresetFactory(new MasteringEqFactory(), "Gentle master (linear phase)");
    }

    @Override
    protected int channels() {
        return 1;
    }
}
