package org.mixbench.workbench.meters.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mixbench.testkit.ui.SwtTestKit.find;
import static org.mixbench.testkit.ui.SwtTestKit.screenshot;

import java.io.IOException;
import java.util.concurrent.locks.LockSupport;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mixbench.analysis.loudness.LoudnessMeter;
import org.mixbench.core.internal.RingMonitorBus;
import org.mixbench.testkit.StaticRegistry;
import org.mixbench.testkit.ui.SwtTestKit;
import org.mixbench.workbench.api.ViewSite;

/**
 * The meter views follow what is played: a real monitor bus carries a programme written in real time from another
 * thread, as the playback thread will, and the loudness, spectrum and correlation views read it live within the
 * tolerances of EBU Tech 3341, then keep the last readings marked stopped. Screenshots in {@code target/screenshots}.
 */
class PlaybackMeteringTest {
    private static final double RATE = 48_000;
    private static final double AMPLITUDE = 0.1; // -20 dBFS
    private static final double SECONDS = 4;
    private static final int BLOCK = 480; // 10 ms, as a playback thread writes
    private static Display display;
    private Shell shell;
    private RingMonitorBus bus;
    private final MeterFeed feed = new MeterFeed();
    private final LiveMetering metering = new LiveMetering(feed);

    @BeforeAll
    static void createDisplay() throws IOException {
        display = SwtTestKit.createDisplay();
    }

    @AfterAll
    static void disposeDisplay() {
        display.dispose();
    }

    @BeforeEach
    void open() {
        bus = new RingMonitorBus();
        bus.activate();
        shell = new Shell(display);
        shell.setLayout(new FillLayout());
        // On the screen (the screenshot is read from it), at most 1200 x 800 where the screen is smaller.
        Rectangle screen = display.getPrimaryMonitor().getClientArea();
        shell.setBounds(screen.x, screen.y, Math.min(1200, screen.width), Math.min(800, screen.height));
    }

    @AfterEach
    void close() {
        shell.dispose();
        bus.deactivate();
    }

    private ViewSite site() {
        return SwtTestKit.viewSite(display, new StaticRegistry(), "master", message -> { });
    }

    private void settle(long millis) {
        SwtTestKit.settle(display, millis);
    }

    /** Plays {@code seconds} of a 1 kHz sine at -20 dBFS in both channels into the bus, paced in real time. */
    private Thread play(String source, double seconds) {
        Thread playback = new Thread(() -> {
            bus.start(source, RATE, 2);
            float[][] block = new float[2][BLOCK];
            long frames = Math.round(seconds * RATE);
            long t0 = System.nanoTime();
            for (long at = 0; at < frames; at += BLOCK) {
                for (int i = 0; i < BLOCK; i++) {
                    float x = (float) (AMPLITUDE * Math.sin(2 * Math.PI * 1000 * (at + i) / RATE));
                    block[0][i] = x;
                    block[1][i] = x;
                }
                bus.write(block, BLOCK);
                long due = t0 + Math.round((at + BLOCK) / RATE * 1e9);
                LockSupport.parkNanos(due - System.nanoTime());
            }
            bus.stop();
        }, "test-playback");
        playback.start();
        return playback;
    }

    /**
     * BS.1770-4 for a sine of amplitude {@code a} at 1 kHz in both channels: the mean square of each is a^2/2, the
     * K-weighting gain at 1 kHz is the meter's own ({@link LoudnessMeter#kWeightingResponseDb}, about +0.69 dB), and
     * L = -0.691 + 10 log10(sum of weighted mean squares). For a = 0.1 that is -20.0 LUFS: a -20 dBFS sine in both
     * channels reads -20 LUFS, the calibration of the standard.
     */
    private static double expectedLufs(double a) {
        return -0.691 + 10 * Math.log10(2 * a * a / 2) + LoudnessMeter.kWeightingResponseDb(RATE, 1000);
    }

