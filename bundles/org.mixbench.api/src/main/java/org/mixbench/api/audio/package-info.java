/**
 * Audio files in and out: importers ({@link org.mixbench.api.audio.ImporterFactory} services, chosen by the content
 * of a file, never by its extension), the streaming {@link org.mixbench.api.audio.AudioReader}, what a file holds
 * ({@link org.mixbench.api.audio.AudioFileInfo}), tag names, and the host service {@link
 * org.mixbench.api.audio.AudioFiles} that opens any file and exports atomically through the registered exporters.
 */
@Export
@Version("1.0.0")
package org.mixbench.api.audio;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
