package org.mixbench.format.wav;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.util.Map;

import org.mixbench.api.export.ExportFormat;
import org.mixbench.api.export.ExportWriter;
import org.mixbench.api.processor.AudioBlock;

/**
 * Writes one WAV file: the RIFF header, a 28-byte {@code JUNK} chunk reserved for {@code ds64} (EBU Tech 3306), fmt
 * (WAVE_FORMAT_EXTENSIBLE when there are more than two channels or more than 16-bit integers, plain PCM or IEEE
 * float otherwise), fact for float, a BWF {@code bext} chunk, LIST/INFO with the tags, then the samples, streamed through one 64 KiB buffer.
 * {@link #close} seeks back to patch the sizes and, when the file passed the RIFF limit of 4 GiB, turns the header
 * into RF64 and the JUNK chunk into ds64. Integer PCM is rounded ({@link Math#rint}) and clamped to the word; 32-bit
 * float is written unchanged. The export thread owns it.
 */
final class WavWriter implements ExportWriter {
    /** The largest size a RIFF header field holds, and so the largest RIFF form size. */
    static final long RIFF_LIMIT = 0xFFFF_FFFFL;
    /** Bytes of samples buffered before each write. */
    static final int BUFFER_BYTES = 64 * 1024;
    /** Payload of the ds64 chunk (and of the JUNK chunk that reserves its place): three 64-bit sizes, a table count. */
    static final int DS64_BYTES = 28;

    private final FileChannel channel;
    private final WavOptions options;
    private final int channels;
    private final int blockAlign;
    private final long limit;
    private final long dataStart;
    private final long dataSizeAt;
    private final long factAt;
    private final byte[] bytes = new byte[BUFFER_BYTES];
    private final ByteBuffer buffer = ByteBuffer.wrap(bytes);
    private final ByteBuffer patch = ByteBuffer.allocate(8 + DS64_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    private int fill;
    private long dataBytes;
    private boolean closed;

    /**
     * Creates {@code file} and writes its header. {@code now} is the origination date and time for bext;
     * {@code limit} is the largest RIFF form size before RF64 is needed ({@link #RIFF_LIMIT}; tests lower it). A
     * sample rate that is not a whole number of hertz up to 2^32-1, or more channels than a WAV block holds, is an
     * {@link IllegalArgumentException}; so is a {@code bwf.*} tag that does not fit its field. Export thread.
     */
    WavWriter(Path file, ExportFormat format, WavOptions options, Map<String, String> tags, LocalDateTime now,
            long limit) throws IOException {
        double rate = format.sampleRate();
        if (rate != Math.rint(rate) || rate > RIFF_LIMIT) {
            throw new IllegalArgumentException("WAV needs a whole sample rate from 1 to 4294967295 Hz: " + rate);
        }
        int bytesPerSample = options.bits() / 8;
        if ((long) format.channels() * bytesPerSample > 0xFFFF) {
            throw new IllegalArgumentException(format.channels() + " channels of " + options.bits()
                    + "-bit samples do not fit in a WAV block of at most 65535 bytes");
        }
        this.options = options;
        this.channels = format.channels();
        this.blockAlign = channels * bytesPerSample;
        this.limit = limit;
        ByteArrayOutputStream header = new ByteArrayOutputStream(2048);
        boolean rf64 = options.rf64() == WavOptions.Rf64.ALWAYS;
        ascii(header, rf64 ? "RF64" : "RIFF");
        u32(header, rf64 ? RIFF_LIMIT : 0);
        ascii(header, "WAVE");
        if (options.rf64() != WavOptions.Rf64.NEVER) {
            ascii(header, rf64 ? "ds64" : "JUNK");
            u32(header, DS64_BYTES);
            header.writeBytes(new byte[DS64_BYTES]);
        }
        writeFmt(header, (long) rate);
        long fact = -1;
        if (options.floating()) {
            ascii(header, "fact");
            u32(header, 4);
            fact = header.size();
            u32(header, 0);
        }
        chunk(header, "bext", Bext.build(tags, codingHistory((long) rate), now));
        byte[] info = info(tags);
        if (info.length > 4) {
            chunk(header, "LIST", info);
        }
        ascii(header, "data");
        this.dataSizeAt = header.size();
        u32(header, rf64 ? RIFF_LIMIT : 0);
        this.dataStart = header.size();
        this.factAt = fact;
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
        try {
            ByteBuffer out = ByteBuffer.wrap(header.toByteArray());
            while (out.hasRemaining()) {
                channel.write(out);
            }
        } catch (IOException | RuntimeException e) {
            abort();
            throw e;
        }
    }

    private String codingHistory(long rate) {
        String mode = channels == 1 ? "mono" : channels == 2 ? "stereo" : "multichannel";
        return "A=PCM,F=" + rate + ",W=" + options.bits() + ",M=" + mode + ",T=Mixbench 1.0.0; WAV "
                + (options.floating() ? "IEEE float 32-bit" : "PCM " + options.bits() + "-bit");
    }

    private void writeFmt(ByteArrayOutputStream out, long rate) {
        // Float up to two channels is plain WAVE_FORMAT_IEEE_FLOAT, as sox writes it (sox warns on extensible float).
        boolean extensible = channels > 2 || (!options.floating() && options.bits() > 16);
        int code = options.floating() ? 3 : 1;
        ascii(out, "fmt ");
        u32(out, extensible ? 40 : options.floating() ? 18 : 16);
        u16(out, extensible ? 0xFFFE : code);
        u16(out, channels);
        u32(out, rate);
        u32(out, rate * blockAlign);
        u16(out, blockAlign);
        u16(out, options.bits());
        if (extensible) {
            u16(out, 22);
            u16(out, options.bits());
            u32(out, channelMask(channels));
            u16(out, code);
            out.writeBytes(new byte[] {0x00, 0x00, 0x00, 0x00, 0x10, 0x00, (byte) 0x80, 0x00, 0x00, (byte) 0xAA,
                0x00, 0x38, (byte) 0x9B, 0x71});
        } else if (options.floating()) {
            u16(out, 0);
        }
    }

    /** The usual speaker positions for a channel count (Microsoft's KSAUDIO_SPEAKER layouts), or 0 for none. */
    static long channelMask(int channels) {
        return switch (channels) {
            case 1 -> 0x4;
            case 2 -> 0x3;
            case 3 -> 0x7;
            case 4 -> 0x33;
            case 5 -> 0x37;
            case 6 -> 0x3F;
            case 7 -> 0x13F;
            case 8 -> 0x63F;
            default -> 0;
        };
    }

    /** The payload of LIST/INFO for the tags that have an INFO id: "INFO" then each entry, NUL-terminated, padded. */
    private static byte[] info(Map<String, String> tags) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ascii(out, "INFO");
        for (String[] entry : RiffText.WRITTEN_INFO) {
            String value = tags.get(entry[1]);
            if (value != null && !value.isEmpty()) {
                byte[] text = value.getBytes(StandardCharsets.UTF_8);
                byte[] terminated = new byte[text.length + 1];
                System.arraycopy(text, 0, terminated, 0, text.length);
                chunk(out, entry[0], terminated);
            }
        }
        return out.toByteArray();
    }

