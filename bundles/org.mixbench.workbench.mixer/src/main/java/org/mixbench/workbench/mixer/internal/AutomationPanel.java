package org.mixbench.workbench.mixer.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.mixbench.api.audio.AudioFiles;
import org.mixbench.mixing.session.Session;

/**
 * The automation lane editor of a mixer part: the lane chooser, the Snap chooser, Add lane and Delete lane, the
 * readout and the {@link AutomationCanvas} of the selected strip, on a grid of the session's bars and beats. Every
 * change of a lane is one edit through the {@link MixerHost}. UI thread only.
 */
final class AutomationPanel {
    private final MixerHost host;
    private final AudioFiles files;
    private final AutomationCanvas automation;
    private final Combo laneChooser;
    /** What breakpoint times snap to: the {@link Grid.Snap} values in order; Beat at first. */
    private final Combo snapChooser;
    private final Button addLane;
    private final Button deleteLane;
    private final Label readout;
    private List<AutomationTargets.Automatable> automatables = List.of();
    /** Seconds of audio in each clip file without a stored length, read once per opened session. */
    private final Map<String, Double> fileSeconds = new HashMap<>();

    /** Adds the lane editor to {@code parent}; clip lengths are read through {@code files} (may be null). */
    AutomationPanel(Composite parent, MixerHost host, AudioFiles files) {
        this.host = host;
        this.files = files;
        Composite lanes = new Composite(parent, SWT.NONE);
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
                host.selection().showLane(automatables.get(i).target());
                host.refresh();
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
        addLane = MixerView.button(lanes, "Add lane", "mixer.automation.add");
        addLane.addListener(SWT.Selection, e -> addLane());
        deleteLane = MixerView.button(lanes, "Delete lane", "mixer.automation.delete");
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
                AutomationPanel.this.addLane();
            }

            @Override
            public void addLane(List<Session.Point> points) {
                AutomationPanel.this.addLane(points);
            }

            @Override
            public void deleteLane() {
                AutomationPanel.this.deleteLane();
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
    }

    /** Forgets the clip lengths read for the session open before. */
    void forgetClips() {
        fileSeconds.clear();
    }

    /** Enables the choosers for an open session; without one, the lane buttons too are disabled. */
    void enable(boolean open) {
        laneChooser.setEnabled(open);
        snapChooser.setEnabled(open);
        if (!open) {
            addLane.setEnabled(false);
            deleteLane.setEnabled(false);
        }
    }

    /** Lays the lane editor's row out again. */
    void layout() {
        laneChooser.getParent().layout(true);
    }

    /** Fills the lane chooser and the lane canvas for the selected strip. */
    void show(Session s) {
        Edits.Target selected = host.selection().strip();
        automatables = AutomationTargets.of(s, selected, host.site().registry());
        List<Session.Lane> lanes = Edits.lanes(s, selected);
        String laneTarget = host.selection().lane();
        if (laneTarget == null || AutomationTargets.find(automatables, laneTarget).isEmpty()) {
            laneTarget = lanes.isEmpty() ? "fader" : lanes.get(0).target();
            host.selection().showLane(laneTarget);
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
        return AutomationTargets.find(automatables, host.selection().lane()).orElseThrow();
    }

    /** The name of the selected strip in the open session. */
    private String stripName() {
        return Edits.name(host.document().session(), host.selection().strip());
    }

    /** Replaces the points of the shown lane (none: the lane goes) in one edit named {@code verb}. */
    private void commitPoints(String verb, List<Session.Point> points) {
        AutomationTargets.Automatable a = shownTarget();
        host.edit(verb + " on " + stripName() + " " + a.phrase(), Edits.channel(host.selection().strip(),
                c -> Edits.points(c, a.target(), points)));
    }

    /** Starts a lane for the chosen target: one point at time 0 holding the control's static value. */
    private void addLane() {
        if (host.document() == null) {
            return;
        }
        AutomationTargets.Automatable a = shownTarget();
        host.edit("Add " + a.phrase() + " lane on " + stripName(), Edits.channel(host.selection().strip(),
                c -> Edits.addLane(c, a.target(), a.range().clamp(a.current()), a.defaultCurve())));
    }

    /** Starts a lane for the chosen target holding {@code points}, as one edit named like {@link #addLane()}. */
    private void addLane(List<Session.Point> points) {
        if (host.document() == null) {
            return;
        }
        AutomationTargets.Automatable a = shownTarget();
        host.edit("Add " + a.phrase() + " lane on " + stripName(), Edits.channel(host.selection().strip(),
                c -> Edits.points(c, a.target(), points)));
    }

    private void deleteLane() {
        if (host.document() == null) {
            return;
        }
        AutomationTargets.Automatable a = shownTarget();
        host.edit("Delete " + a.phrase() + " lane on " + stripName(), Edits.channel(host.selection().strip(),
                c -> Edits.removeLane(c, a.target())));
    }

    /** How long a clip without a stored length plays: its file's duration after its offset (0 when unknown). */
    private double clipSeconds(Session.Clip clip) {
        if (files == null || host.document() == null) {
            return 0;
        }
        double seconds = fileSeconds.computeIfAbsent(clip.file(), f -> {
            Path base = host.document().file().toAbsolutePath().getParent();
            try (org.mixbench.api.audio.AudioReader reader = files.open(base.resolve(f))) {
                double d = reader.info().durationSeconds();
                return Double.isFinite(d) ? d : 0.0;
            } catch (IOException | RuntimeException e) {
                return 0.0;
            }
        });
        return Math.max(0, seconds - clip.offset());
    }
}
