package org.mixbench.workbench.mixer.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.MessageBox;
import org.eclipse.swt.widgets.Scale;
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
 * pan, fader, mute and solo; a parameter editor for the selected insert, built from the processor's parameter
 * descriptors (a slot whose processor is not installed shows that its values are kept); the automation lanes of the
 * selected strip; undo, redo and save. Every change is an undoable edit of the session document, autosaved.
 * Not yet: level meters and the play transport (there is no playback engine yet). UI thread only.
 */
@Component(service = WorkbenchView.class, property = {"id=mixbench.view.mixer", "name=Mixer", "category=Mixing",
    "version=1.0.0", "perspective=mix", "location=center"})
public final class MixerView implements WorkbenchView {
    @org.osgi.service.component.annotations.Reference
    private org.mixbench.api.audio.AudioFiles files;

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

    @Override
    public ViewPart createPart(Composite parent, ViewSite site) {
        return new Part(parent, site, files);
    }

    /** One mixer part. */
    static final class Part implements ViewPart {
        private final ViewSite site;
        private final org.mixbench.api.audio.AudioFiles files;
        private final Button play;
        private final Button stop;
        private final Button render;
        private org.mixbench.mixing.engine.Playback playback;
        private volatile org.mixbench.mixing.engine.MixRenderer active;
        private final java.util.List<MeterBar> meters = new java.util.ArrayList<>();
        private final Composite root;
        private final Label title;
        private final Button undo;
        private final Button redo;
        private final Button save;
        private final ScrolledComposite scroller;
        private final Composite strips;
        private final Composite editor;
        private final AutomationCanvas automation;
        private SessionDocument document;
        private Edits.Target selected = new Edits.Target(Edits.Target.Kind.MASTER, 0);
        private int selectedSlot = -1;

        Part(Composite parent, ViewSite site, org.mixbench.api.audio.AudioFiles files) {
            this.site = site;
            this.files = files;
            root = new Composite(parent, SWT.NONE);
            root.setLayout(new GridLayout(1, false));
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
            editor = new Composite(bottom, SWT.BORDER);
            editor.setData("mixbench.id", "mixer.editor");
            editor.setLayout(new GridLayout(3, false));
            automation = new AutomationCanvas(bottom);
            bottom.setWeights(45, 55);
            sash.setWeights(68, 32);
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

        /** Rebuilds the strips, the editor and the automation from the session. */
        void refresh() {
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
                automation.show(Edits.name(s, selected), Edits.lanes(s, selected), s.sampleRate());
            }
            title.getParent().layout(true);
            strips.layout(true);
            scroller.setMinSize(strips.computeSize(SWT.DEFAULT, SWT.DEFAULT));
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
            if (playback != null && !playback.playing() && stop.getEnabled()) {
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
            nameButton.setSelection(isSelected);
            nameButton.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
            nameButton.addListener(SWT.Selection, e -> {
                selected = target;
                selectedSlot = -1;
                refresh();
            });
            for (int i = 0; i < strip.inserts().size(); i++) {
                Session.Insert insert = strip.inserts().get(i);
                Optional<ProcessorFactory> factory = site.registry().find(ContributionKind.PROCESSOR,
                        insert.processor(), ProcessorFactory.class);
                Button slot = new Button(c, SWT.PUSH);
                slot.setText(factory.map(f -> f.descriptor().name()).orElse(insert.processor() + " (missing)")
                        + (insert.bypass() ? " [off]" : ""));
                slot.setData("mixbench.id", id + ".insert." + i);
                slot.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
                int index = i;
                slot.addListener(SWT.Selection, e -> {
                    selected = target;
                    selectedSlot = index;
                    refresh();
                });
            }
            for (Session.Send send : strip.sends()) {
                Label l = new Label(c, SWT.NONE);
                l.setText(String.format(Locale.ROOT, "-> %s %.1f dB%s", send.bus(), send.levelDb(),
                        send.preFader() ? " pre" : ""));
                l.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
            }
            Scale pan = new Scale(c, SWT.HORIZONTAL);
            pan.setData("mixbench.id", id + ".pan");
            pan.setMinimum(0);
            pan.setMaximum(200);
            pan.setSelection((int) Math.round((strip.pan() + 1) * 100));
            pan.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
            pan.addListener(SWT.Selection, e -> {
                double value = pan.getSelection() / 100.0 - 1;
                edit("Pan " + name, Edits.strip(target, st -> Edits.pan(st, value)));
            });
            Label panText = new Label(c, SWT.CENTER);
            panText.setText(strip.pan() == 0 ? "C" : String.format(Locale.ROOT, "%s%.0f", strip.pan() < 0 ? "L" : "R",
                    Math.abs(strip.pan()) * 100));
            panText.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
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
            fader.addListener(SWT.Selection, e -> {
                double db = faderDb(fader.getSelection());
                edit("Fader " + name, Edits.strip(target, st -> Edits.fader(st, db)));
            });
            Label db = new Label(c, SWT.NONE);
            db.setText(String.format(Locale.ROOT, "%.1f dB", strip.faderDb()));
            db.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
            db.setData("mixbench.id", id + ".db");
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

        static int faderSteps(double db) {
            double clamped = Math.max(FADER_MIN, Math.min(FADER_MAX, db));
            return (int) Math.round((FADER_MAX - clamped) / (FADER_MAX - FADER_MIN) * FADER_STEPS);
        }

        static double faderDb(int steps) {
            return Math.round((FADER_MAX - steps / (double) FADER_STEPS * (FADER_MAX - FADER_MIN)) * 10) / 10.0;
        }

        private void fillEditor(Session s) {
            Session.Strip strip = Edits.strip(s, selected);
            Label heading = new Label(editor, SWT.NONE);
            heading.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));
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
                scale.addListener(SWT.Selection, e -> {
                    double v = d.fromNormalized(scale.getSelection() / 1000.0);
                    edit(d.name() + " of " + factory.get().descriptor().name(), Edits.strip(selected,
                            st -> Edits.parameter(st, slot, d.id(), v)));
                });
            }
        }

