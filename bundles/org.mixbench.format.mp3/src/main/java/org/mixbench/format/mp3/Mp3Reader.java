package org.mixbench.format.mp3;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mixbench.api.audio.AudioFileInfo;
import org.mixbench.api.audio.AudioFormatException;
import org.mixbench.api.audio.AudioReader;
import org.mixbench.format.pcm.RegularFiles;

import javazoom.jl.decoder.Bitstream;
import javazoom.jl.decoder.BitstreamException;
import javazoom.jl.decoder.Decoder;
import javazoom.jl.decoder.DecoderException;
import javazoom.jl.decoder.Header;
import javazoom.jl.decoder.SampleBuffer;

/**
 * Streams an MP3 file: ID3v2 tags (read by {@link Id3v2}), the Xing/Info frame with the LAME tag when there is one,
 * then frame by frame through JLayer's decoder. With a LAME tag the output is gapless: the encoder delay plus the
 * decoder's 529 samples are dropped at the start and the padding at the end, as LAME and ffmpeg do, so a file
 * decodes to exactly the frames that were encoded. Every failure inside the decoder library becomes an {@link
 * AudioFormatException}. Thread: one reading thread.
 */
final class Mp3Reader implements AudioReader {
    private static final int SEARCH_WINDOW = 1 << 18;
    private static final int DECODER_DELAY = 529;

    private final InputStream in;
    private final AudioFileInfo info;
    private final Bitstream bitstream;
    private EndAwareStream source;
    private final Decoder decoder = new Decoder();
    private final short[] pending = new short[2 * 1152 * 2];
    private final int channels;
    private final long expectedFrames;
    private final long expectedMpegFrames;
    private int pendingFrames;
    private int pendingAt;
    private long toSkip;
    private long delivered;
    private long mpegFrames;
    private boolean ended;

