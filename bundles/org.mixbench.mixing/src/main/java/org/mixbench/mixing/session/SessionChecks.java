package org.mixbench.mixing.session;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The field-by-field checks behind {@link SessionFiles#validate}: each problem is one line that starts with the
 * field's path in the file ({@code tracks[1].strip.fader_db: 500 is outside -144..12 dB}). Any thread.
 */
final class SessionChecks {
    /** Insert automation targets: {@code insert:SLOT:PARAMETER}. */
    static final Pattern INSERT_TARGET = Pattern.compile("insert:(\\d{1,9}):(.+)");
    private static final int MAX_ID_LENGTH = 200;

    private SessionChecks() {
    }

    static void validate(Session s) throws SessionException {
        if (!Session.FORMAT.equals(s.format())) {
            throw new SessionException("not a Mixbench session (format is '" + s.format() + "')");
        }
        if (s.version() < 1 || s.version() > Session.VERSION) {
            throw new SessionException("session format version " + s.version() + " is not supported (this Mixbench "
                    + "reads version " + Session.VERSION + ")");
        }
        if (!(s.sampleRate() >= 8000 && s.sampleRate() <= 384_000)) {
            throw new SessionException("sample_rate: " + number(s.sampleRate()) + " is outside 8000..384000 Hz");
        }
        range("tempo", s.tempo(), Session.MIN_TEMPO, Session.MAX_TEMPO, "bpm");
        count("tracks", s.tracks().size(), Session.MAX_STRIPS);
        count("buses", s.buses().size(), Session.MAX_STRIPS);
        Set<String> ids = new HashSet<>();
        Set<String> buses = new HashSet<>();
        for (int i = 0; i < s.buses().size(); i++) {
            Session.Bus b = present("buses[" + i + "]", s.buses().get(i), "a bus");
            id("buses[" + i + "]", b.id(), ids);
            buses.add(b.id());
        }
        for (int i = 0; i < s.tracks().size(); i++) {
            Session.Track t = present("tracks[" + i + "]", s.tracks().get(i), "a track");
            id("tracks[" + i + "]", t.id(), ids);
        }
        for (int i = 0; i < s.tracks().size(); i++) {
            Session.Track t = s.tracks().get(i);
            String at = "tracks[" + i + "]";
            strip(at + ".strip", t.strip(), buses);
            for (int c = 0; c < t.clips().size(); c++) {
                clip(at + ".clips[" + c + "]", present(at + ".clips[" + c + "]", t.clips().get(c), "a clip"));
            }
            lanes(at + ".automation", t.automation(), t.strip());
        }
        for (int i = 0; i < s.buses().size(); i++) {
            Session.Bus b = s.buses().get(i);
            strip("buses[" + i + "].strip", b.strip(), buses);
            lanes("buses[" + i + "].automation", b.automation(), b.strip());
        }
        Session.Strip master = s.master().strip();
        if (!master.output().equals("master") || !master.sends().isEmpty()) {
            throw new SessionException("master.strip: the master has no output or sends to set");
        }
        strip("master.strip", master, buses);
        lanes("master.automation", s.master().automation(), master);
        for (Session.Bus b : s.buses()) {
            List<String> next = new java.util.ArrayList<>(List.of(b.strip().output()));
            b.strip().sends().forEach(send -> next.add(send.bus()));
            for (String n : next) {
                Optional<List<String>> back = s.feedPath(n, b.id());
                if (back.isPresent()) {
                    throw new SessionException("buses: '" + b.id() + "' feeds itself through " + b.id() + " -> "
                            + String.join(" -> ", back.get()));
                }
            }
        }
    }

    private static <T> T present(String at, T value, String what) throws SessionException {
        if (value == null) {
            throw new SessionException(at + ": null instead of " + what);
        }
        return value;
    }

    private static void count(String at, int n, int max) throws SessionException {
        if (n > max) {
            throw new SessionException(at + ": " + n + " entries; at most " + max);
        }
    }

    private static void id(String at, String id, Set<String> ids) throws SessionException {
        if (id == null || id.isBlank()) {
            throw new SessionException(at + ".id: missing");
        }
        if (id.length() > MAX_ID_LENGTH) {
            throw new SessionException(at + ".id: longer than " + MAX_ID_LENGTH + " characters");
        }
        text(at + ".id", id);
        if (id.equals("master")) {
            throw new SessionException(at + ".id: 'master' is reserved for the master strip");
        }
        if (!ids.add(id)) {
            throw new SessionException(at + ".id: '" + id + "' is used twice (track and bus ids must be unique)");
        }
    }

    /** Refuses control characters, which no id, processor or file name needs and a terminal would obey. */
    private static void text(String at, String value) throws SessionException {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || (c >= 0x7f && c < 0xa0)) {
                throw new SessionException(at + ": contains a control character (code " + (int) c + ")");
            }
        }
    }

    private static void clip(String at, Session.Clip clip) throws SessionException {
        if (clip.file() == null || clip.file().isBlank()) {
            throw new SessionException(at + ".file: missing");
        }
        text(at + ".file", clip.file());
        range(at + ".position", clip.position(), 0, Session.MAX_SECONDS, "s");
        range(at + ".offset", clip.offset(), 0, Session.MAX_SECONDS, "s");
        if (clip.length() != null) {
            range(at + ".length", clip.length(), 0, Session.MAX_SECONDS, "s");
        }
        range(at + ".gain_db", clip.gainDb(), Session.MIN_GAIN_DB, Session.MAX_CLIP_GAIN_DB, "dB");
        range(at + ".fade_in", clip.fadeIn(), 0, Session.MAX_SECONDS, "s");
        range(at + ".fade_out", clip.fadeOut(), 0, Session.MAX_SECONDS, "s");
        double end = clip.position() + (clip.length() == null ? 0 : clip.length());
        if (end > Session.MAX_SECONDS) {
            throw new SessionException(at + ": ends at " + number(end) + " s, beyond the " + number(
                    Session.MAX_SECONDS) + " s (24 hours) a session may last");
        }
    }

    private static void strip(String at, Session.Strip strip, Set<String> buses) throws SessionException {
        if (!strip.output().equals("master") && !buses.contains(strip.output())) {
            throw new SessionException(at + ".output: no bus '" + strip.output() + "'");
        }
        range(at + ".trim_db", strip.trimDb(), -Session.TRIM_RANGE_DB, Session.TRIM_RANGE_DB, "dB");
        range(at + ".fader_db", strip.faderDb(), Session.MIN_GAIN_DB, Session.MAX_FADER_DB, "dB");
        range(at + ".pan", strip.pan(), -1, 1, "");
        count(at + ".sends", strip.sends().size(), Session.MAX_PER_STRIP);
        count(at + ".inserts", strip.inserts().size(), Session.MAX_PER_STRIP);
        for (int i = 0; i < strip.sends().size(); i++) {
            String sat = at + ".sends[" + i + "]";
            Session.Send send = present(sat, strip.sends().get(i), "a send");
            if (send.bus() == null || !buses.contains(send.bus())) {
                throw new SessionException(sat + ".bus: no bus '" + send.bus() + "'");
            }
            range(sat + ".level_db", send.levelDb(), Session.MIN_GAIN_DB, Session.MAX_FADER_DB, "dB");
            range(sat + ".pan", send.pan(), -1, 1, "");
        }
        for (int i = 0; i < strip.inserts().size(); i++) {
            String iat = at + ".inserts[" + i + "]";
            Session.Insert insert = present(iat, strip.inserts().get(i), "an insert");
            if (insert.processor() == null || insert.processor().isBlank()) {
                throw new SessionException(iat + ".processor: missing");
            }
            text(iat + ".processor", insert.processor());
            for (Map.Entry<String, Double> p : insert.parameters().entrySet()) {
                if (p.getValue() == null || !Double.isFinite(p.getValue())) {
                    throw new SessionException(iat + ".parameters." + p.getKey() + ": " + (p.getValue() == null
                            ? "null" : number(p.getValue())) + " is not a finite number");
                }
            }
            for (Map.Entry<String, String> d : insert.data().entrySet()) {
                if (d.getValue() == null) {
                    throw new SessionException(iat + ".data." + d.getKey() + ": null instead of text");
                }
            }
        }
    }

    private static void lanes(String at, List<Session.Lane> lanes, Session.Strip strip) throws SessionException {
        for (int i = 0; i < lanes.size(); i++) {
            String where = at + "[" + i + "]";
            Session.Lane lane = present(where, lanes.get(i), "a lane");
            String target = lane.target() == null ? "" : lane.target();
            double min;
            double max;
            String unit;
            Matcher insert = INSERT_TARGET.matcher(target);
            if (target.equals("fader") || target.startsWith("send:")) {
                min = Session.MIN_GAIN_DB;
                max = Session.MAX_FADER_DB;
                unit = "dB";
                if (target.startsWith("send:") && strip.sends().stream().noneMatch(s -> s.bus().equals(
                        target.substring(5)))) {
                    throw new SessionException(where + ".target: no send to '" + target.substring(5) + "'");
                }
            } else if (target.equals("trim")) {
                min = -Session.TRIM_RANGE_DB;
                max = Session.TRIM_RANGE_DB;
                unit = "dB";
            } else if (target.equals("pan")) {
                min = -1;
                max = 1;
                unit = "";
            } else if (target.equals("mute")) {
                min = 0;
                max = 1;
                unit = "";
            } else if (insert.matches()) {
                int slot = Integer.parseInt(insert.group(1));
                if (slot >= strip.inserts().size()) {
                    throw new SessionException(where + ".target: no insert slot " + slot + " (the strip has "
                            + strip.inserts().size() + ")");
                }
                // Parameter ranges belong to the processor; the renderer checks them against its descriptors.
                min = Double.NEGATIVE_INFINITY;
                max = Double.POSITIVE_INFINITY;
                unit = "";
            } else {
                throw new SessionException(where + ".target: unknown target '" + target + "' (fader, pan, mute, "
                        + "trim, send:BUS or insert:SLOT:PARAMETER)");
            }
            double previous = 0;
            for (int p = 0; p < lane.points().size(); p++) {
                String pat = where + ".points[" + p + "]";
                Session.Point point = present(pat, lane.points().get(p), "a point");
                range(pat + ".time", point.time(), 0, Session.MAX_SECONDS, "s");
                if (point.time() < previous) {
                    throw new SessionException(pat + ".time: " + number(point.time()) + " s comes before the point "
                            + "ahead of it (" + number(previous) + " s); times must not decrease");
                }
                previous = point.time();
                if (!Double.isFinite(point.value())) {
                    throw new SessionException(pat + ".value: " + number(point.value()) + " is not a finite number");
                }
                range(pat + ".value", point.value(), min, max, unit);
            }
        }
    }

    /** Refuses a non-finite value or one outside {@code min..max}. */
    static void range(String at, double value, double min, double max, String unit) throws SessionException {
        if (!Double.isFinite(value)) {
            throw new SessionException(at + ": " + number(value) + " is not a finite number");
        }
        if (value < min || value > max) {
            throw new SessionException(at + ": " + number(value) + " is outside " + number(min) + ".." + number(max)
                    + (unit.isEmpty() ? "" : " " + unit));
        }
    }

    static String number(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "infinity" : "-infinity";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.valueOf((long) v);
        }
        return String.format(Locale.ROOT, "%.6g", v).replaceAll("(\\.\\d*?)0+($|e)", "$1$2").replace(".e", "e")
                .replaceAll("\\.$", "");
    }
}
