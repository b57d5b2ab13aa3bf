package org.mixbench.mixing.engine;

import org.mixbench.mixing.session.Session;

/** Pan gains: mono sources by the strip's pan law, stereo sources by a balance control. Any thread. */
final class PanLaws {
    private PanLaws() {
    }

    /** Left and right gains for pan {@code p} in [-1, 1] into {@code out[0..1]}. */
    static void gains(double p, Session.PanLaw law, boolean stereoSource, double[] out) {
        double pan = Math.max(-1, Math.min(1, p));
        if (stereoSource) {
            out[0] = Math.min(1, 1 - pan);
            out[1] = Math.min(1, 1 + pan);
            return;
        }
        double theta = (pan + 1) * Math.PI / 4;
        double l = Math.cos(theta);
        double r = Math.sin(theta);
        switch (law) {
            case ZERO -> {
                out[0] = Math.min(1, 1 - pan);
                out[1] = Math.min(1, 1 + pan);
            }
            case MINUS_4_5 -> {
                out[0] = Math.pow(l, 1.5);
                out[1] = Math.pow(r, 1.5);
            }
            case MINUS_6 -> {
                out[0] = (1 - pan) / 2;
                out[1] = (1 + pan) / 2;
            }
            default -> {
                out[0] = l;
                out[1] = r;
            }
        }
    }
}
