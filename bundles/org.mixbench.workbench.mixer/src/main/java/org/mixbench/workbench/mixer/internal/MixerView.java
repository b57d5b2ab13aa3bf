package org.mixbench.workbench.mixer.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.function.UnaryOperator;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.MessageBox;
import org.eclipse.swt.widgets.Scale;
import org.mixbench.mixing.session.Session;
import org.mixbench.mixing.session.SessionDocument;
import org.mixbench.workbench.api.ViewPart;
import org.mixbench.workbench.api.ViewSite;
import org.mixbench.workbench.api.WorkbenchView;
import org.osgi.service.component.annotations.Component;

/**
 * The mixer of the Mix perspective: the open session's channel strips (tracks, buses, master) with inserts, sends,
 * pan, fader, mute and solo; insert slots filled from the live processor palette, each with a menu to bypass, move,
 * replace or remove it (automation follows its processor); a parameter editor for the selected insert, built from the
 * processor's parameter descriptors (a slot whose processor is not installed shows that its values are kept); send
 * knobs (level Scale, pre/post, pan, remove) and a "+ send" menu offering only buses that cannot loop back; an
 * automation lane editor for the selected strip, on a grid of the session's bars and beats with a Snap chooser; undo,
 * redo and save. Every change is one undoable edit of the session
 * document, autosaved; a Scale (fader, pan, send level, parameter) moved in one gesture (a drag, or keyboard and wheel
 * steps until a short pause) is one edit, its readout following in place meanwhile ({@link GestureEdit}).
 * Not yet: level meters and the play transport (there is no playback engine yet). UI thread only.
 */
@Component(service = WorkbenchView.class, property = {"id=mixbench.view.mixer", "name=Mixer", "category=Mixing",
    "version=1.0.0", "perspective=mix", "location=center"})
public final class MixerView implements WorkbenchView {
    @org.osgi.service.component.annotations.Reference
    private org.mixbench.api.audio.AudioFiles files;
    /** Where played audio goes for the meters; absent in a runtime without one. */
    @org.osgi.service.component.annotations.Reference(cardinality =
            org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL, policy =
            org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC)
    private volatile org.mixbench.api.monitor.MonitorBus monitor;

    /** Used by DS. */
    public MixerView() {
    }

    /** For tests: a view that renders through {@code files}. */
    MixerView(org.mixbench.api.audio.AudioFiles files) {
        this.files = files;
    }

    static final double FADER_MIN = -60;
    static final double FADER_MAX = 12;
    static final int FADER_STEPS = 720;
    /** How long after a keyboard or wheel step of a Scale without a mouse release its move is committed. */
    static final int GESTURE_IDLE_MILLIS = 300;

    @Override
    public ViewPart createPart(Composite parent, ViewSite site) {
        return new Part(parent, site, files, () -> monitor);
    }

    /** A push button with {@code text} and widget id {@code id}. */
    static Button button(Composite parent, String text, String id) {
        Button b = new Button(parent, SWT.PUSH);
        b.setText(text);
        b.setData("mixbench.id", id);
        return b;
    }

    /** Shows {@code text} in the readout {@code label} of a moving Scale, in place. */
    static void readout(Label label, String text) {
        if (!label.isDisposed() && !label.getText().equals(text)) {
            label.setText(text);
            label.requestLayout();
        }
    }

    /** A push menu item with {@code text} and widget id {@code id}. */
    static MenuItem item(Menu menu, String text, String id) {
        MenuItem item = new MenuItem(menu, SWT.PUSH);
        item.setText(text);
        item.setData("mixbench.id", id);
        return item;
    }

    /**
     * One mixer part: the coordinator of its pieces. It owns the session document, the {@link Selection}, the
     * toolbar (open, undo, redo, save), the one Scale gesture under way and the pop-up menu, and rebuilds the
     * {@link StripBuilder strips}, the {@link ParameterEditor} and the {@link AutomationPanel} on refresh; the
     * {@link Transport} plays, renders and polls the meters.
     */
    static final class Part implements ViewPart, MixerHost {
        private final ViewSite site;
        private final Composite root;
        private final Label title;
        private final Button undo;
        private final Button redo;
        private final Button save;
        private final Transport transport;
        private final ScrolledComposite scroller;
        private final Composite strips;
        private final StripBuilder stripBuilder;
        private final ParameterEditor editor;
        private final AutomationPanel automation;
        /** The one pop-up menu of the strips (insert palette, slot menu), refilled each time it opens. */
        private final Menu popup;
        private SessionDocument document;
        private final Selection selection = new Selection();
        /** The Scale move under way, committed as one edit when its gesture ends (or before any other action). */
        private final GestureEdit gesture;
        /** Set while the part is disposed: a last pending move is still committed, but nothing is rebuilt. */
        private boolean disposing;