    Mp3Reader(Path file) throws IOException {
        RegularFiles.require(file);
        in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        try {
            List<AudioFileInfo.Chunk> chunks = new ArrayList<>();
            Map<String, String> tags = new LinkedHashMap<>();
            long offset = readTags(chunks, tags);
            in.mark(SEARCH_WINDOW + 8);
            byte[] window = in.readNBytes(SEARCH_WINDOW);
            int first = firstFrame(window);
            if (first < 0) {
                throw new AudioFormatException("no MPEG Layer III audio frame found after byte " + offset);
            }
            MpegFrameHeader header = MpegFrameHeader.parse(window, first, window.length);
            channels = header.channels();
            int xingAt = first + 4 + header.sideInfoLength();
            String mode = "CBR";
            long frames = -1;
            long mpeg = -1;
            int audioStart = first;
            if (xingAt + 8 <= window.length) {
                String id = new String(window, xingAt, 4, StandardCharsets.ISO_8859_1);
                if (id.equals("Xing") || id.equals("Info")) {
                    mode = id.equals("Xing") ? "VBR" : "CBR";
                    chunks.add(new AudioFileInfo.Chunk(id, offset + first, header.frameLength()));
                    int flags = be32(window, xingAt + 4);
                    int at = xingAt + 8;
                    if ((flags & 1) != 0 && at + 4 <= window.length) {
                        mpeg = be32(window, at) & 0xFFFFFFFFL;
                        at += 4;
                    }
                    at += (flags & 2) != 0 ? 4 : 0;
                    at += (flags & 4) != 0 ? 100 : 0;
                    at += (flags & 8) != 0 ? 4 : 0;
                    long delay = -1;
                    long padding = 0;
                    if (at + 24 <= window.length && new String(window, at, 4, StandardCharsets.ISO_8859_1)
                            .equals("LAME")) {
                        int d = (window[at + 21] & 0xFF) << 16 | (window[at + 22] & 0xFF) << 8 | (window[at + 23]
                                & 0xFF);
                        delay = d >>> 12;
                        padding = d & 0xFFF;
                        chunks.add(new AudioFileInfo.Chunk("LAME", offset + at, 36));
                    }
                    if (mpeg >= 0 && delay >= 0) {
                        frames = Math.max(0, mpeg * header.samplesPerFrame() - delay - padding);
                        toSkip = delay + DECODER_DELAY;
                    } else if (mpeg >= 0) {
                        frames = mpeg * header.samplesPerFrame();
                    }
                    audioStart = first + header.frameLength();
                }
            }
            expectedFrames = frames;
            expectedMpegFrames = mpeg;
            in.reset();
            in.skipNBytes(audioStart);
            // JLayer accepts a frame only when another frame header follows it, so it would drop the last frame of
            // every file. A copy of a real header behind the end of the file lets it finish that frame; the
            // incomplete frame it then finds is the end of the stream, not corruption.
            byte[] echo = java.util.Arrays.copyOfRange(window, audioStart + 4 <= window.length ? audioStart : first,
                    (audioStart + 4 <= window.length ? audioStart : first) + 4);
            source = new EndAwareStream(in, audioEnd(file, chunks) - (offset + audioStart));
            bitstream = new Bitstream(new java.io.SequenceInputStream(source, new java.io.ByteArrayInputStream(echo)));
            String encoding = header.versionName() + ", " + ("VBR".equals(mode) ? "VBR" : header.bitrateKbps()
                    + " kbit/s " + mode);
            info = new AudioFileInfo("MP3", encoding, header.sampleRate(), channels, frames, 0, chunks, tags);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    private long readTags(List<AudioFileInfo.Chunk> chunks, Map<String, String> tags) throws IOException {
        long offset = 0;
        while (true) {
            in.mark(10);
            byte[] head = in.readNBytes(10);
            long size = Id3v2.tagSize(head);
            if (size < 0) {
                in.reset();
                return offset;
            }
            chunks.add(new AudioFileInfo.Chunk("ID3v2." + head[3], offset, size));
            long body = size - 10;
            if (size <= Id3v2.MAX_PARSED) {
                byte[] rest = in.readNBytes((int) body);
                if (rest.length < body) {
                    throw new AudioFormatException("the ID3v2 tag at byte " + offset + " is truncated");
                }
                byte[] tag = new byte[(int) size];
                System.arraycopy(head, 0, tag, 0, 10);
                System.arraycopy(rest, 0, tag, 10, rest.length);
                Id3v2.parse(tag, tags);
            } else {
                long skipped = in.skip(body);
                if (skipped < body) {
                    throw new AudioFormatException("the ID3v2 tag at byte " + offset + " is truncated");
                }
            }
            offset += size;
        }
    }

    /** The first Layer III header that is followed by another one (or by the end of the window). */
    static int firstFrame(byte[] window) {
        for (int p = 0; p + 4 <= window.length; p++) {
            if ((window[p] & 0xFF) != 0xFF) {
                continue;
            }
            MpegFrameHeader h = MpegFrameHeader.parse(window, p, window.length);
            if (h == null || h.frameLength() < 24) {
                continue;
            }
            int next = p + h.frameLength();
            if (next == window.length || (next + 4 <= window.length
                    && MpegFrameHeader.parse(window, next, window.length) != null)) {
                return p;
            }
        }
        return -1;
    }

    private static int be32(byte[] b, int at) {
        return (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF);
    }

    @Override
    public AudioFileInfo info() {
        return info;
    }

    private boolean decodeNext() throws IOException {
        try {
            Header header = bitstream.readFrame();
            if (header == null) {
                return false;
            }
            if (header.layer() != 3) {
                throw new AudioFormatException("a Layer " + header.layer() + " frame among Layer III frames, frame "
                        + (mpegFrames + 1));
            }
            SampleBuffer out = (SampleBuffer) decoder.decodeFrame(header, bitstream);
            bitstream.closeFrame();
            if (out.getChannelCount() != channels) {
                throw new AudioFormatException("the channel count changes at frame " + (mpegFrames + 1));
            }
            int length = Math.min(out.getBufferLength(), pending.length);
            System.arraycopy(out.getBuffer(), 0, pending, 0, length);
            pendingFrames = length / channels;
            pendingAt = 0;
            mpegFrames++;
            return true;
        } catch (BitstreamException e) {
            if (source.exhausted) {
                return false;
            }
            throw new AudioFormatException("corrupt MPEG audio in frame " + (mpegFrames + 1) + ": "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse(e.getClass().getSimpleName()));
        } catch (DecoderException | RuntimeException e) {
            throw new AudioFormatException("corrupt MPEG audio in frame " + (mpegFrames + 1) + ": "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse(e.getClass().getSimpleName()));
        }
    }

    @Override
    public int read(float[][] buffers, int offset, int frames) throws IOException {
        while (true) {
            if (ended) {
                return -1;
            }
            if (expectedFrames >= 0 && delivered >= expectedFrames) {
                ended = true;
                return -1;
            }
            if (pendingAt < pendingFrames) {
                if (toSkip > 0) {
                    int skip = (int) Math.min(toSkip, pendingFrames - pendingAt);
                    pendingAt += skip;
                    toSkip -= skip;
                    continue;
                }
                int n = Math.min(frames, pendingFrames - pendingAt);
                if (expectedFrames >= 0) {
                    n = (int) Math.min(n, expectedFrames - delivered);
                }
                for (int c = 0; c < channels; c++) {
                    float[] target = buffers[c];
                    for (int i = 0; i < n; i++) {
                        target[offset + i] = pending[(pendingAt + i) * channels + c] * (1f / 32768f);
                    }
                }
                pendingAt += n;
                delivered += n;
                return n;
            }
            if (!decodeNext()) {
                ended = true;
                if (expectedMpegFrames >= 0 && mpegFrames < expectedMpegFrames) {
                    throw new AudioFormatException("the file ends after " + mpegFrames + " of the "
                            + expectedMpegFrames + " frames its Xing header announces");
                }
                return -1;
            }
        }
    }

    /** Where the audio frames end: before an ID3v1 tag and an APEv2 tag at the end of the file, if any. */
    private static long audioEnd(Path file, List<AudioFileInfo.Chunk> chunks) throws IOException {
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file)) {
            long end = channel.size();
            java.nio.ByteBuffer tail = java.nio.ByteBuffer.allocate(128);
            if (end >= 128 && channel.read(tail, end - 128) == 128 && tail.get(0) == 'T' && tail.get(1) == 'A'
                    && tail.get(2) == 'G') {
                end -= 128;
                chunks.add(new AudioFileInfo.Chunk("ID3v1", end, 128));
            }
            java.nio.ByteBuffer footer = java.nio.ByteBuffer.allocate(32).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            if (end >= 32 && channel.read(footer, end - 32) == 32 && new String(footer.array(), 0, 8,
                    StandardCharsets.ISO_8859_1).equals("APETAGEX")) {
                long size = footer.getInt(12) & 0xFFFFFFFFL;
                boolean header = (footer.getInt(20) & 0x80000000) != 0;
                long total = size + (header ? 32 : 0);
                if (total <= end) {
                    end -= total;
                    chunks.add(new AudioFileInfo.Chunk("APEv2", end, total));
                }
            }
            return end;
        }
    }

    /** Reads the file up to the end of its audio and tells whether it got there. */
    private static final class EndAwareStream extends java.io.FilterInputStream {
        private long remaining;
        boolean exhausted;

        EndAwareStream(InputStream in, long limit) {
            super(in);
            this.remaining = Math.max(0, limit);
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                exhausted = true;
                return -1;
            }
            int b = super.read();
            exhausted |= b < 0;
            remaining--;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (remaining <= 0) {
                exhausted = true;
                return -1;
            }
            int n = super.read(b, off, (int) Math.min(len, remaining));
            if (n < 0) {
                exhausted = true;
            } else {
                remaining -= n;
            }
            return n;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            if (bitstream != null) {
                bitstream.close();
            }
        } catch (BitstreamException e) {
            // closing the stream below is what matters
        }
        in.close();
    }
}
