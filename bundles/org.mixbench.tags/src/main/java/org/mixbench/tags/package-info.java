/**
 * Reading and writing the tags of compressed audio files (ID3v2 in MP3, Vorbis comments in FLAC) by the keys of
 * {@link org.mixbench.api.audio.Tags}, through jaudiotagger, which stays private to this bundle.
 */
@Export
@Version("1.0.0")
package org.mixbench.tags;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
