package org.mixbench.mixing.session;

import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A mix session, as stored in its JSON file. Immutable; any thread.
 *
 * @param format     always {@value #FORMAT}
 * @param version    the file format version, {@value #VERSION}
 * @param sampleRate the rate every clip is played and the mix rendered at
 * @param tempo      beats per minute, for tempo-synced effects
 * @param tracks     the tracks, in mixer order
 * @param buses      auxiliary and group buses
 * @param master     the master strip
 */
@ProviderType
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Session(String format, int version, @JsonProperty("sample_rate") double sampleRate, double tempo,
        List<Track> tracks, List<Bus> buses, Master master) {
    /** The value of {@code format}. */
    public static final String FORMAT = "mixbench-session";
    /** The current file format version. */
    public static final int VERSION = 1;
    /** The longest timeline, in seconds (24 hours): clip positions, offsets, lengths, fades and automation times. */
    public static final double MAX_SECONDS = 86_400;
    /** The lowest gain any level takes, in dB (below every word length's noise floor: silence). */
    public static final double MIN_GAIN_DB = -144;
    /** The highest fader and send level, in dB. */
    public static final double MAX_FADER_DB = 12;
    /** The trim's range, in dB either way. */
    public static final double TRIM_RANGE_DB = 24;
    /** The highest clip gain, in dB. */
    public static final double MAX_CLIP_GAIN_DB = 24;
    /** The tempo range, in beats per minute. */
    public static final double MIN_TEMPO = 20;
    /** The tempo range, in beats per minute. */
    public static final double MAX_TEMPO = 999;
    /** The most tracks, and the most buses, a session may hold. */
    public static final int MAX_STRIPS = 1000;
    /** The most inserts, and the most sends, on one strip. */
    public static final int MAX_PER_STRIP = 64;

    /** Fills defaults for absent parts. */
    public Session {
        format = format == null ? FORMAT : format;
        tempo = tempo > 0 ? tempo : 120;
        tracks = copy(tracks);
        buses = copy(buses);
        master = master == null ? new Master(null, null) : master;
    }

    /** A track: clips on the timeline feeding a channel strip. */
    @ProviderType
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Track(String id, String name, List<Clip> clips, Strip strip, List<Lane> automation) {
        /** Fills defaults. */
        public Track {
            name = name == null ? id : name;
            clips = copy(clips);
            strip = strip == null ? Strip.DEFAULT : strip;
            automation = copy(automation);
        }
    }

    /** An auxiliary or group bus: a channel strip fed by track outputs and sends. */
    @ProviderType
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Bus(String id, String name, Strip strip, List<Lane> automation) {
        /** Fills defaults. */
        public Bus {
            name = name == null ? id : name;
            strip = strip == null ? Strip.DEFAULT : strip;
            automation = copy(automation);
        }
    }

    /** The master strip (its output is the mix). */
    @ProviderType
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Master(Strip strip, List<Lane> automation) {
        /** Fills defaults. */
        public Master {
            strip = strip == null ? Strip.DEFAULT : strip;
            automation = copy(automation);
        }
    }

    /**
     * A region of an audio file placed on a track. Times in seconds.
     *
     * @param file      path relative to the session file (absolute paths are kept as they are)
     * @param position  where the clip starts on the timeline
     * @param offset    where in the file playback starts
     * @param length    how much plays, or null for the rest of the file
     * @param gainDb    clip gain
     * @param fadeIn    fade-in length
     * @param fadeOut   fade-out length
     * @param fadeCurve shape of both fades
     */
    @ProviderType
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Clip(String file, double position, double offset, Double length,
            @JsonProperty("gain_db") double gainDb, @JsonProperty("fade_in") double fadeIn,
            @JsonProperty("fade_out") double fadeOut, @JsonProperty("fade_curve") FadeCurve fadeCurve) {
        /** Fills defaults. */
        public Clip {
            fadeCurve = fadeCurve == null ? FadeCurve.EQUAL_POWER : fadeCurve;
        }
    }

    /**
     * A channel strip: trim, polarity, inserts, fader, pan with its law, mute, solo, output and sends.
     *
     * @param output the bus id this strip feeds, or {@code "master"}
     */
    @ProviderType
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Strip(@JsonProperty("trim_db") double trimDb, boolean invert, List<Insert> inserts,
            @JsonProperty("fader_db") double faderDb, double pan, @JsonProperty("pan_law") PanLaw panLaw,
            boolean mute, boolean solo, @JsonProperty("solo_safe") boolean soloSafe, String output,
            List<Send> sends) {
        /** A strip at unity with nothing inserted, feeding the master. */
        public static final Strip DEFAULT = new Strip(0, false, null, 0, 0, null, false, false, false, null, null);

        /** Fills defaults. */
        public Strip {
            inserts = copy(inserts);
            panLaw = panLaw == null ? PanLaw.MINUS_3 : panLaw;
            output = output == null ? "master" : output;
            sends = copy(sends);
        }
    }

    /**
     * A processor in an insert slot, by its stable id, with its state as plain values. A slot whose processor is not
     * installed keeps these values untouched.
     */
    @ProviderType
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Insert(String processor, boolean bypass, Map<String, Double> parameters, Map<String, String> data) {
        /** Fills defaults. */
        public Insert {
            parameters = copy(parameters);
            data = copy(data);
        }
    }

    /** A send to a bus: level, pan, pre or post fader. */
    @ProviderType
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Send(String bus, @JsonProperty("level_db") double levelDb, double pan,
            @JsonProperty("pre_fader") boolean preFader) {
    }

    /**
     * An automation lane: breakpoints for one target. Targets: {@code fader}, {@code pan}, {@code mute}, {@code trim},
     * {@code send:BUS} (level in dB), {@code insert:N:PARAMETER} (slot N from 0, a parameter id, in its units).
     */
    @ProviderType
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Lane(String target, List<Point> points) {
        /** Fills defaults. */
        public Lane {
            points = copy(points);
        }
    }

    /** A breakpoint; {@code curve} shapes the segment from this point to the next. */
    @ProviderType
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Point(double time, double value, Curve curve) {
        /** Fills defaults. */
        public Point {
            curve = curve == null ? Curve.LINEAR : curve;
        }
    }

    /** Fade shapes. */
    public enum FadeCurve {
        /** Amplitude rises in a straight line. */
        @JsonProperty("linear") LINEAR,
        /** Quarter sine: constant power through a crossfade. */
        @JsonProperty("equal_power") EQUAL_POWER,
        /** Exponential in amplitude (linear in dB over 60 dB). */
        @JsonProperty("exponential") EXPONENTIAL
    }

    /** Automation segment shapes. */
    public enum Curve {
        /** Straight line to the next point. */
        @JsonProperty("linear") LINEAR,
        /** Exponential: equal ratios in equal times (for positive values; linear through zero otherwise). */
        @JsonProperty("exponential") EXPONENTIAL,
        /** Stays at this value until the next point. */
        @JsonProperty("hold") HOLD
    }

    /** Pan laws for mono sources: the level of a centred source. Stereo sources use a balance control. */
    public enum PanLaw {
        /** 0 dB at the centre (the far side falls off linearly). */
        @JsonProperty("0") ZERO,
        /** -3 dB at the centre: constant power (sine/cosine). */
        @JsonProperty("-3") MINUS_3,
        /** -4.5 dB at the centre: between constant power and constant amplitude. */
        @JsonProperty("-4.5") MINUS_4_5,
        /** -6 dB at the centre: constant amplitude (linear). */
        @JsonProperty("-6") MINUS_6
    }

    /**
     * An unmodifiable copy that keeps null elements, so that validation can name them with their place in the file
     * instead of a copy failing without one.
     */
    static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(list));
    }

    static <K, V> Map<K, V> copy(Map<K, V> map) {
        return map == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(map));
    }

    /**
     * The buses from bus {@code from} to bus {@code to} through outputs and sends, both ends included, if
     * {@code from} feeds {@code to} (or is it); empty otherwise. The one loop check: validation refuses a session in
     * which a bus feeds itself, and the mixer offers no send that would close a loop. Any thread.
     */
    public java.util.Optional<List<String>> feedPath(String from, String to) {
        java.util.Deque<String> path = new java.util.ArrayDeque<>();
        return feedPath(from, to, path, new java.util.HashSet<>()) ? java.util.Optional.of(List.copyOf(path))
                : java.util.Optional.empty();
    }

    private boolean feedPath(String at, String to, java.util.Deque<String> path, java.util.Set<String> seen) {
        path.addLast(at);
        if (at.equals(to)) {
            return true;
        }
        Bus bus = buses.stream().filter(b -> b.id().equals(at)).findFirst().orElse(null);
        if (bus != null && seen.add(at)) {
            if (feedPath(bus.strip().output(), to, path, seen)) {
                return true;
            }
            for (Send send : bus.strip().sends()) {
                if (feedPath(send.bus(), to, path, seen)) {
                    return true;
                }
            }
        }
        path.removeLast();
        return false;
    }
}