    @Test
    void theMetersFollowAPlayedSineLiveAndKeepTheLastReadingsWhenItStops() throws Exception {
        SashForm sash = new SashForm(shell, SWT.VERTICAL);
        Composite top = new Composite(sash, SWT.NONE);
        top.setLayout(new FillLayout());
        SashForm bottom = new SashForm(sash, SWT.HORIZONTAL);
        LoudnessView loudnessView = new LoudnessView(null, feed, metering);
        SpectrumView spectrumView = new SpectrumView(feed, metering);
        StereoView stereoView = new StereoView(feed, metering);
        Control loudness = loudnessView.createPart(top, site()).control();
        Control spectrum = spectrumView.createPart(bottom, site()).control();
        stereoView.createPart(bottom, site());
        bottom.setWeights(2, 1);
        // DS binds the optional bus to each view; the three share one subscription.
        loudnessView.bindMonitor(bus);
        spectrumView.bindMonitor(bus);
        stereoView.bindMonitor(bus);
        assertEquals(1, metering.subscriptions());
        shell.open();
        settle(200);

        double expected = expectedLufs(AMPLITUDE);
        assertEquals(-20.0, expected, 0.02, "the calibration of BS.1770: a -20 dBFS sine in both channels");
        long revisionBefore = feed.revision();
        Thread playback = play("demo.session.json", SECONDS);
        settle(2000);

        // Live, two seconds in.
        Label caption = find(loudness, Label.class, "loudness.caption");
        assertEquals("playing demo.session.json", caption.getText());
        Readings.Loudness live = find(loudness, LoudnessCanvas.class, null).reading();
        assertTrue(live.seconds() > 1.5 && live.seconds() < 2.5, "follows the playback: " + live.seconds() + " s");
        assertEquals(expected, live.momentary(), 0.1, "momentary, live");
        assertEquals(expected, live.integrated(), 0.1, "integrated so far, live");
        assertTrue(feed.live());
        screenshot(shell, "meters-playing.png");

        playback.join(10_000);
        settle(300);
        long publications = feed.revision() - revisionBefore;

        // Stopped: the last readings stay.
        assertEquals("demo.session.json (stopped)", caption.getText());
        Readings.Loudness l = feed.loudness();
        assertEquals(SECONDS, l.seconds(), 1e-9, "every frame was measured");
        assertEquals(0, bus.droppedFrames());
        assertEquals(expected, l.momentary(), 0.1, "momentary (Tech 3341: +-0.1 LU)");
        assertEquals(expected, l.shortTerm(), 0.1, "short-term");
        assertEquals(expected, l.integrated(), 0.1, "integrated");
        assertEquals(0, l.range(), 0.1, "a steady tone has no loudness range");
        assertTrue(l.truePeak() > -20.4 && l.truePeak() < -19.8, "true peak -20 dBTP (+0.2/-0.4): " + l.truePeak());
        assertTrue(l.history().length >= 9, "the short-term history is kept: " + l.history().length);
        assertEquals(l, find(loudness, LoudnessCanvas.class, null).reading(), "the view shows the final reading");

        Readings.Spectrum s = feed.spectrum();
        int strongest = 1;
        for (int b = 1; b < s.average().length; b++) {
            if (s.average()[b] > s.average()[strongest]) {
                strongest = b;
            }
        }
        assertEquals(1000, strongest * s.binHz(), 2 * s.binHz(), "the spectrum peaks at 1 kHz");
        assertEquals(-20, s.average()[strongest], 1.0, "a -20 dBFS sine reads -20 dBFS in its peak bin");
        assertTrue(s.peak()[strongest] >= s.average()[strongest] - 0.01, "peak hold at or above the average");
        assertEquals("demo.session.json (stopped): 1 s average, peak hold falling 10 dB/s",
                find(spectrum, Label.class, "spectrum.caption").getText());

        Readings.Stereo st = feed.stereo();
        assertEquals(1, st.correlation(), 0.01, "identical channels correlate fully (running)");
        assertEquals(1, st.overall(), 0.01, "identical channels correlate fully (overall)");
        for (float side : st.side()) {
            assertEquals(0, side, 1e-6, "a mono signal has no side");
        }

        assertTrue(publications >= SECONDS * 10 && publications <= SECONDS * LiveMeters.PUBLISH_PER_SECOND + 5,
                "published " + publications + " times in " + SECONDS + " s (at most ~30 a second, not per block)");
        screenshot(shell, "meters-stopped.png");
    }

    @Test
    void unbindingTheBusFromEveryViewUnsubscribesAndWithoutItTheViewsShowFiles() throws Exception {
        LoudnessView a = new LoudnessView(null, feed, metering);
        SpectrumView b = new SpectrumView(feed, metering);
        a.bindMonitor(bus);
        b.bindMonitor(bus);
        a.unbindMonitor(bus);
        assertEquals(1, metering.subscriptions(), "one view still has the bus");
        b.unbindMonitor(bus);
        assertEquals(0, metering.subscriptions());
        long before = feed.revision();
        play("ignored.wav", 0.2).join(5000);
        Thread.sleep(100);
        assertEquals(before, feed.revision(), "nothing is metered without a bound view");
        assertEquals("", feed.source());
    }

    @Test
    void aProgrammeTheMetersCannotMeasureIsNamedAndLeftUnmetered() {
        LiveMeters meters = new LiveMeters(feed);
        meters.started("tape.wav", 4_000, 2); // below the 8 kHz the loudness meter supports
        meters.block(new float[2][100], 100);
        assertTrue(feed.source().startsWith("playing tape.wav (not metered: "), feed.source());
        meters.stopped();
        assertEquals("tape.wav (stopped)", feed.source());
    }
}
