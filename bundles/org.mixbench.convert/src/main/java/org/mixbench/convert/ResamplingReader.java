package org.mixbench.convert;

import java.io.IOException;

import org.mixbench.api.audio.AudioFileInfo;
import org.mixbench.api.audio.AudioReader;
import org.osgi.annotation.versioning.ProviderType;

/**
 * An {@link AudioReader} that reads another at a different sample rate through a {@link SampleRateConverter}: a
 * 44.1 kHz file played in a 48 kHz session, for example. It reports the target rate and the converted length
 * ({@code ceil(frames * target / source)}), delivers exactly those frames, time-aligned with the source (the
 * converter's filter is linear-phase and its delay is compensated), and closes the source when closed. Buffers are
 * allocated at construction; reading never allocates. Thread: one reading thread at a time.
 */
@ProviderType
public final class ResamplingReader implements AudioReader {
    private static final int CHUNK = 1024;

    private final AudioReader source;
    private final SampleRateConverter converter;
    private final AudioFileInfo info;
    private final float[][] input;
    private final float[][] output;
    private int available;
    private int at;
    private boolean ended;
    private boolean flushed;

    /**
     * Reads {@code source} at {@code targetRate}. Main thread (designs the filter).
     *
     * @throws IllegalArgumentException if either rate is not one {@link SampleRateConverter#isSupported} handles
     */
    public ResamplingReader(AudioReader source, int targetRate) {
        AudioFileInfo s = source.info();
        int sourceRate = (int) Math.round(s.sampleRate());
        this.source = source;
        this.converter = new SampleRateConverter(sourceRate, targetRate, s.channels(), CHUNK);
        long frames = s.frames() < 0 ? -1 : (s.frames() * targetRate + sourceRate - 1) / sourceRate;
        this.info = new AudioFileInfo(s.format(), s.encoding() + ", resampled from " + sourceRate + " Hz",
                targetRate, s.channels(), frames, s.bitsPerSample(), s.chunks(), s.tags());
        this.input = new float[s.channels()][CHUNK];
        this.output = new float[s.channels()][converter.maxOutputFrames(CHUNK)];
    }

    /** Whether a file at {@code sourceRate} can be read at {@code targetRate}. Any thread. */
    public static boolean canConvert(double sourceRate, double targetRate) {
        return sourceRate == Math.rint(sourceRate) && targetRate == Math.rint(targetRate)
                && SampleRateConverter.isSupported((int) sourceRate) && SampleRateConverter.isSupported(
                        (int) targetRate);
    }

    /** The source's description at the target rate. */
    @Override
    public AudioFileInfo info() {
        return info;
    }

    /** Reads up to {@code frames} converted frames; -1 at the end. Reading thread; allocates nothing. */
    @Override
    public int read(float[][] buffers, int offset, int frames) throws IOException {
        while (at == available) {
            if (flushed) {
                return -1;
            }
            at = 0;
            if (ended) {
                available = converter.flush(output, 0);
                flushed = available == 0;
                continue;
            }
            int n = source.read(input, 0, CHUNK);
            if (n < 0) {
                ended = true;
                available = 0;
                continue;
            }
            available = converter.process(input, 0, n, output, 0);
        }
        int n = Math.min(frames, available - at);
        for (int c = 0; c < output.length; c++) {
            System.arraycopy(output[c], at, buffers[c], offset, n);
        }
        at += n;
        return n;
    }

    /** Closes the source. Reading thread. */
    @Override
    public void close() throws IOException {
        source.close();
    }
}
