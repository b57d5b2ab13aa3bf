package org.mixbench.format.wav;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.mixbench.api.audio.AudioFileInfo;
import org.mixbench.api.audio.AudioFormatException;
import org.mixbench.api.audio.Tags;
import org.mixbench.format.pcm.ChannelReads;
import org.mixbench.format.pcm.ChunkText;
import org.mixbench.format.pcm.StreamLimits;

/**
 * Walks the chunks of a RIFF/WAVE, RF64 or BW64 file with positional reads and validates what it finds: the header,
 * ds64, fmt, data, bext and LIST/INFO, wherever they are (chunks after the data chunk are reached by seeking). Every
 * read is bounded before anything is allocated: metadata chunks are read up to {@link #METADATA_LIMIT} bytes, the
 * chunk list up to {@link #MAX_CHUNKS} entries. Bad content is an {@link AudioFormatException} naming the problem and
 * its byte offset. One use, on the reading thread.
 */
final class WavParser {
    /** Chunks a file may hold before it is rejected as absurd. */
    static final int MAX_CHUNKS = 10_000;
    /** Bytes of a bext or LIST chunk that are read; the rest is ignored. */
    static final int METADATA_LIMIT = 1 << 20;
    /** ds64 table entries that are read; more are ignored. */
    static final int MAX_DS64_ENTRIES = 256;

    private static final long U32 = 0xFFFF_FFFFL;
    private static final byte[] GUID_TAIL = {0x00, 0x00, 0x00, 0x00, 0x10, 0x00, (byte) 0x80, 0x00, 0x00,
        (byte) 0xAA, 0x00, 0x38, (byte) 0x9B, 0x71};

    /** What the parser found: enough to describe the file and to stream its samples. */
    record Layout(AudioFileInfo info, SampleFormat sampleFormat, long dataOffset, long frames) {
    }

    private final FileChannel channel;
    private final long fileSize;
    private final ByteBuffer header = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
    private final List<AudioFileInfo.Chunk> chunks = new ArrayList<>();
    private final Map<String, String> tags = new HashMap<>();
    private final Map<String, Long> ds64Sizes = new HashMap<>();
    private String infoTrackFallback;
    private byte[] metadata;

    private WavParser(FileChannel channel) throws IOException {
        this.channel = channel;
        this.fileSize = channel.size();
    }

    /** Parses the file open on {@code channel}. Reading thread. */
    static Layout parse(FileChannel channel) throws IOException {
        return new WavParser(channel).parse();
    }

    private Layout parse() throws IOException {
        int n = read(0, 12);
        if (n < 12) {
            throw new AudioFormatException("the file ends after " + n + " bytes, inside the RIFF header at offset 0");
        }
        String magic = ChunkText.id(header.array(), 0);
        String form = ChunkText.id(header.array(), 8);
        if (magic.equals("RIFX")) {
            throw new AudioFormatException("big-endian RIFX at offset 0 is not supported");
        }
        boolean large = magic.equals("RF64") || magic.equals("BW64");
        if (!large && !magic.equals("RIFF")) {
            throw new AudioFormatException("not a WAV file: offset 0 holds '" + magic + "', not RIFF, RF64 or BW64");
        }
        if (!form.equals("WAVE")) {
            throw new AudioFormatException(magic + " form at offset 8 is '" + form + "', not WAVE");
        }
        long formSize = header.getInt(4) & U32;
        chunks.add(new AudioFileInfo.Chunk(magic, 0, formSize));
        long dataSize64 = -1;
        long pos = 12;
        if (large) {
            dataSize64 = readDs64(magic);
            formSize = ds64Sizes.get("RF64");
            chunks.set(0, new AudioFileInfo.Chunk(magic, 0, formSize));
            pos = 12 + 8 + ((chunks.get(1).size() + 1) & ~1L);
        }
        // A form size that is unset (0, 0xFFFFFFFF) or larger than the file (truncation) leaves the file's end as
        // the limit; a smaller one ends the chunks there, so trailing bytes (an appended ID3 tag) are not chunks.
        long limit = formSize < 4 || formSize > fileSize - 8 ? fileSize : formSize + 8;

        long fmtOffset = -1;
        long fmtSize = 0;
        long dataOffset = -1;
        long dataSize = 0;
        while (pos <= limit - 8) {
            if (read(pos, 8) < 8) {
                break;
            }
            String id = ChunkText.id(header.array(), 0);
            long size = header.getInt(4) & U32;
            if (large && size == U32) {
                Long real = id.equals("data") ? Long.valueOf(dataSize64) : ds64Sizes.get(id);
                if (real == null) {
                    throw new AudioFormatException("chunk '" + id + "' at offset " + pos
                            + " has size 0xFFFFFFFF but the ds64 chunk gives no size for it");
                }
                size = real;
            }
            long payload = pos + 8;
            if (size > fileSize - payload) {
                throw new AudioFormatException((id.equals("data") ? "data chunk" : "chunk '" + id + "'")
                        + " at offset " + pos + " announces " + size + " bytes but the file ends after "
                        + (fileSize - payload));
            }
            if (chunks.size() >= MAX_CHUNKS) {
                throw new AudioFormatException("more than " + MAX_CHUNKS + " chunks: chunk '" + id + "' at offset "
                        + pos);
            }
            chunks.add(new AudioFileInfo.Chunk(id, pos, size));
            switch (id) {
                case "fmt " -> {
                    if (fmtOffset < 0) {
                        fmtOffset = pos;
                        fmtSize = size;
                    }
                }
                case "data" -> {
                    if (dataOffset < 0) {
                        dataOffset = pos;
                        dataSize = size;
                    }
                }
                case "bext" -> {
                    int length = readMetadata(payload, size);
                    Bext.parse(metadata, length, tags);
                }
                case "LIST" -> {
                    int length = readMetadata(payload, size);
                    parseList(length);
                }
                default -> {
                    // skipped: JUNK, fact, cue, iXML and whatever else a file carries
                }
            }
            pos = payload + size + (size & 1);
        }
        if (infoTrackFallback != null) {
            tags.putIfAbsent(Tags.TRACK, infoTrackFallback);
        }
        if (fmtOffset < 0) {
            throw new AudioFormatException("no fmt chunk between offset 12 and the end of the chunks at " + Math.min(
                    pos, limit));
        }
        if (dataOffset < 0) {
            throw new AudioFormatException("no data chunk between offset 12 and the end of the chunks at " + Math.min(
                    pos, limit));
        }
        Fmt fmt = readFmt(fmtOffset, fmtSize);
        long frames = dataSize / fmt.blockAlign;
        AudioFileInfo info = new AudioFileInfo(large ? magic : "WAV", fmt.format.describe(), fmt.sampleRate,
                fmt.channels, frames, fmt.format.validBits(), chunks, tags);
        return new Layout(info, fmt.format, dataOffset + 8, frames);
    }

