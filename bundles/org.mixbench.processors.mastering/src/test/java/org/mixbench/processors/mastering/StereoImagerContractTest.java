package org.mixbench.processors.mastering;

import org.mixbench.api.processor.ProcessorFactory;
import org.mixbench.testkit.AbstractProcessorContractTest;

class StereoImagerContractTest extends AbstractProcessorContractTest {
    @Override
    protected ProcessorFactory factory() {
        return new StereoImagerFactory();
    }
}
