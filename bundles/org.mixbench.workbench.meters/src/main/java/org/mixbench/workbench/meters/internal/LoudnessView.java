package org.mixbench.workbench.meters.internal;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;
import org.mixbench.analysis.FileAnalyzer;
import org.mixbench.analysis.LiveReadings;
import org.mixbench.api.monitor.MonitorBus;
import org.mixbench.workbench.api.ViewPart;
import org.mixbench.workbench.api.ViewSite;
import org.mixbench.workbench.api.WorkbenchView;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The loudness meter of the Master perspective, with the "Analyze file..." action: it measures a file on a
 * background thread with a progress bar, and the loudness, spectrum and correlation views follow the measurement
 * live. With the optional {@link MonitorBus} service present, the meters also follow what is played (see
 * {@link LiveMeters}). The target line is chosen from the usual delivery targets.
 */
@Component(service = WorkbenchView.class, property = {"id=mixbench.view.loudness", "name=Loudness",
    "category=Meters", "version=1.0.0", "perspective=master", "location=center"})
public final class LoudnessView extends LiveMeterView {
    /** Delivery targets shown in the target menu, in LUFS. */
    static final String[] TARGET_NAMES = {"-14 LUFS (streaming: Spotify, YouTube, Tidal)", "-16 LUFS (Apple Music)",
        "-23 LUFS (EBU R128 broadcast)", "-24 LUFS (ATSC A/85)", "-9 LUFS (loud CD master)"};
    static final double[] TARGETS = {-14, -16, -23, -24, -9};

    @Reference
    private FileAnalyzer analyzer;
    private final MeterFeed feed;

    /** Used by DS. */
    public LoudnessView() {
        super(LiveMetering.SHARED);
        this.feed = MeterFeed.SHARED;
    }

    LoudnessView(FileAnalyzer analyzer, MeterFeed feed) {
        this(analyzer, feed, new LiveMetering(feed));
    }

    LoudnessView(FileAnalyzer analyzer, MeterFeed feed, LiveMetering live) {
        super(live);
        this.analyzer = analyzer;
        this.feed = feed;
    }

    @Override
    public ViewPart createPart(Composite parent, ViewSite site) {
        Composite root = new Composite(parent, SWT.NONE);
        root.setLayout(new GridLayout(5, false));
        Button analyze = new Button(root, SWT.PUSH);
        analyze.setText("Analyze file...");
        analyze.setData("mixbench.id", "loudness.analyze");
        Label targetLabel = new Label(root, SWT.NONE);
        targetLabel.setText("Target");
        Combo target = new Combo(root, SWT.READ_ONLY);
        target.setData("mixbench.id", "loudness.target");
        target.setItems(TARGET_NAMES);
        target.select(0);
        ProgressBar progress = new ProgressBar(root, SWT.HORIZONTAL);
        progress.setData("mixbench.id", "loudness.progress");
        progress.setMaximum(1000);
        progress.setLayoutData(new GridData(160, SWT.DEFAULT));
        Label caption = new Label(root, SWT.NONE);
        caption.setData("mixbench.id", "loudness.caption");
        caption.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        LoudnessCanvas canvas = new LoudnessCanvas(root);
        canvas.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 5, 1));
        target.addListener(SWT.Selection, e -> canvas.setTarget(TARGETS[target.getSelectionIndex()]));
        AtomicBoolean running = new AtomicBoolean();
        analyze.addListener(SWT.Selection, e -> {
            FileDialog dialog = new FileDialog(root.getShell(), SWT.OPEN);
            dialog.setText("Analyze file");
            dialog.setFilterExtensions(new String[] {"*.wav;*.flac;*.mp3;*.aif;*.aiff", "*"});
            String chosen = dialog.open();
            if (chosen != null && running.compareAndSet(false, true)) {
                start(Path.of(chosen), site, running);
            }
        });
        root.setData("mixbench.analyze", (java.util.function.Consumer<Path>) file -> {
            if (running.compareAndSet(false, true)) {
                start(file, site, running);
            }
        });
        FeedPoller.start(canvas, feed, () -> {
            canvas.setReading(feed.loudness());
            double fraction = feed.progress();
            progress.setSelection(fraction < 0 ? 0 : (int) Math.round(fraction * 1000));
            caption.setText(feed.source());
            analyze.setEnabled(!running.get());
        });
        return () -> root;
    }

    /** Measures {@code file} on a background thread, publishing to the feed; reports the outcome in the status line. */
    private void start(Path file, ViewSite site, AtomicBoolean running) {
        String name = String.valueOf(file.getFileName());
        feed.publish("measuring " + name, Readings.Loudness.EMPTY, Readings.Spectrum.EMPTY, Readings.Stereo.EMPTY, 0);
        Thread worker = new Thread(() -> {
            String outcome;
            try {
                var result = analyzer.analyze(file, name, 0.1, live -> publish(name, live));
                outcome = String.format(java.util.Locale.ROOT, "%s: %s LUFS integrated, %s LU range, %s dBTP",
                        name, MeterCanvas.number(result.integratedLufs()), MeterCanvas.number(
                                result.loudnessRangeLu()), MeterCanvas.number(result.truePeakDbtp()));
            } catch (Exception ex) {
                outcome = name + ": " + (ex.getMessage() == null ? ex.toString() : ex.getMessage());
                feed.progress(-1);
            } finally {
                running.set(false);
            }
            String message = outcome;
            if (!site.display().isDisposed()) {
                site.display().asyncExec(() -> site.setStatusMessage(message));
            }
        }, "mixbench-analyze-file");
        worker.setDaemon(true);
        worker.start();
    }

    private void publish(String name, LiveReadings r) {
        feed.publish(name + (r.fraction() >= 1 ? "" : " (measuring)"),
                new Readings.Loudness(r.momentaryLufs(), r.shortTermLufs(), r.integratedLufs(), r.loudnessRangeLu(),
                        r.truePeakDbtp(), r.shortTermHistory(), r.historyHop(), r.seconds()),
                new Readings.Spectrum(r.sampleRate(), r.spectrumDb(), r.spectrumPeakDb()),
                new Readings.Stereo(r.correlation(), r.correlationTotal(), r.side(), r.mid()), r.fraction());
    }
}
