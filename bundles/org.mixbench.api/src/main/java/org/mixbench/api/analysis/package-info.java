/**
 * The analyzer SPI: meters and measurements contributed as {@link org.mixbench.api.analysis.AnalyzerFactory}
 * services. An analyzer consumes blocks on one analysis thread and publishes immutable snapshots that other threads
 * (the workbench, the CLI) read at any time without locks.
 */
@Export
@Version("1.0.0")
package org.mixbench.api.analysis;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
