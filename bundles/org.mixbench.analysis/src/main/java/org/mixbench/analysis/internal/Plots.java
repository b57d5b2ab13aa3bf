package org.mixbench.analysis.internal;

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
import java.util.Locale;

import javax.imageio.ImageIO;

import org.mixbench.analysis.FileAnalysis;

/**
 * PNG plots for {@code analyze --plot DIR}: the loudness history (momentary and short-term over time, with the
 * integrated level) and the long-term average spectrum on a logarithmic frequency axis. Drawn with Java2D off
 * screen (no display, no SWT); written atomically.
 */
final class Plots {
    private static final int WIDTH = 1200;
    private static final int HEIGHT = 500;
    private static final Color BACKGROUND = new Color(24, 26, 30);
    private static final Color GRID = new Color(70, 74, 82);
    private static final Color TEXT = new Color(230, 232, 236);

    private Plots() {
    }

    static {
        System.setProperty("java.awt.headless", "true");
    }

    /**
     * Writes the loudness plot of {@code a} to {@code loudness} and its spectrum to {@code spectrum}, each atomically;
     * the caller names them and checks them first (AnalyzeCommand's plan). Command thread.
     */
    static void write(FileAnalysis a, Path loudness, Path spectrum) throws IOException {
        save(loudness(a), loudness);
        save(spectrum(a), spectrum);
    }

    private static void save(BufferedImage image, Path file) throws IOException {
        Path temporary = file.resolveSibling("." + file.getFileName() + ".partial");
        ImageIO.write(image, "png", temporary.toFile());
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static Graphics2D canvas(BufferedImage image, String title) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(BACKGROUND);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        g.setColor(TEXT);
        g.drawString(title, 60, 22);
        return g;
    }

    private static int y(double v, double min, double max, int top, int bottom) {
        double c = Double.isFinite(v) ? Math.max(min, Math.min(max, v)) : min;
        return (int) Math.round(bottom - (c - min) / (max - min) * (bottom - top));
    }

    static BufferedImage loudness(FileAnalysis a) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas(image, String.format(Locale.ROOT,
                "%s   integrated %s LUFS   LRA %s LU   true peak %s dBTP", a.file(), JsonReport.number(
                        a.integratedLufs(), 1), JsonReport.number(a.loudnessRangeLu(), 1),
                JsonReport.number(a.truePeakDbtp(), 1)));
        int left = 60;
        int right = WIDTH - 20;
        int top = 40;
        int bottom = HEIGHT - 40;
        double min = -60;
        double max = 0;
        for (int db = -60; db <= 0; db += 6) {
            int yy = y(db, min, max, top, bottom);
            g.setColor(GRID);
            g.drawLine(left, yy, right, yy);
            g.setColor(TEXT);
            g.drawString(String.valueOf(db), 20, yy + 4);
        }
        double seconds = Math.max(a.durationSeconds(), 1e-9);
        int step = seconds > 600 ? 60 : seconds > 120 ? 30 : seconds > 30 ? 10 : 1;
        for (int t = 0; t <= seconds; t += step) {
            int xx = left + (int) Math.round(t / seconds * (right - left));
            g.setColor(GRID);
            g.drawLine(xx, top, xx, bottom);
            g.setColor(TEXT);
            g.drawString(String.format(Locale.ROOT, "%d:%02d", t / 60, t % 60), xx - 12, bottom + 16);
        }
        trace(g, a.momentary(), a.hopSeconds(), seconds, new Color(150, 200, 255, 140), 1f, left, right, top, bottom,
                min, max);
        trace(g, a.shortTerm(), a.hopSeconds(), seconds, new Color(70, 200, 110), 2f, left, right, top, bottom, min,
                max);
        if (Double.isFinite(a.integratedLufs())) {
            g.setColor(new Color(60, 190, 230));
            g.setStroke(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {8, 6}, 0));
            int yy = y(a.integratedLufs(), min, max, top, bottom);
            g.drawLine(left, yy, right, yy);
        }
        g.dispose();
        return image;
    }

    private static void trace(Graphics2D g, double[] values, double hop, double seconds, Color color, float width,
            int left, int right, int top, int bottom, double min, double max) {
        g.setColor(color);
        g.setStroke(new BasicStroke(width));
        int px = -1;
        int py = -1;
        for (int i = 0; i < values.length; i++) {
            double t = (i + 1) * hop;
            int xx = left + (int) Math.round(Math.min(1, t / seconds) * (right - left));
            if (!Double.isFinite(values[i])) {
                px = -1;
                continue;
            }
            int yy = y(values[i], min, max, top, bottom);
            if (px >= 0 && xx != px) {
                g.drawLine(px, py, xx, yy);
            }
            if (px < 0 || xx != px) {
                px = xx;
                py = yy;
            }
        }
    }

    static BufferedImage spectrum(FileAnalysis a) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas(image, a.file() + "   long-term average spectrum (dBFS, a full-scale sine reads 0)");
        int left = 60;
        int right = WIDTH - 20;
        int top = 40;
        int bottom = HEIGHT - 40;
        double minDb = -120;
        double maxHz = Math.min(22_000, a.sampleRate() / 2);
        for (int db = -120; db <= 0; db += 12) {
            int yy = y(db, minDb, 0, top, bottom);
            g.setColor(GRID);
            g.drawLine(left, yy, right, yy);
            g.setColor(TEXT);
            g.drawString(String.valueOf(db), 20, yy + 4);
        }
        double[] marks = {20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000};
        for (double f : marks) {
            if (f > maxHz) {
                break;
            }
            int xx = left + (int) Math.round(Math.log(f / 20) / Math.log(maxHz / 20) * (right - left));
            g.setColor(GRID);
            g.drawLine(xx, top, xx, bottom);
            g.setColor(TEXT);
            g.drawString(f >= 1000 ? (int) (f / 1000) + "k" : String.valueOf((int) f), xx - 8, bottom + 16);
        }
        float[] db = a.spectrumDb();
        if (db.length > 1 && a.spectrumBinHz() > 0) {
            g.setColor(new Color(150, 200, 255));
            g.setStroke(new BasicStroke(1.5f));
            int px = -1;
            int py = -1;
            for (int xx = left; xx <= right; xx++) {
                double f0 = 20 * Math.pow(maxHz / 20, (xx - left) / (double) (right - left));
                double f1 = 20 * Math.pow(maxHz / 20, (xx + 1 - left) / (double) (right - left));
                int b0 = Math.max(1, (int) Math.floor(f0 / a.spectrumBinHz()));
                int b1 = Math.min(db.length - 1, Math.max(b0, (int) Math.floor(f1 / a.spectrumBinHz())));
                double level = Double.NEGATIVE_INFINITY;
                for (int b = b0; b <= b1 && b < db.length; b++) {
                    level = Math.max(level, db[b]);
                }
                int yy = y(level, minDb, 0, top, bottom);
                if (px >= 0) {
                    g.drawLine(px, py, xx, yy);
                }
                px = xx;
                py = yy;
            }
        }
        g.dispose();
        return image;
    }
}