    /**
     * Encodes {@code block} into the buffer, writing the buffer out each time it fills. With {@code rf64=never}, a
     * block that would take the file past the RIFF limit is an {@link IOException} and is not written. Export
     * thread; allocates nothing.
     */
    @Override
    public void write(AudioBlock block) throws IOException {
        if (closed) {
            throw new IOException("the WAV writer is closed");
        }
        if (block.channelCount() != channels) {
            throw new IllegalArgumentException("a block of " + block.channelCount() + " channels for a WAV file of "
                    + channels);
        }
        int frames = block.frames();
        long add = (long) frames * blockAlign;
        if (options.rf64() == WavOptions.Rf64.NEVER) {
            long data = dataBytes + add;
            long formSize = dataStart + data + (data & 1) - 8;
            if (formSize > limit) {
                throw new IOException("the WAV file would pass the RIFF size limit of " + limit + " bytes (4 GiB) at"
                        + " frame " + (dataBytes / blockAlign) + "; export with rf64=auto or rf64=always");
            }
        }
        int done = 0;
        while (done < frames) {
            int room = (bytes.length - fill) / blockAlign;
            if (room == 0) {
                flush();
                continue;
            }
            int n = Math.min(room, frames - done);
            encode(block, done, n);
            fill += n * blockAlign;
            done += n;
        }
        dataBytes += add;
    }

