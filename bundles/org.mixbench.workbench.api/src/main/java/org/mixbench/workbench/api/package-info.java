/**
 * The view SPI of the workbench. A bundle contributes a view by registering a {@link
 * org.mixbench.workbench.api.WorkbenchView} service with the properties {@code id}, {@code name}, {@code perspective}
 * ({@code mix}, {@code master} or {@code *}) and {@code location} ({@code left}, {@code center}, {@code right},
 * {@code bottom}). Everything here is called on the SWT UI thread.
 */
@Export
@Version("1.0.0")
package org.mixbench.workbench.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
