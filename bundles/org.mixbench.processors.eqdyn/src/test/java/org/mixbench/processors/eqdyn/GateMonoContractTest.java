package org.mixbench.processors.eqdyn;

import org.mixbench.api.processor.ProcessorFactory;
import org.mixbench.testkit.AbstractProcessorContractTest;

/** The contract on a mono input. */
class GateMonoContractTest extends AbstractProcessorContractTest {
    @Override
    protected ProcessorFactory factory() {
        return new GateFactory();
    }

    @Override
    protected int channels() {
        return 1;
    }
}
