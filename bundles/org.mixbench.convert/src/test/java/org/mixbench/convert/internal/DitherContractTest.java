package org.mixbench.convert.internal;

import org.mixbench.api.processor.ProcessorFactory;
import org.mixbench.testkit.AbstractProcessorContractTest;

class DitherContractTest extends AbstractProcessorContractTest {
    @Override
    protected ProcessorFactory factory() {
        return new DitherFactory();
    }
}
