/**
 * What every contribution shares: its descriptor, the service properties that describe it before it is
 * instantiated, and the live registry in which the core keeps all contributions.
 */
@Export
@Version("1.2.0")
package org.mixbench.api.contribution;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
