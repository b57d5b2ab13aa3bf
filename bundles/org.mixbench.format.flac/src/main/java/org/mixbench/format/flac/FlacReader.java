package org.mixbench.format.flac;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.mixbench.api.audio.AudioFileInfo;
import org.mixbench.api.audio.AudioFormatException;
import org.mixbench.api.audio.AudioReader;
import org.mixbench.api.audio.Tags;
import org.mixbench.format.pcm.RegularFiles;
import org.mixbench.format.pcm.StreamLimits;

/**
 * Streams a FLAC file: metadata blocks (STREAMINFO, VORBIS_COMMENT for tags, the rest listed and skipped), then
 * frame by frame through {@link FrameDecoder}, in constant memory. Every bit depth from 4 to 32 and every block
 * size up to 65535 that the format allows is decoded; frame CRCs are checked; a file that ends before the sample
 * count STREAMINFO announces is an {@link AudioFormatException}. Thread: one reading thread.
 */
final class FlacReader implements AudioReader {
    private static final String[] BLOCK_NAMES = {"STREAMINFO", "PADDING", "APPLICATION", "SEEKTABLE",
        "VORBIS_COMMENT", "CUESHEET", "PICTURE"};
    private static final int MAX_COMMENT_BLOCK = 16 << 20;

    private final InputStream stream;
    private final BitInput in;
    private final AudioFileInfo info;
    private final FlacStreamInfo streamInfo;
    private final FrameDecoder decoder;
    private final float scale;
    private int cursor;
    private long delivered;
    private boolean ended;

    FlacReader(Path file) throws IOException {
        RegularFiles.require(file);
        stream = Files.newInputStream(file);
        try {
            in = new BitInput(stream);
            List<AudioFileInfo.Chunk> chunks = new ArrayList<>();
            Map<String, String> tags = new LinkedHashMap<>();
            long markerAt = in.byteOffset();
            int magic = in.readBits(32);
            if ((magic >>> 8) == 0x494433) {
                // Some taggers put an ID3v2 tag before the fLaC marker; it is not part of FLAC, so skip it.
                in.readBits(8);
                int flags = in.readBits(8);
                int raw = in.readBits(32);
                if ((raw & 0x80808080) != 0) {
                    throw new AudioFormatException("invalid ID3v2 tag size before the fLaC marker");
                }
                int size = (raw & 0x7F) | (raw >> 8 & 0x7F) << 7 | (raw >> 16 & 0x7F) << 14 | (raw >> 24 & 0x7F) << 21;
                size += (flags & 0x10) != 0 ? 10 : 0;
                chunks.add(new AudioFileInfo.Chunk("ID3v2", markerAt, size));
                in.skipBytes(size);
                markerAt = in.byteOffset();
                magic = in.readBits(32);
            }
            if (magic != 0x664C6143) {
                throw new AudioFormatException("no fLaC marker at byte " + markerAt);
            }
            FlacStreamInfo si = null;
            boolean last = false;
            while (!last) {
                long at = in.byteOffset();
                last = in.readBits(1) == 1;
                int type = in.readBits(7);
                int length = in.readBits(24);
                String name = type < BLOCK_NAMES.length ? BLOCK_NAMES[type] : "BLOCK" + type;
                chunks.add(new AudioFileInfo.Chunk(name, at, length));
                if (type == 127) {
                    throw new AudioFormatException("invalid metadata block type 127 at byte " + at);
                }
                if (si == null && type != 0) {
                    throw new AudioFormatException("the first metadata block at byte " + at + " is " + name
                            + ", not STREAMINFO");
                }
                if (type == 0) {
                    if (si != null) {
                        throw new AudioFormatException("a second STREAMINFO block at byte " + at);
                    }
                    if (length != 34) {
                        throw new AudioFormatException("STREAMINFO at byte " + at + " is " + length
                                + " bytes long, not 34");
                    }
                    si = streamInfo(at);
                } else if (type == 4) {
                    if (length > MAX_COMMENT_BLOCK) {
                        throw new AudioFormatException("VORBIS_COMMENT at byte " + at + " is implausibly large ("
                                + length + " bytes)");
                    }
                    comments(in.readBytes(length), at, tags);
                } else {
                    in.skipBytes(length);
                }
            }
            streamInfo = si;
            String encoding = "FLAC " + si.bitsPerSample() + "-bit";
            info = new AudioFileInfo("FLAC", encoding, si.sampleRate(), si.channels(),
                    si.totalSamples() == 0 ? -1 : si.totalSamples(), si.bitsPerSample(), chunks, tags);
            decoder = new FrameDecoder(in, si);
            scale = (float) Math.scalb(1.0, -(si.bitsPerSample() - 1));
        } catch (IOException | RuntimeException e) {
            stream.close();
            throw e;
        }
    }

