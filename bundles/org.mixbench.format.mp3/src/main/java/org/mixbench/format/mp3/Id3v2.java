package org.mixbench.format.mp3;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.mixbench.api.audio.AudioFormatException;
import org.mixbench.api.audio.Tags;

/**
 * A small, bounded reader of ID3v2.2, 2.3 and 2.4 tags: the text frames Mixbench maps to {@link Tags} and comments.
 * Reading tags of files named by content, not by extension, and bounded against hostile sizes, is why this is not
 * jaudiotagger (which writes our tags). Thread: any.
 */
final class Id3v2 {
    /** Largest tag read for its frames; larger tags are skipped unread. */
    static final int MAX_PARSED = 16 << 20;

    private Id3v2() {
    }

    /** Size of the whole tag including its header (and footer), from the 10-byte header; -1 if not a valid one. */
    static long tagSize(byte[] header) {
        if (header.length < 10 || header[0] != 'I' || header[1] != 'D' || header[2] != '3') {
            return -1;
        }
        if ((header[3] & 0xFF) < 2 || (header[3] & 0xFF) > 4) {
            return -1;
        }
        for (int i = 6; i < 10; i++) {
            if ((header[i] & 0x80) != 0) {
                return -1;
            }
        }
        long size = syncsafe(header, 6);
        return 10 + size + ((header[5] & 0x10) != 0 ? 10 : 0);
    }

    private static int syncsafe(byte[] b, int at) {
        return (b[at] & 0x7F) << 21 | (b[at + 1] & 0x7F) << 14 | (b[at + 2] & 0x7F) << 7 | (b[at + 3] & 0x7F);
    }

    private static int be32(byte[] b, int at) {
        return (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF);
    }

    /** Parses {@code tag} (header included) into {@code tags}. */
    static void parse(byte[] tag, Map<String, String> tags) throws AudioFormatException {
        int version = tag[3] & 0xFF;
        int flags = tag[5] & 0xFF;
        byte[] body = java.util.Arrays.copyOfRange(tag, 10, tag.length);
        if ((flags & 0x80) != 0 && version < 4) {
            body = unsynchronise(body);
        }
        int pos = 0;
        if ((flags & 0x40) != 0 && version >= 3) {
            if (body.length < 4) {
                throw new AudioFormatException("ID3v2 extended header is truncated");
            }
            int extended = version == 4 ? syncsafe(body, 0) : be32(body, 0) + 4;
            if (extended < 0 || extended > body.length) {
                throw new AudioFormatException("ID3v2 extended header size " + extended + " exceeds the tag");
            }
            pos = extended;
        }
        int idLength = version == 2 ? 3 : 4;
        int headerLength = version == 2 ? 6 : 10;
        while (pos + headerLength <= body.length) {
            if (body[pos] == 0) {
                break;
            }
            String id = new String(body, pos, idLength, StandardCharsets.ISO_8859_1);
            int size;
            if (version == 2) {
                size = (body[pos + 3] & 0xFF) << 16 | (body[pos + 4] & 0xFF) << 8 | (body[pos + 5] & 0xFF);
            } else if (version == 3) {
                size = be32(body, pos + 4);
            } else {
                size = syncsafe(body, pos + 4);
            }
            int frameFlags = version == 2 ? 0 : (body[pos + 8] & 0xFF) << 8 | (body[pos + 9] & 0xFF);
            pos += headerLength;
            if (size < 0 || size > body.length - pos) {
                throw new AudioFormatException("ID3v2 frame " + id.strip() + " is larger than its tag");
            }
            boolean plain = version == 2 || (version == 3 ? (frameFlags & 0x00C0) == 0 : (frameFlags & 0x000E) == 0);
            if (plain && size > 0) {
                frame(id, body, pos, size, tags);
            }
            pos += size;
        }
    }

    private static byte[] unsynchronise(byte[] body) {
        byte[] out = new byte[body.length];
        int n = 0;
        for (int i = 0; i < body.length; i++) {
            out[n++] = body[i];
            if ((body[i] & 0xFF) == 0xFF && i + 1 < body.length && body[i + 1] == 0) {
                i++;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    private static void frame(String id, byte[] b, int at, int size, Map<String, String> tags) {
        String key = switch (id) {
            case "TIT2", "TT2" -> Tags.TITLE;
            case "TPE1", "TP1" -> Tags.ARTIST;
            case "TALB", "TAL" -> Tags.ALBUM;
            case "TRCK", "TRK" -> Tags.TRACK;
            case "TYER", "TYE", "TDRC" -> Tags.YEAR;
            case "TSRC", "TRC" -> Tags.ISRC;
            case "COMM", "COM" -> Tags.COMMENT;
            default -> null;
        };
        if (key == null) {
            return;
        }
        int encoding = b[at] & 0xFF;
        int start = at + 1;
        int end = at + size;
        if (key.equals(Tags.COMMENT)) {
            start += 3;
            start = afterTerminator(b, start, end, encoding);
        }
        if (start >= end) {
            return;
        }
        String text = decode(b, start, end, encoding);
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            text = text.substring(0, nul);
        }
        if (!text.isEmpty()) {
            tags.putIfAbsent(key, text);
        }
    }

    private static int afterTerminator(byte[] b, int from, int end, int encoding) {
        boolean wide = encoding == 1 || encoding == 2;
        for (int i = from; i < end; i += wide ? 2 : 1) {
            if (b[i] == 0 && (!wide || (i + 1 < end && b[i + 1] == 0))) {
                return i + (wide ? 2 : 1);
            }
        }
        return end;
    }

    private static String decode(byte[] b, int from, int end, int encoding) {
        Charset charset = switch (encoding) {
            case 1 -> StandardCharsets.UTF_16;
            case 2 -> StandardCharsets.UTF_16BE;
            case 3 -> StandardCharsets.UTF_8;
            default -> StandardCharsets.ISO_8859_1;
        };
        return new String(b, from, end - from, charset);
    }
}
