package org.mixbench.processors.basic;

import org.mixbench.api.processor.ProcessorFactory;
import org.mixbench.testkit.AbstractProcessorContractTest;

/** The stereo utility must also keep the contract on a mono input, where it passes audio through. */
class StereoUtilityMonoContractTest extends AbstractProcessorContractTest {
    @Override
    protected ProcessorFactory factory() {
        return new StereoUtilityFactory();
    }

    @Override
    protected int channels() {
        return 1;
    }
}
