package org.mixbench.audio.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixbench.api.command.CommandContext;
import org.mixbench.api.export.ExportFormat;

/**
 * Text that {@code info} takes from a file (tag keys and values, ID3 frame names in its messages) and file names are
 * printed with their control characters escaped: a crafted file cannot clear the screen or move the cursor.
 */
class InfoShowsControlCharactersEscapedTest {
    private static final String CLEAR = "\u001b[2J";

    @TempDir
    Path dir;

    private final RegistryAudioFiles files = new RegistryAudioFiles(Formats.registry());

    /** A FLAC file with no audio and one Vorbis comment {@code entry} (KEY=VALUE). */
    private static byte[] flacWithComment(String entry) {
        byte[] vendor = "crafted".getBytes(StandardCharsets.UTF_8);
        byte[] text = entry.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(4 + 4 + 34 + 4 + 4 + vendor.length + 4 + 4 + text.length);
        b.put("fLaC".getBytes(StandardCharsets.US_ASCII)).putInt(34);
        b.putShort((short) 4096).putShort((short) 4096).put(new byte[6]);
        b.putLong(44_100L << 44 | 1L << 41 | 15L << 36).put(new byte[16]);
        int comments = 4 + vendor.length + 4 + 4 + text.length;
        b.putInt(0x84 << 24 | comments);
        b.order(ByteOrder.LITTLE_ENDIAN).putInt(vendor.length).put(vendor).putInt(1).putInt(text.length).put(text);
        return b.array();
    }

    /** An ID3v2.3 tag whose one frame is named {@code id} and claims more bytes than the tag holds. */
    private static byte[] id3WithFrameNamed(String id) {
        return ByteBuffer.allocate(30).put("ID3".getBytes(StandardCharsets.US_ASCII)).put((byte) 3).put((byte) 0)
                .put((byte) 0).putInt(20).put(id.getBytes(StandardCharsets.ISO_8859_1)).putInt(1000).array();
    }

    @Test
    void tagsCommentsFrameNamesAndFileNamesAreShownWithTheirControlCharactersEscaped() throws Exception {
        int[] calls = {0};
        files.export(dir.resolve("title.wav"), "wav", new ExportFormat(48_000, 1, 100), Map.of(),
                Map.of("title", "Song" + CLEAR + "\u009b31m\ttabbed"), block -> {
                    block.setFrames(100);
                    return calls[0]++ == 0;
                });
        Files.write(dir.resolve("comment.flac"), flacWithComment("KEY" + CLEAR + "=value" + CLEAR));
        Files.write(dir.resolve("frame.mp3"), id3WithFrameNamed(CLEAR));
        Files.copy(dir.resolve("title.wav"), dir.resolve("name" + CLEAR + ".wav"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new InfoCommand(files).run(List.of("title.wav", "comment.flac", "frame.mp3", "name" + CLEAR
                + ".wav"), new CommandContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8), dir, false));
        assertEquals(2, status, "frame.mp3 is refused");
        String printed = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
        for (char c : printed.toCharArray()) {
            assertTrue(c == '\n' || (c >= 0x20 && c < 0x7f) || c > 0x9f,
                    String.format("control character U+%04X printed in:%n%s", (int) c, printed));
        }
        assertTrue(printed.contains("title            Song\\x1b[2J\\x9b31m\\ttabbed"), printed);
        assertTrue(printed.contains("    key\\x1b[2j       value\\x1b[2J\n"), printed);
        assertTrue(printed.contains("T=Mixbench 1.0.0; WAV PCM 24-bit\n"), "a line break ending a tag: " + printed);
        assertTrue(printed.contains("mixbench info: frame.mp3: ID3v2 frame \\x1b[2J is larger than its tag"),
                printed);
        assertTrue(printed.contains("name\\x1b[2J.wav\n"), printed);
    }
}
