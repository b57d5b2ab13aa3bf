/**
 * The mastering engine: a chain of contributed processors, the true-peak limiter, loudness normalisation that
 * verifies the delivered file, album mode, delivery-target rules and compliance reports. The {@code master} command
 * and the Mastering perspective both drive {@link org.mixbench.mastering.MasterEngine}.
 */
@Export
@Version("1.0.0")
package org.mixbench.mastering;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
