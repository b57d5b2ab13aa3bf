package org.mixbench.mixing.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.mixbench.api.audio.AudioFiles;
import org.mixbench.api.contribution.ContributionRegistry;
import org.mixbench.api.export.ExportFormat;
import org.mixbench.mixing.engine.MixRenderer;
import org.mixbench.mixing.session.Session;

/** Renders a session into a file through the exporters, atomically; returns the renderer's warnings. */
final class Mixdown {
    private Mixdown() {
    }

    /** The outcome of a render. */
    record Result(long frames, double seconds, List<String> warnings, double peak) {
    }

    static Result render(Session session, Path base, Path out, String format, Map<String, String> options,
            ContributionRegistry registry, AudioFiles files) throws IOException {
        long t0 = System.nanoTime();
        double[] peak = {0};
        long[] frames = {0};
        List<String> warnings;
        try (MixRenderer renderer = MixRenderer.compile(session, base, registry, files)) {
            float[][] view = new float[2][];
            files.export(out, format, new ExportFormat(session.sampleRate(), 2, renderer.lengthFrames()), options,
                    Map.of(), block -> {
                        view[0] = block.channel(0);
                        view[1] = block.channel(1);
                        int n = renderer.render(view, Math.min(block.maxFrames(), MixRenderer.BLOCK));
                        if (n < 0) {
                            return false;
                        }
                        for (int c = 0; c < 2; c++) {
                            for (int i = 0; i < n; i++) {
                                peak[0] = Math.max(peak[0], Math.abs(view[c][i]));
                            }
                        }
                        block.setFrames(n);
                        frames[0] += n;
                        return true;
                    });
            warnings = renderer.warnings();
        }
        if (peak[0] > 1.0 && !format.equals("wav") || peak[0] > 1.0 && !"32f".equals(options.get("bits"))) {
            warnings = new java.util.ArrayList<>(warnings);
            warnings.add(String.format(Locale.ROOT, "the mix peaks at %+.2f dBFS and was clipped in %s; lower the "
                    + "master fader", 20 * Math.log10(peak[0]), out.getFileName()));
        }
        return new Result(frames[0], (System.nanoTime() - t0) / 1e9, warnings, peak[0]);
    }

    static String describe(Result r, double rate) {
        double seconds = r.frames() / rate;
        return String.format(Locale.ROOT, "%d:%06.3f of audio in %.2f s (%.0fx real time), peak %s dBFS",
                (long) seconds / 60, seconds % 60, r.seconds(), seconds / Math.max(r.seconds(), 1e-9),
                r.peak() > 0 ? String.format(Locale.ROOT, "%+.2f", 20 * Math.log10(r.peak())) : "-inf");
    }
}
