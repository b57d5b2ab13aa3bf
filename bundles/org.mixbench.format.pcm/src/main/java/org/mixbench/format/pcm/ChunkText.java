package org.mixbench.format.pcm;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Chunk ids and chunk text of RIFF and IFF files (WAV, AIFF) as strings: text is UTF-8, falling back to ISO-8859-1
 * when the bytes are not valid UTF-8, cut at the first NUL after leading NULs; ids are printable, so messages stay
 * one line. Stateless; any thread (the parsers call it on the reading thread).
 */
public final class ChunkText {
    private ChunkText() {
    }

    /**
     * Decodes {@code length} bytes at {@code offset}: leading NULs skipped, cut at the next NUL, UTF-8 if valid, else
     * ISO-8859-1. Any thread.
     */
    public static String decode(byte[] bytes, int offset, int length) {
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

    /**
     * The four characters of the chunk id at {@code offset}, non-printable bytes shown as {@code '?'} so messages stay
     * one line. Any thread.
     */
    public static String id(byte[] bytes, int offset) {
        char[] c = new char[4];
        for (int i = 0; i < 4; i++) {
            int b = bytes[offset + i] & 0xFF;
            c[i] = b >= 0x20 && b < 0x7F ? (char) b : '?';
        }
        return new String(c);
    }
}
