package org.mixbench.format.pcm;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Positional reads that fill a buffer: the one loop every header parser and sample reader of a chunked file needs,
 * since {@link FileChannel#read(ByteBuffer, long)} may return fewer bytes than asked. Stateless; called on the
 * reading thread (whichever thread owns the channel), allocates nothing.
 */
public final class ChannelReads {
    private ChannelReads() {
    }

    /**
     * Reads from {@code channel} at {@code position} into {@code buffer} until the buffer has nothing remaining or
     * the file ends, and returns the count of bytes read: fewer than were remaining only at the end of the file. The
     * channel's own position is not used or changed. Reading thread; allocates nothing.
     */
    public static int readAt(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        int start = buffer.position();
        long p = position;
        while (buffer.hasRemaining()) {
            int r = channel.read(buffer, p);
            if (r < 0) {
                break;
            }
            p += r;
        }
        return buffer.position() - start;
    }
}
