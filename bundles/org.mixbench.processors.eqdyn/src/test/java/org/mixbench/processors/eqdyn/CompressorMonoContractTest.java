package org.mixbench.processors.eqdyn;

import org.mixbench.api.processor.ProcessorFactory;
import org.mixbench.testkit.AbstractProcessorContractTest;

/** The contract on a mono input. */
class CompressorMonoContractTest extends AbstractProcessorContractTest {
    @Override
    protected ProcessorFactory factory() {
        return new CompressorFactory();
    }

    @Override
    protected int channels() {
        return 1;
    }
}
