/**
 * The exporter SPI: file formats contributed as {@link org.mixbench.api.export.ExporterFactory} services. The
 * host writes to a temporary file beside the target and renames it when the exporter has closed it without error.
 */
@Export
@Version("1.0.0")
package org.mixbench.api.export;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
