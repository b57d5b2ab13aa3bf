package org.mixbench.workbench.mixer.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.IntUnaryOperator;
import java.util.function.ToDoubleFunction;
import java.util.function.UnaryOperator;

import org.mixbench.mixing.session.Session;

/**
 * Session edits the mixer makes: pure functions over the immutable session records, each returning a new session (or
 * strip, channel or point list) with one thing changed. Insert edits work on a {@link Channel}, a strip together with
 * its automation, so that lanes of {@code insert:N:PARAMETER} follow their processor when slots are removed or moved.
 * Any thread (the mixer calls them on the UI thread).
 */
final class Edits {
    private Edits() {
    }

    /** Where a strip lives: track {@code index}, bus {@code index}, or the master. */
    record Target(Kind kind, int index) {
        enum Kind { TRACK, BUS, MASTER }
    }

    static Session.Strip strip(Session s, Target t) {
        return switch (t.kind()) {
            case TRACK -> s.tracks().get(t.index()).strip();
            case BUS -> s.buses().get(t.index()).strip();
            case MASTER -> s.master().strip();
        };
    }

    static List<Session.Lane> lanes(Session s, Target t) {
        return switch (t.kind()) {
            case TRACK -> s.tracks().get(t.index()).automation();
            case BUS -> s.buses().get(t.index()).automation();
            case MASTER -> s.master().automation();
        };
    }

    static String name(Session s, Target t) {
        return switch (t.kind()) {
            case TRACK -> s.tracks().get(t.index()).name();
            case BUS -> s.buses().get(t.index()).name();
            case MASTER -> "Master";
        };
    }

    /** Replaces the strip of {@code target} with {@code change} applied to it. */
    static UnaryOperator<Session> strip(Target target, UnaryOperator<Session.Strip> change) {
        return s -> {
            List<Session.Track> tracks = new ArrayList<>(s.tracks());
            List<Session.Bus> buses = new ArrayList<>(s.buses());
            Session.Master master = s.master();
            switch (target.kind()) {
                case TRACK -> {
                    Session.Track t = tracks.get(target.index());
                    tracks.set(target.index(), new Session.Track(t.id(), t.name(), t.clips(), change.apply(
                            t.strip()), t.automation()));
                }
                case BUS -> {
                    Session.Bus b = buses.get(target.index());
                    buses.set(target.index(), new Session.Bus(b.id(), b.name(), change.apply(b.strip()),
                            b.automation()));
                }
                case MASTER -> master = new Session.Master(change.apply(master.strip()), master.automation());
            }
            return new Session(s.format(), s.version(), s.sampleRate(), s.tempo(), tracks, buses, master);
        };
    }

    static Session.Strip fader(Session.Strip s, double db) {
        return new Session.Strip(s.trimDb(), s.invert(), s.inserts(), db, s.pan(), s.panLaw(), s.mute(), s.solo(),
                s.soloSafe(), s.output(), s.sends());
    }

    static Session.Strip pan(Session.Strip s, double pan) {
        return new Session.Strip(s.trimDb(), s.invert(), s.inserts(), s.faderDb(), pan, s.panLaw(), s.mute(),
                s.solo(), s.soloSafe(), s.output(), s.sends());
    }

    static Session.Strip mute(Session.Strip s, boolean mute) {
        return new Session.Strip(s.trimDb(), s.invert(), s.inserts(), s.faderDb(), s.pan(), s.panLaw(), mute,
                s.solo(), s.soloSafe(), s.output(), s.sends());
    }

    static Session.Strip solo(Session.Strip s, boolean solo) {
        return new Session.Strip(s.trimDb(), s.invert(), s.inserts(), s.faderDb(), s.pan(), s.panLaw(), s.mute(),
                solo, s.soloSafe(), s.output(), s.sends());
    }

    static Session.Strip parameter(Session.Strip s, int slot, String id, double value) {
        List<Session.Insert> inserts = new ArrayList<>(s.inserts());
        Session.Insert i = inserts.get(slot);
        java.util.Map<String, Double> values = new java.util.HashMap<>(i.parameters());
        values.put(id, value);
        inserts.set(slot, new Session.Insert(i.processor(), i.bypass(), values, i.data()));
        return new Session.Strip(s.trimDb(), s.invert(), inserts, s.faderDb(), s.pan(), s.panLaw(), s.mute(),
                s.solo(), s.soloSafe(), s.output(), s.sends());
    }

