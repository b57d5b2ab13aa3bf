package org.mixbench.workbench.mixer.internal;

import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.function.UnaryOperator;

import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.Scale;
import org.mixbench.mixing.session.Session;
import org.mixbench.mixing.session.SessionDocument;
import org.mixbench.workbench.api.ViewSite;

/**
 * What the pieces of a mixer part ({@link StripBuilder}, {@link SendControls}, {@link ParameterEditor},
 * {@link AutomationPanel}, {@link Transport}) need from the part that coordinates them ({@link MixerView.Part}): the
 * open session document, the selection, and the ways to change the session. UI thread only.
 */
interface MixerHost {
    /** The open session document, or null when none is open. */
    SessionDocument document();

    ViewSite site();

    Selection selection();

    /** Applies {@code change} to the session as one undoable edit named {@code label}, then rebuilds the view. */
    void edit(String label, UnaryOperator<Session> change);

    /**
     * Lets {@code scale} move as one gesture ({@link GestureEdit}): each Selection only calls {@code moved} with the
     * Scale's position, which updates the Scale's own readout in place and returns the edit of that value.
     */
    void gesture(Scale scale, IntFunction<Move> moved);

    /** Refills the strips' pop-up menu with what {@code fill} adds and shows it at display point {@code at}. */
    void popup(Consumer<Menu> fill, Point at);

    /** Selects strip {@code target} and its insert {@code slot} (-1: none) for the editors. */
    void select(Edits.Target target, int slot);

    /** Rebuilds the strips, the editor and the automation from the session (committing a pending move first). */
    void refresh();

    /** The edit a Scale gesture ends in: its undo label and the change, applied to the session of that time. */
    record Move(String label, UnaryOperator<Session> change) {
    }
}
