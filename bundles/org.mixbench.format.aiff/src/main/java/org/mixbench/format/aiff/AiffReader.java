package org.mixbench.format.aiff;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

import org.mixbench.api.audio.AudioFileInfo;
import org.mixbench.api.audio.AudioFormatException;
import org.mixbench.api.audio.AudioReader;

/**
 * Streams the samples of an AIFF or AIFF-C file through one 64 KiB buffer (or one frame of up to 256 KiB, if a
 * frame is larger), whatever the file's length, with
 * positional reads on a {@link FileChannel}. The header is parsed and validated when the reader opens
 * ({@link AiffParser}); an SSND chunk that ends before the samples COMM announced is refused there, and a file that
 * shrinks while it is read is an {@link AudioFormatException} when reading reaches the missing part. One reading
 * thread at a time.
 */
final class AiffReader implements AudioReader {
    /** Bytes of sample data read at a time (or one frame, if a frame is larger). */
    static final int BUFFER_BYTES = 64 * 1024;

    private final FileChannel channel;
    private final AudioFileInfo info;
    private final AiffSampleFormat format;
    private final int channels;
    private final int blockAlign;
    private final long dataOffset;
    private final long dataEnd;
    private final byte[] bytes;
    private final ByteBuffer buffer;
    private long position;
    private long remaining;

    private AiffReader(FileChannel channel, AiffParser.Layout layout) {
        this.channel = channel;
        this.info = layout.info();
        this.format = layout.sampleFormat();
        this.channels = info.channels();
        this.blockAlign = channels * format.bytes();
        this.dataOffset = layout.dataOffset();
        this.dataEnd = dataOffset + layout.frames() * blockAlign;
        this.bytes = new byte[Math.max(BUFFER_BYTES, blockAlign)];
        this.buffer = ByteBuffer.wrap(bytes);
        this.position = dataOffset;
        this.remaining = layout.frames();
    }

    /** Opens and parses {@code file}; bad content is an {@link AudioFormatException}. Reading thread. */
    static AiffReader open(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            return new AiffReader(channel, AiffParser.parse(channel));
        } catch (IOException | RuntimeException | Error e) {
            try {
                channel.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /** What the file holds, as parsed when it opened. Any thread. */
    @Override
    public AudioFileInfo info() {
        return info;
    }

    /**
     * Reads up to {@code frames} frames (at most what the 64 KiB buffer holds at once) into
     * {@code buffers[c][offset ...]}; -1 at the end of the data. Reading thread; allocates nothing.
     */
    @Override
    public int read(float[][] buffers, int offset, int frames) throws IOException {
        if (!channel.isOpen()) {
            throw new IOException("the reader is closed");
        }
        Objects.checkFromIndexSize(offset, frames, Integer.MAX_VALUE);
        if (buffers.length < channels) {
            throw new IllegalArgumentException(buffers.length + " buffers for " + channels + " channels");
        }
        if (remaining == 0) {
            return -1;
        }
        int n = (int) Math.min(Math.min(frames, remaining), bytes.length / blockAlign);
        if (n == 0) {
            return 0;
        }
        for (int c = 0; c < channels; c++) {
            Objects.checkFromIndexSize(offset, n, buffers[c].length);
        }
        int length = n * blockAlign;
        buffer.clear().limit(length);
        long p = position;
        while (buffer.hasRemaining()) {
            int r = channel.read(buffer, p);
            if (r < 0) {
                throw new AudioFormatException("the file ends at byte " + p + ", inside the " + (dataEnd - dataOffset)
                        + " bytes of samples that start at offset " + dataOffset);
            }
            p += r;
        }
        format.decode(bytes, n, channels, buffers, offset);
        position = p;
        remaining -= n;
        return n;
    }

    /** Closes the file. Reading thread. */
    @Override
    public void close() throws IOException {
        channel.close();
    }
}
