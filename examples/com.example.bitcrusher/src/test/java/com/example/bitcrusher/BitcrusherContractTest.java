package com.example.bitcrusher;

import org.mixbench.api.processor.ProcessorFactory;
import org.mixbench.testkit.AbstractProcessorContractTest;

/** A third-party bundle runs the same contract as the built-in processors. */
class BitcrusherContractTest extends AbstractProcessorContractTest {
    @Override
    protected ProcessorFactory factory() {
        return new BitcrusherFactory();
    }
}