        Part(Composite parent, ViewSite site, org.mixbench.api.audio.AudioFiles files,
                java.util.function.Supplier<org.mixbench.api.monitor.MonitorBus> monitor) {
            this.site = site;
            root = new Composite(parent, SWT.NONE);
            root.setLayout(new GridLayout(1, false));
            gesture = new GestureEdit(parent.getDisplay(), GESTURE_IDLE_MILLIS);
            root.addListener(SWT.Dispose, e -> {
                disposing = true;
                gesture.commit();
                gesture.dispose();
            });
            root.setData("mixbench.open", (Consumer<Path>) this::open);
            Composite bar = new Composite(root, SWT.NONE);
            bar.setLayout(new RowLayout(SWT.HORIZONTAL));
            bar.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
            Button openButton = button(bar, "Open session...", "mixer.open");
            undo = button(bar, "Undo", "mixer.undo");
            redo = button(bar, "Redo", "mixer.redo");
            save = button(bar, "Save", "mixer.save");
            transport = new Transport(bar, root, this, gesture, files, monitor);
            title = new Label(bar, SWT.NONE);
            title.setData("mixbench.id", "mixer.title");
            title.setText("No session open: Open session... (./mixbench demo writes one)");
            openButton.addListener(SWT.Selection, e -> {
                FileDialog dialog = new FileDialog(root.getShell(), SWT.OPEN);
                dialog.setFilterExtensions(new String[] {"*.json", "*"});
                String chosen = dialog.open();
                if (chosen != null) {
                    open(Path.of(chosen));
                }
            });
            undo.addListener(SWT.Selection, e -> run(() -> document.undo()));
            redo.addListener(SWT.Selection, e -> run(() -> document.redo()));
            save.addListener(SWT.Selection, e -> run(() -> document.save()));
            SashForm sash = new SashForm(root, SWT.VERTICAL);
            sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
            scroller = new ScrolledComposite(sash, SWT.H_SCROLL | SWT.V_SCROLL);
            strips = new Composite(scroller, SWT.NONE);
            strips.setData("mixbench.id", "mixer.strips");
            strips.setLayout(new RowLayout(SWT.HORIZONTAL));
            scroller.setContent(strips);
            scroller.setExpandHorizontal(true);
            scroller.setExpandVertical(true);
            SashForm bottom = new SashForm(sash, SWT.HORIZONTAL);
            editor = new ParameterEditor(bottom, this);
            automation = new AutomationPanel(bottom, this, files);
            stripBuilder = new StripBuilder(this, strips, transport::addMeter);
            popup = new Menu(root);
            root.addListener(SWT.Dispose, e -> popup.dispose());
            bottom.setWeights(35, 65);
            sash.setWeights(72, 28); // the strips (faders included) first; the editors below
            refresh();
            transport.pollMeters();
            String session = System.getProperty("mixbench.session");
            if (session != null) {
                open(Path.of(session));
            }
        }

        /** Opens a session file; offers the autosave when one is newer. */
        void open(Path file) {
            gesture.commit();
            try {
                document = SessionDocument.open(file);
                if (document.recoverable().isPresent() && !root.getDisplay().isDisposed()
                        && System.getProperty("mixbench.noDialogs") == null) {
                    MessageBox ask = new MessageBox(root.getShell(), SWT.ICON_QUESTION | SWT.YES | SWT.NO);
                    ask.setText("Recover session");
                    ask.setMessage("Mixbench did not save " + file.getFileName() + " before it stopped. Recover the "
                            + "autosaved changes?");
                    if (ask.open() == SWT.YES) {
                        document.recover();
                    }
                }
                selection.reset(new Edits.Target(document.session().tracks().isEmpty() ? Edits.Target.Kind.MASTER
                        : Edits.Target.Kind.TRACK, 0));
                automation.forgetClips();
                site.setStatusMessage("Opened " + file.getFileName() + ": " + document.session().tracks().size()
                        + " tracks, " + document.session().buses().size() + " buses");
            } catch (IOException e) {
                site.setStatusMessage(file.getFileName() + ": " + e.getMessage());
            }
            refresh();
        }

        private interface IoAction {
            void run() throws IOException;
        }

        private void run(IoAction action) {
            if (document == null) {
                return;
            }
            gesture.commit();
            try {
                action.run();
            } catch (IOException e) {
                site.setStatusMessage(e.getMessage());
            }
            refresh();
        }

        @Override
        public void edit(String label, UnaryOperator<Session> change) {
            run(() -> document.edit(label, change));
        }

