package org.mixbench.workbench.meters.internal;

import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Composite;

/**
 * The correlation meter with goniometer: the goniometer square shows mid upwards and side across (a mono signal is a
 * vertical line, a left-only signal a diagonal), and below it the correlation bar from -1 to +1 with the running
 * value as a marker and the overall value as a number. UI thread only.
 */
final class StereoCanvas extends MeterCanvas {
    private Readings.Stereo reading = Readings.Stereo.EMPTY;

    StereoCanvas(Composite parent) {
        super(parent, "meter.stereo");
    }

    void setReading(Readings.Stereo reading) {
        this.reading = reading;
        redraw();
    }

    @Override
    protected void paint(GC gc, Rectangle area) {
        int barHeight = 46;
        int size = Math.max(20, Math.min(area.width - 20, area.height - barHeight - 20));
        int cx = area.x + area.width / 2;
        int top = area.y + 10;
        int half = size / 2;
        int cy = top + half;
        gc.setForeground(grid);
        gc.drawOval(cx - half, cy - half, size, size);
        gc.drawLine(cx, cy - half, cx, cy + half);
        gc.drawLine(cx - half, cy, cx + half, cy);
        int d = (int) (half * 0.7071);
        gc.drawLine(cx - d, cy - d, cx + d, cy + d);
        gc.drawLine(cx - d, cy + d, cx + d, cy - d);
        gc.setForeground(text);
        gc.drawText("L", cx - d - 12, cy - d - 14, true);
        gc.drawText("R", cx + d + 4, cy - d - 14, true);
        gc.drawText("M", cx - 4, cy - half - 2, true);
        gc.setBackground(trace);
        float[] side = reading.side();
        float[] mid = reading.mid();
        for (int i = 0; i < Math.min(side.length, mid.length); i++) {
            int px = cx + Math.round(side[i] * half);
            int py = cy - Math.round(mid[i] * half);
            gc.fillRectangle(px, py, 2, 2);
        }
        int barTop = cy + half + 12;
        int left = area.x + 30;
        int right = area.x + area.width - 30;
        gc.setForeground(grid);
        gc.drawRectangle(left, barTop, right - left, 14);
        int zero = (left + right) / 2;
        gc.drawLine(zero, barTop - 3, zero, barTop + 17);
        gc.setForeground(text);
        gc.drawText("-1", left - 18, barTop, true);
        gc.drawText("+1", right + 4, barTop, true);
        double c = reading.correlation();
        if (!Double.isNaN(c)) {
            int x = zero + (int) Math.round(c * (right - zero));
            gc.setBackground(c < 0 ? red : c < 0.3 ? yellow : green);
            gc.fillRectangle(Math.min(zero, x), barTop + 2, Math.abs(x - zero) + 1, 11);
        }
        gc.drawText("correlation " + (Double.isNaN(c) ? "n/a" : String.format(java.util.Locale.ROOT, "%+.2f", c))
                + "   overall " + (Double.isNaN(reading.overall()) ? "n/a"
                        : String.format(java.util.Locale.ROOT, "%+.2f", reading.overall())), left, barTop + 20, true);
    }
}
