package org.mixbench.processors.mastering;

import org.mixbench.api.processor.ProcessorFactory;
import org.mixbench.testkit.AbstractProcessorContractTest;

/** The contract at the defaults: every band off, minimum phase. */
class MasteringEqContractTest extends AbstractProcessorContractTest {
    @Override
    protected ProcessorFactory factory() {
        return new MasteringEqFactory();
    }
}
