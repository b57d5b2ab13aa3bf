package org.mixbench.format.wav;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

import org.mixbench.api.audio.Tags;
import org.mixbench.format.pcm.ChunkText;

/**
 * The Broadcast Wave Format {@code bext} chunk (EBU Tech 3285, versions 0 to 2): its fields as tags with keys
 * {@code bwf.*} on read, and the chunk the exporter writes. The fixed part is 602 bytes; the coding history (EBU
 * R98 lines ending in CR LF) follows. Stateless; any thread.
 */
final class Bext {
    /** Bytes of the fixed part before the coding history. */
    static final int FIXED = 602;
    /** The value a version 2 loudness field holds when it is not set. */
    static final short UNSET_LOUDNESS = 0x7FFF;

    static final String DESCRIPTION = "bwf.description";
    static final String ORIGINATOR = "bwf.originator";
    static final String ORIGINATOR_REFERENCE = "bwf.originator_reference";
    static final String ORIGINATION_DATE = "bwf.origination_date";
    static final String ORIGINATION_TIME = "bwf.origination_time";
    static final String TIME_REFERENCE = "bwf.time_reference";
    static final String VERSION = "bwf.version";
    static final String UMID = "bwf.umid";
    static final String CODING_HISTORY = "bwf.coding_history";
    /** Version 2 loudness keys, in the order of their fields, each in LUFS, LU or dBTP with two decimals. */
    static final String[] LOUDNESS = {"bwf.loudness_value", "bwf.loudness_range", "bwf.max_true_peak_level",
        "bwf.max_momentary_loudness", "bwf.max_short_term_loudness"};

    private static final int LOUDNESS_AT = 412;

    private Bext() {
    }

    /** Adds the fields of the bext payload {@code b[0 .. length)} to {@code tags}; fields it lacks are left out. */
    static void parse(byte[] b, int length, Map<String, String> tags) {
        text(b, length, 0, 256, DESCRIPTION, tags);
        text(b, length, 256, 32, ORIGINATOR, tags);
        text(b, length, 288, 32, ORIGINATOR_REFERENCE, tags);
        text(b, length, 320, 10, ORIGINATION_DATE, tags);
        text(b, length, 330, 8, ORIGINATION_TIME, tags);
        ByteBuffer in = ByteBuffer.wrap(b, 0, length).order(ByteOrder.LITTLE_ENDIAN);
        if (length >= 346) {
            tags.put(TIME_REFERENCE, Long.toUnsignedString(in.getLong(338)));
        }
        if (length < 348) {
            return;
        }
        int version = in.getShort(346) & 0xFFFF;
        tags.put(VERSION, Integer.toString(version));
        if (length >= 412) {
            boolean any = false;
            for (int i = 348; i < 412; i++) {
                any |= b[i] != 0;
            }
            if (any) {
                tags.put(UMID, HexFormat.of().formatHex(b, 348, 412));
            }
        }
        if (version >= 2 && length >= LOUDNESS_AT + 10) {
            for (int k = 0; k < LOUDNESS.length; k++) {
                short v = in.getShort(LOUDNESS_AT + 2 * k);
                if (v != UNSET_LOUDNESS) {
                    tags.put(LOUDNESS[k], String.format(Locale.ROOT, "%.2f", v / 100.0));
                }
            }
        }
        if (length > FIXED) {
            text(b, length, FIXED, length - FIXED, CODING_HISTORY, tags);
        }
    }

    private static void text(byte[] b, int length, int at, int size, String key, Map<String, String> tags) {
        if (length >= at + size) {
            String value = ChunkText.decode(b, at, size);
            if (!value.isEmpty()) {
                tags.put(key, value);
            }
        }
    }

