package org.mixbench.workbench.meters.internal;

import java.util.Locale;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;

/**
 * The base of the meter drawings: a double-buffered canvas with the palette the meters share, disposed with it.
 * Subclasses paint from an immutable reading set on the UI thread. UI thread only.
 */
abstract class MeterCanvas extends Canvas {
    protected final Color background;
    protected final Color grid;
    protected final Color text;
    protected final Color green;
    protected final Color yellow;
    protected final Color red;
    protected final Color target;
    protected final Color trace;
    protected final Color peak;

    MeterCanvas(Composite parent, String id) {
        super(parent, SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND);
        setData("mixbench.id", id);
        var d = getDisplay();
        background = new Color(d, 24, 26, 30);
        grid = new Color(d, 70, 74, 82);
        text = new Color(d, 230, 232, 236);
        green = new Color(d, 70, 200, 110);
        yellow = new Color(d, 235, 200, 60);
        red = new Color(d, 230, 70, 60);
        target = new Color(d, 60, 190, 230);
        trace = new Color(d, 150, 200, 255);
        peak = new Color(d, 255, 150, 60);
        addPaintListener(e -> {
            Rectangle r = getClientArea();
            e.gc.setBackground(background);
            e.gc.fillRectangle(r);
            e.gc.setAntialias(SWT.ON);
            e.gc.setTextAntialias(SWT.ON);
            paint(e.gc, r);
        });
        addDisposeListener(e -> {
            for (Color c : new Color[] {background, grid, text, green, yellow, red, target, trace, peak}) {
                c.dispose();
            }
        });
    }

    /** Paints the reading into {@code area}. UI thread. */
    protected abstract void paint(GC gc, Rectangle area);

    /** "-14.2"; "-inf" for silence (negative infinity); "--" for nothing measured yet (NaN). */
    static String number(double value) {
        if (Double.isNaN(value)) {
            return "--";
        }
        if (Double.isInfinite(value)) {
            return value < 0 ? "-inf" : "+inf";
        }
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** Maps {@code value} in [{@code min}, {@code max}] to a pixel row from {@code bottom} up to {@code top}. */
    static int row(double value, double min, double max, int top, int bottom) {
        double v = Double.isNaN(value) ? min : Math.max(min, Math.min(max, value));
        return (int) Math.round(bottom - (v - min) / (max - min) * (bottom - top));
    }
}
