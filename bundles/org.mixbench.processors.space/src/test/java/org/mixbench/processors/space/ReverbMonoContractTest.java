package org.mixbench.processors.space;

import org.mixbench.api.processor.ProcessorFactory;
import org.mixbench.testkit.AbstractProcessorContractTest;

/** The reverb must keep the contract on a mono input too. */
class ReverbMonoContractTest extends AbstractProcessorContractTest {
    @Override
    protected ProcessorFactory factory() {
        return new ReverbFactory();
    }

    @Override
    protected int channels() {
        return 1;
    }
}
