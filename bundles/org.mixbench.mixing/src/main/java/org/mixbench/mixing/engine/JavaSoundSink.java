package org.mixbench.mixing.engine;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Plays through javax.sound on the default output line: 24-bit stereo PCM where the line takes it, else 16-bit with
 * TPDF dither (two uniform random values per sample, one LSB each, from a xorshift generator), converted from float
 * with rounding and clamping. The conversion buffer is allocated on open; writing allocates nothing. Thread: the
 * playback thread.
 */
@ProviderType
public final class JavaSoundSink implements AudioSink {
    private SourceDataLine line;
    private byte[] bytes = new byte[0];
    private int bits = 16;
    private long seed = 0x9E3779B97F4A7C15L;

    /** Whether this machine has an output line for 16-bit stereo at {@code sampleRate}. Any thread. */
    public static boolean available(double sampleRate) {
        try {
            return AudioSystem.isLineSupported(new DataLine.Info(SourceDataLine.class, format(sampleRate, 16)))
                    && AudioSystem.getSourceLineInfo(new DataLine.Info(SourceDataLine.class, format(sampleRate, 16)))
                            .length > 0;
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static AudioFormat format(double sampleRate, int bits) {
        return new AudioFormat((float) sampleRate, bits, 2, true, false);
    }

    /** Bits per sample of the open line (24, or 16 with dither). */
    public int bits() {
        return bits;
    }

    @Override
    public void open(double sampleRate) throws LineUnavailableException {
        bits = AudioSystem.isLineSupported(new DataLine.Info(SourceDataLine.class, format(sampleRate, 24))) ? 24 : 16;
        AudioFormat format = format(sampleRate, bits);
        line = AudioSystem.getSourceDataLine(format);
        line.open(format, (int) (sampleRate * 2 * (bits / 8) * 0.2));
        line.start();
        bytes = new byte[MixRenderer.BLOCK * 2 * (bits / 8)];
    }

    @Override
    public void write(float[][] stereo, int frames) {
        line.write(bytes, 0, convert(stereo, frames, bytes, bits));
    }

    /**
     * Converts {@code frames} stereo frames to little-endian signed PCM of {@code bits} (16 or 24) in {@code out}
     * and returns the bytes written; 16-bit gets TPDF dither. Playback thread; allocates nothing.
     */
    int convert(float[][] stereo, int frames, byte[] out, int bits) {
        double scale = bits == 24 ? 8_388_608.0 : 32_768.0;
        int max = (int) scale - 1;
        int k = 0;
        for (int i = 0; i < frames; i++) {
            for (int c = 0; c < 2; c++) {
                double x = stereo[c][i] * scale;
                if (bits == 16) {
                    x += random() + random() - 1;
                }
                int v = (int) Math.max(-scale, Math.min(max, Math.rint(x)));
                out[k++] = (byte) v;
                out[k++] = (byte) (v >> 8);
                if (bits == 24) {
                    out[k++] = (byte) (v >> 16);
                }
            }
        }
        return k;
    }

    /** A uniform value in [0, 1) from a xorshift64* generator. */
    private double random() {
        long x = seed;
        x ^= x >>> 12;
        x ^= x << 25;
        x ^= x >>> 27;
        seed = x;
        return ((x * 0x2545F4914F6CDD1DL) >>> 11) * 0x1.0p-53;
    }

    @Override
    public void close() {
        if (line != null) {
            line.drain();
            line.close();
        }
    }
}
