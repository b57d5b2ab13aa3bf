package org.mixbench.api.analysis;

import org.mixbench.api.contribution.Descriptor;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A contributed meter or measurement, registered as an OSGi service with the descriptive properties of
 * {@link org.mixbench.api.contribution.ContributionProperties}. Holds no state; any thread.
 */
@ConsumerType
public interface AnalyzerFactory {

    /** Who this analyzer is; must agree with the service properties. Any thread. */
    Descriptor descriptor();

    /** A fresh analyzer for this input. Main thread or the analysis thread before its first block. */
    Analyzer<?> create(AnalysisSpec spec);
}
