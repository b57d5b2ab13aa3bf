package org.mixbench.format.mp3;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.mixbench.api.export.ExportFormat;
import org.mixbench.api.export.ExportWriter;
import org.mixbench.api.processor.AudioBlock;
import org.mixbench.tags.TagFiles;

/**
 * Encodes MP3 with jump3r (LAME 3.98 in Java): the audio is first spooled as 16-bit PCM (what jump3r reads) to a
 * temporary file beside the target, then LAME encodes it with its Xing/LAME tag (so decoders play it gaplessly),
 * then jaudiotagger writes the ID3v2.4 tag. jump3r prints progress on standard output whatever its options say, so
 * its streams are silenced while it runs; encodes are serialised because of that. Thread: the export thread.
 */
final class Mp3Writer implements ExportWriter {
    private static final Object LAME = new Object();

    private final Path file;
    private final Path spool;
    private final int channels;
    private final int rate;
    private final List<String> lameOptions;
    private final Map<String, String> tags;
    private final OutputStream out;
    private final byte[] bytes = new byte[4096 * 2 * 2];
    private long dataBytes;
    private boolean closed;

    Mp3Writer(Path file, ExportFormat format, List<String> lameOptions, Map<String, String> tags)
            throws IOException {
        this.file = file;
        this.channels = format.channels();
        this.rate = (int) format.sampleRate();
        if (channels > 2) {
            throw new IllegalArgumentException("MP3 holds one or two channels, not " + channels);
        }
        if (!List.of(8000, 11025, 12000, 16000, 22050, 24000, 32000, 44100, 48000).contains(rate)
                || rate != format.sampleRate()) {
            throw new IllegalArgumentException("MP3 cannot hold " + format.sampleRate()
                    + " Hz; convert to 44100 or 48000 Hz first (--rate)");
        }
        this.lameOptions = lameOptions;
        this.tags = tags;
        this.spool = file.resolveSibling(file.getFileName() + ".pcm.wav");
        out = new BufferedOutputStream(Files.newOutputStream(spool), 1 << 16);
        out.write(new byte[44]);
    }

    @Override
    public void write(AudioBlock block) throws IOException {
        int frames = block.frames();
        int done = 0;
        while (done < frames) {
            int n = Math.min(frames - done, bytes.length / (2 * channels));
            int k = 0;
            for (int i = 0; i < n; i++) {
                for (int c = 0; c < channels; c++) {
                    long v = (long) Math.rint(block.channel(c)[done + i] * 32768.0);
                    int s = (int) Math.max(-32768, Math.min(32767, v));
                    bytes[k++] = (byte) s;
                    bytes[k++] = (byte) (s >> 8);
                }
            }
            out.write(bytes, 0, k);
            dataBytes += k;
            done += n;
        }
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            out.close();
            patchHeader();
            encode();
            TagFiles.write(file, tags);
        } finally {
            Files.deleteIfExists(spool);
        }
    }

    private void patchHeader() throws IOException {
        if (dataBytes > 0xFFFFFFFFL - 36) {
            throw new IOException("too long for MP3 encoding through a WAV spool (over 4 GiB of 16-bit audio)");
        }
        ByteBuffer h = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        h.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt((int) (36 + dataBytes))
                .put("WAVEfmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(16)
                .putShort((short) 1).putShort((short) channels).putInt(rate).putInt(rate * channels * 2)
                .putShort((short) (channels * 2)).putShort((short) 16)
                .put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt((int) dataBytes).flip();
        try (FileChannel channel = FileChannel.open(spool, StandardOpenOption.WRITE)) {
            channel.write(h, 0);
        }
    }

    private void encode() throws IOException {
        List<String> args = new ArrayList<>(List.of("--silent", "--noreplaygain", "-m", channels == 1 ? "m" : "j"));
        args.addAll(lameOptions);
        args.add(spool.toString());
        args.add(file.toString());
        int status;
        synchronized (LAME) {
            PrintStream stdout = System.out;
            PrintStream stderr = System.err;
            PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
            System.setOut(quiet);
            System.setErr(quiet);
            try {
                status = new de.sciss.jump3r.Main().run(args.toArray(String[]::new));
            } catch (RuntimeException e) {
                throw new IOException("the MP3 encoder failed: " + e, e);
            } finally {
                System.setOut(stdout);
                System.setErr(stderr);
            }
        }
        if (status != 0 || !Files.isRegularFile(file) || Files.size(file) == 0) {
            throw new IOException("the MP3 encoder failed (status " + status + ")");
        }
    }

    @Override
    public void abort() {
        closed = true;
        try {
            out.close();
        } catch (IOException e) {
            // the spool is deleted below; the host deletes the target
        }
        try {
            Files.deleteIfExists(spool);
        } catch (IOException e) {
            // nothing more can be done
        }
    }
}
