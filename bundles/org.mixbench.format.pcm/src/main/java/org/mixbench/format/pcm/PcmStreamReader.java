package org.mixbench.format.pcm;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

import org.mixbench.api.audio.AudioFileInfo;
import org.mixbench.api.audio.AudioFormatException;
import org.mixbench.api.audio.AudioReader;
import org.osgi.annotation.versioning.ConsumerType;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Streams the interleaved samples of one data chunk (a WAV {@code data} chunk, an AIFF {@code SSND} chunk) through
 * one 64 KiB buffer (or one frame, if a frame is larger), whatever the file's length, with positional reads on a
 * {@link FileChannel}. The format parses and validates its header before it makes the reader, and says where the
 * samples are, how many frames there are and how they decode ({@link SampleDecoder}); a file that shrinks while it
 * is read is an {@link AudioFormatException} with the format's own message ({@link TruncationMessage}) when reading
 * reaches the missing part. Bytes after the announced frames (a partial frame, padding) are not read.
 *
 * <p>Made and used on the reading thread, one reading thread at a time; {@link #info()} from any thread.
 */
@ProviderType
public final class PcmStreamReader implements AudioReader {
    /** Bytes of sample data read at a time (or one frame, if a frame is larger). */
    public static final int BUFFER_BYTES = 64 * 1024;

    /**
     * Parses the header of a file open on a channel and makes the reader for it: what a format passes to
     * {@link PcmStreamReader#open}. Called once, on the reading thread.
     */
    @ConsumerType
    @FunctionalInterface
    public interface Opener {
        /** Parses the file on {@code channel} (bad content is an {@link AudioFormatException}) and makes its reader. */
        PcmStreamReader open(FileChannel channel) throws IOException;
    }

    /**
     * The one-line message for a file that ends inside its samples, worded by the format. Called on the reading
     * thread, only when the file turns out shorter than its header said.
     */
    @ConsumerType
    @FunctionalInterface
    public interface TruncationMessage {
        /**
         * The message for a file that ends at byte {@code end}, inside the {@code dataBytes} bytes of samples that
         * start at {@code dataOffset}. Reading thread.
         */
        String describe(long end, long dataOffset, long dataBytes);
    }

    private final FileChannel channel;
    private final AudioFileInfo info;
    private final SampleDecoder decoder;
    private final TruncationMessage truncation;
    private final int channels;
    private final int blockAlign;
    private final long dataOffset;
    private final long dataBytes;
    private final byte[] bytes;
    private final ByteBuffer buffer;
    private long position;
    private long remaining;

    /**
     * A reader of the {@code frames} frames at {@code dataOffset} of the file open on {@code channel}, decoded by
     * {@code decoder} into {@code info.channels()} channels; {@code truncation} words the error for a file that ends
     * early. The reader owns the channel from here: {@link #close()} closes it. Reading thread.
     */
    public PcmStreamReader(FileChannel channel, AudioFileInfo info, SampleDecoder decoder, long dataOffset,
            long frames, TruncationMessage truncation) {
        this.channel = Objects.requireNonNull(channel, "channel");
        this.info = Objects.requireNonNull(info, "info");
        this.decoder = Objects.requireNonNull(decoder, "decoder");
        this.truncation = Objects.requireNonNull(truncation, "truncation");
        if (dataOffset < 0 || frames < 0) {
            throw new IllegalArgumentException("data offset " + dataOffset + " and " + frames + " frames");
        }
        this.channels = info.channels();
        this.blockAlign = channels * decoder.bytesPerSample();
        this.dataOffset = dataOffset;
        this.dataBytes = frames * blockAlign;
        this.bytes = new byte[Math.max(BUFFER_BYTES, blockAlign)];
        this.buffer = ByteBuffer.wrap(bytes);
        this.position = dataOffset;
        this.remaining = frames;
    }

    /**
     * Opens {@code file} for reading and hands the channel to {@code opener}, which parses the header and makes the
     * reader; if that fails (bad content is an {@link AudioFormatException}) the channel is closed before the failure
     * is rethrown. A path that is not a regular file (a named pipe, a device, a folder) is refused before it is opened
     * ({@link RegularFiles#require}). Reading thread.
     */
    public static PcmStreamReader open(Path file, Opener opener) throws IOException {
        RegularFiles.require(file);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            return opener.open(channel);
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
        int read = ChannelReads.readAt(channel, buffer, position);
        if (read < length) {
            throw new AudioFormatException(truncation.describe(position + read, dataOffset, dataBytes));
        }
        decoder.decode(bytes, n, channels, buffers, offset);
        position += length;
        remaining -= n;
        return n;
    }

    /** Closes the file. Reading thread. */
    @Override
    public void close() throws IOException {
        channel.close();
    }
}
