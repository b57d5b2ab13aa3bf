package org.mixbench.format.wav;

import java.util.Map;

import org.mixbench.api.audio.Tags;

/**
 * Text in RIFF chunks: the mapping between RIFF INFO ids and the tag keys of {@link Tags} (decoding the text and ids
 * is {@link org.mixbench.format.pcm.ChunkText}). Stateless; any thread.
 */
final class RiffText {
    /** INFO ids and the tag keys they carry when read ({@code IPRT} is a fallback for the track, see the parser). */
    static final Map<String, String> INFO_TO_TAG = Map.ofEntries(
            Map.entry("INAM", Tags.TITLE),
            Map.entry("IART", Tags.ARTIST),
            Map.entry("IPRD", Tags.ALBUM),
            Map.entry("ITRK", Tags.TRACK),
            Map.entry("ICRD", Tags.YEAR),
            Map.entry("ICMT", Tags.COMMENT),
            Map.entry("ISRC", Tags.ISRC),
            Map.entry("ICOP", "copyright"),
            Map.entry("IGNR", "genre"));

    /** The INFO ids the writer emits for the keys of {@link Tags} (and copyright, genre), in this order. */
    static final String[][] WRITTEN_INFO = {
        {"INAM", Tags.TITLE}, {"IART", Tags.ARTIST}, {"IPRD", Tags.ALBUM}, {"ITRK", Tags.TRACK},
        {"ICRD", Tags.YEAR}, {"ICMT", Tags.COMMENT}, {"ISRC", Tags.ISRC}, {"ICOP", "copyright"}, {"IGNR", "genre"}};

    private RiffText() {
    }
}
