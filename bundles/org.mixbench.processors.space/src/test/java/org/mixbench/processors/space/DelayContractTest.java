package org.mixbench.processors.space;

import org.mixbench.api.processor.ProcessorFactory;
import org.mixbench.testkit.AbstractProcessorContractTest;

class DelayContractTest extends AbstractProcessorContractTest {
    @Override
    protected ProcessorFactory factory() {
        return new DelayFactory();
    }
}
