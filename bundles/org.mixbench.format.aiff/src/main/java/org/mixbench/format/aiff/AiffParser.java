package org.mixbench.format.aiff;

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
 * Walks the chunks of a FORM/AIFF or FORM/AIFC file with positional reads and validates what it finds: COMM (with
 * its 80-bit sample rate and, for AIFF-C, the compression type), SSND (offset and block size), and the text chunks
 * NAME, AUTH, ANNO and {@code (c) }, in any order. Every read is bounded before anything is allocated: text chunks
 * are read up to {@link #TEXT_LIMIT} bytes, the chunk list up to {@link #MAX_CHUNKS} entries. Bad content is an
 * {@link AudioFormatException} naming the problem and its byte offset. One use, on the reading thread.
 */
final class AiffParser {
    /** Chunks a file may hold before it is rejected as absurd. */
    static final int MAX_CHUNKS = 10_000;
    /** Bytes of a text chunk that are read; the rest is ignored. */
    static final int TEXT_LIMIT = 64 * 1024;

    private static final long U32 = 0xFFFF_FFFFL;

    /** What the parser found: enough to describe the file and to stream its samples. */
    record Layout(AudioFileInfo info, AiffSampleFormat sampleFormat, long dataOffset, long frames) {
    }

    private final FileChannel channel;
    private final long fileSize;
    private final ByteBuffer header = ByteBuffer.allocate(64).order(ByteOrder.BIG_ENDIAN);
    private final List<AudioFileInfo.Chunk> chunks = new ArrayList<>();
    private final Map<String, String> tags = new HashMap<>();
    private byte[] text;

    private AiffParser(FileChannel channel) throws IOException {
        this.channel = channel;
        this.fileSize = channel.size();
    }

    /** Parses the file open on {@code channel}. Reading thread. */
    static Layout parse(FileChannel channel) throws IOException {
        return new AiffParser(channel).parse();
    }

    private Layout parse() throws IOException {
        int n = read(0, 12);
        if (n < 12) {
            throw new AudioFormatException("the file ends after " + n + " bytes, inside the FORM header at offset 0");
        }
        String magic = ChunkText.id(header.array(), 0);
        String type = ChunkText.id(header.array(), 8);
        if (!magic.equals("FORM")) {
            throw new AudioFormatException("not an AIFF file: offset 0 holds '" + magic + "', not FORM");
        }
        boolean aifc = type.equals("AIFC");
        if (!aifc && !type.equals("AIFF")) {
            throw new AudioFormatException("FORM at offset 8 is of type '" + type + "', not AIFF or AIFC");
        }
        long formSize = header.getInt(4) & U32;
        chunks.add(new AudioFileInfo.Chunk("FORM", 0, formSize));
        // A form size that is unset or larger than the file (truncation) leaves the file's end as the limit; a
        // smaller one ends the chunks there, so trailing bytes are not taken for chunks.
        long limit = formSize < 4 || formSize > fileSize - 8 ? fileSize : formSize + 8;
        long commOffset = -1;
        long commSize = 0;
        long ssndOffset = -1;
        long ssndSize = 0;
        long pos = 12;
        while (pos <= limit - 8) {
            if (read(pos, 8) < 8) {
                break;
            }
            String id = ChunkText.id(header.array(), 0);
            long size = header.getInt(4) & U32;
            long payload = pos + 8;
            if (size > fileSize - payload) {
                throw new AudioFormatException(id + " chunk at offset " + pos + " announces " + size
                        + " bytes but the file ends after " + (fileSize - payload));
            }
            if (chunks.size() >= MAX_CHUNKS) {
                throw new AudioFormatException("more than " + MAX_CHUNKS + " chunks: " + id + " chunk at offset "
                        + pos);
            }
            chunks.add(new AudioFileInfo.Chunk(id, pos, size));
            switch (id) {
                case "COMM" -> {
                    if (commOffset < 0) {
                        commOffset = pos;
                        commSize = size;
                    }
                }
                case "SSND" -> {
                    if (ssndOffset < 0) {
                        ssndOffset = pos;
                        ssndSize = size;
                    }
                }
                case "NAME" -> tags.put(Tags.TITLE, readText(payload, size));
                case "AUTH" -> tags.put(Tags.ARTIST, readText(payload, size));
                case "(c) " -> tags.put("copyright", readText(payload, size));
                case "ANNO" -> tags.merge(Tags.COMMENT, readText(payload, size), (a, b) -> a + "\n" + b);
                default -> {
                    // skipped: FVER, MARK, INST, COMT, APPL, ID3 and whatever else a file carries
                }
            }
            pos = payload + size + (size & 1);
        }
        tags.values().removeIf(String::isEmpty);
        if (commOffset < 0) {
            throw new AudioFormatException("no COMM chunk between offset 12 and the end of the chunks at "
                    + Math.min(pos, limit));
        }
        String where = "COMM chunk at offset " + commOffset;
        int need = aifc ? 22 : 18;
        if (commSize < need) {
            throw new AudioFormatException(where + " is " + commSize + " bytes, fewer than the " + need + " an "
                    + (aifc ? "AIFF-C" : "AIFF") + " COMM needs");
        }
        if (read(commOffset + 8, need) < need) {
            throw new AudioFormatException("the file ends inside the COMM chunk at offset " + commOffset);
        }
        int channels = header.getShort(0);
        long frames = header.getInt(2) & U32;
        int sampleSize = header.getShort(6);
        double rate = Extended.toDouble(header.array(), 8);
        StreamLimits.checkChannels(channels, where);
        StreamLimits.checkSampleRate(rate, where);
        String compression = aifc ? ChunkText.id(header.array(), 18) : "NONE";
        AiffSampleFormat format = switch (compression) {
            case "NONE", "twos", "sowt" -> {
                if (sampleSize < 1 || sampleSize > 32) {
                    throw new AudioFormatException(where + " declares samples of " + sampleSize
                            + " bits, outside 1 to 32");
                }
                yield AiffSampleFormat.pcm(sampleSize, compression.equals("sowt"));
            }
            case "fl32", "FL32" -> AiffSampleFormat.ieeeFloat(4);
            case "fl64", "FL64" -> AiffSampleFormat.ieeeFloat(8);
            default -> throw new AudioFormatException("unsupported AIFF-C compression '" + compression + "'");
        };
        long frameBytes = (long) channels * format.bytesPerSample();
        long dataOffset = 0;
        if (ssndOffset < 0) {
            if (frames > 0) {
                throw new AudioFormatException("no SSND chunk for the " + frames + " frames that " + where
                        + " announces");
            }
        } else {
            String ssnd = "SSND chunk at offset " + ssndOffset;
            if (ssndSize < 8 || read(ssndOffset + 8, 8) < 8) {
                throw new AudioFormatException(ssnd + " is " + ssndSize + " bytes, fewer than 8");
            }
            long offset = header.getInt(0) & U32;
            if (offset > ssndSize - 8) {
                throw new AudioFormatException(ssnd + " declares a data offset of " + offset + " in its "
                        + (ssndSize - 8) + " bytes of samples");
            }
            long available = ssndSize - 8 - offset;
            if (frames * frameBytes > available) {
                throw new AudioFormatException(ssnd + " holds " + available + " bytes of samples but " + where
                        + " announces " + frames + " frames of " + frameBytes + " bytes");
            }
            dataOffset = ssndOffset + 16 + offset;
        }
        AudioFileInfo info = new AudioFileInfo(aifc ? "AIFF-C" : "AIFF", format.describe()
                + (aifc ? " (" + compression + ")" : ""), rate, channels, frames, format.bits(), chunks, tags);
        return new Layout(info, format, dataOffset, frames);
    }

    /** Reads up to {@link #TEXT_LIMIT} bytes of a text chunk and decodes them. */
    private String readText(long payload, long size) throws IOException {
        int length = (int) Math.min(size, TEXT_LIMIT);
        if (text == null || text.length < length) {
            text = new byte[Math.max(length, 256)];
        }
        int n = ChannelReads.readAt(channel, ByteBuffer.wrap(text, 0, length), payload);
        return ChunkText.decode(text, 0, n);
    }

    /** Reads up to {@code length} (at most 64) bytes at {@code pos} into {@link #header}; returns the count read. */
    private int read(long pos, int length) throws IOException {
        header.clear().limit(length);
        int n = ChannelReads.readAt(channel, header, pos);
        header.clear();
        return n;
    }
}
