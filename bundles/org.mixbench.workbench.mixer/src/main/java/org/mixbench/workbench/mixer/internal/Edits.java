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
 * its automation, so that lanes of {@code insert:N:PARAMETER} follow their processor when slots are removed or moved
 * (and a removed send takes its {@code send:BUS} lane with it). Which buses a strip may send to is computed here too.
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

    // ---- sends ---------------------------------------------------------------------------------------------------

    /** The level a new send starts at, in dB: audible but well below the dry signal. */
    static final double DEFAULT_SEND_DB = -10;
    /** The lowest send level, in dB (as the faders). */
    static final double SEND_MIN = -60;
    /** The highest send level, in dB (as the faders). */
    static final double SEND_MAX = 12;

    /** Strip {@code s} with {@code sends} in place of its sends. */
    static Session.Strip sends(Session.Strip s, List<Session.Send> sends) {
        return new Session.Strip(s.trimDb(), s.invert(), s.inserts(), s.faderDb(), s.pan(), s.panLaw(), s.mute(),
                s.solo(), s.soloSafe(), s.output(), sends);
    }

    /** The send of strip {@code s} to bus {@code bus}, if it has one. */
    static Optional<Session.Send> send(Session.Strip s, String bus) {
        return s.sends().stream().filter(x -> x.bus().equals(bus)).findFirst();
    }

    /**
     * Appends a send to bus {@code bus} at {@value #DEFAULT_SEND_DB} dB, centred, post-fader. Whether the bus may be
     * sent to is the caller's question ({@link #sendDestinations}); a strip already sending there is returned as it is.
     */
    static Session.Strip addSend(Session.Strip s, String bus) {
        if (send(s, bus).isPresent()) {
            return s;
        }
        List<Session.Send> sends = new ArrayList<>(s.sends());
        sends.add(new Session.Send(bus, DEFAULT_SEND_DB, 0, false));
        return sends(s, sends);
    }

    /** The send to {@code bus} at {@code db}, held in {@value #SEND_MIN}..{@value #SEND_MAX} and rounded to 0.1 dB. */
    static Session.Strip setSendLevel(Session.Strip s, String bus, double db) {
        double level = Math.round(Math.max(SEND_MIN, Math.min(SEND_MAX, db)) * 10) / 10.0;
        return changeSend(s, bus, x -> new Session.Send(x.bus(), level, x.pan(), x.preFader()));
    }

    /** The send to {@code bus} taken before the fader ({@code true}) or after it. */
    static Session.Strip setSendPreFader(Session.Strip s, String bus, boolean preFader) {
        return changeSend(s, bus, x -> new Session.Send(x.bus(), x.levelDb(), x.pan(), preFader));
    }

    /** The send to {@code bus} panned to {@code pan}, held in -1 (left)..1 (right). */
    static Session.Strip setSendPan(Session.Strip s, String bus, double pan) {
        double p = Math.max(-1, Math.min(1, pan));
        return changeSend(s, bus, x -> new Session.Send(x.bus(), x.levelDb(), p, x.preFader()));
    }

    private static Session.Strip changeSend(Session.Strip s, String bus, UnaryOperator<Session.Send> change) {
        List<Session.Send> sends = new ArrayList<>(s.sends());
        for (int i = 0; i < sends.size(); i++) {
            if (sends.get(i).bus().equals(bus)) {
                sends.set(i, change.apply(sends.get(i)));
            }
        }
        return sends(s, sends);
    }

    /** Removes the send to {@code bus} together with its {@code send:BUS} automation lane. */
    static Channel removeSend(Channel c, String bus) {
        List<Session.Send> sends = new ArrayList<>(c.strip().sends());
        sends.removeIf(x -> x.bus().equals(bus));
        return removeLane(new Channel(sends(c.strip(), sends), c.lanes()), sendTarget(bus));
    }

    /** The lane target of the level of the send to {@code bus}. */
    static String sendTarget(String bus) {
        return "send:" + bus;
    }

    /** The name of bus {@code id}, or the id when there is no such bus. */
    static String busName(Session s, String id) {
        return s.buses().stream().filter(b -> b.id().equals(id)).map(Session.Bus::name).findFirst().orElse(id);
    }

    /**
     * The buses strip {@code t} may send to, in session order: none for the master; for a track or bus, every bus
     * except itself, those it already sends to, and those that feed it back, directly or through other buses, by
     * their outputs or sends (a send there would make a loop the mix cannot render).
     */
    static List<Session.Bus> sendDestinations(Session s, Target t) {
        if (t.kind() == Target.Kind.MASTER) {
            return List.of();
        }
        Session.Strip strip = strip(s, t);
        String self = t.kind() == Target.Kind.BUS ? s.buses().get(t.index()).id() : null;
        List<Session.Bus> out = new ArrayList<>();
        for (Session.Bus b : s.buses()) {
            if (b.id().equals(self) || send(strip, b.id()).isPresent() || (self != null && feeds(s, b.id(), self))) {
                continue;
            }
            out.add(b);
        }
        return out;
    }

    /** Whether bus {@code from} reaches bus {@code to} (or is it) through bus outputs and sends. */
    static boolean feeds(Session s, String from, String to) {
        return s.feedPath(from, to).isPresent();
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
