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
 * range (y, through its travel, so a frequency lane is logarithmic), on a grid of the session's bars (numbered along
 * the top) and beats in 4/4, with seconds along the bottom. A click on empty space adds a breakpoint (on a target
 * without a lane it starts the lane, with the static value at time 0, as one edit); dragging on empty space selects
 * the breakpoints inside the rubber band; dragging a point moves it, or all selected points when it is one of them,
 * held between the points not moved so points stay in time order, as one edit when the button is released. Times of
 * added and dragged points snap to the {@link Grid.Snap} grid unless Shift is held during the gesture; values are not
 * snapped. Double-click, the Delete key (all selected points) or the context menu deletes; the context menu also
 * sets the curve of the segment starting at a point and deletes the lane. The value under the pointer, or of the
 * selected point, is reported to the owner's readout and drawn beside the point. Edits go to the {@link Owner}. UI
 * thread only.
 */
final class AutomationCanvas extends org.eclipse.swt.widgets.Canvas {
    /** What the canvas asks of the mixer; every call makes one undoable edit. UI thread. */
    interface Owner {
        /** Replaces the shown lane's points (an empty list removes the lane); {@code verb} names the edit. */
        void commit(String verb, List<Session.Point> points);

        /** Starts a lane for the shown target. */
        void addLane();

        /** Starts a lane for the shown target holding {@code points}, as one edit named like Add lane. */
        void addLane(List<Session.Point> points);

        /** Removes the shown lane. */
        void deleteLane();

        /** Shows {@code text} (time and value under the pointer or of the selected point). */
        void readout(String text);
    }

