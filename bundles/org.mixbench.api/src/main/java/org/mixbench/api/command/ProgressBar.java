package org.mixbench.api.command;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress bar on standard error for long commands, redrawn in place at most five times a second and
 * only when standard error is an interactive terminal (so redirected output and tests see nothing); it first draws
 * after half a second, so quick work shows no bar. {@link #close} clears the line. Get one from
 * {@link CommandContext#progress}. Thread: the command's thread (one thread at a time).
 */
public final class ProgressBar implements AutoCloseable {
    private static final int WIDTH = 30;
    /** The default delay before the first draw. */
    private static final long FIRST_DRAW_MS = 500;
    private static final long REDRAW_NANOS = 200_000_000L;
    private final PrintStream err;
    private final String label;
    private final boolean enabled;
    private final long started = System.nanoTime();
    private final long firstDrawNanos;
    private long lastDraw;
    private boolean drawn;

    /** A bar on {@code err}, drawn only if {@code enabled}, first after half a second. Command thread. */
    public ProgressBar(PrintStream err, String label, boolean enabled) {
        this(err, label, enabled, FIRST_DRAW_MS);
    }

    private ProgressBar(PrintStream err, String label, boolean enabled, long firstDrawMs) {
        this.err = err;
        this.label = label;
        this.enabled = enabled;
        this.firstDrawNanos = firstDrawMs * 1_000_000L;
    }

    /**
     * A bar that draws when standard error is an interactive terminal, else nothing. The system property
     * {@code mixbench.progress.firstDrawMs} changes the delay before the first draw (the product tests set 0 so that
     * a quick render still shows its bar). Command thread.
     */
    public static ProgressBar forTerminal(PrintStream err, String label) {
        boolean terminal = System.console() != null && System.getenv("TERM") != null
                && !"dumb".equals(System.getenv("TERM"));
        return new ProgressBar(err, label, terminal, Math.max(0, Long.getLong("mixbench.progress.firstDrawMs",
                FIRST_DRAW_MS)));
    }

    /**
     * Reports {@code done} of {@code total} (a total of 0 or less: unknown, the count is shown instead). Cheap when
     * nothing is drawn: call it as often as convenient. Command thread.
     */
    public void update(long done, long total) {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        if (now - started < firstDrawNanos || (drawn && now - lastDraw < REDRAW_NANOS)) {
            return;
        }
        lastDraw = now;
        String line;
        if (total > 0) {
            double f = Math.min(1, done / (double) total);
            int fill = (int) Math.round(f * WIDTH);
            line = String.format(Locale.ROOT, "\r%s [%s%s] %3.0f%%", label, "#".repeat(fill), " ".repeat(WIDTH - fill),
                    f * 100);
        } else {
            line = String.format(Locale.ROOT, "\r%s %d frames", label, done);
        }
        err.print(line);
        err.flush();
        drawn = true;
    }

    /** Whether the bar has drawn anything yet. */
    public boolean drawn() {
        return drawn;
    }

    /** Clears the bar's line, if it drew one. Command thread. */
    @Override
    public void close() {
        if (drawn) {
            err.print("\r" + " ".repeat(label.length() + WIDTH + 10) + "\r");
            err.flush();
            drawn = false;
        }
    }
}