        /**
         * Lets {@code scale} move as one gesture ({@link GestureEdit}): each Selection only calls {@code moved} with
         * the Scale's position, which updates the Scale's own readout in place and returns the edit of that value; the
         * strips are not rebuilt. The last such edit is committed once when the mouse button goes up, after a pause of
         * keyboard or wheel steps, or before any other action.
         */
        @Override
        public void gesture(Scale scale, IntFunction<Move> moved) {
            scale.addListener(SWT.MouseDown, e -> gesture.press());
            scale.addListener(SWT.MouseUp, e -> gesture.release());
            scale.addListener(SWT.Selection, e -> {
                if (document == null) {
                    return;
                }
                Move move = moved.apply(scale.getSelection());
                SessionDocument doc = document;
                String id = (String) scale.getData("mixbench.id");
                undo.setEnabled(true);
                save.setEnabled(true);
                gesture.change(scale, () -> commitMove(doc, scale, id, move));
            });
        }

        /**
         * Commits a finished Scale gesture of {@code doc} (nothing when another session was opened since) and
         * rebuilds the view, unless a gesture on another Scale is already under way or the part is being disposed;
         * the rebuilt Scale {@code id} keeps the keyboard focus the moved one had.
         */
        private void commitMove(SessionDocument doc, Scale scale, String id, Move move) {
            if (doc != document) {
                return;
            }
            boolean focused = !scale.isDisposed() && scale.isFocusControl();
            try {
                doc.edit(move.label(), move.change());
            } catch (IOException e) {
                site.setStatusMessage(e.getMessage());
            }
            if (disposing || root.isDisposed() || gesture.pending()) {
                return;
            }
            refresh();
            Scale again = focused && id != null ? scale(root, id) : null;
            if (again != null) {
                again.setFocus();
            }
        }

        /** The Scale with id {@code id} in {@code parent}, or null. */
        private static Scale scale(Composite parent, String id) {
            for (Control c : parent.getChildren()) {
                if (c instanceof Scale found && id.equals(found.getData("mixbench.id"))) {
                    return found;
                }
                Scale inside = c instanceof Composite composite ? scale(composite, id) : null;
                if (inside != null) {
                    return inside;
                }
            }
            return null;
        }

        /** Rebuilds the strips, the editor and the automation from the session (committing a pending move first). */
        @Override
        public void refresh() {
            gesture.commit();
            for (Control c : strips.getChildren()) {
                c.dispose();
            }
            transport.clearMeters();
            editor.clear();
            undo.setEnabled(document != null && document.undoLabel().isPresent());
            redo.setEnabled(document != null && document.redoLabel().isPresent());
            save.setEnabled(document != null && document.dirty());
            transport.update(document);
            if (document != null) {
                undo.setToolTipText(document.undoLabel().map(l -> "Undo " + l).orElse(""));
                Session s = document.session();
                title.setText(document.file().getFileName() + (document.dirty() ? " (modified)" : "") + "   "
                        + (long) s.sampleRate() + " Hz, " + String.format(Locale.ROOT, "%.0f", s.tempo()) + " bpm");
                for (int t = 0; t < s.tracks().size(); t++) {
                    stripBuilder.strip(s, new Edits.Target(Edits.Target.Kind.TRACK, t));
                }
                for (int b = 0; b < s.buses().size(); b++) {
                    stripBuilder.strip(s, new Edits.Target(Edits.Target.Kind.BUS, b));
                }
                stripBuilder.strip(s, new Edits.Target(Edits.Target.Kind.MASTER, 0));
                editor.fill(s);
                automation.show(s);
            }
            automation.enable(document != null);
            title.getParent().layout(true);
            strips.layout(true);
            scroller.setMinSize(strips.computeSize(SWT.DEFAULT, SWT.DEFAULT));
            editor.fit();
            automation.layout();
        }

        @Override
        public void select(Edits.Target target, int slot) {
            gesture.commit();
            selection.select(target, slot);
            refresh();
        }

        @Override
        public void popup(Consumer<Menu> fill, Point at) {
            if (document == null) {
                return;
            }
            gesture.commit();
            for (MenuItem item : popup.getItems()) {
                item.dispose();
            }
            fill.accept(popup);
            popup.setLocation(at);
            popup.setVisible(true);
        }

        /** The pop-up menu of the strips as last filled (for tests). */
        Menu menu() {
            return popup;
        }

        @Override
        public SessionDocument document() {
            return document;
        }

        @Override
        public ViewSite site() {
            return site;
        }

        @Override
        public Selection selection() {
            return selection;
        }

        @Override
        public Control control() {
            return root;
        }
    }
}
