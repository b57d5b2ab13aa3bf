package org.mixbench.processors.eqdyn;

import org.mixbench.api.processor.ProcessorFactory;
import org.mixbench.testkit.AbstractProcessorContractTest;

/** The contract with four bands working (the "Vocal presence" preset), since every band is off by default. */
class ParametricEqVocalPresenceContractTest extends AbstractProcessorContractTest {
    @Override
    protected ProcessorFactory factory() {
        return new PresetFactory(new ParametricEqFactory(), "Vocal presence");
    }
}
