package org.mixbench.processors.eqdyn;

import org.mixbench.api.processor.ProcessorFactory;
import org.mixbench.testkit.AbstractProcessorContractTest;

/** The contract with the gate opening and closing on the test material (the "Tight drums" preset). */
class GateTightDrumsContractTest extends AbstractProcessorContractTest {
    @Override
    protected ProcessorFactory factory() {
        return new PresetFactory(new GateFactory(), "Tight drums");
    }
}