    /** Reads the ds64 chunk at offset 12 and returns the data size; the form size goes to {@code ds64Sizes}. */
    private long readDs64(String magic) throws IOException {
        if (read(12, 8) < 8 || !ChunkText.id(header.array(), 0).equals("ds64")) {
            throw new AudioFormatException(magic + " file has no ds64 chunk at offset 12");
        }
        long size = header.getInt(4) & U32;
        if (size < 24) {
            throw new AudioFormatException("ds64 chunk at offset 12 is " + size + " bytes, fewer than the 24 it needs");
        }
        if (size > fileSize - 20) {
            throw new AudioFormatException("ds64 chunk at offset 12 announces " + size
                    + " bytes but the file ends after " + Math.max(0, fileSize - 20));
        }
        chunks.add(new AudioFileInfo.Chunk("ds64", 12, size));
        if (read(20, 28) < 24) {
            throw new AudioFormatException("the file ends inside the ds64 chunk at offset 12");
        }
        long riffSize = header.getLong(0);
        long dataSize = header.getLong(8);
        if (riffSize < 0 || dataSize < 0) {
            throw new AudioFormatException("ds64 chunk at offset 12 declares a negative "
                    + (riffSize < 0 ? "RIFF" : "data") + " size");
        }
        ds64Sizes.put("RF64", riffSize);
        if (size >= 28) {
            long entries = Math.min(header.getInt(24) & U32, Math.min(MAX_DS64_ENTRIES, (size - 28) / 12));
            for (int i = 0; i < entries; i++) {
                if (read(48 + 12L * i, 12) < 12) {
                    break;
                }
                long entrySize = header.getLong(4);
                if (entrySize < 0) {
                    throw new AudioFormatException("ds64 chunk at offset 12 declares a negative size for chunk '"
                            + ChunkText.id(header.array(), 0) + "'");
                }
                ds64Sizes.putIfAbsent(ChunkText.id(header.array(), 0), entrySize);
            }
        }
        return dataSize;
    }

    /** The parsed and validated format chunk. */
    private record Fmt(SampleFormat format, int channels, long sampleRate, int blockAlign) {
    }

