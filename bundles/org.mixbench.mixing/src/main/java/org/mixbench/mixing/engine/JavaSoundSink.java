package org.mixbench.mixing.engine;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;

import org.mixbench.convert.DitherType;
import org.mixbench.convert.Ditherer;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Plays through javax.sound on the default output line: 24-bit stereo PCM where the line takes it, else 16-bit with
 * TPDF dither (the {@link Ditherer} of the convert bundle), converted from float with rounding and clamping. Buffers
 * are allocated on construction and open; writing allocates nothing. Thread: the playback thread.
 */
@ProviderType
public final class JavaSoundSink implements AudioSink {
    private SourceDataLine line;
    private byte[] bytes = new byte[0];
    private static final int DITHER_CHUNK = MixRenderer.BLOCK;
    private int bits = 16;
    private final Ditherer ditherer = new Ditherer(2, 16, DitherType.TPDF);
    private final float[][] dithered = new float[2][DITHER_CHUNK];

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
     * and returns the bytes written; 16-bit goes through the project's TPDF {@link Ditherer} first. Playback thread;
     * allocates nothing.
     */
    int convert(float[][] stereo, int frames, byte[] out, int bits) {
        if (bits == 24) {
            int k = 0;
            for (int i = 0; i < frames; i++) {
                for (int c = 0; c < 2; c++) {
                    int v = (int) Math.max(-8_388_608, Math.min(8_388_607, Math.rint(stereo[c][i] * 8_388_608.0)));
                    out[k++] = (byte) v;
                    out[k++] = (byte) (v >> 8);
                    out[k++] = (byte) (v >> 16);
                }
            }
            return k;
        }
        int k = 0;
        for (int at = 0; at < frames; at += DITHER_CHUNK) {
            int n = Math.min(DITHER_CHUNK, frames - at);
            System.arraycopy(stereo[0], at, dithered[0], 0, n);
            System.arraycopy(stereo[1], at, dithered[1], 0, n);
            ditherer.process(dithered, 0, n);
            for (int i = 0; i < n; i++) {
                for (int c = 0; c < 2; c++) {
                    int v = (int) Math.max(-32_768, Math.min(32_767, Math.rint(dithered[c][i] * 32_768.0)));
                    out[k++] = (byte) v;
                    out[k++] = (byte) (v >> 8);
                }
            }
        }
        return k;
    }

    @Override
    public void close() {
        if (line != null) {
            line.drain();
            line.close();
        }
    }
}
