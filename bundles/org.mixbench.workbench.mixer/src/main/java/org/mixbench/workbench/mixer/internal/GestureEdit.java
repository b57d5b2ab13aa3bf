package org.mixbench.workbench.mixer.internal;

import org.eclipse.swt.widgets.Display;

/**
 * Turns one continuous gesture on a control (a Scale dragged with the mouse, stepped with the keyboard or turned with
 * the wheel) into one edit. While the gesture goes on, the control reports each new value with {@link #change}, which
 * only remembers how to commit the latest one (the control updates its own readout in place); the change is committed
 * once, when the gesture ends: on {@link #release} (the mouse button went up), or, for keyboard and wheel changes that
 * have no release, when no new value came for the idle time. While a mouse button is {@link #press pressed} the idle
 * commit waits for the release, so a drag held still is not cut short. Whoever is about to act on the document commits
 * a pending change first with {@link #commit}; {@link #dispose} drops what is pending and stops the timer, so nothing
 * is committed after it.
 * <p>
 * A commit is a {@link Runnable} that applies the remembered value to whatever the document holds when it runs, not to
 * the session seen when the gesture began. UI thread only.
 */
final class GestureEdit {
    private final Display display;
    private final int idleMillis;
    private final Runnable idle = this::idle;
    /** What is being moved; compared with {@link Object#equals}. Null when nothing is pending. */
    private Object key;
    private Runnable pending;
    private boolean pressed;
    private boolean disposed;

    /** A gesture tracker on {@code display} that commits a change without a release after {@code idleMillis}. */
    GestureEdit(Display display, int idleMillis) {
        this.display = display;
        this.idleMillis = idleMillis;
    }

    /** A mouse button went down on a control: an idle commit waits until {@link #release}. */
    void press() {
        pressed = true;
    }

    /**
     * The control {@code key} moved: {@code commit} will apply its new value. Replaces the pending change of the same
     * control; a pending change of another control is committed first. Restarts the idle timer.
     */
    void change(Object key, Runnable commit) {
        if (disposed) {
            return;
        }
        Runnable previous = pending != null && !key.equals(this.key) ? pending : null;
        this.key = key;
        pending = commit;
        display.timerExec(idleMillis, idle);
        if (previous != null) {
            previous.run();
        }
    }

    /** The mouse button went up: the gesture ends and what is pending is committed now. */
    void release() {
        pressed = false;
        commit();
    }

    /** Commits the pending change now, if there is one; true when there was. */
    boolean commit() {
        if (pending == null) {
            return false;
        }
        Runnable commit = pending;
        pending = null;
        key = null;
        pressed = false;
        if (!display.isDisposed()) {
            display.timerExec(-1, idle);
        }
        commit.run();
        return true;
    }

    /** Whether a change waits to be committed. */
    boolean pending() {
        return pending != null;
    }

    /** Drops the pending change without committing it and stops the timer; later calls do nothing. */
    void dispose() {
        disposed = true;
        pending = null;
        key = null;
        if (!display.isDisposed()) {
            display.timerExec(-1, idle);
        }
    }

    private void idle() {
        if (disposed || pending == null) {
            return;
        }
        if (pressed) {
            display.timerExec(idleMillis, idle);
            return;
        }
        commit();
    }
}