    private Fmt readFmt(long offset, long size) throws IOException {
        if (size < 16) {
            throw new AudioFormatException("fmt chunk at offset " + offset + " is " + size
                    + " bytes, fewer than 16");
        }
        int n = read(offset + 8, (int) Math.min(size, 40));
        if (n < 16) {
            throw new AudioFormatException("the file ends inside the fmt chunk at offset " + offset);
        }
        ByteBuffer b = header;
        int tag = b.getShort(0) & 0xFFFF;
        int channels = b.getShort(2) & 0xFFFF;
        long rate = b.getInt(4) & U32;
        int blockAlign = b.getShort(12) & 0xFFFF;
        int bits = b.getShort(14) & 0xFFFF;
        String where = "fmt chunk at offset " + offset;
        StreamLimits.checkChannels(channels, where);
        StreamLimits.checkSampleRate(rate, where);
        int validBits = bits;
        boolean extensible = tag == 0xFFFE;
        if (extensible) {
            int cbSize = n >= 18 ? b.getShort(16) & 0xFFFF : 0;
            if (n < 40 || cbSize < 22) {
                throw new AudioFormatException(where + " declares WAVE_FORMAT_EXTENSIBLE but holds only " + size
                        + " bytes with an extension of " + cbSize + ", fewer than 40 and 22");
            }
            int valid = b.getShort(18) & 0xFFFF;
            boolean standard = b.getShort(26) == 0;
            for (int i = 0; i < GUID_TAIL.length; i++) {
                standard &= b.get(26 + i) == GUID_TAIL[i];
            }
            int sub = b.getShort(24) & 0xFFFF;
            if (!standard) {
                StringBuilder guid = new StringBuilder();
                for (int i = 24; i < 40; i++) {
                    guid.append(String.format("%02x", b.get(i) & 0xFF));
                }
                throw new AudioFormatException(where + " has an unsupported WAVE_FORMAT_EXTENSIBLE subformat "
                        + guid);
            }
            tag = sub;
            validBits = valid == 0 ? bits : valid;
            if (tag == 1 && (bits % 8 != 0 || validBits > bits)) {
                throw new AudioFormatException(where + " declares " + validBits + " valid bits in " + bits
                        + "-bit words");
            }
        }
        SampleFormat format;
        if (tag == 1) {
            if (bits < 1 || bits > 32) {
                throw new AudioFormatException(where + " declares PCM of " + bits + " bits, outside 1 to 32");
            }
            format = SampleFormat.pcm((bits + 7) / 8, validBits);
        } else if (tag == 3) {
            if (bits != 32 && bits != 64) {
                throw new AudioFormatException(where + " declares IEEE float of " + bits + " bits, not 32 or 64");
            }
            format = SampleFormat.ieeeFloat(bits / 8);
        } else {
            String name = encodingName(tag);
            throw new AudioFormatException(String.format("unsupported WAV encoding 0x%04X%s%s", tag,
                    name.isEmpty() ? "" : " (" + name + ")", extensible ? " in WAVE_FORMAT_EXTENSIBLE" : ""));
        }
        int needed = channels * format.bytesPerSample();
        if (blockAlign != needed) {
            throw new AudioFormatException(where + " declares block align " + blockAlign + " but " + channels
                    + " channels of " + format.bytesPerSample() * 8 + "-bit samples need " + needed);
        }
        return new Fmt(format, channels, rate, blockAlign);
    }

    /** Names of the WAV encodings a user may meet, for the message that refuses them. */
    static String encodingName(int tag) {
        return switch (tag) {
            case 0x0000 -> "unknown";
            case 0x0002 -> "MS ADPCM";
            case 0x0006 -> "A-law";
            case 0x0007 -> "mu-law";
            case 0x0011 -> "IMA ADPCM";
            case 0x0022 -> "TrueSpeech";
            case 0x0031 -> "GSM 6.10";
            case 0x0050 -> "MPEG";
            case 0x0055 -> "MPEG Layer III";
            case 0x00FF -> "AAC";
            case 0x0160, 0x0161, 0x0162, 0x0163 -> "Windows Media Audio";
            case 0x2000 -> "AC-3";
            case 0x2001 -> "DTS";
            case 0x674F, 0x6750, 0x6751, 0x676F, 0x6770, 0x6771 -> "Ogg Vorbis";
            case 0xF1AC -> "FLAC";
            default -> "";
        };
    }

    /** Reads up to {@link #METADATA_LIMIT} bytes of a metadata payload into {@link #metadata}; returns the count. */
    private int readMetadata(long payload, long size) throws IOException {
        int length = (int) Math.min(size, METADATA_LIMIT);
        if (metadata == null || metadata.length < length) {
            metadata = new byte[Math.max(length, 1024)];
        }
        return ChannelReads.readAt(channel, ByteBuffer.wrap(metadata, 0, length), payload);
    }

    /** Maps the INFO entries of a LIST payload in {@link #metadata} to tags; other LIST types are ignored. */
    private void parseList(int length) {
        if (length < 4 || !ChunkText.id(metadata, 0).equals("INFO")) {
            return;
        }
        ByteBuffer in = ByteBuffer.wrap(metadata, 0, length).order(ByteOrder.LITTLE_ENDIAN);
        int p = 4;
        while (p <= length - 8) {
            String id = ChunkText.id(metadata, p);
            long size = in.getInt(p + 4) & U32;
            int text = p + 8;
            int n = (int) Math.min(size, length - text);
            String value = ChunkText.decode(metadata, text, n);
            if (!value.isEmpty()) {
                if (id.equals("IPRT")) {
                    infoTrackFallback = value;
                } else {
                    String key = RiffText.INFO_TO_TAG.get(id);
                    if (key != null) {
                        tags.put(key, value);
                    }
                }
            }
            if (size > length - text) {
                break;
            }
            p = text + (int) size + (int) (size & 1);
        }
    }

    /** Reads up to {@code length} (at most 64) bytes at {@code pos} into {@link #header}; returns the count read. */
    private int read(long pos, int length) throws IOException {
        header.clear().limit(length);
        int n = ChannelReads.readAt(channel, header, pos);
        header.clear();
        return n;
    }
}
