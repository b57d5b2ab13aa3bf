package org.mixbench.workbench.mixer.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.IntUnaryOperator;
import java.util.function.UnaryOperator;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.MessageBox;
import org.eclipse.swt.widgets.Scale;
import org.mixbench.api.contribution.ContributionInfo;
import org.mixbench.api.contribution.ContributionKind;
import org.mixbench.api.processor.ParameterDescriptor;
import org.mixbench.api.processor.ProcessorFactory;
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

    /** One mixer part. */
    static final class Part implements ViewPart {
        private final ViewSite site;
        private final org.mixbench.api.audio.AudioFiles files;
        private final java.util.function.Supplier<org.mixbench.api.monitor.MonitorBus> monitor;
        private final Button play;
        private final Button stop;
        private final Button render;
        private org.mixbench.mixing.engine.Playback playback;
        /** Warnings of the playing graph already shown in the status line. */
        private int reportedWarnings;
        private volatile org.mixbench.mixing.engine.MixRenderer active;
        private final java.util.List<MeterBar> meters = new java.util.ArrayList<>();
        private final Composite root;
        private final Label title;
        private final Button undo;
        private final Button redo;
        private final Button save;
        private final ScrolledComposite scroller;
        private final Composite strips;
        private final ScrolledComposite editorScroller;
        private final Composite editor;
        private final AutomationCanvas automation;
        private final Combo laneChooser;
        /** What breakpoint times snap to: the {@link Grid.Snap} values in order; Beat at first. */
        private final Combo snapChooser;
        private final Button addLane;
        private final Button deleteLane;
        private final Label readout;
        /** The one pop-up menu of the strips (insert palette, slot menu), refilled each time it opens. */
        private final Menu popup;
        private SessionDocument document;
        private Edits.Target selected = new Edits.Target(Edits.Target.Kind.MASTER, 0);
        private int selectedSlot = -1;
        /** The lane target the automation editor shows for the selected strip; null: the first lane, or the fader. */
        private String laneTarget;
        private List<AutomationTargets.Automatable> automatables = List.of();
        /** Seconds of audio in each clip file without a stored length, read once per opened session. */
        private final Map<String, Double> fileSeconds = new HashMap<>();
        /** The Scale move under way, committed as one edit when its gesture ends (or before any other action). */
        private final GestureEdit gesture;
        /** Set while the part is disposed: a last pending move is still committed, but nothing is rebuilt. */
        private boolean disposing;

        Part(Composite parent, ViewSite site, org.mixbench.api.audio.AudioFiles files,
                java.util.function.Supplier<org.mixbench.api.monitor.MonitorBus> monitor) {
            this.site = site;
            this.files = files;
            this.monitor = monitor;
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
            play = button(bar, "Play", "mixer.play");
            stop = button(bar, "Stop", "mixer.stop");
            render = button(bar, "Render", "mixer.render");
            play.addListener(SWT.Selection, e -> play());
            stop.addListener(SWT.Selection, e -> stopPlayback());
            render.addListener(SWT.Selection, e -> render());
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
            editorScroller = new ScrolledComposite(bottom, SWT.V_SCROLL | SWT.BORDER);
            editor = new Composite(editorScroller, SWT.NONE);
            editor.setData("mixbench.id", "mixer.editor");
            editor.setLayout(new GridLayout(3, false));
            editorScroller.setContent(editor);
            editorScroller.setExpandHorizontal(true);
            editorScroller.setExpandVertical(true);
            editorScroller.addListener(SWT.Resize, e -> fitEditor());
            Composite lanes = new Composite(bottom, SWT.NONE);
            GridLayout lanesLayout = new GridLayout(7, false);
            lanesLayout.marginWidth = 0;
            lanesLayout.marginHeight = 0;
            lanes.setLayout(lanesLayout);
            Label laneLabel = new Label(lanes, SWT.NONE);
            laneLabel.setText("Lane");
            laneChooser = new Combo(lanes, SWT.READ_ONLY | SWT.DROP_DOWN);
            laneChooser.setData("mixbench.id", "mixer.automation.lane");
            laneChooser.setVisibleItemCount(20);
            GridData chooserData = new GridData(SWT.FILL, SWT.CENTER, true, false);
            chooserData.minimumWidth = 170;
            chooserData.widthHint = 170;
            laneChooser.setLayoutData(chooserData);
            laneChooser.addListener(SWT.Selection, e -> {
                int i = laneChooser.getSelectionIndex();
                if (i >= 0 && i < automatables.size()) {
                    laneTarget = automatables.get(i).target();
                    refresh();
                }
            });
            Label snapLabel = new Label(lanes, SWT.NONE);
            snapLabel.setText("Snap");
            snapChooser = new Combo(lanes, SWT.READ_ONLY | SWT.DROP_DOWN);
            snapChooser.setData("mixbench.id", "mixer.automation.snap");
            snapChooser.setToolTipText("Breakpoint times snap to the session's bars and beats (4/4); hold Shift "
                    + "while clicking or dragging to place freely");
            for (Grid.Snap snap : Grid.Snap.values()) {
                snapChooser.add(snap.label());
            }
            snapChooser.select(Grid.Snap.BEAT.ordinal());
            addLane = button(lanes, "Add lane", "mixer.automation.add");
            addLane.addListener(SWT.Selection, e -> addLane());
            deleteLane = button(lanes, "Delete lane", "mixer.automation.delete");
            deleteLane.addListener(SWT.Selection, e -> deleteLane());
            readout = new Label(lanes, SWT.RIGHT);
            readout.setData("mixbench.id", "mixer.automation.readout");
            GridData readoutData = new GridData(SWT.FILL, SWT.CENTER, false, false);
            readoutData.widthHint = 150;
            readout.setLayoutData(readoutData);
            automation = new AutomationCanvas(lanes, new AutomationCanvas.Owner() {
                @Override
                public void commit(String verb, List<Session.Point> points) {
                    commitPoints(verb, points);
                }

                @Override
                public void addLane() {
                    Part.this.addLane();
                }

                @Override
                public void addLane(List<Session.Point> points) {
                    Part.this.addLane(points);
                }

                @Override
                public void deleteLane() {
                    Part.this.deleteLane();
                }

                @Override
                public void readout(String text) {
                    if (!readout.isDisposed()) {
                        readout.setText(text);
                    }
                }
            });
            automation.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 7, 1));
            automation.setSnap(Grid.Snap.BEAT);
            snapChooser.addListener(SWT.Selection, e -> {
                int i = snapChooser.getSelectionIndex();
                if (i >= 0) {
                    automation.setSnap(Grid.Snap.values()[i]);
                }
            });
            popup = new Menu(root);
            root.addListener(SWT.Dispose, e -> popup.dispose());
            bottom.setWeights(35, 65);
            sash.setWeights(64, 36);
            refresh();
            pollMeters();
            String session = System.getProperty("mixbench.session");
            if (session != null) {
                open(Path.of(session));
            }
        }

        private static Button button(Composite parent, String text, String id) {
            Button b = new Button(parent, SWT.PUSH);
            b.setText(text);
            b.setData("mixbench.id", id);
            return b;
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
                selected = new Edits.Target(document.session().tracks().isEmpty() ? Edits.Target.Kind.MASTER
                        : Edits.Target.Kind.TRACK, 0);
                selectedSlot = -1;
                laneTarget = null;
                fileSeconds.clear();
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

        private void edit(String label, UnaryOperator<Session> change) {
            run(() -> document.edit(label, change));
        }

        /**
         * Lets {@code scale} move as one gesture ({@link GestureEdit}): each Selection only calls {@code moved} with
         * the Scale's position, which updates the Scale's own readout in place and returns the edit of that value; the
         * strips are not rebuilt. The last such edit is committed once when the mouse button goes up, after a pause of
         * keyboard or wheel steps, or before any other action.
         */
        private void gesture(Scale scale, java.util.function.IntFunction<Move> moved) {
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

        /** The edit a Scale gesture ends in: its undo label and the change, applied to the session of that time. */
        private record Move(String label, UnaryOperator<Session> change) {
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
        void refresh() {
            gesture.commit();
            for (Control c : strips.getChildren()) {
                c.dispose();
            }
            meters.clear();
            for (Control c : editor.getChildren()) {
                c.dispose();
            }
            undo.setEnabled(document != null && document.undoLabel().isPresent());
            redo.setEnabled(document != null && document.redoLabel().isPresent());
            save.setEnabled(document != null && document.dirty());
            boolean canPlay = document != null && files != null
                    && org.mixbench.mixing.engine.JavaSoundSink.available(document.session().sampleRate());
            play.setEnabled(canPlay && (playback == null || !playback.playing()));
            play.setToolTipText(canPlay ? "Play the mix" : "No audio output device: use Render");
            stop.setEnabled(playback != null && playback.playing());
            render.setEnabled(document != null && files != null);
            if (document != null) {
                undo.setToolTipText(document.undoLabel().map(l -> "Undo " + l).orElse(""));
                Session s = document.session();
                title.setText(document.file().getFileName() + (document.dirty() ? " (modified)" : "") + "   "
                        + (long) s.sampleRate() + " Hz, " + String.format(Locale.ROOT, "%.0f", s.tempo()) + " bpm");
                for (int t = 0; t < s.tracks().size(); t++) {
                    strip(s, new Edits.Target(Edits.Target.Kind.TRACK, t));
                }
                for (int b = 0; b < s.buses().size(); b++) {
                    strip(s, new Edits.Target(Edits.Target.Kind.BUS, b));
                }
                strip(s, new Edits.Target(Edits.Target.Kind.MASTER, 0));
                fillEditor(s);
                showAutomation(s);
            }
            laneChooser.setEnabled(document != null);
            snapChooser.setEnabled(document != null);
            if (document == null) {
                addLane.setEnabled(false);
                deleteLane.setEnabled(false);
            }
            title.getParent().layout(true);
            strips.layout(true);
            scroller.setMinSize(strips.computeSize(SWT.DEFAULT, SWT.DEFAULT));
            fitEditor();
            laneChooser.getParent().layout(true);
        }

        /** Lets the parameter editor scroll when a processor has more parameters than fit. */
        private void fitEditor() {
            int width = editorScroller.getClientArea().width;
            editorScroller.setMinSize(editor.computeSize(width > 0 ? width : SWT.DEFAULT, SWT.DEFAULT));
            editor.layout(true);
        }

        /** About 20 times a second: the meters show the active render's or playback's last block. */
        private void pollMeters() {
            if (root.isDisposed()) {
                return;
            }
            org.mixbench.mixing.engine.MixRenderer r = active;
            for (MeterBar m : meters) {
                if (!m.isDisposed()) {
                    m.setLevel(r == null ? 0 : r.peak(m.index));
                }
            }
            if (r != null && playback != null) {
                List<String> warnings = r.warnings();
                if (warnings.size() > reportedWarnings) {
                    reportedWarnings = warnings.size();
                    site.setStatusMessage("Playing " + document.file().getFileName() + ": "
                            + warnings.get(warnings.size() - 1));
                }
            }
            if (playback != null && !playback.playing() && stop.getEnabled() && !gesture.pending()) {
                if (playback.failure() != null) {
                    site.setStatusMessage("Playback stopped: " + playback.failure().getMessage());
                }
                refresh();
            }
            root.getDisplay().timerExec(50, this::pollMeters);
        }

        private int nodeIndex(Session s, Edits.Target target) {
            return switch (target.kind()) {
                case TRACK -> target.index();
                case BUS -> s.tracks().size() + target.index();
                case MASTER -> s.tracks().size() + s.buses().size();
            };
        }

        private void strip(Session s, Edits.Target target) {
            Session.Strip strip = Edits.strip(s, target);
            String name = Edits.name(s, target);
            String id = "strip." + name;
            boolean isSelected = target.equals(selected);
            Composite c = new Composite(strips, isSelected ? SWT.BORDER : SWT.NONE);
            c.setData("mixbench.id", id);
            c.setLayout(new GridLayout(2, true));
            Button nameButton = new Button(c, SWT.TOGGLE);
            nameButton.setText(name);
            nameButton.setData("mixbench.id", id + ".name");
            nameButton.setSelection(isSelected);
            nameButton.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
            nameButton.addListener(SWT.Selection, e -> select(target, -1));
            for (int i = 0; i < strip.inserts().size(); i++) {
                Session.Insert insert = strip.inserts().get(i);
                Optional<ProcessorFactory> factory = site.registry().find(ContributionKind.PROCESSOR,
                        insert.processor(), ProcessorFactory.class);
                Composite row = new Composite(c, SWT.NONE);
                GridLayout slotLayout = new GridLayout(2, false);
                slotLayout.marginWidth = 0;
                slotLayout.marginHeight = 0;
                slotLayout.horizontalSpacing = 1;
                row.setLayout(slotLayout);
                row.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
                Button slot = new Button(row, SWT.PUSH);
                slot.setText(factory.map(f -> f.descriptor().name()).orElse(insert.processor() + " (missing)")
                        + (insert.bypass() ? " [off]" : ""));
                slot.setData("mixbench.id", id + ".insert." + i);
                slot.setToolTipText("Click to edit its parameters; right click or \u25BE for bypass, move, replace, "
                        + "remove");
                slot.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
                int index = i;
                slot.addListener(SWT.Selection, e -> select(target, index));
                slot.addListener(SWT.MenuDetect, e -> {
                    e.doit = false;
                    popup(m -> slotMenu(m, target, index), new Point(e.x, e.y));
                });
                Button more = new Button(row, SWT.PUSH);
                more.setText("\u25BE");
                more.setData("mixbench.id", id + ".insert." + i + ".menu");
                more.setToolTipText("Bypass, move, replace or remove this insert");
                more.setLayoutData(new GridData(SWT.RIGHT, SWT.FILL, false, false));
                more.addListener(SWT.Selection, e -> popup(m -> slotMenu(m, target, index),
                        more.toDisplay(0, more.getSize().y)));
            }
            Button addInsert = new Button(c, SWT.PUSH);
            addInsert.setText("+ insert");
            addInsert.setData("mixbench.id", id + ".insert.add");
            addInsert.setToolTipText("Add a processor after the last insert of " + name);
            addInsert.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
            addInsert.addListener(SWT.Selection, e -> popup(m -> palette(m, null, info -> addInsert(target, info)),
                    addInsert.toDisplay(0, addInsert.getSize().y)));
            for (Session.Send send : strip.sends()) {
                sendControl(c, s, target, send);
            }
            if (target.kind() != Edits.Target.Kind.MASTER) {
                Button addSend = new Button(c, SWT.PUSH);
                addSend.setText("+ send");
                addSend.setData("mixbench.id", id + ".send.add");
                addSend.setToolTipText("Send " + name + " to a bus (buses that feed " + name + " back are not offered)");
                addSend.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
                addSend.addListener(SWT.Selection, e -> popup(m -> sendDestinationsMenu(m, target),
                        addSend.toDisplay(0, addSend.getSize().y)));
            }
            Scale pan = new Scale(c, SWT.HORIZONTAL);
            pan.setData("mixbench.id", id + ".pan");
            pan.setMinimum(0);
            pan.setMaximum(200);
            pan.setSelection((int) Math.round((strip.pan() + 1) * 100));
            pan.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
            Label panText = new Label(c, SWT.CENTER);
            panText.setText(stripPanText(strip.pan()));
            panText.setData("mixbench.id", id + ".pan.text");
            panText.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
            gesture(pan, steps -> {
                double value = steps / 100.0 - 1;
                readout(panText, stripPanText(value));
                return new Move("Pan " + name, Edits.strip(target, st -> Edits.pan(st, value)));
            });
            Composite faderRow = new Composite(c, SWT.NONE);
            GridLayout rowLayout = new GridLayout(2, false);
            rowLayout.marginWidth = 0;
            faderRow.setLayout(rowLayout);
            GridData rowData = new GridData(SWT.CENTER, SWT.FILL, false, true, 1, 3);
            faderRow.setLayoutData(rowData);
            Scale fader = new Scale(faderRow, SWT.VERTICAL);
            MeterBar meter = new MeterBar(faderRow, nodeIndex(s, target));
            meter.setData("mixbench.id", id + ".meter");
            GridData meterData = new GridData(8, 150);
            meter.setLayoutData(meterData);
            meters.add(meter);
            fader.setData("mixbench.id", id + ".fader");
            fader.setMinimum(0);
            fader.setMaximum(FADER_STEPS);
            fader.setSelection(faderSteps(strip.faderDb()));
            GridData faderData = new GridData(SWT.CENTER, SWT.FILL, false, true);
            faderData.heightHint = 150;
            fader.setLayoutData(faderData);
            Label db = new Label(c, SWT.NONE);
            db.setText(String.format(Locale.ROOT, "%.1f dB", strip.faderDb()));
            db.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
            db.setData("mixbench.id", id + ".db");
            gesture(fader, steps -> {
                double value = faderDb(steps);
                readout(db, String.format(Locale.ROOT, "%.1f dB", value));
                return new Move("Fader " + name, Edits.strip(target, st -> Edits.fader(st, value)));
            });
            if (target.kind() != Edits.Target.Kind.MASTER) {
                Button mute = new Button(c, SWT.TOGGLE);
                mute.setText("M");
                mute.setSelection(strip.mute());
                mute.setData("mixbench.id", id + ".mute");
                mute.addListener(SWT.Selection, e -> edit((mute.getSelection() ? "Mute " : "Unmute ") + name,
                        Edits.strip(target, st -> Edits.mute(st, mute.getSelection()))));
                if (target.kind() == Edits.Target.Kind.TRACK) {
                    Button solo = new Button(c, SWT.TOGGLE);
                    solo.setText("S");
                    solo.setSelection(strip.solo());
                    solo.setData("mixbench.id", id + ".solo");
                    solo.addListener(SWT.Selection, e -> edit((solo.getSelection() ? "Solo " : "Unsolo ") + name,
                            Edits.strip(target, st -> Edits.solo(st, solo.getSelection()))));
                }
            }
            Label out = new Label(c, SWT.NONE);
            out.setText(target.kind() == Edits.Target.Kind.MASTER ? "out" : "-> " + strip.output());
            out.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        }

        /**
         * The control of one send of strip {@code target} (in strip composite {@code c}), on two rows: the bus name
         * and the level as text ({@code "-8.0 dB"}, {@code "-8.0 dB pre"} when taken before the fader); below them a
         * level Scale like the faders (-60..+12 dB, 0.1 dB a step), the send's pan ({@code "C"}, {@code "L50"}) and a
         * {@code "\u25BE"} menu button. Right click anywhere on it or the button opens {@link #sendMenu}.
         */
        private void sendControl(Composite c, Session s, Edits.Target target, Session.Send send) {
            String name = Edits.name(s, target);
            String bus = Edits.busName(s, send.bus());
            String id = "strip." + name + ".send." + send.bus();
            Composite box = new Composite(c, SWT.NONE);
            box.setData("mixbench.id", id + ".box");
            GridLayout boxLayout = new GridLayout(1, false);
            boxLayout.marginWidth = 0;
            boxLayout.marginHeight = 0;
            boxLayout.verticalSpacing = 0;
            box.setLayout(boxLayout);
            box.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
            Composite top = sendRow(box, 2);
            Label busLabel = new Label(top, SWT.NONE);
            busLabel.setText(bus);
            busLabel.setData("mixbench.id", id + ".bus");
            GridData busData = new GridData(SWT.FILL, SWT.CENTER, true, false);
            busData.widthHint = Math.min(56, busLabel.computeSize(SWT.DEFAULT, SWT.DEFAULT).x);
            busLabel.setLayoutData(busData);
            Label text = new Label(top, SWT.RIGHT);
            text.setText(sendText(send));
            text.setData("mixbench.id", id + ".text");
            text.setLayoutData(new GridData(SWT.RIGHT, SWT.CENTER, false, false));
            Composite bottom = sendRow(box, 3);
            Scale level = new Scale(bottom, SWT.HORIZONTAL);
            level.setData("mixbench.id", id);
            level.setMinimum(0);
            level.setMaximum(FADER_STEPS);
            level.setIncrement(1);
            level.setPageIncrement(10);
            level.setSelection(sendSteps(send.levelDb()));
            GridData levelData = new GridData(SWT.FILL, SWT.CENTER, true, false);
            levelData.widthHint = 50;
            level.setLayoutData(levelData);
            Label pan = new Label(bottom, SWT.RIGHT);
            pan.setText(panText(send.pan()));
            pan.setData("mixbench.id", id + ".pan");
            pan.setLayoutData(new GridData(SWT.RIGHT, SWT.CENTER, false, false));
            Button more = new Button(bottom, SWT.PUSH);
            more.setText("\u25BE");
            more.setData("mixbench.id", id + ".menu");
            more.setToolTipText("Pre/post fader, pan or remove this send");
            more.setLayoutData(new GridData(SWT.RIGHT, SWT.CENTER, false, false));
            more.addListener(SWT.Selection, e -> popup(m -> sendMenu(m, target, send.bus()),
                    more.toDisplay(0, more.getSize().y)));
            gesture(level, steps -> {
                double db = sendDb(steps);
                readout(text, sendText(new Session.Send(send.bus(), db, send.pan(), send.preFader())));
                return new Move(String.format(Locale.ROOT, "Send %s to %s %.1f dB", name, bus, db), Edits.strip(
                        target, st -> Edits.setSendLevel(st, send.bus(), db)));
            });
            String tip = "Send " + name + " to " + bus + ": " + sendText(send).replace(" pre", "") + ", "
                    + (send.preFader() ? "pre-fader" : "post-fader") + ", pan " + panText(send.pan())
                    + "; right click or \u25BE for pre/post, pan, remove";
            for (Control control : new Control[] {box, top, bottom, busLabel, text, level, pan}) {
                control.setToolTipText(tip);
                control.addListener(SWT.MenuDetect, e -> {
                    e.doit = false;
                    popup(m -> sendMenu(m, target, send.bus()), new Point(e.x, e.y));
                });
            }
        }

        /** One row of a send control: {@code columns} columns without margins, filling the width. */
        private static Composite sendRow(Composite box, int columns) {
            Composite row = new Composite(box, SWT.NONE);
            GridLayout layout = new GridLayout(columns, false);
            layout.marginWidth = 0;
            layout.marginHeight = 0;
            layout.horizontalSpacing = 3;
            row.setLayout(layout);
            row.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
            return row;
        }

        /** A send's level as its strip shows it: {@code "-18.0 dB"}, {@code "-18.0 dB pre"} when pre-fader. */
        static String sendText(Session.Send send) {
            return String.format(Locale.ROOT, "%.1f dB", send.levelDb()) + (send.preFader() ? " pre" : "");
        }

        /** A strip's pan as its strip shows it: {@code "C"}, {@code "L25"}, {@code "R100"}. */
        static String stripPanText(double pan) {
            return pan == 0 ? "C" : String.format(Locale.ROOT, "%s%.0f", pan < 0 ? "L" : "R", Math.abs(pan) * 100);
        }

        /** Shows {@code text} in the readout {@code label} of a moving Scale, in place. */
        private static void readout(Label label, String text) {
            if (!label.isDisposed() && !label.getText().equals(text)) {
                label.setText(text);
                label.requestLayout();
            }
        }

        /** A pan position: {@code "C"}, {@code "L50"}, {@code "R100"}. */
        static String panText(double pan) {
            long percent = Math.round(Math.abs(pan) * 100);
            return percent == 0 ? "C" : (pan < 0 ? "L" : "R") + percent;
        }

        /** Where a horizontal send Scale sits for {@code db}: 0.1 dB a step, -60 dB at the left. */
        static int sendSteps(double db) {
            double clamped = Math.max(FADER_MIN, Math.min(FADER_MAX, db));
            return (int) Math.round((clamped - FADER_MIN) * FADER_STEPS / (FADER_MAX - FADER_MIN));
        }

        /** The level of a send Scale at {@code steps}, rounded to 0.1 dB. */
        static double sendDb(int steps) {
            return Math.round((FADER_MIN + steps / (double) FADER_STEPS * (FADER_MAX - FADER_MIN)) * 10) / 10.0;
        }

        /** Pan positions the send menu offers, left to right. */
        private static final double[] SEND_PANS = {-1, -0.5, -0.25, 0, 0.25, 0.5, 1};

        /**
         * The menu of the send of strip {@code target} to {@code bus}: Pre-fader / Post-fader (radio), a Pan cascade
         * of positions, and Remove send (which also removes the send's automation lane, in the same edit).
         */
        private void sendMenu(Menu menu, Edits.Target target, String bus) {
            Session s = document.session();
            Optional<Session.Send> found = Edits.send(Edits.strip(s, target), bus);
            if (found.isEmpty()) {
                return;
            }
            Session.Send send = found.get();
            String phrase = "send " + Edits.name(s, target) + " to " + Edits.busName(s, bus);
            MenuItem pre = new MenuItem(menu, SWT.RADIO);
            pre.setText("Pre-fader");
            pre.setData("mixbench.id", "send.menu.pre");
            pre.setSelection(send.preFader());
            pre.addListener(SWT.Selection, e -> {
                if (pre.getSelection() && !send.preFader()) {
                    edit("Take " + phrase + " pre-fader", Edits.strip(target, st -> Edits.setSendPreFader(st, bus,
                            true)));
                }
            });
            MenuItem post = new MenuItem(menu, SWT.RADIO);
            post.setText("Post-fader");
            post.setData("mixbench.id", "send.menu.post");
            post.setSelection(!send.preFader());
            post.addListener(SWT.Selection, e -> {
                if (post.getSelection() && send.preFader()) {
                    edit("Take " + phrase + " post-fader", Edits.strip(target, st -> Edits.setSendPreFader(st, bus,
                            false)));
                }
            });
            MenuItem panItem = new MenuItem(menu, SWT.CASCADE);
            panItem.setText("Pan (" + panText(send.pan()) + ")");
            panItem.setData("mixbench.id", "send.menu.pan");
            Menu pans = new Menu(panItem);
            panItem.setMenu(pans);
            for (double p : SEND_PANS) {
                MenuItem item = new MenuItem(pans, SWT.RADIO);
                String text = panText(p);
                item.setText(p == 0 ? "Center" : text);
                item.setData("mixbench.id", "send.menu.pan." + text);
                item.setSelection(Math.abs(send.pan() - p) < 1e-9);
                item.addListener(SWT.Selection, e -> {
                    if (item.getSelection() && Math.abs(send.pan() - p) >= 1e-9) {
                        edit("Pan " + phrase + " " + text, Edits.strip(target, st -> Edits.setSendPan(st, bus, p)));
                    }
                });
            }
            new MenuItem(menu, SWT.SEPARATOR);
            MenuItem remove = item(menu, "Remove send", "send.menu.remove");
            remove.addListener(SWT.Selection, e -> edit("Remove " + phrase, Edits.channel(target,
                    c -> Edits.removeSend(c, bus))));
        }

        /**
         * The buses strip {@code target} may send to ({@link Edits#sendDestinations}: no loops, no second send to a
         * bus); choosing one adds a post-fader send at {@value Edits#DEFAULT_SEND_DB} dB as one edit.
         */
        private void sendDestinationsMenu(Menu menu, Edits.Target target) {
            Session s = document.session();
            List<Session.Bus> buses = Edits.sendDestinations(s, target);
            if (buses.isEmpty()) {
                MenuItem none = item(menu, s.buses().isEmpty() ? "No buses in this session" : "No bus to send to",
                        "send.add.none");
                none.setEnabled(false);
                return;
            }
            String name = Edits.name(s, target);
            for (Session.Bus b : buses) {
                MenuItem item = item(menu, b.name(), "send.add." + b.id());
                item.addListener(SWT.Selection, e -> edit("Add send " + name + " to " + b.name(), Edits.strip(target,
                        st -> Edits.addSend(st, b.id()))));
            }
        }

        static int faderSteps(double db) {
            double clamped = Math.max(FADER_MIN, Math.min(FADER_MAX, db));
            return (int) Math.round((FADER_MAX - clamped) / (FADER_MAX - FADER_MIN) * FADER_STEPS);
        }

        static double faderDb(int steps) {
            return Math.round((FADER_MAX - steps / (double) FADER_STEPS * (FADER_MAX - FADER_MIN)) * 10) / 10.0;
        }

        private void fillEditor(Session s) {
            Session.Strip strip = Edits.strip(s, selected);
            Label heading = new Label(editor, SWT.WRAP);
            GridData headingData = new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1);
            headingData.widthHint = 200;
            heading.setLayoutData(headingData);
            heading.setData("mixbench.id", "mixer.editor.heading");
            if (selectedSlot < 0 || selectedSlot >= strip.inserts().size()) {
                heading.setText(Edits.name(s, selected) + ": select an insert to edit its parameters");
                return;
            }
            Session.Insert insert = strip.inserts().get(selectedSlot);
            Optional<ProcessorFactory> factory = site.registry().find(ContributionKind.PROCESSOR, insert.processor(),
                    ProcessorFactory.class);
            if (factory.isEmpty()) {
                heading.setText(Edits.name(s, selected) + ": " + insert.processor() + " is not installed; its "
                        + insert.parameters().size() + " stored values are kept and it renders bypassed");
                return;
            }
            heading.setText(Edits.name(s, selected) + ": " + factory.get().descriptor().name() + " (slot "
                    + (selectedSlot + 1) + ")");
            List<ParameterDescriptor> parameters = factory.get().parameters();
            int shown = 0;
            for (ParameterDescriptor d : parameters) {
                if (shown++ >= 12 && !insert.parameters().containsKey(d.id())) {
                    continue;
                }
                double value = insert.parameters().getOrDefault(d.id(), d.defaultValue());
                Label name = new Label(editor, SWT.NONE);
                name.setText(d.name());
                Scale scale = new Scale(editor, SWT.HORIZONTAL);
                scale.setData("mixbench.id", "mixer.parameter." + d.id());
                scale.setMinimum(0);
                scale.setMaximum(1000);
                scale.setSelection((int) Math.round(d.toNormalized(value) * 1000));
                scale.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
                Label text = new Label(editor, SWT.NONE);
                text.setText(d.displayText(value));
                text.setData("mixbench.id", "mixer.parameter." + d.id() + ".text");
                text.setLayoutData(new GridData(90, SWT.DEFAULT));
                int slot = selectedSlot;
                Edits.Target target = selected;
                gesture(scale, steps -> {
                    double v = d.fromNormalized(steps / 1000.0);
                    readout(text, d.displayText(v));
                    return new Move(d.name() + " of " + factory.get().descriptor().name(), Edits.strip(target,
                            st -> Edits.parameter(st, slot, d.id(), v)));
                });
            }
        }

        /** Selects strip {@code target} and its insert {@code slot} (-1: none) for the editors. */
        private void select(Edits.Target target, int slot) {
            gesture.commit();
            if (!target.equals(selected)) {
                laneTarget = null;
            }
            selected = target;
            selectedSlot = slot;
            refresh();
        }

        /** Refills the strips' pop-up menu with what {@code fill} adds and shows it at display point {@code at}. */
        private void popup(Consumer<Menu> fill, Point at) {
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

        /**
         * Adds the processors installed now to {@code menu}, one cascade per category, by name; {@code current} (the
         * processor being replaced, or null) is shown but disabled.
         */
        private void palette(Menu menu, String current, Consumer<ContributionInfo> chosen) {
            Map<String, List<ContributionInfo>> byCategory = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (ContributionInfo info : site.registry().list(ContributionKind.PROCESSOR)) {
                String category = info.category().isBlank() ? "Other" : info.category();
                byCategory.computeIfAbsent(category, k -> new ArrayList<>()).add(info);
            }
            if (byCategory.isEmpty()) {
                MenuItem none = new MenuItem(menu, SWT.PUSH);
                none.setText("No processors installed");
                none.setEnabled(false);
                return;
            }
            for (Map.Entry<String, List<ContributionInfo>> category : byCategory.entrySet()) {
                MenuItem cascade = new MenuItem(menu, SWT.CASCADE);
                cascade.setText(category.getKey());
                cascade.setData("mixbench.id", "palette.category." + category.getKey());
                Menu sub = new Menu(cascade);
                cascade.setMenu(sub);
                List<ContributionInfo> infos = new ArrayList<>(category.getValue());
                infos.sort(Comparator.comparing(ContributionInfo::name, String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(ContributionInfo::id));
                for (ContributionInfo info : infos) {
                    MenuItem item = new MenuItem(sub, SWT.PUSH);
                    item.setText(info.name());
                    item.setData("mixbench.id", "palette." + info.id());
                    item.setEnabled(!info.id().equals(current));
                    item.addListener(SWT.Selection, e -> chosen.accept(info));
                }
            }
        }

        private String processorName(Session.Insert insert) {
            return site.registry().find(ContributionKind.PROCESSOR, insert.processor(), ProcessorFactory.class)
                    .map(f -> f.descriptor().name()).orElse(insert.processor());
        }

        /**
         * The menu of insert {@code slot} of strip {@code target}: bypass or enable, move up, move down, replace,
         * remove. A slot whose processor is not installed can only be moved or removed; its stored values stay as
         * they are.
         */
        private void slotMenu(Menu menu, Edits.Target target, int slot) {
            Session s = document.session();
            Session.Strip strip = Edits.strip(s, target);
            if (slot >= strip.inserts().size()) {
                return;
            }
            Session.Insert insert = strip.inserts().get(slot);
            boolean missing = site.registry().find(ContributionKind.PROCESSOR, insert.processor(),
                    ProcessorFactory.class).isEmpty();
            String processor = processorName(insert);
            String name = Edits.name(s, target);
            MenuItem bypass = item(menu, insert.bypass() ? "Enable" : "Bypass", "insert.menu.bypass");
            bypass.setEnabled(!missing);
            bypass.addListener(SWT.Selection, e -> edit((insert.bypass() ? "Enable " : "Bypass ") + processor + " on "
                    + name, Edits.channel(target, c -> Edits.bypass(c, slot, !insert.bypass()))));
            MenuItem up = item(menu, "Move up", "insert.menu.up");
            up.setEnabled(slot > 0);
            up.addListener(SWT.Selection, e -> moveInsert(target, slot, slot - 1));
            MenuItem down = item(menu, "Move down", "insert.menu.down");
            down.setEnabled(slot < strip.inserts().size() - 1);
            down.addListener(SWT.Selection, e -> moveInsert(target, slot, slot + 1));
            MenuItem replace = new MenuItem(menu, SWT.CASCADE);
            replace.setText("Replace with");
            replace.setData("mixbench.id", "insert.menu.replace");
            replace.setEnabled(!missing);
            Menu palette = new Menu(replace);
            replace.setMenu(palette);
            palette(palette, insert.processor(), info -> {
                if (target.equals(selected)) {
                    laneTarget = Edits.renumberTarget(laneTarget, i -> i == slot ? -1 : i);
                }
                edit("Replace " + processor + " with " + info.name() + " on " + name, Edits.channel(target,
                        c -> Edits.replaceInsert(c, slot, info.id())));
            });
            new MenuItem(menu, SWT.SEPARATOR);
            MenuItem remove = item(menu, "Remove", "insert.menu.remove");
            remove.addListener(SWT.Selection, e -> {
                follow(target, Edits.removal(slot));
                edit("Remove " + processor + " from " + name, Edits.channel(target, c -> Edits.removeInsert(c,
                        slot)));
            });
        }

        private static MenuItem item(Menu menu, String text, String id) {
            MenuItem item = new MenuItem(menu, SWT.PUSH);
            item.setText(text);
            item.setData("mixbench.id", id);
            return item;
        }

        /** Keeps the selected insert and the shown lane on their processor when the slots of {@code target} move. */
        private void follow(Edits.Target target, IntUnaryOperator slots) {
            if (!target.equals(selected)) {
                return;
            }
            if (selectedSlot >= 0) {
                selectedSlot = slots.applyAsInt(selectedSlot);
            }
            laneTarget = Edits.renumberTarget(laneTarget, slots);
        }

        private void moveInsert(Edits.Target target, int from, int to) {
            Session s = document.session();
            String processor = processorName(Edits.strip(s, target).inserts().get(from));
            follow(target, Edits.move(from, to));
            edit("Move " + processor + (to < from ? " up" : " down") + " on " + Edits.name(s, target),
                    Edits.channel(target, c -> Edits.moveInsert(c, from, to)));
        }

        /** Appends the processor {@code info} to strip {@code target} at its defaults and selects it for editing. */
        private void addInsert(Edits.Target target, ContributionInfo info) {
            Session s = document.session();
            if (!target.equals(selected)) {
                laneTarget = null;
            }
            selected = target;
            selectedSlot = Edits.strip(s, target).inserts().size();
            edit("Add " + info.name() + " to " + Edits.name(s, target), Edits.channel(target,
                    c -> Edits.addInsert(c, info.id())));
        }

        /** Fills the lane chooser and the lane canvas for the selected strip. */
        private void showAutomation(Session s) {
            automatables = AutomationTargets.of(s, selected, site.registry());
            List<Session.Lane> lanes = Edits.lanes(s, selected);
            if (laneTarget == null || AutomationTargets.find(automatables, laneTarget).isEmpty()) {
                laneTarget = lanes.isEmpty() ? "fader" : lanes.get(0).target();
            }
            String[] items = new String[automatables.size()];
            int chosen = 0;
            for (int i = 0; i < items.length; i++) {
                AutomationTargets.Automatable a = automatables.get(i);
                Optional<Session.Lane> lane = Edits.lane(lanes, a.target());
                items[i] = a.label() + lane.map(l -> "  (" + l.points().size() + (l.points().size() == 1
                        ? " point)" : " points)")).orElse("");
                if (a.target().equals(laneTarget)) {
                    chosen = i;
                }
            }
            laneChooser.setItems(items);
            laneChooser.select(chosen);
            AutomationTargets.Automatable current = automatables.get(chosen);
            boolean hasLane = Edits.lane(lanes, current.target()).isPresent();
            addLane.setEnabled(!hasLane);
            deleteLane.setEnabled(hasLane);
            double span = Math.max(10, Edits.sessionEnd(s, this::clipSeconds)) * 1.05;
            automation.show(Edits.name(s, selected), lanes, current, span, s.tempo());
        }

        private AutomationTargets.Automatable shownTarget() {
            return AutomationTargets.find(automatables, laneTarget).orElseThrow();
        }

        /** Replaces the points of the shown lane (none: the lane goes) in one edit named {@code verb}. */
        private void commitPoints(String verb, List<Session.Point> points) {
            AutomationTargets.Automatable a = shownTarget();
            edit(verb + " on " + Edits.name(document.session(), selected) + " " + a.phrase(), Edits.channel(selected,
                    c -> Edits.points(c, a.target(), points)));
        }

        /** Starts a lane for the chosen target: one point at time 0 holding the control's static value. */
        private void addLane() {
            if (document == null) {
                return;
            }
            AutomationTargets.Automatable a = shownTarget();
            edit("Add " + a.phrase() + " lane on " + Edits.name(document.session(), selected), Edits.channel(selected,
                    c -> Edits.addLane(c, a.target(), a.range().clamp(a.current()), a.defaultCurve())));
        }

        /** Starts a lane for the chosen target holding {@code points}, as one edit named like {@link #addLane()}. */
        private void addLane(List<Session.Point> points) {
            if (document == null) {
                return;
            }
            AutomationTargets.Automatable a = shownTarget();
            edit("Add " + a.phrase() + " lane on " + Edits.name(document.session(), selected), Edits.channel(selected,
                    c -> Edits.points(c, a.target(), points)));
        }

        private void deleteLane() {
            if (document == null) {
                return;
            }
            AutomationTargets.Automatable a = shownTarget();
            edit("Delete " + a.phrase() + " lane on " + Edits.name(document.session(), selected),
                    Edits.channel(selected, c -> Edits.removeLane(c, a.target())));
        }

        /** How long a clip without a stored length plays: its file's duration after its offset (0 when unknown). */
        private double clipSeconds(Session.Clip clip) {
            if (files == null || document == null) {
                return 0;
            }
            double seconds = fileSeconds.computeIfAbsent(clip.file(), f -> {
                Path base = document.file().toAbsolutePath().getParent();
                try (org.mixbench.api.audio.AudioReader reader = files.open(base.resolve(f))) {
                    double d = reader.info().durationSeconds();
                    return Double.isFinite(d) ? d : 0.0;
                } catch (IOException | RuntimeException e) {
                    return 0.0;
                }
            });
            return Math.max(0, seconds - clip.offset());
        }

        private org.mixbench.mixing.engine.MixRenderer compile() throws IOException {
            return org.mixbench.mixing.engine.MixRenderer.compile(document.session(), document.file()
                    .toAbsolutePath().getParent(), site.registry(), files);
        }

        private void play() {
            gesture.commit();
            reportedWarnings = 0;
            try {
                active = compile();
                playback = new org.mixbench.mixing.engine.Playback(active,
                        new org.mixbench.mixing.engine.JavaSoundSink(), monitor.get(), document.file()
                        .getFileName().toString());
                playback.start();
                site.setStatusMessage("Playing " + document.file().getFileName());
            } catch (IOException e) {
                site.setStatusMessage(e.getMessage());
            }
            refresh();
        }

        private void stopPlayback() {
            try {
                if (playback != null) {
                    playback.stop();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            refresh();
        }

        /** Renders the mix beside the session as NAME.mix.wav on a background thread; the status line reports. */
        void render() {
            gesture.commit();
            Path target = document.file().resolveSibling(document.file().getFileName().toString()
                    .replaceFirst("(\\.session)?\\.json$", "") + ".mix.wav");
            org.mixbench.mixing.engine.MixRenderer renderer;
            try {
                renderer = compile();
            } catch (IOException e) {
                site.setStatusMessage(e.getMessage());
                return;
            }
            site.setStatusMessage("Rendering " + target.getFileName() + "...");
            active = renderer;
            Thread worker = new Thread(() -> {
                String message;
                try (renderer) {
                    renderer.exportTo(files, target, "wav", java.util.Map.of("bits", "24"));
                    message = "Rendered " + target.getFileName() + (renderer.warnings().isEmpty() ? ""
                            : " (" + renderer.warnings().size() + " warnings: " + renderer.warnings().get(0) + ")");
                } catch (IOException | RuntimeException e) {
                    message = target.getFileName() + ": " + e.getMessage();
                }
                String done = message;
                active = null;
                if (!site.display().isDisposed()) {
                    site.display().asyncExec(() -> site.setStatusMessage(done));
                }
            }, "mixbench-render");
            worker.setDaemon(true);
            worker.start();
        }

        SessionDocument document() {
            return document;
        }

        @Override
        public Control control() {
            return root;
        }
    }
}
