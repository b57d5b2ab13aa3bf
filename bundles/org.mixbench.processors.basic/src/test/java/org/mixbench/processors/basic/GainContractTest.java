package org.mixbench.processors.basic;

import org.mixbench.api.processor.ProcessorFactory;
import org.mixbench.testkit.AbstractProcessorContractTest;

class GainContractTest extends AbstractProcessorContractTest {
    @Override
    protected ProcessorFactory factory() {
        return new GainFactory();
    }
}
