package org.mixbench.processors.eqdyn;

import org.mixbench.api.processor.ProcessorFactory;
import org.mixbench.testkit.AbstractProcessorContractTest;

class CompressorContractTest extends AbstractProcessorContractTest {
    @Override
    protected ProcessorFactory factory() {
        return new CompressorFactory();
    }
}