        private org.mixbench.mixing.engine.MixRenderer compile() throws IOException {
            return org.mixbench.mixing.engine.MixRenderer.compile(document.session(), document.file()
                    .toAbsolutePath().getParent(), site.registry(), files);
        }

        private void play() {
            try {
                active = compile();
                playback = new org.mixbench.mixing.engine.Playback(active,
                        new org.mixbench.mixing.engine.JavaSoundSink());
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

    /** A strip's level meter: the peak of the last block, -60 to 0 dBFS, green, yellow above -6, red at 0. */
    static final class MeterBar extends org.eclipse.swt.widgets.Canvas {
        final int index;
        private float level;

        MeterBar(Composite parent, int index) {
            super(parent, SWT.DOUBLE_BUFFERED);
            this.index = index;
            addPaintListener(e -> {
                var area = getClientArea();
                e.gc.setBackground(getDisplay().getSystemColor(SWT.COLOR_BLACK));
                e.gc.fillRectangle(area);
                double db = level > 0 ? 20 * Math.log10(level) : -120;
                double f = Math.max(0, Math.min(1, (db + 60) / 60));
                int h = (int) Math.round(f * area.height);
                e.gc.setBackground(getDisplay().getSystemColor(db >= -0.5 ? SWT.COLOR_RED : db >= -6
                        ? SWT.COLOR_YELLOW : SWT.COLOR_GREEN));
                e.gc.fillRectangle(area.x, area.y + area.height - h, area.width, h);
            });
        }

        void setLevel(float peak) {
            if (peak != level) {
                level = peak;
                redraw();
            }
        }

        float level() {
            return level;
        }
    }

    /** A strip's automation lanes drawn over time. */
    static final class AutomationCanvas extends org.eclipse.swt.widgets.Canvas {
        private String name = "";
        private List<Session.Lane> lanes = List.of();

        AutomationCanvas(Composite parent) {
            super(parent, SWT.DOUBLE_BUFFERED | SWT.BORDER);
            setData("mixbench.id", "mixer.automation");
            addPaintListener(e -> paint(e.gc));
        }

        void show(String strip, List<Session.Lane> lanes, double rate) {
            this.name = strip;
            this.lanes = lanes;
            redraw();
        }

        List<Session.Lane> lanes() {
            return lanes;
        }

        private void paint(org.eclipse.swt.graphics.GC gc) {
            var area = getClientArea();
            gc.setBackground(getDisplay().getSystemColor(SWT.COLOR_LIST_BACKGROUND));
            gc.fillRectangle(area);
            gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_LIST_FOREGROUND));
            gc.drawText("Automation of " + name + (lanes.isEmpty() ? ": none" : ""), 6, 4, true);
            if (lanes.isEmpty()) {
                return;
            }
            double end = 1;
            for (Session.Lane l : lanes) {
                for (Session.Point p : l.points()) {
                    end = Math.max(end, p.time() * 1.1);
                }
            }
            int laneHeight = Math.max(20, (area.height - 24) / lanes.size());
            int[] colours = {SWT.COLOR_DARK_BLUE, SWT.COLOR_DARK_GREEN, SWT.COLOR_DARK_RED, SWT.COLOR_DARK_MAGENTA};
            for (int i = 0; i < lanes.size(); i++) {
                Session.Lane lane = lanes.get(i);
                int top = 22 + i * laneHeight;
                int bottom = top + laneHeight - 6;
                double min = Double.MAX_VALUE;
                double max = -Double.MAX_VALUE;
                for (Session.Point p : lane.points()) {
                    min = Math.min(min, p.value());
                    max = Math.max(max, p.value());
                }
                if (max - min < 1e-9) {
                    max = min + 1;
                    min -= 1;
                }
                gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_GRAY));
                gc.drawLine(0, bottom + 3, area.width, bottom + 3);
                gc.setForeground(getDisplay().getSystemColor(colours[i % colours.length]));
                gc.drawText(lane.target(), 6, top, true);
                int px = -1;
                int py = -1;
                for (Session.Point p : lane.points()) {
                    int x = (int) Math.round(p.time() / end * (area.width - 12)) + 6;
                    int y = (int) Math.round(bottom - (p.value() - min) / (max - min) * (bottom - top - 14));
                    if (px >= 0) {
                        gc.drawLine(px, py, x, py == y ? y : y);
                    }
                    gc.fillOval(x - 3, y - 3, 6, 6);
                    gc.drawOval(x - 3, y - 3, 6, 6);
                    px = x;
                    py = y;
                }
                if (px >= 0) {
                    gc.drawLine(px, py, area.width, py);
                }
            }
        }
    }
}
