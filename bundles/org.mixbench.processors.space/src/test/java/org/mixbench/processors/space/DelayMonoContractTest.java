package org.mixbench.processors.space;

import org.mixbench.api.processor.ProcessorFactory;
import org.mixbench.testkit.AbstractProcessorContractTest;

/** The delay must keep the contract on a mono input too. */
class DelayMonoContractTest extends AbstractProcessorContractTest {
    @Override
    protected ProcessorFactory factory() {
        return new DelayFactory();
    }

    @Override
    protected int channels() {
        return 1;
    }
}
