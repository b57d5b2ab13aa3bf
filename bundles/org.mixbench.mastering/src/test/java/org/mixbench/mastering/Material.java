package org.mixbench.mastering;

import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;

import org.mixbench.api.export.ExportFormat;
import org.mixbench.api.export.ExportWriter;
import org.mixbench.api.processor.AudioBlock;
import org.mixbench.api.processor.ParameterEvents;
import org.mixbench.format.wav.WavExporterFactory;

/** Music-like test mixes: kick, snare, bass and a chord pad, with real transients (crest factor of a mix). */
final class Material {
    private Material() {
    }

    /** {@code seconds} of a stereo mix at {@code rate}, scaled by {@code level} (1 puts the peaks near -3 dBFS). */
    static float[][] mix(double seconds, double rate, double level, long seed) {
        int frames = (int) Math.round(seconds * rate);
        float[][] x = new float[2][frames];
        SplittableRandom random = new SplittableRandom(seed);
        double beat = 0.5;
        double[] chord = {220, 277.18, 329.63, 440};
        for (int i = 0; i < frames; i++) {
            double t = i / rate;
            double inBeat = t % beat;
            int beatIndex = (int) (t / beat);
            double kick = beatIndex % 2 == 0 ? 0.9 * Math.exp(-inBeat * 18) * Math.sin(2 * Math.PI * (50 + 90
                    * Math.exp(-inBeat * 30)) * inBeat) : 0;
            double noise = random.nextDouble() * 2 - 1;
            double snare = beatIndex % 2 == 1 ? 0.5 * Math.exp(-inBeat * 25) * noise : 0;
            double bass = 0.25 * Math.sin(2 * Math.PI * 55 * t) * (0.6 + 0.4 * Math.exp(-inBeat * 4));
            double pad = 0;
            for (double f : chord) {
                pad += 0.06 * Math.sin(2 * Math.PI * f * t + f);
            }
            double left = kick + 0.8 * snare + bass + pad * 1.1;
            double right = kick + 0.7 * snare + bass + pad * 0.9 + 0.02 * noise;
            x[0][i] = (float) (level * 0.7 * left);
            x[1][i] = (float) (level * 0.7 * right);
        }
        return x;
    }

    /** Writes {@code audio} as a 24-bit WAV file. */
    static Path wav(Path file, float[][] audio, double rate) throws IOException {
        try (ExportWriter w = new WavExporterFactory().open(file, new ExportFormat(rate, audio.length, -1),
                java.util.Map.of("bits", "32f"), java.util.Map.of())) {
            w.write(new AudioBlock(audio, new ParameterEvents(0)));
        }
        return file;
    }
}
