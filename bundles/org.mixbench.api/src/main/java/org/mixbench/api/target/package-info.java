/**
 * Delivery targets: what a platform or medium asks of a master (loudness, true-peak ceiling, rate, word length,
 * format), contributed as {@link org.mixbench.api.target.TargetContribution} services by bundles or read from JSON
 * files in the product's {@code targets/} folder.
 */
@Export
@Version("1.0.0")
package org.mixbench.api.target;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
