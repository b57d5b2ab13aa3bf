package org.mixbench.workbench.mixer.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Scale;
import org.mixbench.mixing.session.Session;

/**
 * The automation lane editor: one lane of the selected strip drawn over the session's time (x) and the target's
 * range (y, through its travel, so a frequency lane is logarithmic). Click on empty space adds a breakpoint; drag
 * moves one, held between its neighbours so points stay in time order, as one edit when the button is released;
 * double-click, the Delete key or the context menu deletes one; the context menu also sets the curve of the segment
 * starting at a point and deletes the lane. The value under the pointer, or of the selected point, is reported to
 * the owner's readout and drawn beside the point. Edits go to the {@link Owner}. UI thread only.
 */
final class AutomationCanvas extends org.eclipse.swt.widgets.Canvas {
    /** What the canvas asks of the mixer; every call makes one undoable edit. UI thread. */
    interface Owner {
        /** Replaces the shown lane's points (an empty list removes the lane); {@code verb} names the edit. */
        void commit(String verb, List<Session.Point> points);

        /** Starts a lane for the shown target. */
        void addLane();

        /** Removes the shown lane. */
        void deleteLane();

        /** Shows {@code text} (time and value under the pointer or of the selected point). */
        void readout(String text);
    }

    private static final int LEFT = 70;
    private static final int TOP = 26;
    private static final int RIGHT = 14;
    private static final int BOTTOM = 22;
    private static final int HIT = 6;
    private static final double[] TIME_STEPS = {0.1, 0.2, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 1200};

    private final Owner owner;
    private final Menu menu;
    private String name = "";
    private List<Session.Lane> lanes = List.of();
    private AutomationTargets.Automatable target;
    private boolean hasLane;
    /** The lane's points as stored. */
    private List<Session.Point> committed = List.of();
    /** What is drawn: the stored points, or the preview while a point is dragged. */
    private List<Session.Point> points = List.of();
    private double span = 10;
    private int selectedPoint = -1;
    private int dragging = -1;
    private boolean moved;
    private int downX;
    private int downY;

    AutomationCanvas(Composite parent, Owner owner) {
        super(parent, SWT.DOUBLE_BUFFERED);
        this.owner = owner;
        setData("mixbench.id", "mixer.automation");
        addPaintListener(e -> paint(e.gc));
        menu = new Menu(this);
        setMenu(menu);
        addListener(SWT.MenuDetect, e -> {
            Point at = toControl(e.x, e.y);
            fillMenu(at.x, at.y);
        });
        addListener(SWT.MouseDown, this::mouseDown);
        addListener(SWT.MouseMove, this::mouseMove);
        addListener(SWT.MouseUp, this::mouseUp);
        addListener(SWT.MouseDoubleClick, this::doubleClick);
        addListener(SWT.MouseExit, e -> owner.readout(selectionText()));
        addListener(SWT.KeyDown, e -> {
            if ((e.keyCode == SWT.DEL || e.keyCode == SWT.BS) && hasLane && selectedPoint >= 0
                    && dragging < 0) {
                deletePoint(selectedPoint);
            }
        });
    }

    /**
     * Shows the lane of {@code target} among {@code lanes} of strip {@code strip} (or that it has none), over
     * {@code span} seconds. The selected point stays selected while the same lane is shown.
     */
    void show(String strip, List<Session.Lane> lanes, AutomationTargets.Automatable target, double span) {
        boolean same = this.target != null && this.target.target().equals(target.target())
                && name.equals(strip);
        this.name = strip;
        this.lanes = lanes;
        this.target = target;
        this.span = span;
        Optional<Session.Lane> lane = Edits.lane(lanes, target.target());
        hasLane = lane.isPresent();
        committed = lane.map(Session.Lane::points).orElse(List.of());
        points = committed;
        if (!same || selectedPoint >= points.size()) {
            selectedPoint = -1;
        }
        dragging = -1;
        moved = false;
        redraw();
        owner.readout(selectionText());
    }

    /** The strip's lanes, as last shown. */
    List<Session.Lane> lanes() {
        return lanes;
    }

    /** The index of the selected breakpoint, or -1. */
    int selectedPoint() {
        return selectedPoint;
    }

    /** Where a breakpoint at {@code time} and {@code value} is drawn, in canvas pixels. */
    Point pixel(double time, double value) {
        return new Point(x(time), y(value));
    }

    /** Fills the context menu for canvas point ({@code x}, {@code y}) and returns it (right click does this). */
    Menu contextMenu(int x, int y) {
        fillMenu(x, y);
        return menu;
    }

    private Rectangle plot() {
        Rectangle a = getClientArea();
        return new Rectangle(LEFT, TOP, Math.max(1, a.width - LEFT - RIGHT), Math.max(1, a.height - TOP
                - BOTTOM));
    }

