package org.mixbench.workbench.mixer.internal;

/**
 * The musical time grid of the automation lane editor: bars and beats of the session tempo in 4/4, and where a
 * breakpoint's time snaps to. Pure: any thread (the mixer uses it on the UI thread).
 */
final class Grid {
    /** Beats in a bar: sessions are in 4/4. */
    static final int BEATS_PER_BAR = 4;

    private Grid() {
    }

    /** What breakpoint times snap to, in the order the Snap chooser lists them. */
    enum Snap {
        OFF("Off", 0), BAR("Bar", BEATS_PER_BAR), BEAT("Beat", 1), EIGHTH("1/8", 0.5), SIXTEENTH("1/16", 0.25);

        private final String label;
        private final double beats;

        Snap(String label, double beats) {
            this.label = label;
            this.beats = beats;
        }

        /** What the Snap chooser shows: {@code "Beat"}, {@code "1/16"}. */
        String label() {
            return label;
        }

        /** The grid step in seconds at {@code tempo} beats per minute; 0 for {@link #OFF}. */
        double seconds(double tempo) {
            return beats * beat(tempo);
        }
    }

    /** The length of one beat in seconds at {@code tempo} beats per minute (120 when not a positive tempo). */
    static double beat(double tempo) {
        return 60.0 / (tempo > 0 && Double.isFinite(tempo) ? tempo : 120);
    }

    /** The length of one 4/4 bar in seconds at {@code tempo}. */
    static double bar(double tempo) {
        return BEATS_PER_BAR * beat(tempo);
    }

    /**
     * {@code time} snapped to the nearest line of {@code snap} at {@code tempo}, to the millisecond and never before 0;
     * unchanged when {@code snap} is {@link Snap#OFF} or the gesture is {@code free} (Shift held).
     */
    static double snap(double time, double tempo, Snap snap, boolean free) {
        if (free || snap == Snap.OFF) {
            return time;
        }
        double step = snap.seconds(tempo);
        double snapped = Math.round(time / step) * step;
        return Math.max(0, Math.round(snapped * 1000) / 1000.0);
    }
}
