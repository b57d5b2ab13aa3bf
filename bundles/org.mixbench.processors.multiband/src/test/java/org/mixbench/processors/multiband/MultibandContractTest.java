package org.mixbench.processors.multiband;

import org.mixbench.api.processor.ProcessorFactory;
import org.mixbench.testkit.AbstractProcessorContractTest;

class MultibandContractTest extends AbstractProcessorContractTest {
    @Override
    protected ProcessorFactory factory() {
        return new MultibandFactory();
    }
}
