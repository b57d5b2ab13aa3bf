package org.mixbench.processors.limiter;

import org.mixbench.api.processor.ProcessorFactory;
import org.mixbench.testkit.AbstractProcessorContractTest;

class LimiterContractTest extends AbstractProcessorContractTest {
    @Override
    protected ProcessorFactory factory() {
        return new LimiterFactory();
    }
}
