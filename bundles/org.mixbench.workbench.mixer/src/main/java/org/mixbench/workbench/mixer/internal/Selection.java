package org.mixbench.workbench.mixer.internal;

import java.util.function.IntUnaryOperator;

/**
 * What a mixer part has selected: the strip its editors show, that strip's insert slot in the parameter editor (-1:
 * none) and the lane target the automation editor shows (null: the first lane, or the fader). UI thread only.
 */
final class Selection {
    private Edits.Target strip = new Edits.Target(Edits.Target.Kind.MASTER, 0);
    private int slot = -1;
    private String lane;

    Edits.Target strip() {
        return strip;
    }

    int slot() {
        return slot;
    }

    String lane() {
        return lane;
    }

    /** Shows the lane of {@code target} in the automation editor. */
    void showLane(String target) {
        lane = target;
    }

    /** Selects strip {@code target} and its insert {@code slot} (-1: none); another strip starts at its first lane. */
    void select(Edits.Target target, int slot) {
        if (!target.equals(strip)) {
            lane = null;
        }
        strip = target;
        this.slot = slot;
    }

    /** Starts over on strip {@code target} of a newly opened session: no insert selected, its first lane shown. */
    void reset(Edits.Target target) {
        strip = target;
        slot = -1;
        lane = null;
    }

    /** Keeps the selected insert and the shown lane on their processor when the slots of {@code target} move. */
    void follow(Edits.Target target, IntUnaryOperator slots) {
        if (!target.equals(strip)) {
            return;
        }
        if (slot >= 0) {
            slot = slots.applyAsInt(slot);
        }
        lane = Edits.renumberTarget(lane, slots);
    }

    /** Renumbers only the shown lane (not the selected insert) when the slots of {@code target} change. */
    void renumberLane(Edits.Target target, IntUnaryOperator slots) {
        if (target.equals(strip)) {
            lane = Edits.renumberTarget(lane, slots);
        }
    }
}