    /** A strip with its automation lanes: what an insert edit changes at once. Immutable; any thread. */
    record Channel(Session.Strip strip, List<Session.Lane> lanes) {
        /** Copies the lanes. */
        Channel {
            lanes = List.copyOf(lanes);
        }
    }

    static Channel channel(Session s, Target t) {
        return new Channel(strip(s, t), lanes(s, t));
    }

    /** Replaces the strip and the automation of {@code target} with {@code change} applied to them. */
    static UnaryOperator<Session> channel(Target target, UnaryOperator<Channel> change) {
        return s -> {
            List<Session.Track> tracks = new ArrayList<>(s.tracks());
            List<Session.Bus> buses = new ArrayList<>(s.buses());
            Session.Master master = s.master();
            Channel c = change.apply(channel(s, target));
            switch (target.kind()) {
                case TRACK -> {
                    Session.Track t = tracks.get(target.index());
                    tracks.set(target.index(), new Session.Track(t.id(), t.name(), t.clips(), c.strip(), c.lanes()));
                }
                case BUS -> {
                    Session.Bus b = buses.get(target.index());
                    buses.set(target.index(), new Session.Bus(b.id(), b.name(), c.strip(), c.lanes()));
                }
                case MASTER -> master = new Session.Master(c.strip(), c.lanes());
            }
            return new Session(s.format(), s.version(), s.sampleRate(), s.tempo(), tracks, buses, master);
        };
    }

    static Session.Strip inserts(Session.Strip s, List<Session.Insert> inserts) {
        return new Session.Strip(s.trimDb(), s.invert(), inserts, s.faderDb(), s.pan(), s.panLaw(), s.mute(),
                s.solo(), s.soloSafe(), s.output(), s.sends());
    }

    // ---- inserts -------------------------------------------------------------------------------------------------

    /** Appends {@code processor} with every parameter at its default (an empty map) and no data. */
    static Channel addInsert(Channel c, String processor) {
        List<Session.Insert> inserts = new ArrayList<>(c.strip().inserts());
        inserts.add(new Session.Insert(processor, false, Map.of(), Map.of()));
        return new Channel(inserts(c.strip(), inserts), c.lanes());
    }

    /** Removes slot {@code slot}: its lanes are dropped and the lanes of later slots move down by one. */
    static Channel removeInsert(Channel c, int slot) {
        List<Session.Insert> inserts = new ArrayList<>(c.strip().inserts());
        inserts.remove(slot);
        return new Channel(inserts(c.strip(), inserts), renumberInsertLanes(c.lanes(), removal(slot)));
    }

    /** Moves slot {@code from} to position {@code to}; every lane keeps following its processor. */
    static Channel moveInsert(Channel c, int from, int to) {
        List<Session.Insert> inserts = new ArrayList<>(c.strip().inserts());
        inserts.add(to, inserts.remove(from));
        return new Channel(inserts(c.strip(), inserts), renumberInsertLanes(c.lanes(), move(from, to)));
    }

    /**
     * Puts {@code processor} in slot {@code slot} in place of what was there, at its defaults and with the slot's
     * bypass state; the old processor's lanes are dropped (its parameters mean nothing to the new one).
     */
    static Channel replaceInsert(Channel c, int slot, String processor) {
        List<Session.Insert> inserts = new ArrayList<>(c.strip().inserts());
        inserts.set(slot, new Session.Insert(processor, inserts.get(slot).bypass(), Map.of(), Map.of()));
        return new Channel(inserts(c.strip(), inserts), renumberInsertLanes(c.lanes(), i -> i == slot ? -1 : i));
    }

    /** Bypasses or enables slot {@code slot}; its values are kept. */
    static Channel bypass(Channel c, int slot, boolean bypass) {
        List<Session.Insert> inserts = new ArrayList<>(c.strip().inserts());
        Session.Insert i = inserts.get(slot);
        inserts.set(slot, new Session.Insert(i.processor(), bypass, i.parameters(), i.data()));
        return new Channel(inserts(c.strip(), inserts), c.lanes());
    }

