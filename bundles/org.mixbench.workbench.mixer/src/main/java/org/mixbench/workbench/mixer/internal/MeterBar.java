package org.mixbench.workbench.mixer.internal;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;

/** A strip's level meter: the peak of the last block, -60 to 0 dBFS, green, yellow above -6, red at 0. */
final class MeterBar extends org.eclipse.swt.widgets.Canvas {
    final int index;
    private float level;

    MeterBar(Composite parent, int index) {
        super(parent, SWT.DOUBLE_BUFFERED);
        this.index = index;
        addPaintListener(e -> {
            var area = getClientArea();
            e.gc.setBackground(getDisplay().getSystemColor(SWT.COLOR_BLACK));
            e.gc.fillRectangle(area);
            double db = level > 0 ? 20 * Math.log10(level) : -120;
            double f = Math.max(0, Math.min(1, (db + 60) / 60));
            int h = (int) Math.round(f * area.height);
            e.gc.setBackground(getDisplay().getSystemColor(db >= -0.5 ? SWT.COLOR_RED : db >= -6
                    ? SWT.COLOR_YELLOW : SWT.COLOR_GREEN));
            e.gc.fillRectangle(area.x, area.y + area.height - h, area.width, h);
        });
    }

    void setLevel(float peak) {
        if (peak != level) {
            level = peak;
            redraw();
        }
    }

    float level() {
        return level;
    }
}
