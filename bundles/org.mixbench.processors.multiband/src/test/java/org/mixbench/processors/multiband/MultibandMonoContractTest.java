package org.mixbench.processors.multiband;

import org.mixbench.api.processor.ProcessorFactory;
import org.mixbench.testkit.AbstractProcessorContractTest;

/** The contract on one channel: mid/side falls back to a single detector. */
class MultibandMonoContractTest extends AbstractProcessorContractTest {
    @Override
    protected ProcessorFactory factory() {
        return new MultibandFactory();
    }

    @Override
    protected int channels() {
        return 1;
    }
}
