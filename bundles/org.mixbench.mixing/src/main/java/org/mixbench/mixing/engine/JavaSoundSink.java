package org.mixbench.mixing.engine;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Plays through javax.sound: 16-bit stereo PCM on the default output line, converted from float with rounding and
 * clamping. The conversion buffer is allocated on open; writing allocates nothing. Thread: the playback thread.
 */
@ProviderType
public final class JavaSoundSink implements AudioSink {
    private SourceDataLine line;
    private byte[] bytes = new byte[0];

    /** Whether this machine has an output line for 16-bit stereo at {@code sampleRate}. Any thread. */
    public static boolean available(double sampleRate) {
        try {
            return AudioSystem.isLineSupported(new DataLine.Info(SourceDataLine.class, format(sampleRate)))
                    && AudioSystem.getSourceLineInfo(new DataLine.Info(SourceDataLine.class, format(sampleRate)))
                            .length > 0;
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static AudioFormat format(double sampleRate) {
        return new AudioFormat((float) sampleRate, 16, 2, true, false);
    }

    @Override
    public void open(double sampleRate) throws LineUnavailableException {
        line = AudioSystem.getSourceDataLine(format(sampleRate));
        line.open(format(sampleRate), (int) (sampleRate * 4 * 0.2));
        line.start();
        bytes = new byte[MixRenderer.BLOCK * 4];
    }

    @Override
    public void write(float[][] stereo, int frames) {
        int k = 0;
        for (int i = 0; i < frames; i++) {
            for (int c = 0; c < 2; c++) {
                int v = (int) Math.max(-32768, Math.min(32767, Math.rint(stereo[c][i] * 32768.0)));
                bytes[k++] = (byte) v;
                bytes[k++] = (byte) (v >> 8);
            }
        }
        line.write(bytes, 0, k);
    }

    @Override
    public void close() {
        if (line != null) {
            line.drain();
            line.close();
        }
    }
}
