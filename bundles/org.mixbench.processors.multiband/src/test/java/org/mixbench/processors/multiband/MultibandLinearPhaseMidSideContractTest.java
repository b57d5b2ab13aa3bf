package org.mixbench.processors.multiband;

import java.util.HashMap;
import java.util.Map;

import org.mixbench.api.processor.ProcessorFactory;
import org.mixbench.testkit.AbstractProcessorContractTest;

/** The contract with five linear-phase bands in mid/side, every band compressing with RMS detection. */
class MultibandLinearPhaseMidSideContractTest extends AbstractProcessorContractTest {
    @Override
    protected ProcessorFactory factory() {
        Map<String, Double> v = new HashMap<>(Map.of("bands", 5.0, "crossover_type",
                (double) MultibandFactory.LINEAR_PHASE, "mode", (double) MultibandFactory.MID_SIDE, "detection",
                (double) MultibandFactory.RMS));
        for (int b = 1; b <= 5; b++) {
            v.put("band" + b + ".threshold", -30.0);
            v.put("band" + b + ".ratio", 3.0);
            v.put("band" + b + ".knee", 6.0);
            v.put("band" + b + ".makeup", 4.0);
        }
        return new SettingsFactory(v);
    }
}
