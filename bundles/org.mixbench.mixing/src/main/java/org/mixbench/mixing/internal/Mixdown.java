package org.mixbench.mixing.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;

import org.mixbench.api.audio.AudioFiles;
import org.mixbench.api.command.ProgressBar;
import org.mixbench.api.contribution.ContributionRegistry;
import org.mixbench.convert.DitherType;
import org.mixbench.convert.Ditherer;
import org.mixbench.mixing.engine.MixRenderer;
import org.mixbench.mixing.engine.ProcessorWatch;
import org.mixbench.mixing.session.Session;

/**
 * Renders a session (or the stem of one track or bus, when {@code stem} names it) into a file through the
 * exporters, atomically, on up to {@code threads} threads; returns the renderer's warnings. The render runs on its own
 * thread while the calling thread watches every processor call: one that does not return within
 * {@link Settings#deadlineSeconds()} stops the command with a {@link ProcessorStuckException} naming it (the
 * unfinished file is never renamed to its final name). Command thread.
 */
final class Mixdown {
    /** The default deadline of one processor call, in seconds; {@code -Dmixbench.processor.timeout} changes it. */
    static final double DEFAULT_DEADLINE_SECONDS = 10;

    private Mixdown() {
    }

    /**
     * How to write: exporter format and options, threads, the dither used when the word length shrinks (integer WAV
     * and FLAC at 16 or 24 bits; {@code null} for none), and the deadline of one processor call.
     */
    record Settings(String format, Map<String, String> options, int threads, DitherType dither,
            double deadlineSeconds) {
        /** The settings of a plain 24-bit WAV with TPDF dither on all cores. */
        static Settings wav24() {
            return new Settings("wav", Map.of("bits", "24"), Runtime.getRuntime().availableProcessors(),
                    DitherType.TPDF, deadline());
        }

        /** The word length the exporter writes, or 0 for float and lossy outputs. */
        int integerBits() {
            if (format.equals("mp3")) {
                return 0;
            }
            String bits = options.getOrDefault("bits", "24");
            return bits.equals("32f") ? 0 : Integer.parseInt(bits);
        }

        /** How the word length is reduced, in words: {@code 16-bit, TPDF dither}. */
        String describe() {
            int bits = integerBits();
            if (bits == 0 || bits > 24) {
                return format.equals("mp3") ? "mp3" : bits == 0 ? "32-bit float" : bits + "-bit";
            }
            return bits + "-bit, " + switch (dither == null ? DitherType.NONE : dither) {
                case NONE -> "no dither";
                case TPDF -> "TPDF dither";
                case SHAPED -> "noise-shaped dither";
            };
        }
    }

    /** The deadline from {@code -Dmixbench.processor.timeout} (seconds), else the default. */
    static double deadline() {
        String text = System.getProperty("mixbench.processor.timeout");
        if (text != null) {
            try {
                double v = Double.parseDouble(text);
                if (v > 0 && Double.isFinite(v)) {
                    return v;
                }
            } catch (NumberFormatException e) {
                // the default below
            }
        }
        return DEFAULT_DEADLINE_SECONDS;
    }

    /** The outcome of a render. */
    record Result(long frames, double seconds, List<String> warnings, double peak, int threads) {
    }

    /** A processor call that did not return in time; the render was abandoned. */
    static final class ProcessorStuckException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ProcessorStuckException(String message) {
            super(message);
        }
    }

    /**
     * Compiles and renders on a worker thread. {@code beforeWriting} hears the length in frames after the compile and
     * before anything is written (to check free space; it may throw to refuse). Command thread.
     */
    static Result render(Session session, Path base, Path out, Settings settings, ContributionRegistry registry,
            AudioFiles files, String stem, ProgressBar bar, LongConsumer beforeWriting) throws IOException {
        ProcessorWatch watch = new ProcessorWatch();
        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread worker = new Thread(() -> {
            try {
                outcome.set(renderHere(session, base, out, settings, registry, files, stem, bar, beforeWriting,
                        watch));
            } catch (Throwable t) {
                outcome.set(t);
            }
        }, "mixbench-mixdown");
        // A processor stuck forever must not keep the process alive after the command has given up on it.
        worker.setDaemon(true);
        worker.start();
        try {
            while (true) {
                worker.join(50);
                if (!worker.isAlive()) {
                    break;
                }
                Optional<String> late = watch.overdue(settings.deadlineSeconds());
                if (late.isPresent()) {
                    bar.close();
                    throw new ProcessorStuckException(late.get() + "; the render was stopped and " + out.getFileName()
                            + " was not written");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
        Object o = outcome.get();
        if (o instanceof Result r) {
            return r;
        }
        if (o instanceof IOException e) {
            throw e;
        }
        if (o instanceof RuntimeException e) {
            throw e;
        }
        if (o instanceof Error e) {
            throw e;
        }
        throw new IOException("the render ended without a result");
    }

    private static Result renderHere(Session session, Path base, Path out, Settings settings,
            ContributionRegistry registry, AudioFiles files, String stem, ProgressBar bar, LongConsumer beforeWriting,
            ProcessorWatch watch) throws IOException {
        long t0 = System.nanoTime();
        double peak;
        long frames;
        List<String> warnings;
        int used;
        int bits = settings.integerBits();
        Ditherer ditherer = bits > 0 && bits <= 24 && settings.dither() != null
                ? new Ditherer(2, bits, settings.dither()) : null;
        try (MixRenderer renderer = MixRenderer.compile(session, base, registry, files, settings.threads(), stem,
                watch)) {
            used = renderer.threads();
            long total = renderer.lengthFrames();
            if (beforeWriting != null) {
                beforeWriting.accept(total);
            }
            try {
                peak = renderer.exportTo(files, out, settings.format(), settings.options(), done -> bar.update(done,
                        total), ditherer);
            } finally {
                bar.close();
            }
            frames = renderer.lengthFrames();
            warnings = renderer.warnings();
        }
        if (peak > 1.0 && !(settings.format().equals("wav") && "32f".equals(settings.options().get("bits")))) {
            warnings = new java.util.ArrayList<>(warnings);
            warnings.add(String.format(Locale.ROOT, "the mix peaks at %+.2f dBFS and was clipped in %s; lower the "
                    + "master fader", 20 * Math.log10(peak), out.getFileName()));
        }
        return new Result(frames, (System.nanoTime() - t0) / 1e9, warnings, peak, used);
    }

    /** About how many bytes a render of {@code frames} stereo frames takes in {@code settings}' format. */
    static long estimateBytes(long frames, double rate, Settings settings) {
        if (settings.format().equals("mp3")) {
            return (long) (frames / rate * 320_000 / 8) + 65_536;
        }
        String bits = settings.options().getOrDefault("bits", "24");
        int bytes = bits.equals("16") ? 2 : bits.equals("24") ? 3 : 4;
        // FLAC is never much larger than PCM; a header and chunks of a few kB.
        return frames * 2 * bytes + 65_536;
    }

    static String describe(Result r, double rate) {
        double seconds = r.frames() / rate;
        return String.format(Locale.ROOT, "%d:%06.3f of audio in %.2f s (%.0fx real time, %d thread%s), peak %s dBFS",
                (long) seconds / 60, seconds % 60, r.seconds(), seconds / Math.max(r.seconds(), 1e-9), r.threads(),
                r.threads() == 1 ? "" : "s",
                r.peak() > 0 ? String.format(Locale.ROOT, "%+.2f", 20 * Math.log10(r.peak())) : "-inf");
    }
}
