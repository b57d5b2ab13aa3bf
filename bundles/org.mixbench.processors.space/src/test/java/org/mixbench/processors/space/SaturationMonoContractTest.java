package org.mixbench.processors.space;

import org.mixbench.api.processor.ProcessorFactory;
import org.mixbench.testkit.AbstractProcessorContractTest;

/** The saturation must keep the contract on a mono input too. */
class SaturationMonoContractTest extends AbstractProcessorContractTest {
    @Override
    protected ProcessorFactory factory() {
        return new SaturationFactory();
    }

    @Override
    protected int channels() {
        return 1;
    }
}
