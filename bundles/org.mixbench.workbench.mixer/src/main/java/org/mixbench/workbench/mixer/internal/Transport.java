package org.mixbench.workbench.mixer.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.mixbench.api.audio.AudioFiles;
import org.mixbench.api.monitor.MonitorBus;
import org.mixbench.mixing.session.SessionDocument;
import org.mixbench.workbench.api.ViewSite;

/**
 * The transport of a mixer part: the Play, Stop and Render buttons, playback of the session, rendering it to a file
 * on a background thread, and polling the strips' meters. UI thread only, except the render worker, which reports
 * back through {@code asyncExec}.
 */
final class Transport {
    private final MixerHost host;
    private final ViewSite site;
    private final Control root;
    private final GestureEdit gesture;
    private final AudioFiles files;
    private final Supplier<MonitorBus> monitor;
    private final Button play;
    private final Button stop;
    private final Button render;
    private org.mixbench.mixing.engine.Playback playback;
    /** Warnings of the playing graph already shown in the status line. */
    private int reportedWarnings;
    private volatile org.mixbench.mixing.engine.MixRenderer active;
    private final List<MeterBar> meters = new java.util.ArrayList<>();

    /** Adds the Play, Stop and Render buttons to {@code bar}; {@code root} is the part's control. */
    Transport(Composite bar, Control root, MixerHost host, GestureEdit gesture, AudioFiles files,
            Supplier<MonitorBus> monitor) {
        this.host = host;
        this.site = host.site();
        this.root = root;
        this.gesture = gesture;
        this.files = files;
        this.monitor = monitor;
        play = MixerView.button(bar, "Play", "mixer.play");
        stop = MixerView.button(bar, "Stop", "mixer.stop");
        render = MixerView.button(bar, "Render", "mixer.render");
        play.addListener(SWT.Selection, e -> play());
        stop.addListener(SWT.Selection, e -> stopPlayback());
        render.addListener(SWT.Selection, e -> render());
    }

    /** Shows the meter {@code meter} polls from now on (until {@link #clearMeters()}). */
    void addMeter(MeterBar meter) {
        meters.add(meter);
    }

    /** Forgets the meters of the strips about to be rebuilt. */
    void clearMeters() {
        meters.clear();
    }

    /** Enables the buttons for {@code document} (null: none open) and whether it is playing. */
    void update(SessionDocument document) {
        boolean canPlay = document != null && files != null
                && org.mixbench.mixing.engine.JavaSoundSink.available(document.session().sampleRate());
        play.setEnabled(canPlay && (playback == null || !playback.playing()));
        play.setToolTipText(canPlay ? "Play the mix" : "No audio output device: use Render");
        stop.setEnabled(playback != null && playback.playing());
        render.setEnabled(document != null && files != null);
    }

    /** About 20 times a second: the meters show the active render's or playback's last block. */
    void pollMeters() {
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
                site.setStatusMessage("Playing " + host.document().file().getFileName() + ": "
                        + warnings.get(warnings.size() - 1));
            }
        }
        if (playback != null && !playback.playing() && stop.getEnabled() && !gesture.pending()) {
            if (playback.failure() != null) {
                site.setStatusMessage("Playback stopped: " + playback.failure().getMessage());
            }
            host.refresh();
        }
        root.getDisplay().timerExec(50, this::pollMeters);
    }

    private org.mixbench.mixing.engine.MixRenderer compile() throws IOException {
        return org.mixbench.mixing.engine.MixRenderer.compile(host.document().session(), host.document().file()
                .toAbsolutePath().getParent(), site.registry(), files);
    }

    private void play() {
        gesture.commit();
        reportedWarnings = 0;
        try {
            active = compile();
            playback = new org.mixbench.mixing.engine.Playback(active,
                    new org.mixbench.mixing.engine.JavaSoundSink(), monitor.get(), host.document().file()
                    .getFileName().toString());
            playback.start();
            site.setStatusMessage("Playing " + host.document().file().getFileName());
        } catch (IOException e) {
            site.setStatusMessage(e.getMessage());
        }
        host.refresh();
    }

    private void stopPlayback() {
        try {
            if (playback != null) {
                playback.stop();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        host.refresh();
    }

    /** Renders the mix beside the session as NAME.mix.wav on a background thread; the status line reports. */
    void render() {
        gesture.commit();
        Path target = host.document().file().resolveSibling(host.document().file().getFileName().toString()
                .replaceFirst("(\\.session)?\\.json$", "") + ".mix.wav");
        // The render may not replace the session or any clip it reads (a clip named NAME.mix.wav, or linked there).
        org.mixbench.api.command.WritePlan plan;
        try {
            plan = org.mixbench.mixing.session.SessionFiles.readsOf(host.document().file(),
                    host.document().session());
        } catch (IOException e) {
            site.setStatusMessage("Not rendered: " + e.getMessage());
            return;
        }
        plan.writes(target, target.getFileName().toString(), 0);
        try {
            plan.check();
        } catch (org.mixbench.api.command.UsageException e) {
            site.setStatusMessage("Not rendered: " + e.getMessage());
            return;
        }
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
}
