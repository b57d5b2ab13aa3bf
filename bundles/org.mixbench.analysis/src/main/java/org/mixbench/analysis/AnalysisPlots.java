package org.mixbench.analysis;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

/**
 * PNG plots of analyses, drawn with Java2D off screen (no display, no SWT): the loudness history (short-term and
 * momentary over time, the integrated level dashed), the long-term average spectrum on a logarithmic frequency axis,
 * and any value over time (a limiter's gain reduction). Several analyses overlay in one plot (before and after), each
 * in its own colour with its label in the legend. Every plot has labelled scales. {@link #save} writes atomically.
 * Any thread; each call is independent.
 */
public final class AnalysisPlots {
    private static final int WIDTH = 1200;
    private static final int HEIGHT = 500;
    private static final int LEFT = 60;
    private static final int RIGHT = WIDTH - 20;
    private static final int TOP = 40;
    private static final int BOTTOM = HEIGHT - 40;
    private static final Color BACKGROUND = new Color(24, 26, 30);
    private static final Color GRID = new Color(70, 74, 82);
    private static final Color TEXT = new Color(230, 232, 236);
    /** Colours of the series in order: the first (before) blue, the second (after) green, then orange, violet. */
    private static final Color[] SERIES = {new Color(120, 180, 255), new Color(80, 210, 120), new Color(255, 170, 60),
        new Color(200, 140, 255)};

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private AnalysisPlots() {
    }

    /** A labelled analysis in an overlay plot. */
    public record Series(String label, FileAnalysis analysis) {
    }

    /** Writes {@code image} to {@code file} as PNG through a temporary file beside it, renamed when complete. */
    public static void save(BufferedImage image, Path file) throws IOException {
        Path temporary = file.resolveSibling("." + file.getFileName() + ".partial");
        try {
            if (!ImageIO.write(image, "png", temporary.toFile())) {
                throw new IOException("no PNG writer");
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * The loudness history of each series over time (short-term solid, momentary faint) with its integrated level
     * dashed; the scale runs from -60 to 0 LUFS, the time axis over the longest series.
     */
    public static BufferedImage loudness(String title, List<Series> series) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas(image, title);
        double min = -60;
        double max = 0;
        levelScale(g, min, max, 6, "LUFS");
        double seconds = 1e-9;
        for (Series s : series) {
            seconds = Math.max(seconds, s.analysis().durationSeconds());
        }
        timeScale(g, seconds);
        for (int i = 0; i < series.size(); i++) {
            FileAnalysis a = series.get(i).analysis();
            Color c = SERIES[i % SERIES.length];
            trace(g, a.momentary(), a.hopSeconds(), seconds, new Color(c.getRed(), c.getGreen(), c.getBlue(), 90), 1f,
                    min, max);
            trace(g, a.shortTerm(), a.hopSeconds(), seconds, c, 2f, min, max);
            if (Double.isFinite(a.integratedLufs())) {
                g.setColor(c);
                g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {8, 6},
                        0));
                int yy = y(a.integratedLufs(), min, max);
                g.drawLine(LEFT, yy, RIGHT, yy);
            }
            legend(g, i, String.format(Locale.ROOT, "%s: integrated %s LUFS, LRA %s LU, true peak %s dBTP",
                    series.get(i).label(), fixed(a.integratedLufs()), fixed(a.loudnessRangeLu()),
                    fixed(a.truePeakDbtp())), c);
        }
        g.dispose();
        return image;
    }

