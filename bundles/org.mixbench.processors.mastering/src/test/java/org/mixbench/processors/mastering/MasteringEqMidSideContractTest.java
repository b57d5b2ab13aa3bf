package org.mixbench.processors.mastering;

import org.mixbench.api.processor.ProcessorFactory;
import org.mixbench.testkit.AbstractProcessorContractTest;

/** The contract in minimum phase with a band on the side (the "Mono bass (side high pass)" preset). */
class MasteringEqMidSideContractTest extends AbstractProcessorContractTest {
    @Override
    protected ProcessorFactory factory() {
        return new MasteringEqPresetFactory(new MasteringEqFactory(), "Mono bass (side high pass)");
    }
}
