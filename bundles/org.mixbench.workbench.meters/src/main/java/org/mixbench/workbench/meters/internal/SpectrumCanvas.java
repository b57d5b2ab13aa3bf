package org.mixbench.workbench.meters.internal;

import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Composite;

/**
 * The spectrum analyzer: level in dBFS over a logarithmic frequency axis from 20 Hz, the long-term average filled and
 * the peak hold as a line, with a display slope (dB per octave around 1 kHz, as engineers tilt a spectrum to read it
 * against pink noise). UI thread only.
 */
final class SpectrumCanvas extends MeterCanvas {
    static final double MIN_DB = -120;
    static final double MAX_DB = 0;
    static final double MIN_HZ = 20;
    private Readings.Spectrum reading = Readings.Spectrum.EMPTY;
    private double slope;

    SpectrumCanvas(Composite parent) {
        super(parent, "meter.spectrum");
    }

    void setReading(Readings.Spectrum reading) {
        this.reading = reading;
        redraw();
    }

    void setSlope(double dbPerOctave) {
        this.slope = dbPerOctave;
        redraw();
    }

    double slope() {
        return slope;
    }

    double maxHz() {
        return Math.min(20_000 * 1.1, reading.sampleRate() / 2);
    }

    /** Pixel column of {@code hz} in an area starting at {@code x} of {@code width}. */
    int column(double hz, int x, int width) {
        double f = Math.log(Math.max(hz, MIN_HZ) / MIN_HZ) / Math.log(maxHz() / MIN_HZ);
        return x + (int) Math.round(f * width);
    }

    @Override
    protected void paint(GC gc, Rectangle area) {
        int left = area.x + 40;
        int right = area.x + area.width - 8;
        int top = area.y + 8;
        int bottom = area.y + area.height - 22;
        int width = right - left;
        gc.setForeground(grid);
        double labelStep = (bottom - top) / 10.0 >= 14 ? 12 : (bottom - top) / 5.0 >= 14 ? 24 : 60;
        for (double db = MIN_DB; db <= MAX_DB; db += labelStep) {
            int y = row(db, MIN_DB, MAX_DB, top, bottom);
            gc.drawLine(left, y, right, y);
            gc.setForeground(text);
            gc.drawText(String.valueOf((int) db), area.x + 4, y - 7, true);
            gc.setForeground(grid);
        }
        double[] marks = {31.5, 63, 125, 250, 500, 1000, 2000, 4000, 8000, 16000};
        String[] names = {"31", "63", "125", "250", "500", "1k", "2k", "4k", "8k", "16k"};
        for (int i = 0; i < marks.length; i++) {
            if (marks[i] > maxHz()) {
                break;
            }
            int cx = column(marks[i], left, width);
            gc.setForeground(grid);
            gc.drawLine(cx, top, cx, bottom);
            gc.setForeground(text);
            gc.drawText(names[i], cx - 8, bottom + 4, true);
        }
        if (slope != 0) {
            gc.setForeground(text);
            gc.drawText(String.format(java.util.Locale.ROOT, "slope %+.1f dB/oct", slope), right - 130, top + 4, true);
        }
        if (reading.average().length > 1) {
            curve(gc, reading.average(), left, width, top, bottom, true);
        }
        if (reading.peak().length > 1) {
            curve(gc, reading.peak(), left, width, top, bottom, false);
        }
    }

    /** The level per pixel column: the maximum of the bins that fall in it (or the interpolated bin). */
    private void curve(GC gc, float[] db, int left, int width, int top, int bottom, boolean fill) {
        double binHz = reading.sampleRate() / 2 / (db.length - 1);
        int[] points = new int[(width + 1) * 2];
        int count = 0;
        for (int px = 0; px <= width; px++) {
            double f0 = MIN_HZ * Math.pow(maxHz() / MIN_HZ, px / (double) width);
            double f1 = MIN_HZ * Math.pow(maxHz() / MIN_HZ, (px + 1) / (double) width);
            int b0 = (int) Math.floor(f0 / binHz);
            int b1 = Math.max(b0, (int) Math.floor(f1 / binHz));
            double level = Double.NEGATIVE_INFINITY;
            for (int b = Math.max(1, b0); b <= Math.min(db.length - 1, b1); b++) {
                level = Math.max(level, db[b]);
            }
            if (level == Double.NEGATIVE_INFINITY) {
                double exact = f0 / binHz;
                int b = Math.min(db.length - 2, Math.max(1, (int) exact));
                double t = exact - b;
                level = db[b] * (1 - t) + db[b + 1] * t;
            }
            level += slope * Math.log(Math.max(f0, 1) / 1000) / Math.log(2);
            points[count++] = left + px;
            points[count++] = row(level, MIN_DB, MAX_DB, top, bottom);
        }
        if (fill) {
            int[] polygon = new int[count + 4];
            System.arraycopy(points, 0, polygon, 0, count);
            polygon[count] = left + width;
            polygon[count + 1] = bottom;
            polygon[count + 2] = left;
            polygon[count + 3] = bottom;
            gc.setBackground(trace);
            gc.setAlpha(110);
            gc.fillPolygon(polygon);
            gc.setAlpha(255);
            gc.setForeground(trace);
        } else {
            gc.setForeground(peak);
        }
        gc.drawPolyline(points);
    }
}