    private int x(double time) {
        Rectangle p = plot();
        return p.x + (int) Math.round(time / span * p.width);
    }

    private int y(double value) {
        Rectangle p = plot();
        return p.y + p.height - (int) Math.round(target.range().toNormalized(value) * p.height);
    }

    /** The time at pixel column {@code x}, within the span, to the millisecond. */
    private double time(int x) {
        Rectangle p = plot();
        double t = Math.max(0, Math.min(span, (x - p.x) / (double) p.width * span));
        return Math.round(t * 1000) / 1000.0;
    }

    /** The value at pixel row {@code y}, within the range, rounded to the digits the target displays. */
    private double value(int y) {
        Rectangle p = plot();
        double v = target.range().fromNormalized((p.y + p.height - y) / (double) p.height);
        double scale = Math.pow(10, target.range().decimals());
        return target.range().clamp(Math.round(v * scale) / scale);
    }

    /** The breakpoint within {@link #HIT} pixels of ({@code x}, {@code y}), the nearest; -1 when none. */
    private int hit(int x, int y) {
        int best = -1;
        int bestDistance = Integer.MAX_VALUE;
        for (int i = 0; i < points.size(); i++) {
            int dx = Math.abs(x(points.get(i).time()) - x);
            int dy = Math.abs(y(points.get(i).value()) - y);
            if (dx <= HIT && dy <= HIT && dx + dy < bestDistance) {
                best = i;
                bestDistance = dx + dy;
            }
        }
        return best;
    }

    private String text(double time, double value) {
        return AutomationTargets.time(time) + "  " + target.display(value);
    }

    private String selectionText() {
        if (target == null) {
            return "";
        }
        if (!hasLane) {
            return "no lane";
        }
        if (selectedPoint >= 0 && selectedPoint < points.size()) {
            Session.Point p = points.get(selectedPoint);
            return text(p.time(), p.value());
        }
        return points.size() + (points.size() == 1 ? " point" : " points");
    }

    private void mouseDown(org.eclipse.swt.widgets.Event e) {
        if (target == null) {
            return;
        }
        setFocus();
        int hit = hit(e.x, e.y);
        if (e.button != 1) {
            if (hit >= 0) {
                selectedPoint = hit;
                redraw();
            }
            return;
        }
        if (hit >= 0) {
            selectedPoint = hit;
            dragging = hit;
            moved = false;
            downX = e.x;
            downY = e.y;
            redraw();
            owner.readout(selectionText());
        } else if (!hasLane) {
            owner.readout("Add lane to automate " + target.phrase());
        } else if (plot().contains(e.x, e.y)) {
            addPoint(e.x, e.y);
        }
    }

    private void addPoint(int x, int y) {
        Session.Point point = new Session.Point(time(x), value(y), target.defaultCurve());
        selectedPoint = Edits.insertionIndex(committed, point.time());
        owner.commit("Add breakpoint", Edits.addPoint(committed, point));
    }

    private void deletePoint(int index) {
        selectedPoint = -1;
        owner.commit("Delete breakpoint", Edits.removePoint(committed, index));
    }

    private void mouseMove(org.eclipse.swt.widgets.Event e) {
        if (target == null) {
            return;
        }
        if (dragging >= 0) {
            if (!moved && Math.abs(e.x - downX) + Math.abs(e.y - downY) < 3) {
                return;
            }
            moved = true;
            points = Edits.movePoint(committed, dragging, time(e.x), value(e.y));
            redraw();
            owner.readout(selectionText());
            return;
        }
        int hit = hit(e.x, e.y);
        if (hit >= 0) {
            owner.readout(text(points.get(hit).time(), points.get(hit).value()));
        } else if (plot().contains(e.x, e.y)) {
            owner.readout(text(time(e.x), value(e.y)));
        } else {
            owner.readout(selectionText());
        }
    }

    private void mouseUp(org.eclipse.swt.widgets.Event e) {
        if (e.button != 1 || dragging < 0) {
            return;
        }
        dragging = -1;
        if (moved) {
            moved = false;
            if (!points.equals(committed)) {
                owner.commit("Move breakpoint", points);
            }
        }
    }

    private void doubleClick(org.eclipse.swt.widgets.Event e) {
        if (target == null || e.button != 1 || !hasLane) {
            return;
        }
        dragging = -1;
        int hit = hit(e.x, e.y);
        if (hit >= 0) {
            deletePoint(hit);
        }
    }

