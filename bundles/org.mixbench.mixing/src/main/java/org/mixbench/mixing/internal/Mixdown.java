package org.mixbench.mixing.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.mixbench.api.audio.AudioFiles;
import org.mixbench.api.command.ProgressBar;
import org.mixbench.api.contribution.ContributionRegistry;
import org.mixbench.mixing.engine.MixRenderer;
import org.mixbench.mixing.session.Session;

/**
 * Renders a session (or the stem of one track or bus, when {@code stem} names it) into a file through the
 * exporters, atomically, on up to {@code threads} threads; returns the renderer's warnings. Command thread.
 */
final class Mixdown {
    private Mixdown() {
    }

    /** The outcome of a render. */
    record Result(long frames, double seconds, List<String> warnings, double peak, int threads) {
    }

    static Result render(Session session, Path base, Path out, String format, Map<String, String> options,
            ContributionRegistry registry, AudioFiles files, int threads, String stem, ProgressBar bar)
            throws IOException {
        long t0 = System.nanoTime();
        double peak;
        long frames;
        List<String> warnings;
        int used;
        try (MixRenderer renderer = MixRenderer.compile(session, base, registry, files, threads, stem)) {
            used = renderer.threads();
            long total = renderer.lengthFrames();
            try {
                peak = renderer.exportTo(files, out, format, options, done -> bar.update(done, total));
            } finally {
                bar.close();
            }
            frames = renderer.lengthFrames();
            warnings = renderer.warnings();
        }
        if (peak > 1.0 && !(format.equals("wav") && "32f".equals(options.get("bits")))) {
            warnings = new java.util.ArrayList<>(warnings);
            warnings.add(String.format(Locale.ROOT, "the mix peaks at %+.2f dBFS and was clipped in %s; lower the "
                    + "master fader", 20 * Math.log10(peak), out.getFileName()));
        }
        return new Result(frames, (System.nanoTime() - t0) / 1e9, warnings, peak, used);
    }

    static String describe(Result r, double rate) {
        double seconds = r.frames() / rate;
        return String.format(Locale.ROOT, "%d:%06.3f of audio in %.2f s (%.0fx real time, %d thread%s), peak %s dBFS",
                (long) seconds / 60, seconds % 60, r.seconds(), seconds / Math.max(r.seconds(), 1e-9), r.threads(),
                r.threads() == 1 ? "" : "s",
                r.peak() > 0 ? String.format(Locale.ROOT, "%+.2f", 20 * Math.log10(r.peak())) : "-inf");
    }
}
