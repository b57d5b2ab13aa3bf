package org.mixbench.format.pcm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class ChunkTextTest {
    @Test
    void decodesUtf8Text() {
        byte[] bytes = "xxCafé ♪".getBytes(StandardCharsets.UTF_8);
        assertEquals("Café ♪", ChunkText.decode(bytes, 2, bytes.length - 2));
    }

    @Test
    void fallsBackToIso88591WhenTheBytesAreNotUtf8() {
        byte[] bytes = {'C', 'a', 'f', (byte) 0xE9};
        assertEquals("Café", ChunkText.decode(bytes, 0, 4));
    }

    @Test
    void skipsLeadingNulsAndCutsAtTheNextNul() {
        byte[] bytes = {0, 0, 'a', 'b', 0, 'c', 'd'};
        assertEquals("ab", ChunkText.decode(bytes, 0, bytes.length));
        assertEquals("", ChunkText.decode(new byte[4], 0, 4));
    }

    @Test
    void decodesOnlyTheBytesAsked() {
        byte[] bytes = "abcdef".getBytes(StandardCharsets.US_ASCII);
        assertEquals("bcd", ChunkText.decode(bytes, 1, 3));
        assertEquals("", ChunkText.decode(bytes, 1, 0));
    }

    @Test
    void anIdIsItsFourCharacters() {
        byte[] bytes = "RIFFfmt ".getBytes(StandardCharsets.US_ASCII);
        assertEquals("RIFF", ChunkText.id(bytes, 0));
        assertEquals("fmt ", ChunkText.id(bytes, 4));
    }

    @Test
    void nonPrintableBytesOfAnIdShowAsQuestionMarksSoMessagesStayOneLine() {
        byte[] bytes = {'d', '\n', 0, (byte) 0xE9};
        assertEquals("d???", ChunkText.id(bytes, 0));
    }
}
