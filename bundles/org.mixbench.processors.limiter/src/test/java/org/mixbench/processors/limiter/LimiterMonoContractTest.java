package org.mixbench.processors.limiter;

import org.mixbench.api.processor.ProcessorFactory;
import org.mixbench.testkit.AbstractProcessorContractTest;

/** The contract on a single channel: the limiter works on any channel count. */
class LimiterMonoContractTest extends AbstractProcessorContractTest {
    @Override
    protected ProcessorFactory factory() {
        return new LimiterFactory();
    }

    @Override
    protected int channels() {
        return 1;
    }
}
