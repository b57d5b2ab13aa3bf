package org.mixbench.mixing.internal;

import java.util.List;
import java.util.Map;

import org.mixbench.mixing.session.Session;
import org.mixbench.mixing.session.Session.Bus;
import org.mixbench.mixing.session.Session.Clip;
import org.mixbench.mixing.session.Session.Curve;
import org.mixbench.mixing.session.Session.Insert;
import org.mixbench.mixing.session.Session.Lane;
import org.mixbench.mixing.session.Session.Master;
import org.mixbench.mixing.session.Session.PanLaw;
import org.mixbench.mixing.session.Session.Point;
import org.mixbench.mixing.session.Session.Send;
import org.mixbench.mixing.session.Session.Strip;
import org.mixbench.mixing.session.Session.Track;

/** The demo's mix: the session an engineer would set up for the four stems. */
final class DemoSession {
    private DemoSession() {
    }

    private static Insert insert(String id, Map<String, Double> parameters) {
        return new Insert(id, false, parameters, Map.of());
    }

    private static Clip clip(String file, double seconds) {
        return new Clip(file, 0, 0, null, 0, 0.005, 0.05, Session.FadeCurve.EQUAL_POWER);
    }

    static Session create(DemoSong song) {
        double seconds = song.frames / song.rate;
        double bar = 4 * song.beat;
        Insert drumEq = insert("mixbench.eq", Map.of("band1.enabled", 1.0, "band1.type", 3.0, "band1.frequency",
                30.0, "band1.slope", 1.0, "band2.enabled", 1.0, "band2.type", 0.0, "band2.frequency", 4000.0,
                "band2.gain", 2.5, "band2.q", 0.8));
        Insert drumComp = insert("mixbench.compressor", Map.of("threshold", -18.0, "ratio", 3.0, "attack", 15.0,
                "release", 120.0, "makeup", 3.0));
        Insert bassEq = insert("mixbench.eq", Map.of("band1.enabled", 1.0, "band1.type", 3.0, "band1.frequency",
                35.0, "band1.slope", 1.0, "band2.enabled", 1.0, "band2.type", 0.0, "band2.frequency", 700.0,
                "band2.gain", 2.0, "band2.q", 1.2));
        Insert bassComp = insert("mixbench.compressor", Map.of("threshold", -20.0, "ratio", 4.0, "attack", 10.0,
                "release", 80.0, "makeup", 4.0));
        Insert chordEq = insert("mixbench.eq", Map.of("band1.enabled", 1.0, "band1.type", 3.0, "band1.frequency",
                180.0, "band1.slope", 1.0));
        Insert leadEq = insert("mixbench.eq", Map.of("band1.enabled", 1.0, "band1.type", 3.0, "band1.frequency",
                150.0, "band1.slope", 1.0, "band2.enabled", 1.0, "band2.type", 0.0, "band2.frequency", 3000.0,
                "band2.gain", 3.0, "band2.q", 1.0));
        Insert leadComp = insert("mixbench.compressor", Map.of("threshold", -22.0, "ratio", 3.0, "attack", 5.0,
                "release", 100.0, "makeup", 4.0));
        Insert leadDelay = insert("mixbench.delay", Map.of("sync", 1.0, "note", 5.0, "pingpong", 1.0, "mix", 18.0,
                "feedback", 30.0));
        Insert reverb = insert("mixbench.reverb", Map.of("mix", 100.0, "decay", 2.2, "predelay", 20.0));
        Insert glue = insert("mixbench.compressor", Map.of("threshold", -12.0, "ratio", 2.0, "attack", 30.0,
                "release", 200.0, "makeup", 2.0));
        Track drums = new Track("drums", "Drums", List.of(clip("tracks/drums.wav", seconds)),
                new Strip(-20 * Math.log10(DemoSong.DRUM_LEVEL), false, List.of(drumEq, drumComp), -3, 0,
                        PanLaw.MINUS_3, false, false, false, "master",
                        List.of(new Send("reverb", -18, 0, false))), List.of());
        Track bass = new Track("bass", "Bass", List.of(clip("tracks/bass.wav", seconds)),
                new Strip(0, false, List.of(bassEq, bassComp), -4, 0, PanLaw.MINUS_3, false, false, false, "master",
                        List.of()), List.of());
        Track chords = new Track("chords", "Chords", List.of(clip("tracks/chords.wav", seconds)),
                new Strip(0, false, List.of(chordEq), -6, 0, PanLaw.MINUS_3, false, false, false, "master",
                        List.of(new Send("reverb", -9, 0, false))),
                List.of(new Lane("fader", List.of(new Point(0, -12, Curve.LINEAR), new Point(2 * bar, -6,
                        Curve.HOLD)))));
        Track lead = new Track("lead", "Lead", List.of(clip("tracks/lead.wav", seconds)),
                new Strip(0, false, List.of(leadEq, leadComp, leadDelay), -5, 0.15, PanLaw.MINUS_3, false, false,
                        false, "master", List.of(new Send("reverb", -8, 0, false))),
                List.of(new Lane("fader", List.of(new Point(8 * bar, -5, Curve.LINEAR), new Point(12 * bar, -2,
                        Curve.HOLD))),
                        new Lane("pan", List.of(new Point(4 * bar, 0.15, Curve.LINEAR), new Point(12 * bar, -0.15,
                                Curve.LINEAR), new Point(16 * bar, 0.15, Curve.HOLD)))));
        Bus reverbBus = new Bus("reverb", "Reverb", new Strip(0, false, List.of(reverb), -2, 0, PanLaw.MINUS_3,
                false, false, false, "master", List.of()), List.of());
        Master master = new Master(new Strip(0, false, List.of(glue), -2, 0, PanLaw.MINUS_3, false, false, false,
                "master", List.of()), List.of());
        return new Session(Session.FORMAT, Session.VERSION, song.rate, DemoSong.TEMPO,
                List.of(drums, bass, chords, lead), List.of(reverbBus), master);
    }
}
