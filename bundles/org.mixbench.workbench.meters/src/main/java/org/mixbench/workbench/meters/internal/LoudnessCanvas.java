package org.mixbench.workbench.meters.internal;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Composite;

/**
 * The loudness meter: bars for momentary and short-term loudness on a -60 to 0 LUFS scale with the target line,
 * the numbers (M, S, I, LRA, TP), and the short-term history graph with the target line. Bars are green below the
 * target, yellow within 1 LU of it and red above. UI thread only.
 */
final class LoudnessCanvas extends MeterCanvas {
    static final double SCALE_MIN = -60;
    static final double SCALE_MAX = 0;
    private final Font big;
    private Readings.Loudness reading = Readings.Loudness.EMPTY;
    private double targetLufs = -14;

    LoudnessCanvas(Composite parent) {
        super(parent, "meter.loudness");
        FontData base = getFont().getFontData()[0];
        big = new Font(getDisplay(), base.getName(), Math.max(12, (int) (base.getHeight() * 1.6)), SWT.BOLD);
        addDisposeListener(e -> big.dispose());
    }

    void setReading(Readings.Loudness reading) {
        this.reading = reading;
        redraw();
    }

    void setTarget(double lufs) {
        this.targetLufs = lufs;
        redraw();
    }

    double target() {
        return targetLufs;
    }

    Readings.Loudness reading() {
        return reading;
    }

    @Override
    protected void paint(GC gc, Rectangle area) {
        int top = area.y + 24;
        int bottom = area.y + area.height - 20;
        int barWidth = 28;
        int x0 = area.x + 44;
        // scale
        gc.setForeground(grid);
        for (int db = (int) SCALE_MIN; db <= SCALE_MAX; db += 6) {
            int y = row(db, SCALE_MIN, SCALE_MAX, top, bottom);
            gc.drawLine(x0 - 6, y, x0 + 2 * barWidth + 16, y);
            gc.setForeground(text);
            gc.drawText(String.valueOf(db), area.x + 4, y - 7, true);
            gc.setForeground(grid);
        }
        bar(gc, x0, barWidth, top, bottom, reading.momentary(), "M");
        bar(gc, x0 + barWidth + 10, barWidth, top, bottom, reading.shortTerm(), "S");
        int targetRow = row(targetLufs, SCALE_MIN, SCALE_MAX, top, bottom);
        gc.setForeground(target);
        gc.setLineWidth(2);
        gc.drawLine(x0 - 6, targetRow, x0 + 2 * barWidth + 16, targetRow);
        gc.setLineWidth(1);
        // numbers
        int nx = x0 + 2 * barWidth + 40;
        gc.setFont(big);
        gc.setForeground(text);
        String[][] lines = {
            {"M", number(reading.momentary()), "LUFS"},
            {"S", number(reading.shortTerm()), "LUFS"},
            {"I", number(reading.integrated()), "LUFS"},
            {"LRA", number(reading.range()), "LU"},
            {"TP", number(reading.truePeak()), "dBTP"}};
        int lineHeight = gc.getFontMetrics().getHeight() + 4;
        for (int i = 0; i < lines.length; i++) {
            int y = area.y + 12 + i * lineHeight;
            gc.setForeground(i == 4 && reading.truePeak() > -1.0 ? red : text);
            gc.drawText(lines[i][0], nx, y, true);
            gc.drawText(lines[i][1], nx + 70, y, true);
            gc.drawText(lines[i][2], nx + 170, y, true);
        }
        gc.setFont(getFont());
        gc.setForeground(target);
        gc.drawText(String.format(java.util.Locale.ROOT, "target %.0f LUFS", targetLufs), nx, area.y + 14
                + lines.length * lineHeight, true);
        // history
        int hx = nx + 260;
        int hw = area.x + area.width - hx - 10;
        int hTop = area.y + 10;
        int hBottom = bottom;
        if (hw > 40) {
            history(gc, hx, hw, hTop, hBottom);
        }
    }

    private void bar(GC gc, int x, int width, int top, int bottom, double value, String label) {
        gc.setForeground(text);
        gc.drawText(label, x + width / 2 - 4, top - 20, true);
        gc.setForeground(grid);
        gc.drawRectangle(x, top, width, bottom - top);
        if (Double.isNaN(value) || value < SCALE_MIN) {
            return;
        }
        int y = row(value, SCALE_MIN, SCALE_MAX, top, bottom);
        gc.setBackground(value > targetLufs + 1 ? red : value >= targetLufs - 1 ? yellow : green);
        gc.fillRectangle(x + 1, y, width - 1, bottom - y);
    }

    private void history(GC gc, int x, int width, int top, int bottom) {
        double min = -40;
        double max = 0;
        gc.setForeground(grid);
        gc.drawRectangle(x, top, width, bottom - top);
        for (int db = -36; db < 0; db += 6) {
            int y = row(db, min, max, top, bottom);
            gc.drawLine(x, y, x + width, y);
        }
        gc.setForeground(text);
        gc.drawText("short-term history", x + 6, top + 4, true);
        int targetRow = row(targetLufs, min, max, top, bottom);
        gc.setForeground(target);
        gc.drawLine(x, targetRow, x + width, targetRow);
        double[] h = reading.history();
        if (h.length < 2) {
            return;
        }
        gc.setForeground(trace);
        gc.setLineWidth(2);
        int n = h.length;
        int prevX = -1;
        int prevY = -1;
        for (int px = 0; px < width; px++) {
            int i = (int) ((long) px * (n - 1) / Math.max(1, width - 1));
            double v = h[i];
            if (Double.isNaN(v) || Double.isInfinite(v)) {
                prevX = -1;
                continue;
            }
            int y = row(v, min, max, top, bottom);
            if (prevX >= 0) {
                gc.drawLine(x + prevX, prevY, x + px, y);
            }
            prevX = px;
            prevY = y;
        }
        gc.setLineWidth(1);
    }
}
