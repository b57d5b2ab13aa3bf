package org.mixbench.format.pcm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChannelReadsTest {
    @TempDir
    Path dir;

    private Path file(int length) throws IOException {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) i;
        }
        return Files.write(dir.resolve("bytes"), bytes);
    }

    @Test
    void fillsTheBufferFromThePositionGiven() throws IOException {
        try (FileChannel channel = FileChannel.open(file(100), StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate(10);
            assertEquals(10, ChannelReads.readAt(channel, buffer, 50));
            assertEquals(10, buffer.position());
            assertEquals(50, buffer.get(0));
            assertEquals(59, buffer.get(9));
        }
    }

    @Test
    void readsIntoTheRemainingPartOfTheBufferOnly() throws IOException {
        try (FileChannel channel = FileChannel.open(file(100), StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate(10);
            buffer.position(2).limit(6);
            assertEquals(4, ChannelReads.readAt(channel, buffer, 7));
            byte[] bytes = buffer.array();
            assertEquals(0, bytes[0]);
            assertEquals(7, bytes[2]);
            assertEquals(10, bytes[5]);
            assertEquals(0, bytes[6]);
        }
    }

    @Test
    void returnsFewerBytesOnlyWhenTheFileEnds() throws IOException {
        try (FileChannel channel = FileChannel.open(file(100), StandardOpenOption.READ)) {
            assertEquals(4, ChannelReads.readAt(channel, ByteBuffer.allocate(10), 96));
            assertEquals(0, ChannelReads.readAt(channel, ByteBuffer.allocate(10), 100));
            assertEquals(0, ChannelReads.readAt(channel, ByteBuffer.allocate(10), 1_000));
        }
    }

    @Test
    void leavesTheChannelsOwnPositionAlone() throws IOException {
        try (FileChannel channel = FileChannel.open(file(100), StandardOpenOption.READ)) {
            channel.position(3);
            ChannelReads.readAt(channel, ByteBuffer.allocate(10), 40);
            assertEquals(3, channel.position());
        }
    }
}