    private void encode(AudioBlock block, int from, int n) {
        int bits = options.bits();
        int size = bits / 8;
        for (int c = 0; c < channels; c++) {
            float[] x = block.channel(c);
            int p = fill + c * size;
            int end = from + n;
            if (options.floating()) {
                for (int i = from; i < end; i++, p += blockAlign) {
                    int v = Float.floatToRawIntBits(x[i]);
                    bytes[p] = (byte) v;
                    bytes[p + 1] = (byte) (v >> 8);
                    bytes[p + 2] = (byte) (v >> 16);
                    bytes[p + 3] = (byte) (v >> 24);
                }
            } else if (bits == 16) {
                for (int i = from; i < end; i++, p += blockAlign) {
                    int v = quantize(x[i], 32_768.0, 32_767, -32_768);
                    bytes[p] = (byte) v;
                    bytes[p + 1] = (byte) (v >> 8);
                }
            } else if (bits == 24) {
                for (int i = from; i < end; i++, p += blockAlign) {
                    int v = quantize(x[i], 8_388_608.0, 8_388_607, -8_388_608);
                    bytes[p] = (byte) v;
                    bytes[p + 1] = (byte) (v >> 8);
                    bytes[p + 2] = (byte) (v >> 16);
                }
            } else {
                for (int i = from; i < end; i++, p += blockAlign) {
                    int v = quantize(x[i], 2_147_483_648.0, Integer.MAX_VALUE, Integer.MIN_VALUE);
                    bytes[p] = (byte) v;
                    bytes[p + 1] = (byte) (v >> 8);
                    bytes[p + 2] = (byte) (v >> 16);
                    bytes[p + 3] = (byte) (v >> 24);
                }
            }
        }
    }

    /** Rounds {@code x * scale} to the nearest integer (ties to even) and clamps it to the word; NaN becomes 0. */
    static int quantize(float x, double scale, int max, int min) {
        double v = Math.rint(x * scale);
        if (v >= max) {
            return max;
        }
        if (v <= min) {
            return min;
        }
        return (int) v;
    }

    private void flush() throws IOException {
        buffer.clear().limit(fill);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        fill = 0;
    }

    /**
     * Writes what is buffered and the pad byte of an odd data chunk, patches the sizes (RIFF, data, fact) and
     * closes the file; when the file passed the limit (or with {@code rf64=always}) the header becomes RF64 and the
     * reserved JUNK chunk ds64 with the 64-bit sizes. Calling it again does nothing. Export thread.
     */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try (FileChannel c = channel) {
            flush();
            long end = dataStart + dataBytes;
            if ((dataBytes & 1) != 0) {
                put(end, patch.clear().put((byte) 0).flip());
                end++;
            }
            long formSize = end - 8;
            long frames = dataBytes / blockAlign;
            boolean rf64 = options.rf64() == WavOptions.Rf64.ALWAYS
                    || options.rf64() == WavOptions.Rf64.AUTO && formSize > limit;
            if (rf64) {
                put(0, patch.clear().put("RF64".getBytes(StandardCharsets.US_ASCII)).putInt((int) RIFF_LIMIT).flip());
                put(12, patch.clear().put("ds64".getBytes(StandardCharsets.US_ASCII)).putInt(DS64_BYTES)
                        .putLong(formSize).putLong(dataBytes).putLong(frames).putInt(0).flip());
                put(dataSizeAt, patch.clear().putInt((int) RIFF_LIMIT).flip());
            } else {
                put(4, patch.clear().putInt((int) formSize).flip());
                put(dataSizeAt, patch.clear().putInt((int) dataBytes).flip());
            }
            if (factAt >= 0) {
                put(factAt, patch.clear().putInt((int) Math.min(frames, RIFF_LIMIT)).flip());
            }
        }
    }

    private void put(long position, ByteBuffer data) throws IOException {
        long p = position;
        while (data.hasRemaining()) {
            p += channel.write(data, p);
        }
    }

    /** Closes the file without finishing it; never throws. Export thread. */
    @Override
    public void abort() {
        closed = true;
        try {
            channel.close();
        } catch (IOException | RuntimeException e) {
            // the host deletes the file; nothing else to do
        }
    }

    private static void chunk(ByteArrayOutputStream out, String id, byte[] payload) {
        ascii(out, id);
        u32(out, payload.length);
        out.writeBytes(payload);
        if ((payload.length & 1) != 0) {
            out.write(0);
        }
    }

    private static void ascii(ByteArrayOutputStream out, String id) {
        out.writeBytes(id.getBytes(StandardCharsets.US_ASCII));
    }

    private static void u16(ByteArrayOutputStream out, int v) {
        out.write(v);
        out.write(v >> 8);
    }

    private static void u32(ByteArrayOutputStream out, long v) {
        u16(out, (int) v);
        u16(out, (int) (v >> 16));
    }
}