    private FlacStreamInfo streamInfo(long at) throws IOException {
        int minBlock = in.readBits(16);
        int maxBlock = in.readBits(16);
        in.readBits(24);
        in.readBits(24);
        int rate = in.readBits(20);
        int channels = in.readBits(3) + 1;
        int bits = in.readBits(5) + 1;
        long total = ((long) in.readBits(4) << 32) | (in.readBits(32) & 0xFFFFFFFFL);
        in.skipBytes(16);
        StreamLimits.checkSampleRate(rate, "STREAMINFO at byte " + at);
        if (bits < 4) {
            throw new AudioFormatException("STREAMINFO at byte " + at + " declares " + bits + " bits per sample");
        }
        if (maxBlock < 16 || minBlock < 16 || minBlock > maxBlock) {
            throw new AudioFormatException("STREAMINFO at byte " + at + " declares block sizes " + minBlock + ".."
                    + maxBlock);
        }
        return new FlacStreamInfo(minBlock, maxBlock, rate, channels, bits, total);
    }

    private static int le32(byte[] b, int at, long blockAt) throws AudioFormatException {
        if (at + 4 > b.length) {
            throw new AudioFormatException("VORBIS_COMMENT at byte " + blockAt + " is truncated");
        }
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16 | (b[at + 3] & 0xFF) << 24;
    }

    static void comments(byte[] block, long blockAt, Map<String, String> tags) throws AudioFormatException {
        int vendor = le32(block, 0, blockAt);
        if (vendor < 0 || 4L + vendor + 4 > block.length) {
            throw new AudioFormatException("VORBIS_COMMENT at byte " + blockAt + " has a bad vendor length");
        }
        int pos = 4 + vendor;
        int count = le32(block, pos, blockAt);
        pos += 4;
        if (count < 0 || count > block.length / 4) {
            throw new AudioFormatException("VORBIS_COMMENT at byte " + blockAt + " announces " + count
                    + " comments");
        }
        for (int i = 0; i < count; i++) {
            int length = le32(block, pos, blockAt);
            pos += 4;
            if (length < 0 || pos + (long) length > block.length) {
                throw new AudioFormatException("comment " + i + " of VORBIS_COMMENT at byte " + blockAt
                        + " runs past the block");
            }
            String entry = new String(block, pos, length, StandardCharsets.UTF_8);
            pos += length;
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String key = entry.substring(0, eq).toUpperCase(Locale.ROOT);
            String value = entry.substring(eq + 1);
            String mapped = switch (key) {
                case "TITLE" -> Tags.TITLE;
                case "ARTIST" -> Tags.ARTIST;
                case "ALBUM" -> Tags.ALBUM;
                case "TRACKNUMBER" -> Tags.TRACK;
                case "DATE", "YEAR" -> Tags.YEAR;
                case "ISRC" -> Tags.ISRC;
                case "COMMENT", "DESCRIPTION" -> Tags.COMMENT;
                default -> key.toLowerCase(Locale.ROOT);
            };
            tags.putIfAbsent(mapped, value);
        }
    }

    @Override
    public AudioFileInfo info() {
        return info;
    }

    @Override
    public int read(float[][] buffers, int offset, int frames) throws IOException {
        if (ended) {
            return -1;
        }
        while (cursor >= decoder.blockSize()) {
            if (!decoder.next()) {
                ended = true;
                long total = streamInfo.totalSamples();
                if (total > 0 && delivered < total) {
                    throw new AudioFormatException("the file ends after " + delivered + " of the " + total
                            + " samples STREAMINFO announces");
                }
                return -1;
            }
            cursor = 0;
        }
        int available = decoder.blockSize() - cursor;
        long total = streamInfo.totalSamples();
        if (total > 0) {
            available = (int) Math.min(available, total - delivered);
            if (available <= 0) {
                ended = true;
                return -1;
            }
        }
        int n = Math.min(frames, available);
        long[][] samples = decoder.samples();
        for (int c = 0; c < info.channels(); c++) {
            long[] source = samples[c];
            float[] target = buffers[c];
            for (int i = 0; i < n; i++) {
                target[offset + i] = source[cursor + i] * scale;
            }
        }
        cursor += n;
        delivered += n;
        return n;
    }

    @Override
    public void close() throws IOException {
        stream.close();
    }
}