    /** Where each slot goes when {@code slot} is removed (-1: it is gone). */
    static IntUnaryOperator removal(int slot) {
        return i -> i == slot ? -1 : i > slot ? i - 1 : i;
    }

    /** Where each slot goes when slot {@code from} is moved to position {@code to}. */
    static IntUnaryOperator move(int from, int to) {
        return i -> {
            if (i == from) {
                return to;
            }
            if (from < to && i > from && i <= to) {
                return i - 1;
            }
            if (to < from && i >= to && i < from) {
                return i + 1;
            }
            return i;
        };
    }

    /**
     * The lanes with every {@code insert:N:PARAMETER} target renumbered through {@code slots} (old slot to new slot,
     * -1 to drop the lane); other lanes are kept as they are, in order.
     */
    static List<Session.Lane> renumberInsertLanes(List<Session.Lane> lanes, IntUnaryOperator slots) {
        List<Session.Lane> out = new ArrayList<>();
        for (Session.Lane lane : lanes) {
            String target = renumberTarget(lane.target(), slots);
            if (target != null) {
                out.add(target.equals(lane.target()) ? lane : new Session.Lane(target, lane.points()));
            }
        }
        return out;
    }

    /** {@code target} renumbered through {@code slots}, or null when its slot is dropped. */
    static String renumberTarget(String target, IntUnaryOperator slots) {
        OptionalInt slot = insertSlot(target);
        if (slot.isEmpty()) {
            return target;
        }
        int to = slots.applyAsInt(slot.getAsInt());
        return to < 0 ? null : insertTarget(to, insertParameter(target));
    }

    /** The lane target of parameter {@code parameter} of slot {@code slot}. */
    static String insertTarget(int slot, String parameter) {
        return "insert:" + slot + ":" + parameter;
    }

    /** The slot of an {@code insert:N:PARAMETER} target; empty for any other target. */
    static OptionalInt insertSlot(String target) {
        if (target == null || !target.matches("insert:\\d+:.+")) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(Integer.parseInt(target.split(":", 3)[1]));
    }

    /** The parameter id of an {@code insert:N:PARAMETER} target. */
    static String insertParameter(String target) {
        return target.split(":", 3)[2];
    }

    // ---- automation lanes and breakpoints ------------------------------------------------------------------------

    static Optional<Session.Lane> lane(List<Session.Lane> lanes, String target) {
        return lanes.stream().filter(l -> l.target().equals(target)).findFirst();
    }

    /** Adds a lane for {@code target} holding {@code value} from time 0 (one point). */
    static Channel addLane(Channel c, String target, double value, Session.Curve curve) {
        return points(c, target, List.of(new Session.Point(0, value, curve)));
    }

    static Channel removeLane(Channel c, String target) {
        return points(c, target, List.of());
    }

    /**
     * Sets the points of the lane of {@code target}: replaces that lane, adds it at the end when there is none, and
     * removes it when {@code points} is empty (a lane without points means nothing).
     */
    static Channel points(Channel c, String target, List<Session.Point> points) {
        List<Session.Lane> lanes = new ArrayList<>();
        boolean found = false;
        for (Session.Lane lane : c.lanes()) {
            if (lane.target().equals(target)) {
                found = true;
                if (!points.isEmpty()) {
                    lanes.add(new Session.Lane(target, points));
                }
            } else {
                lanes.add(lane);
            }
        }
        if (!found && !points.isEmpty()) {
            lanes.add(new Session.Lane(target, points));
        }
        return new Channel(c.strip(), lanes);
    }

    /** Where a point at {@code time} goes: after every point at or before that time. */
    static int insertionIndex(List<Session.Point> points, double time) {
        int i = 0;
        while (i < points.size() && points.get(i).time() <= time) {
            i++;
        }
        return i;
    }

    /** The points with {@code point} added in time order (at {@link #insertionIndex}). */
    static List<Session.Point> addPoint(List<Session.Point> points, Session.Point point) {
        List<Session.Point> out = new ArrayList<>(points);
        out.add(insertionIndex(points, point.time()), point);
        return out;
    }

