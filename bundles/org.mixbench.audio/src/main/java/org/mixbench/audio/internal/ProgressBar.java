package org.mixbench.audio.internal;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress bar on standard error, redrawn in place; shown only when standard error is a terminal, and
 * only for work that takes a while (it first draws after half a second).
 */
final class ProgressBar implements Conversion.Progress {
    private static final int WIDTH = 30;
    private final PrintStream err;
    private final String label;
    private final boolean enabled;
    private boolean drawn;

    private ProgressBar(PrintStream err, String label, boolean enabled) {
        this.err = err;
        this.label = label;
        this.enabled = enabled;
    }

    /** A bar when stderr is an interactive terminal, else one that draws nothing. */
    static ProgressBar forTerminal(PrintStream err, String label) {
        boolean terminal = System.console() != null && System.getenv("TERM") != null
                && !"dumb".equals(System.getenv("TERM"));
        return new ProgressBar(err, label, terminal);
    }

    @Override
    public void update(long done, long total) {
        if (!enabled) {
            return;
        }
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

    /** Clears the bar's line. */
    void finish() {
        if (drawn) {
            err.print("\r" + " ".repeat(label.length() + WIDTH + 10) + "\r");
            err.flush();
        }
    }
}
