/**
 * The command SPI: each {@code ./mixbench} command word is a {@link org.mixbench.api.command.Command} service,
 * so a bundle adds a command without touching the CLI.
 */
@Export
@Version("1.2.0")
package org.mixbench.api.command;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
