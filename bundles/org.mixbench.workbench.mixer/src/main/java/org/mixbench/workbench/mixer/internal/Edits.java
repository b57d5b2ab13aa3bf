package org.mixbench.workbench.mixer.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.mixbench.mixing.session.Session;

/** Session edits the mixer makes: each returns a new session with one strip changed. Any thread. */
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
}