    private static final int LEFT = 70;
    private static final int TOP = 42;
    private static final int RIGHT = 14;
    private static final int BOTTOM = 22;
    private static final int HIT = 6;
    /** How far (Manhattan, in pixels) the pointer must travel with the button down before a click becomes a drag. */
    private static final int DRAG = 4;
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
    private double tempo = 120;
    private Grid.Snap snap = Grid.Snap.BEAT;
    /** The point the label and readout describe (the last one clicked or added), or -1. */
    private int selectedPoint = -1;
    /** The selected points' indices; holds {@link #selectedPoint} when that is not -1. */
    private final java.util.TreeSet<Integer> selection = new java.util.TreeSet<>();
    /** The point grabbed by a drag, or -1. */
    private int dragging = -1;
    /** Whether the left button went down on empty space of the plot (a click or a rubber band). */
    private boolean pressed;
    /** The rubber band's corner opposite the press while one is dragged; null otherwise. */
    private Point band;
    private boolean moved;
    /** Whether Shift was held at any time in the current gesture: no snapping. */
    private boolean free;
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
            if ((e.keyCode == SWT.DEL || e.keyCode == SWT.BS) && hasLane && !selection.isEmpty()
                    && dragging < 0) {
                deleteSelection();
            }
        });
    }

    /**
     * Shows the lane of {@code target} among {@code lanes} of strip {@code strip} (or that it has none), over
     * {@code span} seconds, with a grid of bars and beats at {@code tempo} beats per minute. The selected points stay
     * selected while the same lane is shown.
     */
    void show(String strip, List<Session.Lane> lanes, AutomationTargets.Automatable target, double span,
            double tempo) {
        this.tempo = tempo;
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
        if (!same) {
            selection.clear();
        }
        selection.removeIf(i -> i >= points.size());
        if (selectedPoint >= 0) {
            selection.add(selectedPoint);
        }
        dragging = -1;
        pressed = false;
        band = null;
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

    /** The indices of all selected breakpoints, in time order. */
    List<Integer> selection() {
        return List.copyOf(selection);
    }

    /** What added and dragged breakpoints snap to from now on. */
    void setSnap(Grid.Snap snap) {
        this.snap = snap;
    }

    /** What added and dragged breakpoints snap to. */
    Grid.Snap snap() {
        return snap;
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
        if (selection.size() > 1) {
            return selection.size() + " of " + points.size() + " points selected";
        }
        if (selectedPoint >= 0 && selectedPoint < points.size()) {
            Session.Point p = points.get(selectedPoint);
            return text(p.time(), p.value());
        }
        return points.size() + (points.size() == 1 ? " point" : " points");
    }

    /** Selects only point {@code index} (-1: nothing). */
    private void selectOnly(int index) {
        selection.clear();
        selectedPoint = index;
        if (index >= 0) {
            selection.add(index);
        }
    }

    /** The time at pixel column {@code x}, snapped unless this gesture is free. */
    private double snapped(double time) {
        return Grid.snap(time, tempo, snap, free);
    }

    private void mouseDown(org.eclipse.swt.widgets.Event e) {
        if (target == null) {
            return;
        }
        setFocus();
        int hit = hasLane ? hit(e.x, e.y) : -1;
        if (e.button != 1) {
            if (hit >= 0) {
                if (!selection.contains(hit)) {
                    selectOnly(hit);
                }
                selectedPoint = hit;
                redraw();
            }
            return;
        }
        free = (e.stateMask & SWT.SHIFT) != 0;
        moved = false;
        downX = e.x;
        downY = e.y;
        if (hit >= 0) {
            if (!selection.contains(hit)) {
                selectOnly(hit);
            }
            selectedPoint = hit;
            dragging = hit;
            redraw();
            owner.readout(selectionText());
        } else if (plot().contains(e.x, e.y)) {
            pressed = true;
        } else if (!hasLane) {
            owner.readout("Add lane to automate " + target.phrase());
        }
    }

    private void addPoint(int x, int y) {
        Session.Point point = new Session.Point(snapped(time(x)), value(y), target.defaultCurve());
        if (!hasLane) {
            List<Session.Point> start = Edits.startLane(target.range().clamp(target.current()),
                    target.defaultCurve(), point);
            selectOnly(start.size() - 1);
            owner.addLane(start);
            return;
        }
        selectOnly(Edits.insertionIndex(committed, point.time()));
        owner.commit("Add breakpoint", Edits.addPoint(committed, point));
    }

    private void deletePoint(int index) {
        selectOnly(-1);
        owner.commit("Delete breakpoint", Edits.removePoint(committed, index));
    }

    /** Deletes every selected point as one edit. */
    private void deleteSelection() {
        if (selection.size() == 1) {
            deletePoint(selection.first());
            return;
        }
        List<Integer> gone = List.copyOf(selection);
        selectOnly(-1);
        owner.commit("Delete " + gone.size() + " breakpoints", Edits.removePoints(committed, gone));
    }

    /** The points inside the rectangle spanned by pixels ({@code x0}, {@code y0}) and ({@code x1}, {@code y1}). */
    private java.util.TreeSet<Integer> inside(int x0, int y0, int x1, int y1) {
        Rectangle r = new Rectangle(Math.min(x0, x1), Math.min(y0, y1), Math.abs(x1 - x0) + 1, Math.abs(y1 - y0)
                + 1);
        java.util.TreeSet<Integer> in = new java.util.TreeSet<>();
        for (int i = 0; i < points.size(); i++) {
            if (r.contains(x(points.get(i).time()), y(points.get(i).value()))) {
                in.add(i);
            }
        }
        return in;
    }

    /** The preview of the selection dragged so that the grabbed point follows the pointer at ({@code x}, {@code y}). */
    private List<Session.Point> dragged(int x, int y) {
        Session.Point grabbed = committed.get(dragging);
        double t = snapped(grabbed.time() + time(x) - time(downX));
        var range = target.range();
        double dn = range.toNormalized(value(y)) - range.toNormalized(value(downY));
        double scale = Math.pow(10, range.decimals());
        if (selection.size() == 1) {
            double v = range.clamp(Math.round(range.fromNormalized(range.toNormalized(grabbed.value()) + dn) * scale)
                    / scale);
            return Edits.movePoint(committed, dragging, t, v);
        }
        return Edits.movePoints(committed, selection, t - grabbed.time(), v -> range.clamp(Math.round(range
                .fromNormalized(Math.max(0, Math.min(1, range.toNormalized(v) + dn))) * scale) / scale));
    }

    private void mouseMove(org.eclipse.swt.widgets.Event e) {
        if (target == null) {
            return;
        }
        if (dragging >= 0 || pressed) {
            free |= (e.stateMask & SWT.SHIFT) != 0;
            if (!moved && Math.abs(e.x - downX) + Math.abs(e.y - downY) < DRAG) {
                return;
            }
            moved = true;
            if (dragging >= 0) {
                points = dragged(e.x, e.y);
            } else if (hasLane) {
                band = new Point(e.x, e.y);
                selection.clear();
                selection.addAll(inside(downX, downY, e.x, e.y));
                selectedPoint = selection.isEmpty() ? -1 : selection.first();
            }
            redraw();
            owner.readout(selectionText());
            return;
        }
        int hit = hasLane ? hit(e.x, e.y) : -1;
        if (hit >= 0) {
            owner.readout(text(points.get(hit).time(), points.get(hit).value()));
        } else if (plot().contains(e.x, e.y)) {
            owner.readout(text(time(e.x), value(e.y)));
        } else {
            owner.readout(selectionText());
        }
    }

    private void mouseUp(org.eclipse.swt.widgets.Event e) {
        if (e.button != 1 || (dragging < 0 && !pressed)) {
            return;
        }
        free |= (e.stateMask & SWT.SHIFT) != 0;
        int grabbed = dragging;
        boolean click = pressed && !moved;
        dragging = -1;
        pressed = false;
        band = null;
        if (click) {
            addPoint(downX, downY);
        } else if (grabbed >= 0 && !moved) {
            selectOnly(grabbed);
            redraw();
            owner.readout(selectionText());
        } else if (grabbed >= 0 && !points.equals(committed)) {
            moved = false;
            owner.commit(selection.size() > 1 ? "Move " + selection.size() + " breakpoints" : "Move breakpoint",
                    points);
        } else {
            points = committed;
            redraw();
            owner.readout(selectionText());
        }
        moved = false;
        free = false;
    }

    private void doubleClick(org.eclipse.swt.widgets.Event e) {
        if (target == null || e.button != 1 || !hasLane) {
            return;
        }
        dragging = -1;
        pressed = false;
        band = null;
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
            if (!selection.contains(hit)) {
                selectOnly(hit);
            }
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
        int lastLabel = Integer.MIN_VALUE;
        for (double tick : target.ticks()) {
            int y = y(tick);
            gc.setForeground(display.getSystemColor(SWT.COLOR_WIDGET_NORMAL_SHADOW));
            gc.drawLine(p.x, y, p.x + p.width, y);
            if (Math.abs(y - lastLabel) < textHeight) {
                continue; // a short lane labels only the ticks that do not overlap
            }
            lastLabel = y;
            String label = target.display(tick);
            gc.setForeground(display.getSystemColor(SWT.COLOR_DARK_GRAY));
            gc.drawText(label, p.x - 6 - gc.textExtent(label).x, y - textHeight / 2, true);
        }
        // bars and beats: beat lines when they are far enough apart, bar lines (numbered along the top) thinned out
        double beat = Grid.beat(tempo);
        double bar = Grid.bar(tempo);
        gc.setLineStyle(SWT.LINE_SOLID);
        if (beat / span * p.width >= 8) {
            gc.setForeground(display.getSystemColor(SWT.COLOR_WIDGET_LIGHT_SHADOW));
            for (int i = 1; i * beat <= span + 1e-9; i++) {
                if (i % Grid.BEATS_PER_BAR != 0) {
                    int x = x(i * beat);
                    gc.drawLine(x, p.y + 1, x, p.y + p.height - 1);
                }
            }
        }
        int every = 1;
        while (every * bar / span * p.width < 28) {
            every *= 2;
        }
        for (int i = 0; i * bar <= span + 1e-9; i += every) {
            int x = x(i * bar);
            gc.setForeground(display.getSystemColor(SWT.COLOR_WIDGET_NORMAL_SHADOW));
            gc.drawLine(x, p.y - 4, x, p.y + p.height);
            String label = Integer.toString(i + 1);
            gc.setForeground(display.getSystemColor(SWT.COLOR_DARK_GRAY));
            int w = gc.textExtent(label).x;
            if (x + 3 + w < area.width - 2) {
                gc.drawText(label, x + 3, p.y - textHeight - 1, true);
            }
        }
        // seconds along the bottom, as ticks under the plot
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
            gc.drawLine(x, p.y + p.height, x, p.y + p.height + 3);
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
            String hint = "No " + target.phrase() + " lane: click to start one, or Add lane at " + target.display(
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
            boolean chosen = selection.contains(i);
            if (chosen) {
                gc.setBackground(display.getSystemColor(SWT.COLOR_RED));
                gc.fillRectangle(x - 5, y - 5, 11, 11);
                gc.setForeground(display.getSystemColor(SWT.COLOR_YELLOW));
                gc.drawRectangle(x - 5, y - 5, 10, 10);
            } else {
                gc.setBackground(display.getSystemColor(SWT.COLOR_DARK_BLUE));
                gc.fillRectangle(x - 4, y - 4, 9, 9);
                gc.setForeground(display.getSystemColor(SWT.COLOR_WHITE));
                gc.drawRectangle(x - 4, y - 4, 8, 8);
            }
        }
        gc.setClipping((Rectangle) null);
        if (band != null) {
            Rectangle r = new Rectangle(Math.min(downX, band.x), Math.min(downY, band.y), Math.abs(band.x - downX),
                    Math.abs(band.y - downY));
            gc.setBackground(display.getSystemColor(SWT.COLOR_LIST_SELECTION));
            gc.setAlpha(50);
            gc.fillRectangle(r);
            gc.setAlpha(255);
            gc.setForeground(display.getSystemColor(SWT.COLOR_LIST_SELECTION));
            gc.setLineStyle(SWT.LINE_DASH);
            gc.drawRectangle(r);
            gc.setLineStyle(SWT.LINE_SOLID);
        }
        if (selection.size() <= 1 && selectedPoint >= 0 && selectedPoint < points.size()) {
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
