package org.mixbench.format.flac;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import org.mixbench.api.export.ExportFormat;
import org.mixbench.api.export.ExportWriter;
import org.mixbench.api.processor.AudioBlock;
import org.mixbench.tags.TagFiles;

import net.sourceforge.javaflacencoder.EncodingConfiguration;
import net.sourceforge.javaflacencoder.EncodingConfiguration.ChannelConfig;
import net.sourceforge.javaflacencoder.EncodingConfiguration.SubframeType;
import net.sourceforge.javaflacencoder.FLACEncoder;
import net.sourceforge.javaflacencoder.FLACFileOutputStream;
import net.sourceforge.javaflacencoder.StreamConfiguration;

/**
 * Encodes FLAC with javaflacencoder in the calling thread, then writes the Vorbis comments with jaudiotagger.
 * Samples are rounded to the word length and clamped (the host dithers first when it wants dither). Works around
 * two faults of the library: it fails with a NullPointerException when asked how many samples are left after the
 * last one filled a block exactly (so an empty file, or one a whole number of blocks long, could not be closed): the
 * writer counts them itself; and it encodes a last block shorter than {@link #SHORT_BLOCK} samples with a
 * predictor as long as the block, which the reference decoder rejects: that block is stored verbatim. Thread: the
 * export thread.
 */
final class FlacWriter implements ExportWriter {
    /** The smallest block FLAC allows but for the last; a shorter last block is stored verbatim. */
    static final int SHORT_BLOCK = 16;

    private final Path file;
    private final int channels;
    private final int bits;
    private final double scale;
    private final int max;
    private final Map<String, String> tags;
    private final FLACEncoder encoder = new FLACEncoder();
    private final FLACFileOutputStream out;
    private long added;
    private long encoded;
    private boolean closed;

    FlacWriter(Path file, ExportFormat format, int bits, int level, Map<String, String> tags) throws IOException {
        this.file = file;
        this.channels = format.channels();
        this.bits = bits;
        this.tags = tags;
        this.scale = Math.scalb(1.0, bits - 1);
        this.max = (1 << (bits - 1)) - 1;
        int rate = (int) Math.round(format.sampleRate());
        if (rate != format.sampleRate() || rate > 655_350) {
            throw new IllegalArgumentException("FLAC needs an integer sample rate up to 655350 Hz: "
                    + format.sampleRate());
        }
        if (channels > 8) {
            throw new IllegalArgumentException("FLAC holds at most 8 channels, not " + channels);
        }
        int block = level <= 2 ? 1152 : 4096;
        StreamConfiguration stream = new StreamConfiguration(channels, block, block, rate, bits);
        EncodingConfiguration encoding = new EncodingConfiguration();
        encoding.setSubframeType(level <= 2 ? SubframeType.FIXED : level <= 5 ? SubframeType.LPC
                : SubframeType.EXHAUSTIVE);
        encoding.setChannelConfig(channels != 2 || level == 0 || level == 3 ? ChannelConfig.INDEPENDENT
                : level == 1 || level == 4 ? ChannelConfig.ENCODER_CHOICE : ChannelConfig.EXHAUSTIVE);
        encoding.setMaxLPCOrder(level <= 3 ? 6 : level <= 6 ? 8 : 12);
        if (!encoder.setStreamConfiguration(stream) || !encoder.setEncodingConfiguration(encoding)) {
            throw new IllegalArgumentException("FLAC cannot encode " + channels + " channels of " + bits
                    + "-bit audio at " + rate + " Hz");
        }
        out = new FLACFileOutputStream(file.toString());
        encoder.setOutputStream(out);
        encoder.openFLACStream();
    }

    @Override
    public void write(AudioBlock block) throws IOException {
        int n = block.frames();
        if (n == 0) {
            return;
        }
        // The encoder keeps a reference to the array until it has encoded it, so each block gets its own.
        int[] interleaved = new int[n * channels];
        for (int c = 0; c < channels; c++) {
            float[] x = block.channel(c);
            for (int i = 0; i < n; i++) {
                long v = (long) Math.rint(x[i] * scale);
                interleaved[i * channels + c] = (int) Math.max(-max - 1, Math.min(max, v));
            }
        }
        encoder.addSamples(interleaved, n);
        added += n;
        encoded += encoder.encodeSamples(encoder.fullBlockSamplesAvailableToEncode(), false);
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        int last = (int) (added - encoded);
        if (last > 0 && last < SHORT_BLOCK) {
            EncodingConfiguration verbatim = new EncodingConfiguration();
            verbatim.setSubframeType(SubframeType.VERBATIM);
            verbatim.setChannelConfig(ChannelConfig.INDEPENDENT);
            encoder.setEncodingConfiguration(verbatim);
        }
        // With nothing left, this only finishes the stream: STREAMINFO gets the counts and the MD5 of the audio.
        encoded += encoder.encodeSamples(last, true);
        out.close();
        if (encoded != added) {
            throw new IOException("the FLAC encoder wrote " + encoded + " of " + added + " frames");
        }
        TagFiles.write(file, tags);
    }

    @Override
    public void abort() {
        closed = true;
        try {
            out.close();
        } catch (IOException | RuntimeException e) {
            // the host deletes the file
        }
    }

    int bits() {
        return bits;
    }
}