    private void fillMenu(int x, int y) {
        for (MenuItem item : menu.getItems()) {
            item.dispose();
        }
        if (target == null) {
            return;
        }
        int hit = hasLane ? hit(x, y) : -1;
        if (hit >= 0) {
            selectedPoint = hit;
            redraw();
            owner.readout(selectionText());
            MenuItem delete = new MenuItem(menu, SWT.PUSH);
            delete.setText("Delete breakpoint");
            delete.setData("mixbench.id", "automation.menu.delete-point");
            delete.addListener(SWT.Selection, e -> deletePoint(hit));
            MenuItem curve = new MenuItem(menu, SWT.CASCADE);
            curve.setText("Curve to next point");
            curve.setData("mixbench.id", "automation.menu.curve");
            curve.setEnabled(hit < committed.size() - 1);
            Menu curves = new Menu(curve);
            curve.setMenu(curves);
            for (Session.Curve c : Session.Curve.values()) {
                MenuItem item = new MenuItem(curves, SWT.RADIO);
                String label = c.name().charAt(0) + c.name().substring(1).toLowerCase(Locale.ROOT);
                item.setText(label);
                item.setData("mixbench.id", "automation.menu.curve." + c.name().toLowerCase(Locale.ROOT));
                item.setSelection(committed.get(hit).curve() == c);
                item.addListener(SWT.Selection, e -> {
                    if (item.getSelection() && committed.get(hit).curve() != c) {
                        owner.commit("Set " + label.toLowerCase(Locale.ROOT) + " curve",
                                Edits.curve(committed, hit, c));
                    }
                });
            }
        } else if (hasLane && plot().contains(x, y)) {
            MenuItem add = new MenuItem(menu, SWT.PUSH);
            add.setText("Add breakpoint here");
            add.setData("mixbench.id", "automation.menu.add-point");
            add.addListener(SWT.Selection, e -> addPoint(x, y));
        }
        if (hasLane) {
            if (menu.getItemCount() > 0) {
                new MenuItem(menu, SWT.SEPARATOR);
            }
            MenuItem delete = new MenuItem(menu, SWT.PUSH);
            delete.setText("Delete " + target.phrase() + " lane");
            delete.setData("mixbench.id", "automation.menu.delete-lane");
            delete.addListener(SWT.Selection, e -> owner.deleteLane());
        } else {
            MenuItem add = new MenuItem(menu, SWT.PUSH);
            add.setText("Add " + target.phrase() + " lane");
            add.setData("mixbench.id", "automation.menu.add-lane");
            add.addListener(SWT.Selection, e -> owner.addLane());
        }
    }

    /** The value of the segment from {@code a} to {@code b} at {@code time}, as the renderer computes it. */
    static double valueAt(Session.Point a, Session.Point b, double time) {
        double span = b.time() - a.time();
        double f = span <= 0 ? 1 : Math.max(0, Math.min(1, (time - a.time()) / span));
        return switch (a.curve()) {
            case HOLD -> f >= 1 ? b.value() : a.value();
            case EXPONENTIAL -> a.value() > 0 && b.value() > 0 ? a.value() * Math.pow(b.value() / a.value(), f)
                    : a.value() + (b.value() - a.value()) * f;
            case LINEAR -> a.value() + (b.value() - a.value()) * f;
        };
    }

