package org.mixbench.mixing.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mixbench.analysis.loudness.TruePeakMeter;

/** The demo's material is clean: no stem clips or passes -1 dBTP, and the hats are not mostly ultrasonic hiss. */
class DemoSongTest {
    private static final DemoSong SONG = new DemoSong(48_000);

    private static double truePeakDb(float[][] audio) {
        TruePeakMeter meter = new TruePeakMeter(48_000, audio.length);
        meter.process(audio, 0, audio[0].length);
        meter.finish();
        return 20 * Math.log10(meter.snapshot().truePeakMax());
    }

    /** Energy of the mono sum between two frequencies, by a direct DFT over 8192-frame Hann windows (every 4th). */
    private static double bandEnergy(float[][] audio, double lowHz, double highHz) {
        int n = 8192;
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / n);
        }
        int first = (int) Math.ceil(lowHz * n / 48_000);
        int last = (int) Math.floor(highHz * n / 48_000);
        double total = 0;
        for (int start = 0; start + n <= audio[0].length; start += 4 * n) {
            for (int k = first; k <= last; k += 4) {
                double re = 0;
                double im = 0;
                for (int i = 0; i < n; i++) {
                    double x = 0;
                    for (float[] channel : audio) {
                        x += channel[start + i];
                    }
                    double a = -2 * Math.PI * k * i / n;
                    re += x * w[i] * Math.cos(a);
                    im += x * w[i] * Math.sin(a);
                }
                total += re * re + im * im;
            }
        }
        return total;
    }

    @Test
    void noStemPassesMinusOneDbtp() {
        for (float[][] stem : new float[][][] {SONG.drums(), SONG.bass(), SONG.chords(), SONG.lead()}) {
            double tp = truePeakDb(stem);
            assertTrue(tp <= -1, "true peak " + tp + " dBTP");
        }
    }

    @Test
    void theDrumsPutLessEnergyAbove20KhzThanBetween2And8Khz() {
        float[][] drums = SONG.drums();
        double top = bandEnergy(drums, 20_000, 24_000);
        double presence = bandEnergy(drums, 2_000, 8_000);
        assertTrue(top < presence / 10, "20-24 kHz: " + 10 * Math.log10(top) + " dB, 2-8 kHz: "
                + 10 * Math.log10(presence) + " dB");
    }
}
