/**
 * What the readers of chunked PCM files (WAV, AIFF) share: {@link org.mixbench.format.pcm.PcmStreamReader}, which
 * streams the interleaved samples of one data chunk through one buffer and a format's
 * {@link org.mixbench.format.pcm.SampleDecoder}; {@link org.mixbench.format.pcm.ChannelReads}, positional reads that
 * fill a buffer; and {@link org.mixbench.format.pcm.ChunkText}, chunk ids and chunk text as strings. What every
 * reader shares (FLAC and MP3 too): {@link org.mixbench.format.pcm.RegularFiles}, which refuses a named pipe, a
 * device or a folder before anything opens it, and {@link org.mixbench.format.pcm.StreamLimits}, the sample rates and
 * channel counts a header may declare. The formats keep their own parsing, validation and messages.
 */
@Export
@Version("1.1.0")
package org.mixbench.format.pcm;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
