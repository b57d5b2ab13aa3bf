package org.mixbench.mixing.engine;

import java.util.List;

import org.mixbench.mixing.session.Session;

/**
 * An automation lane compiled to frames: breakpoints with linear, exponential or hold segments, evaluated at any
 * frame; before the first point the first value holds, after the last the last. Evaluation moves a cursor forward, so
 * reading in time order costs O(1) per frame and allocates nothing. Thread: the render thread.
 */
final class Envelope {
    private final double[] frames;
    private final double[] values;
    private final Session.Curve[] curves;
    private int cursor;

    Envelope(List<Session.Point> points, double sampleRate) {
        int n = points.size();
        frames = new double[n];
        values = new double[n];
        curves = new Session.Curve[n];
        for (int i = 0; i < n; i++) {
            // A time meant as a whole frame (48013 / 48000 s) lands on that frame, not a rounding error after it.
            double frame = points.get(i).time() * sampleRate;
            double whole = Math.rint(frame);
            frames[i] = Math.abs(frame - whole) < 1e-6 ? whole : frame;
            values[i] = points.get(i).value();
            curves[i] = points.get(i).curve();
        }
    }

    boolean isEmpty() {
        return values.length == 0;
    }

    /** The first breakpoint strictly after {@code frame}, in frames, or infinity. Binary search; allocates nothing. */
    double nextAfter(double frame) {
        int lo = 0;
        int hi = frames.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (frames[mid] > frame) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo < frames.length ? frames[lo] : Double.POSITIVE_INFINITY;
    }

    /** The value at {@code frame}. */
    double value(double frame) {
        int n = values.length;
        if (n == 0) {
            return Double.NaN;
        }
        if (frame <= frames[0]) {
            cursor = 0;
            return values[0];
        }
        if (frame >= frames[n - 1]) {
            cursor = n - 1;
            return values[n - 1];
        }
        if (cursor >= n - 1 || frames[cursor] > frame) {
            cursor = 0;
        }
        while (cursor < n - 2 && frames[cursor + 1] <= frame) {
            cursor++;
        }
        double a = values[cursor];
        double b = values[cursor + 1];
        double span = frames[cursor + 1] - frames[cursor];
        double t = span <= 0 ? 1 : (frame - frames[cursor]) / span;
        return switch (curves[cursor]) {
            case HOLD -> a;
            case EXPONENTIAL -> a > 0 && b > 0 ? a * Math.pow(b / a, t) : a + (b - a) * t;
            default -> a + (b - a) * t;
        };
    }
}
