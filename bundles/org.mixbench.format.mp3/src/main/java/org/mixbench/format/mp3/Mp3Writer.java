package org.mixbench.format.mp3;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

import org.mixbench.api.export.ExportFormat;
import org.mixbench.api.export.ExportWriter;
import org.mixbench.api.processor.AudioBlock;
import org.mixbench.tags.TagFiles;

import de.sciss.jump3r.mp3.BitStream;
import de.sciss.jump3r.mp3.GainAnalysis;
import de.sciss.jump3r.mp3.ID3Tag;
import de.sciss.jump3r.mp3.Lame;
import de.sciss.jump3r.mp3.LameGlobalFlags;
import de.sciss.jump3r.mp3.MPEGMode;
import de.sciss.jump3r.mp3.Presets;
import de.sciss.jump3r.mp3.Quantize;
import de.sciss.jump3r.mp3.QuantizePVT;
import de.sciss.jump3r.mp3.Reservoir;
import de.sciss.jump3r.mp3.Takehiro;
import de.sciss.jump3r.mp3.VBRTag;
import de.sciss.jump3r.mp3.VbrMode;
import de.sciss.jump3r.mp3.Version;
import de.sciss.jump3r.mpg.Common;
import de.sciss.jump3r.mpg.Interface;
import de.sciss.jump3r.mpg.MPGLib;

/**
 * Encodes MP3 with jump3r (LAME 3.98 in Java) as the blocks arrive: each block is rounded to 16 bits (what the host
 * dithered it to) and handed straight to LAME's encoder, whose frames go straight into the target; nothing is staged
 * beside it. At the end the Xing/LAME tag frame (which decoders need to play the file gaplessly) is written over the
 * placeholder LAME put first, then jaudiotagger writes the ID3v2.4 tag. The settings are those the LAME command line
 * takes from {@code --noreplaygain -m j|m} and the factory's options. The library is driven through its encoding
 * API, which prints nothing, so the process's standard streams are left alone, and encoders run in parallel (each
 * has its own modules; the only state they share is a window table every encoder fills with the same values).
 * Thread: the export thread.
 */
final class Mp3Writer implements ExportWriter {
    /** Frames handed to the encoder at a time. */
    private static final int CHUNK = 4096;

    private final Path file;
    private final int channels;
    private final Map<String, String> tags;
    private final FileChannel out;
    private final Lame lame = new Lame();
    private final VBRTag vbr = new VBRTag();
    private final LameGlobalFlags flags;
    private final int[] left = new int[CHUNK];
    private final int[] right = new int[CHUNK];
    private final byte[] mp3 = new byte[Lame.LAME_MAXMP3BUFFER];
    private boolean closed;

    /**
     * Opens the encoder for {@code format} with the settings of the LAME command line options in {@code lameOptions}
     * ({@code -b KBPS --cbr}, {@code -V Q --vbr-new}, {@code -q N}) and {@code file} for writing. Export thread.
     */
    Mp3Writer(Path file, ExportFormat format, List<String> lameOptions, Map<String, String> tags)
            throws IOException {
        this.file = file;
        this.channels = format.channels();
        this.tags = tags;
        int rate = (int) format.sampleRate();
        if (channels > 2) {
            throw new IllegalArgumentException("MP3 holds one or two channels, not " + channels);
        }
        if (!List.of(8000, 11025, 12000, 16000, 22050, 24000, 32000, 44100, 48000).contains(rate)
                || rate != format.sampleRate()) {
            throw new IllegalArgumentException("MP3 cannot hold " + format.sampleRate()
                    + " Hz; convert to 44100 or 48000 Hz first (--rate)");
        }
        ID3Tag id3 = wire();
        flags = lame.lame_init();
        id3.id3tag_init(flags);
        flags.num_channels = channels;
        flags.in_samplerate = rate;
        flags.mode = channels == 1 ? MPEGMode.MONO : MPEGMode.JOINT_STEREO;
        flags.findReplayGain = false;
        flags.write_id3tag_automatic = false;
        apply(lameOptions, flags);
        if (lame.lame_init_params(flags) < 0) {
            lame.lame_close(flags);
            throw new IllegalArgumentException("the MP3 encoder refuses " + String.join(" ", lameOptions) + " for "
                    + channels + " channels at " + rate + " Hz");
        }
        out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
    }

