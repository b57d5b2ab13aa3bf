package org.mixbench.api.audio;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What an audio file holds, as its reader found it. Immutable.
 *
 * @param format        container name: {@code "WAV"}, {@code "RF64"}, {@code "BW64"}, {@code "AIFF"},
 *                      {@code "AIFF-C"}, {@code "FLAC"}, {@code "MP3"}
 * @param encoding      sample encoding in words: {@code "PCM 24-bit"}, {@code "IEEE float 32-bit"},
 *                      {@code "MPEG-1 Layer III, 320 kbit/s CBR"}
 * @param sampleRate    frames per second, positive
 * @param channels      channels, positive
 * @param frames        frames in the file, or -1 when only decoding to the end can tell
 * @param bitsPerSample bits per sample of the stored PCM, or 0 for a lossy codec
 * @param chunks        the file's chunks or blocks in order (id, offset, size), for {@code info}
 * @param tags          tags by the keys of {@link Tags} (other keys allowed), values as stored
 */
@ProviderType
public record AudioFileInfo(String format, String encoding, double sampleRate, int channels, long frames,
        int bitsPerSample, List<Chunk> chunks, Map<String, String> tags) {

    /** Validates and copies. */
    public AudioFileInfo {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(encoding, "encoding");
        chunks = List.copyOf(chunks);
        tags = Map.copyOf(tags);
        if (!(sampleRate > 0) || Double.isInfinite(sampleRate) || channels <= 0 || frames < -1 || bitsPerSample < 0) {
            throw new IllegalArgumentException("invalid audio file info: " + sampleRate + " Hz, " + channels
                    + " channels, " + frames + " frames");
        }
    }

    /** Duration in seconds, or NaN when the frame count is unknown. */
    public double durationSeconds() {
        return frames < 0 ? Double.NaN : frames / sampleRate;
    }

    /**
     * One chunk (RIFF, AIFF), metadata block (FLAC) or frame group (MP3 tag) of a file.
     *
     * @param id     its identifier ({@code "fmt "}, {@code "bext"}, {@code "STREAMINFO"}, {@code "ID3v2.4"})
     * @param offset byte offset of the chunk header in the file
     * @param size   size of the chunk's payload in bytes
     */
    @ProviderType
    public record Chunk(String id, long offset, long size) {
    }
}
