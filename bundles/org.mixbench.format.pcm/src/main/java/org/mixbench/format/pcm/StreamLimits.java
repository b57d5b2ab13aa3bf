package org.mixbench.format.pcm;

import org.mixbench.api.audio.AudioFormatException;

/**
 * The sample rates and channel counts every reader accepts, in one place: a header that declares 1 Hz, 4 GHz or
 * 0 channels is bad content, refused when the file is opened rather than shown by {@code info} or written on by
 * {@code convert}. 1000 Hz is below any real recording (telephone audio is 8000 Hz); 768000 Hz is the highest rate
 * interfaces and DAWs offer. Stateless; any thread (the parsers call it on the reading thread).
 */
public final class StreamLimits {
    /** The lowest sample rate a reader accepts, Hz. */
    public static final int MIN_SAMPLE_RATE = 1_000;
    /** The highest sample rate a reader accepts, Hz. */
    public static final int MAX_SAMPLE_RATE = 768_000;
    /** The most channels a reader accepts (ambisonics of the 15th order, or a large object-based mix). */
    public static final int MAX_CHANNELS = 256;

    private StreamLimits() {
    }

    /**
     * Refuses a sample rate outside {@link #MIN_SAMPLE_RATE}..{@link #MAX_SAMPLE_RATE} (or not a number) with
     * {@code "<where>: sample rate 1 Hz is outside 1000..768000 Hz"}, {@code where} naming the header that declares
     * it ({@code "fmt chunk at offset 12"}). Reading thread.
     */
    public static void checkSampleRate(double rate, String where) throws AudioFormatException {
        if (!(rate >= MIN_SAMPLE_RATE && rate <= MAX_SAMPLE_RATE)) {
            String hz = rate == Math.rint(rate) && Math.abs(rate) < 1e18 ? String.valueOf((long) rate)
                    : String.valueOf(rate);
            throw new AudioFormatException(where + ": sample rate " + hz + " Hz is outside " + MIN_SAMPLE_RATE + ".."
                    + MAX_SAMPLE_RATE + " Hz");
        }
    }

    /**
     * Refuses a channel count outside 1..{@link #MAX_CHANNELS} with {@code "<where>: channel count 0 is outside
     * 1..256"}. Reading thread.
     */
    public static void checkChannels(long channels, String where) throws AudioFormatException {
        if (channels < 1 || channels > MAX_CHANNELS) {
            throw new AudioFormatException(where + ": channel count " + channels + " is outside 1.." + MAX_CHANNELS);
        }
    }
}