    /**
     * The points with point {@code index} moved to {@code time} and {@code value}, keeping its curve; the time is held
     * between its neighbours' times (and at or after 0), so the points stay in order and the point keeps its index.
     */
    static List<Session.Point> movePoint(List<Session.Point> points, int index, double time, double value) {
        double earliest = index > 0 ? points.get(index - 1).time() : 0;
        double latest = index < points.size() - 1 ? points.get(index + 1).time() : Double.MAX_VALUE;
        double t = Math.max(earliest, Math.min(latest, time));
        List<Session.Point> out = new ArrayList<>(points);
        out.set(index, new Session.Point(t, value, points.get(index).curve()));
        return out;
    }

    /**
     * The points with every point at {@code indices} moved {@code dt} seconds later (earlier when negative) and its
     * value mapped through {@code value}, keeping curves. {@code dt} is held so that no moved point passes a point
     * that is not moved, nor goes before 0: the points stay in time order and keep their indices.
     */
    static List<Session.Point> movePoints(List<Session.Point> points, java.util.Collection<Integer> indices,
            double dt, java.util.function.DoubleUnaryOperator value) {
        java.util.Set<Integer> moved = new java.util.HashSet<>(indices);
        double low = -Double.MAX_VALUE;
        double high = Double.MAX_VALUE;
        for (int i : moved) {
            if (i < 0 || i >= points.size()) {
                continue;
            }
            double t = points.get(i).time();
            int before = i - 1;
            while (before >= 0 && moved.contains(before)) {
                before--;
            }
            int after = i + 1;
            while (after < points.size() && moved.contains(after)) {
                after++;
            }
            low = Math.max(low, (before >= 0 ? points.get(before).time() : 0) - t);
            if (after < points.size()) {
                high = Math.min(high, points.get(after).time() - t);
            }
        }
        double d = Math.max(Math.min(low, 0), Math.min(high, dt));
        List<Session.Point> out = new ArrayList<>(points);
        for (int i : moved) {
            if (i >= 0 && i < points.size()) {
                Session.Point p = points.get(i);
                double t = Math.round((p.time() + d) * 1000) / 1000.0;
                out.set(i, new Session.Point(Math.max(0, t), value.applyAsDouble(p.value()), p.curve()));
            }
        }
        return out;
    }

    /** The points without those at {@code indices}. */
    static List<Session.Point> removePoints(List<Session.Point> points, java.util.Collection<Integer> indices) {
        List<Session.Point> out = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            if (!indices.contains(i)) {
                out.add(points.get(i));
            }
        }
        return out;
    }

    /**
     * The points of a lane started by placing {@code point}: a point at time 0 holding {@code current} (the control's
     * static value) with {@code curve}, then {@code point}; only {@code point} when it is itself at time 0.
     */
    static List<Session.Point> startLane(double current, Session.Curve curve, Session.Point point) {
        if (point.time() <= 0) {
            return List.of(point);
        }
        return List.of(new Session.Point(0, current, curve), point);
    }

    static List<Session.Point> removePoint(List<Session.Point> points, int index) {
        List<Session.Point> out = new ArrayList<>(points);
        out.remove(index);
        return out;
    }

    /** The points with the segment starting at point {@code index} shaped by {@code curve}. */
    static List<Session.Point> curve(List<Session.Point> points, int index, Session.Curve curve) {
        List<Session.Point> out = new ArrayList<>(points);
        Session.Point p = out.get(index);
        out.set(index, new Session.Point(p.time(), p.value(), curve));
        return out;
    }

    /**
     * When the session ends, in seconds: the latest end of a clip ({@code clipLength} says how long a clip plays,
     * for clips without a stored length) or of an automation point.
     */
    static double sessionEnd(Session s, ToDoubleFunction<Session.Clip> clipLength) {
        double end = 0;
        List<List<Session.Lane>> all = new ArrayList<>();
        for (Session.Track t : s.tracks()) {
            for (Session.Clip clip : t.clips()) {
                double length = clip.length() != null ? clip.length() : clipLength.applyAsDouble(clip);
                if (Double.isFinite(length)) {
                    end = Math.max(end, clip.position() + length);
                }
            }
            all.add(t.automation());
        }
        s.buses().forEach(b -> all.add(b.automation()));
        all.add(s.master().automation());
        for (List<Session.Lane> lanes : all) {
            for (Session.Lane lane : lanes) {
                for (Session.Point p : lane.points()) {
                    end = Math.max(end, p.time());
                }
            }
        }
        return end;
    }
}
