package org.mixbench.workbench.meters.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mixbench.testkit.ui.SwtTestKit.find;
import static org.mixbench.testkit.ui.SwtTestKit.screenshot;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.ProgressBar;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mixbench.analysis.FileAnalysis;
import org.mixbench.analysis.FileAnalyzer;
import org.mixbench.analysis.LiveReadings;
import org.mixbench.testkit.StaticRegistry;
import org.mixbench.testkit.ui.SwtTestKit;
import org.mixbench.workbench.api.ViewSite;

/**
 * The meter views paint what they are given, checked pixel by pixel in a real window under Xvfb, and the
 * "Analyze file..." action fills all of them; screenshots in {@code target/screenshots}.
 */
class MeterViewsPaintTest {
    private static Display display;
    private Shell shell;
    private final MeterFeed feed = new MeterFeed();
    private String status = "";

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
        shell = new Shell(display);
        shell.setLayout(new FillLayout());
        // On the screen (the pixels are read from it), at most 1200 x 800 where the screen is smaller.
        Rectangle screen = display.getPrimaryMonitor().getClientArea();
        shell.setBounds(screen.x, screen.y, Math.min(1200, screen.width), Math.min(800, screen.height));
    }

    @AfterEach
    void close() {
        shell.dispose();
    }

    private ViewSite site() {
        return SwtTestKit.viewSite(display, new StaticRegistry(), "master", message -> status = message);
    }

    private void settle(long millis) {
        SwtTestKit.settle(display, millis);
    }

    private static RGB pixel(ImageData data, int x, int y) {
        return data.palette.getRGB(data.getPixel(x, y));
    }

    private static boolean near(RGB a, int r, int g, int b) {
        return Math.abs(a.red - r) < 25 && Math.abs(a.green - g) < 25 && Math.abs(a.blue - b) < 25;
    }

    /** How many pixel columns hold at least one pixel of the colour: the horizontal extent of a drawn line. */
    private static int columns(ImageData data, int r, int g, int b) {
        int n = 0;
        for (int x = 0; x < data.width; x++) {
            for (int y = 0; y < data.height; y++) {
                if (near(pixel(data, x, y), r, g, b)) {
                    n++;
                    break;
                }
            }
        }
        return n;
    }

    private static double[] history() {
        double[] h = new double[600];
        for (int i = 0; i < h.length; i++) {
            h[i] = -16 + 4 * Math.sin(i / 40.0);
        }
        return h;
    }

    @Test
    void theLoudnessMeterDrawsItsBarsUpToTheirLevelAndTheTargetLine() throws Exception {
        Composite holder = new Composite(shell, SWT.NONE);
        holder.setLayout(new FillLayout());
        new LoudnessView(null, feed).createPart(holder, site());
        shell.open();
        feed.publish("test tone", new Readings.Loudness(-12, -18, -16.5, 7.2, -0.4, history(), 0.1, 60),
                Readings.Spectrum.EMPTY, Readings.Stereo.EMPTY, 1);
        settle(300);
        LoudnessCanvas canvas = find(holder, LoudnessCanvas.class, null);
        assertEquals(-12, canvas.reading().momentary(), 0.0, "the view shows the published reading");
        ImageData data = screenshot(canvas, "meter-loudness.png");
        Rectangle area = canvas.getClientArea();
        // The canvas's layout: the scale's margins and the two 28-pixel bars 10 apart (LoudnessCanvas.paint).
        int top = area.y + 24;
        int bottom = area.y + area.height - 20;
        int x0 = area.x + 44;
        int momentaryBar = x0 + 14;
        int shortTermBar = x0 + 28 + 10 + 14;
        // Rows are read off the scale at the canvas's real height, halfway between scale lines (6 LU apart), so
        // nothing depends on how many pixels an LU takes on this screen.
        java.util.function.DoubleToIntFunction row = lufs -> MeterCanvas.row(lufs, LoudnessCanvas.SCALE_MIN,
                LoudnessCanvas.SCALE_MAX, top, bottom);
        // The momentary bar (-12 LUFS, above the -14 target by more than 1 LU) is red from its level down.
        assertTrue(near(pixel(data, momentaryBar, row.applyAsInt(-15)), 230, 70, 60),
                "momentary bar is red below its level");
        assertTrue(near(pixel(data, momentaryBar, row.applyAsInt(-9)), 24, 26, 30),
                "nothing drawn above the momentary level");
        // The short-term bar (-18 LUFS, below the target) is green.
        assertTrue(near(pixel(data, shortTermBar, row.applyAsInt(-21)), 70, 200, 110), "short-term bar is green");
        assertTrue(near(pixel(data, shortTermBar, row.applyAsInt(-15)), 24, 26, 30), "and ends at its level");
        // The target line crosses at -14 LUFS.
        assertTrue(near(pixel(data, x0 - 3, row.applyAsInt(-14)), 60, 190, 230), "target line at -14 LUFS");
        assertTrue(columns(data, 150, 200, 255) > area.width / 3, "the history trace is drawn across the canvas: "
                + columns(data, 150, 200, 255) + " of " + area.width + " columns");
    }

    @Test
    void theSpectrumDrawsATonesPeakAtItsFrequency() throws Exception {
        Composite holder = new Composite(shell, SWT.NONE);
        holder.setLayout(new FillLayout());
        new SpectrumView(feed).createPart(holder, site());
        shell.open();
        float[] db = new float[4097];
        float[] peak = new float[4097];
        double binHz = 24_000.0 / 4096;
        for (int i = 0; i < db.length; i++) {
            double f = i * binHz;
            db[i] = (float) (-90 + (Math.abs(f - 1000) < 20 ? 84 : 0));
            peak[i] = db[i] + 3;
        }
        feed.publish("tone", Readings.Loudness.EMPTY, new Readings.Spectrum(48_000, db, peak), Readings.Stereo.EMPTY,
                1);
        settle(300);
        SpectrumCanvas canvas = find(holder, SpectrumCanvas.class, null);
        ImageData data = screenshot(canvas, "meter-spectrum.png");
        Rectangle area = canvas.getClientArea();
        int left = area.x + 40;
        int width = area.x + area.width - 8 - left;
        int top = area.y + 8;
        int bottom = area.y + area.height - 22;
        int column = canvas.column(1000, left, width);
        int peakRow = MeterCanvas.row(-6, SpectrumCanvas.MIN_DB, SpectrumCanvas.MAX_DB, top, bottom);
        int highest = bottom;
        for (int y = top; y < bottom; y++) {
            if (near(pixel(data, column, y), 150, 200, 255)) {
                highest = y;
                break;
            }
        }
        // A drawn line is exact to its rounded row; allow that row, the stroke and its antialiased edge.
        assertTrue(Math.abs(highest - peakRow) <= 3, "the 1 kHz peak reaches -6 dBFS: row " + highest + " vs "
                + peakRow);
        // Between the average's floor (-90 dBFS) and the peak hold's (-87), read at this canvas's height.
        int floorColumn = canvas.column(5000, left, width);
        int aboveFloor = MeterCanvas.row(-88.5, SpectrumCanvas.MIN_DB, SpectrumCanvas.MAX_DB, top, bottom);
        assertTrue(near(pixel(data, floorColumn, aboveFloor), 24, 26, 30)
                || near(pixel(data, floorColumn, aboveFloor), 70, 74, 82), "no energy drawn above the floor at 5 kHz");
        assertTrue(columns(data, 255, 150, 60) > width * 9 / 10, "the peak-hold line spans the plot: "
                + columns(data, 255, 150, 60) + " of " + width + " columns");
    }

    @Test
    void theGoniometerOfAMonoSignalIsAVerticalLineAndTheCorrelationBarIsFull() throws Exception {
        Composite holder = new Composite(shell, SWT.NONE);
        holder.setLayout(new FillLayout());
        new StereoView(feed).createPart(holder, site());
        shell.open();
        float[] side = new float[2000];
        float[] mid = new float[2000];
        for (int i = 0; i < mid.length; i++) {
            mid[i] = (float) (0.8 * Math.sin(i * 0.05));
        }
        feed.publish("mono", Readings.Loudness.EMPTY, Readings.Spectrum.EMPTY, new Readings.Stereo(1, 1, side, mid),
                1);
        settle(300);
        StereoCanvas canvas = find(holder, StereoCanvas.class, null);
        ImageData data = screenshot(canvas, "meter-stereo.png");
        Rectangle area = canvas.getClientArea();
        int cx = area.x + area.width / 2;
        int points = 0;
        int offAxis = 0;
        int highest = data.height;
        int lowest = -1;
        for (int y = 0; y < data.height; y++) {
            for (int x = 0; x < data.width; x++) {
                if (near(pixel(data, x, y), 150, 200, 255)) {
                    points++;
                    highest = Math.min(highest, y);
                    lowest = Math.max(lowest, y);
                    // a point is a 2-pixel square at (cx + side, cy - mid), side 0: columns cx and cx + 1
                    if (x < cx - 1 || x > cx + 2) {
                        offAxis++;
                    }
                }
            }
        }
        assertTrue(points > 0, "goniometer points are drawn");
        assertEquals(0, offAxis, "a mono signal stays on the vertical axis");
        // The sine's +-0.8 spans 80 % of the goniometer's diameter, the smaller side of the canvas less its margins.
        assertTrue(lowest - highest > Math.min(area.width, area.height) / 3, "the points run along the axis from "
                + highest + " to " + lowest + " in a canvas of " + area.width + " x " + area.height);
        assertTrue(columns(data, 70, 200, 110) > area.width / 3, "a correlation of +1 fills the right half of the "
                + "bar in green: " + columns(data, 70, 200, 110) + " of " + area.width + " columns");
    }

    @Test
    void analyzingAFileFillsEveryMeterAndReportsInTheStatusLine() throws Exception {
        FileAnalyzer fake = new FileAnalyzer() {
            @Override
            public FileAnalysis analyze(Path file, String name, double hop, Listener listener) {
                float[] db = new float[1025];
                java.util.Arrays.fill(db, -60f);
                for (int i = 1; i <= 10; i++) {
                    listener.update(new LiveReadings(i / 10.0, i, 48_000, -14, -15, -14.5, 5, -1.2, history(), 0.1,
                            db, db, 0.5, 0.6, new float[] {0.1f}, new float[] {0.2f}));
                }
                return new FileAnalysis(name, 48_000, 2, 480_000, -14.5, 5, -10, -12, -1.2, -1.5,
                        new double[] {-18, -18}, 0.6, 0.1, new double[0], new double[0], List.of(), db, 23.4);
            }
        };
        SashForm sash = new SashForm(shell, SWT.VERTICAL);
        Composite top = new Composite(sash, SWT.NONE);
        top.setLayout(new FillLayout());
        Composite bottom = new Composite(sash, SWT.NONE);
        bottom.setLayout(new FillLayout());
        Control loudness = new LoudnessView(fake, feed).createPart(top, site()).control();
        new SpectrumView(feed).createPart(bottom, site());
        shell.open();
        settle(100);
        @SuppressWarnings("unchecked")
        Consumer<Path> action = (Consumer<Path>) loudness.getData("mixbench.analyze");
        action.accept(Path.of("song.wav"));
        long deadline = System.currentTimeMillis() + 5000;
        while (!status.startsWith("song.wav") && System.currentTimeMillis() < deadline) {
            settle(50);
        }
        settle(200);
        assertEquals("song.wav: -14.5 LUFS integrated, 5.0 LU range, -1.2 dBTP", status);
        assertEquals(-14.5, feed.loudness().integrated(), 0.0);
        assertEquals(0.6, feed.stereo().overall(), 0.0);
        assertEquals(1025, feed.spectrum().average().length);
        assertEquals(1000, find(loudness, ProgressBar.class, null).getSelection());
        screenshot(shell, "meters-after-analysis.png");
    }
}