    /**
     * The payload of the bext chunk the exporter writes: description from {@code bwf.description}, else the comment,
     * else the title; originator {@code "Mixbench"}; origination date and time {@code now}; time reference 0; the
     * given coding history followed by {@code codingLine}; every field overridable by its {@code bwf.*} tag. Version 2
     * when a loudness tag is given, else 1. Text longer than its field is cut at a character boundary; a numeric
     * {@code bwf.*} value (time reference, version, UMID, loudness) that does not parse or fit is an
     * {@link IllegalArgumentException} naming the tag. Export thread.
     */
    static byte[] build(Map<String, String> tags, String codingLine, LocalDateTime now) {
        String description = tags.getOrDefault(DESCRIPTION,
                tags.getOrDefault(Tags.COMMENT, tags.getOrDefault(Tags.TITLE, "")));
        String history = tags.getOrDefault(CODING_HISTORY, "");
        if (!history.isEmpty() && !history.endsWith("\r\n")) {
            history = history.endsWith("\n") ? history.substring(0, history.length() - 1) + "\r\n" : history + "\r\n";
        }
        byte[] historyBytes = (history + codingLine + "\r\n").getBytes(StandardCharsets.UTF_8);
        boolean loudness = false;
        for (String key : LOUDNESS) {
            loudness |= tags.containsKey(key);
        }
        int version = tags.containsKey(VERSION) ? parseInt(tags, VERSION, 0, 0xFFFF) : loudness ? 2 : 1;
        ByteBuffer out = ByteBuffer.allocate(FIXED + historyBytes.length).order(ByteOrder.LITTLE_ENDIAN);
        put(out, 0, 256, description);
        put(out, 256, 32, tags.getOrDefault(ORIGINATOR, "Mixbench"));
        put(out, 288, 32, tags.getOrDefault(ORIGINATOR_REFERENCE, ""));
        put(out, 320, 10, tags.getOrDefault(ORIGINATION_DATE, now.format(DateTimeFormatter.ISO_LOCAL_DATE)));
        put(out, 330, 8, tags.getOrDefault(ORIGINATION_TIME,
                now.format(DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT))));
        String reference = tags.getOrDefault(TIME_REFERENCE, "0");
        try {
            out.putLong(338, Long.parseUnsignedLong(reference.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("tag " + TIME_REFERENCE + " must be a count of samples: " + reference);
        }
        out.putShort(346, (short) version);
        String umid = tags.get(UMID);
        if (umid != null) {
            byte[] bytes = null;
            try {
                bytes = HexFormat.of().parseHex(umid.trim());
            } catch (IllegalArgumentException e) {
                // reported below
            }
            if (bytes == null || bytes.length > 64) {
                throw new IllegalArgumentException("tag " + UMID + " must be at most 64 bytes in hex: " + umid);
            }
            out.put(348, bytes);
        }
        for (int k = 0; k < LOUDNESS.length; k++) {
            short value = UNSET_LOUDNESS;
            String text = tags.get(LOUDNESS[k]);
            if (text != null) {
                try {
                    double v = Math.rint(Double.parseDouble(text.trim()) * 100);
                    if (!(v >= Short.MIN_VALUE && v < UNSET_LOUDNESS)) {
                        throw new NumberFormatException();
                    }
                    value = (short) v;
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("tag " + LOUDNESS[k] + " must be a number from -327.68 to"
                            + " 327.66: " + text);
                }
            }
            out.putShort(LOUDNESS_AT + 2 * k, value);
        }
        out.put(FIXED, historyBytes);
        return out.array();
    }

    private static int parseInt(Map<String, String> tags, String key, int min, int max) {
        String text = tags.get(key);
        try {
            int v = Integer.parseInt(text.trim());
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("tag " + key + " must be a whole number from " + min + " to " + max
                + ": " + text);
    }

    /** Writes {@code text} in UTF-8 into the field, cut at a character boundary if it is too long; NULs pad it. */
    private static void put(ByteBuffer out, int at, int size, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        int n = Math.min(bytes.length, size);
        while (n < bytes.length && n > 0 && (bytes[n] & 0xC0) == 0x80) {
            n--;
        }
        out.put(at, bytes, 0, n);
    }
}
