/**
 * What the readers of chunked PCM files (WAV, AIFF) share: {@link org.mixbench.format.pcm.PcmStreamReader}, which
 * streams the interleaved samples of one data chunk through one buffer and a format's
 * {@link org.mixbench.format.pcm.SampleDecoder}; {@link org.mixbench.format.pcm.ChannelReads}, positional reads that
 * fill a buffer; and {@link org.mixbench.format.pcm.ChunkText}, chunk ids and chunk text as strings. The formats keep
 * their own parsing, validation and messages.
 */
@Export
@Version("1.0.0")
package org.mixbench.format.pcm;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