    /** Connects LAME's modules to each other, as its command line does; returns the ID3 module. */
    private ID3Tag wire() {
        GainAnalysis gain = new GainAnalysis();
        BitStream bits = new BitStream();
        Presets presets = new Presets();
        QuantizePVT quantizePvt = new QuantizePVT();
        Quantize quantize = new Quantize();
        Version version = new Version();
        ID3Tag id3 = new ID3Tag();
        Reservoir reservoir = new Reservoir();
        Takehiro takehiro = new Takehiro();
        MPGLib mpg = new MPGLib();
        Interface decoderInterface = new Interface();
        Common common = new Common();
        lame.setModules(gain, bits, presets, quantizePvt, quantize, vbr, version, id3, mpg);
        bits.setModules(gain, mpg, version, vbr);
        id3.setModules(bits, version);
        presets.setModules(lame);
        quantize.setModules(bits, reservoir, quantizePvt, takehiro);
        quantizePvt.setModules(takehiro, reservoir, lame.enc.psy);
        reservoir.setModules(bits);
        takehiro.setModules(quantizePvt);
        vbr.setModules(lame, bits, version);
        mpg.setModules(decoderInterface, common);
        decoderInterface.setModules(vbr, common);
        return id3;
    }

    /** Sets what the LAME command line sets for the options the factory gives. */
    private static void apply(List<String> options, LameGlobalFlags flags) {
        for (int i = 0; i < options.size(); i++) {
            String option = options.get(i);
            switch (option) {
                case "-b" -> {
                    flags.brate = Integer.parseInt(options.get(++i));
                    flags.VBR_min_bitrate_kbps = flags.brate;
                }
                case "--cbr" -> flags.VBR = VbrMode.vbr_off;
                case "-V" -> {
                    flags.VBR_q = Integer.parseInt(options.get(++i));
                    flags.VBR_q_frac = 0;
                }
                case "--vbr-new" -> flags.VBR = VbrMode.vbr_mtrh;
                case "-q" -> flags.quality = Integer.parseInt(options.get(++i));
                default -> throw new IllegalArgumentException("unknown MP3 encoder option " + option);
            }
        }
    }

    @Override
    public void write(AudioBlock block) throws IOException {
        int frames = block.frames();
        for (int done = 0; done < frames; done += CHUNK) {
            int n = Math.min(frames - done, CHUNK);
            for (int c = 0; c < channels; c++) {
                float[] x = block.channel(c);
                int[] target = c == 0 ? left : right;
                for (int i = 0; i < n; i++) {
                    long v = (long) Math.rint(x[done + i] * 32768.0);
                    // 16-bit samples in the top of an int, as LAME's command line reads a 16-bit WAV
                    target[i] = (int) Math.max(-32768, Math.min(32767, v)) << 16;
                }
            }
            emit(lame.lame_encode_buffer_int(flags, left, channels == 1 ? left : right, n, mp3, 0, mp3.length));
        }
    }

    private void emit(int bytes) throws IOException {
        if (bytes < 0) {
            throw new IOException("the MP3 encoder failed (error " + bytes + ")");
        }
        ByteBuffer buffer = ByteBuffer.wrap(mp3, 0, bytes);
        while (buffer.hasRemaining()) {
            out.write(buffer);
        }
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try (out) {
            emit(lame.lame_encode_flush(flags, mp3, 0, mp3.length));
            if (flags.bWriteVbrTag) {
                int length = vbr.getLameTagFrame(flags, mp3);
                if (length < 0 || length > mp3.length) {
                    throw new IOException("the MP3 encoder failed to make its LAME tag (" + length + " bytes)");
                }
                ByteBuffer tag = ByteBuffer.wrap(mp3, 0, length);
                for (long at = 0; tag.hasRemaining();) {
                    at += out.write(tag, at);
                }
            }
        } finally {
            lame.lame_close(flags);
        }
        TagFiles.write(file, tags);
    }

    @Override
    public void abort() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            out.close();
        } catch (IOException e) {
            // the host deletes the file
        }
        lame.lame_close(flags);
    }
}
