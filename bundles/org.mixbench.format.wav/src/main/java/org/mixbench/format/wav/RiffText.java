package org.mixbench.format.wav;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.mixbench.api.audio.Tags;

/**
 * Text in RIFF chunks: decoding (UTF-8, falling back to ISO-8859-1 when the bytes are not valid UTF-8, cut at the
 * first NUL after leading NULs) and the mapping between RIFF INFO ids and the tag keys of {@link Tags}. Stateless;
 * any thread.
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

    /**
     * Decodes {@code length} bytes at {@code offset}: leading NULs skipped, cut at the next NUL, UTF-8 if valid, else
     * ISO-8859-1.
     */
    static String decode(byte[] bytes, int offset, int length) {
        int start = offset;
        int limit = offset + length;
        while (start < limit && bytes[start] == 0) {
            start++;
        }
        int end = start;
        while (end < limit && bytes[end] != 0) {
            end++;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, end - start)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, start, end - start, StandardCharsets.ISO_8859_1);
        }
    }

    /** The four characters of a chunk id, non-printable bytes shown as {@code '?'} so messages stay one line. */
    static String id(byte[] bytes, int offset) {
        char[] c = new char[4];
        for (int i = 0; i < 4; i++) {
            int b = bytes[offset + i] & 0xFF;
            c[i] = b >= 0x20 && b < 0x7F ? (char) b : '?';
        }
        return new String(c);
    }
}