    private String timeLabel(double t, double step) {
        if (step < 1) {
            return String.format(Locale.ROOT, "%.1f s", t);
        }
        if (span >= 120) {
            long s = Math.round(t);
            return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%.0f s", t);
    }

    private void paint(GC gc) {
        var display = getDisplay();
        Rectangle area = getClientArea();
        gc.setAntialias(SWT.ON);
        gc.setBackground(display.getSystemColor(SWT.COLOR_LIST_BACKGROUND));
        gc.fillRectangle(area);
        // drawn rather than SWT.BORDER: GTK warns about a bordered canvas laid out at 1x1 before the first layout
        gc.setForeground(display.getSystemColor(SWT.COLOR_WIDGET_NORMAL_SHADOW));
        gc.drawRectangle(area.x, area.y, area.width - 1, area.height - 1);
        gc.setForeground(display.getSystemColor(SWT.COLOR_LIST_FOREGROUND));
        if (target == null) {
            gc.drawText("Automation: no session open", 6, 4, true);
            return;
        }
        gc.drawText("Automation of " + name + ": " + target.label(), 6, 4, true);
        Rectangle p = plot();
        int textHeight = gc.getFontMetrics().getHeight();
        // value grid
        gc.setLineStyle(SWT.LINE_DOT);
        for (double tick : target.ticks()) {
            int y = y(tick);
            gc.setForeground(display.getSystemColor(SWT.COLOR_WIDGET_NORMAL_SHADOW));
            gc.drawLine(p.x, y, p.x + p.width, y);
            String label = target.display(tick);
            gc.setForeground(display.getSystemColor(SWT.COLOR_DARK_GRAY));
            gc.drawText(label, p.x - 6 - gc.textExtent(label).x, y - textHeight / 2, true);
        }
        // time grid
        double step = TIME_STEPS[TIME_STEPS.length - 1];
        for (double candidate : TIME_STEPS) {
            if (candidate / span * p.width >= 70) {
                step = candidate;
                break;
            }
        }
        for (int i = 0; i * step <= span + 1e-9; i++) {
            double t = i * step;
            int x = x(t);
            gc.setForeground(display.getSystemColor(SWT.COLOR_WIDGET_NORMAL_SHADOW));
            gc.drawLine(x, p.y, x, p.y + p.height);
            String label = timeLabel(t, step);
            gc.setForeground(display.getSystemColor(SWT.COLOR_DARK_GRAY));
            int w = gc.textExtent(label).x;
            gc.drawText(label, Math.min(x - w / 2, area.width - w - 2), p.y + p.height + 3, true);
        }
        gc.setLineStyle(SWT.LINE_SOLID);
        gc.setForeground(display.getSystemColor(SWT.COLOR_WIDGET_NORMAL_SHADOW));
        gc.drawRectangle(p.x, p.y, p.width, p.height);
        if (!hasLane) {
            int y = y(target.current());
            gc.setLineStyle(SWT.LINE_DASH);
            gc.setForeground(display.getSystemColor(SWT.COLOR_DARK_GRAY));
            gc.drawLine(p.x, y, p.x + p.width, y);
            gc.setLineStyle(SWT.LINE_SOLID);
            String hint = "No " + target.phrase() + " lane: Add lane starts one at " + target.display(
                    target.current());
            gc.setForeground(display.getSystemColor(SWT.COLOR_LIST_FOREGROUND));
            gc.drawText(hint, p.x + 8, Math.max(p.y + 2, y - textHeight - 4), true);
            return;
        }
        // the lane
        gc.setClipping(p.x - 5, p.y - 6, p.width + 11, p.height + 13);
        gc.setLineWidth(2);
        gc.setForeground(display.getSystemColor(SWT.COLOR_DARK_BLUE));
        if (!points.isEmpty()) {
            Session.Point first = points.get(0);
            gc.drawLine(p.x, y(first.value()), x(first.time()), y(first.value()));
            for (int i = 0; i + 1 < points.size(); i++) {
                Session.Point a = points.get(i);
                Session.Point b = points.get(i + 1);
                int xa = x(a.time());
                int xb = x(b.time());
                if (a.curve() == Session.Curve.HOLD) {
                    gc.drawPolyline(new int[] {xa, y(a.value()), xb, y(a.value()), xb, y(b.value())});
                    continue;
                }
                boolean straight = a.curve() == Session.Curve.LINEAR
                        && target.range().scale() == org.mixbench.api.processor.Scale.LINEAR;
                int steps = straight ? 1 : Math.max(1, (xb - xa) / 6);
                int[] line = new int[2 * (steps + 1)];
                for (int k = 0; k <= steps; k++) {
                    double t = a.time() + (b.time() - a.time()) * k / steps;
                    line[2 * k] = xa + (xb - xa) * k / steps;
                    line[2 * k + 1] = y(valueAt(a, b, t));
                }
                gc.drawPolyline(line);
            }
            Session.Point last = points.get(points.size() - 1);
            gc.drawLine(x(last.time()), y(last.value()), p.x + p.width, y(last.value()));
        }
        gc.setLineWidth(1);
        for (int i = 0; i < points.size(); i++) {
            Session.Point point = points.get(i);
            int x = x(point.time());
            int y = y(point.value());
            boolean chosen = i == selectedPoint;
            gc.setBackground(display.getSystemColor(chosen ? SWT.COLOR_RED : SWT.COLOR_DARK_BLUE));
            gc.fillRectangle(x - 4, y - 4, 9, 9);
            gc.setForeground(display.getSystemColor(SWT.COLOR_WHITE));
            gc.drawRectangle(x - 4, y - 4, 8, 8);
        }
        gc.setClipping((Rectangle) null);
        if (selectedPoint >= 0 && selectedPoint < points.size()) {
            Session.Point point = points.get(selectedPoint);
            String label = text(point.time(), point.value());
            Point size = gc.textExtent(label);
            int x = x(point.time()) + 10;
            int y = y(point.value()) - size.y - 8;
            if (x + size.x + 4 > p.x + p.width) {
                x = x(point.time()) - 10 - size.x;
            }
            if (y < p.y) {
                y = y(point.value()) + 8;
            }
            gc.setBackground(display.getSystemColor(SWT.COLOR_INFO_BACKGROUND));
            gc.setForeground(display.getSystemColor(SWT.COLOR_INFO_FOREGROUND));
            gc.fillRectangle(x - 3, y - 1, size.x + 6, size.y + 2);
            gc.drawRectangle(x - 3, y - 1, size.x + 6, size.y + 2);
            gc.drawText(label, x, y, true);
        }
    }
}