    /** The long-term average spectrum of each series, dBFS (a full-scale sine reads 0) from 20 Hz to 22 kHz. */
    public static BufferedImage spectrum(String title, List<Series> series) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas(image, title);
        double minDb = -120;
        levelScale(g, minDb, 0, 12, "dBFS");
        double maxHz = 0;
        for (Series s : series) {
            maxHz = Math.max(maxHz, Math.min(22_000, s.analysis().sampleRate() / 2));
        }
        double[] marks = {20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000};
        for (double f : marks) {
            if (f > maxHz) {
                break;
            }
            int xx = x(f, maxHz);
            g.setColor(GRID);
            g.drawLine(xx, TOP, xx, BOTTOM);
            g.setColor(TEXT);
            g.drawString(f >= 1000 ? (int) (f / 1000) + "k" : String.valueOf((int) f), xx - 8, BOTTOM + 16);
        }
        g.drawString("Hz", RIGHT - 16, BOTTOM + 30);
        for (int i = 0; i < series.size(); i++) {
            FileAnalysis a = series.get(i).analysis();
            Color c = SERIES[i % SERIES.length];
            float[] db = a.spectrumDb();
            if (db.length > 1 && a.spectrumBinHz() > 0) {
                g.setColor(c);
                g.setStroke(new BasicStroke(1.5f));
                double top = Math.min(maxHz, a.sampleRate() / 2);
                int px = -1;
                int py = -1;
                for (int xx = LEFT; xx <= RIGHT; xx++) {
                    double f0 = 20 * Math.pow(maxHz / 20, (xx - LEFT) / (double) (RIGHT - LEFT));
                    double f1 = 20 * Math.pow(maxHz / 20, (xx + 1 - LEFT) / (double) (RIGHT - LEFT));
                    if (f0 > top) {
                        break;
                    }
                    int b0 = Math.max(1, (int) Math.floor(f0 / a.spectrumBinHz()));
                    int b1 = Math.min(db.length - 1, Math.max(b0, (int) Math.floor(f1 / a.spectrumBinHz())));
                    double level = Double.NEGATIVE_INFINITY;
                    for (int b = b0; b <= b1 && b < db.length; b++) {
                        level = Math.max(level, db[b]);
                    }
                    int yy = y(level, minDb, 0);
                    if (px >= 0) {
                        g.drawLine(px, py, xx, yy);
                    }
                    px = xx;
                    py = yy;
                }
            }
            legend(g, i, series.get(i).label(), c);
        }
        g.dispose();
        return image;
    }

    /**
     * One value over time, e.g. a limiter's gain reduction: {@code values[i]} holds for the interval ending at
     * {@code (i + 1) * hopSeconds}; the scale runs from 0 down to {@code -range} in {@code unit}, drawn as a
     * reduction (values are positive amounts drawn downwards).
     */
    public static BufferedImage reduction(String title, double[] values, double hopSeconds, double range,
            String label) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas(image, title);
        double step = range <= 3 ? 0.5 : range <= 6 ? 1 : range <= 12 ? 2 : 3;
        for (double v = 0; v <= range + 1e-9; v += step) {
            int yy = y(-v, -range, 0);
            g.setColor(GRID);
            g.drawLine(LEFT, yy, RIGHT, yy);
            g.setColor(TEXT);
            g.drawString(String.format(Locale.ROOT, "%s", v == 0 ? "0" : fixed(-v)), 14, yy + 4);
        }
        g.drawString("dB", 14, TOP - 6);
        double seconds = Math.max(values.length * hopSeconds, 1e-9);
        timeScale(g, seconds);
        double[] negative = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            negative[i] = -values[i];
        }
        trace(g, negative, hopSeconds, seconds, new Color(255, 110, 90), 1.5f, -range, 0);
        legend(g, 0, label, new Color(255, 110, 90));
        g.dispose();
        return image;
    }

    private static String fixed(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.1f", v) : "-";
    }

    private static Graphics2D canvas(BufferedImage image, String title) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(BACKGROUND);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        g.setColor(TEXT);
        g.drawString(title, LEFT, 22);
        return g;
    }

    private static void legend(Graphics2D g, int index, String text, Color color) {
        int yy = TOP + 18 + index * 18;
        g.setColor(BACKGROUND);
        g.fillRect(LEFT + 8, yy - 13, g.getFontMetrics().stringWidth(text) + 30, 17);
        g.setColor(color);
        g.fillRect(LEFT + 12, yy - 8, 14, 4);
        g.setColor(TEXT);
        g.drawString(text, LEFT + 32, yy);
    }

    private static void levelScale(Graphics2D g, double min, double max, double step, String unit) {
        for (double db = min; db <= max + 1e-9; db += step) {
            int yy = y(db, min, max);
            g.setColor(GRID);
            g.drawLine(LEFT, yy, RIGHT, yy);
            g.setColor(TEXT);
            g.drawString(String.valueOf((int) db), 20, yy + 4);
        }
        g.drawString(unit, 14, TOP - 6);
    }

    private static void timeScale(Graphics2D g, double seconds) {
        int step = seconds > 1200 ? 120 : seconds > 600 ? 60 : seconds > 120 ? 30 : seconds > 30 ? 10 : seconds > 10
                ? 2 : 1;
        for (int t = 0; t <= seconds; t += step) {
            int xx = LEFT + (int) Math.round(t / seconds * (RIGHT - LEFT));
            g.setColor(GRID);
            g.drawLine(xx, TOP, xx, BOTTOM);
            g.setColor(TEXT);
            g.drawString(String.format(Locale.ROOT, "%d:%02d", t / 60, t % 60), xx - 12, BOTTOM + 16);
        }
    }

    private static int x(double hz, double maxHz) {
        return LEFT + (int) Math.round(Math.log(hz / 20) / Math.log(maxHz / 20) * (RIGHT - LEFT));
    }

    private static int y(double v, double min, double max) {
        double c = Double.isFinite(v) ? Math.max(min, Math.min(max, v)) : min;
        return (int) Math.round(BOTTOM - (c - min) / (max - min) * (BOTTOM - TOP));
    }

    private static void trace(Graphics2D g, double[] values, double hop, double seconds, Color color, float width,
            double min, double max) {
        g.setColor(color);
        g.setStroke(new BasicStroke(width));
        int px = -1;
        int py = -1;
        for (int i = 0; i < values.length; i++) {
            double t = (i + 1) * hop;
            int xx = LEFT + (int) Math.round(Math.min(1, t / seconds) * (RIGHT - LEFT));
            if (!Double.isFinite(values[i])) {
                px = -1;
                continue;
            }
            int yy = y(values[i], min, max);
            if (px >= 0 && xx != px) {
                g.drawLine(px, py, xx, yy);
            }
            if (px < 0 || xx != px) {
                px = xx;
                py = yy;
            }
        }
    }
}
