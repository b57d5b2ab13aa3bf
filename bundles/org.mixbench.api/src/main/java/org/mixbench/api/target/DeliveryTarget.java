package org.mixbench.api.target;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What one platform or medium asks of a master. Immutable; any thread. {@link #problems()} lists what is wrong with
 * a target that came from a file.
 *
 * @param id             stable id: lower-case words joined by {@code -} ({@code spotify}, {@code apple-music})
 * @param name           shown to users ({@code Spotify})
 * @param category       {@code streaming}, {@code broadcast}, {@code physical}, {@code archive} or a studio's own
 * @param integratedLufs the integrated loudness (ITU-R BS.1770) the master is normalised to, or null for a target
 *                       with no loudness goal (CD, hi-res, vinyl)
 * @param toleranceLu    how far from {@code integratedLufs} the delivered file may be, in LU
 * @param truePeakDbtp   the true-peak ceiling, dBTP
 * @param maxLraLu       the largest loudness range (EBU Tech 3342) allowed, or null
 * @param minPlrLu       the smallest peak-to-loudness ratio allowed, or null
 * @param sampleRate     the delivery rate in Hz, or null to keep the input's
 * @param bits           the word length: 16 or 24 (integer PCM), 32 for float; MP3 ignores it
 * @param format         {@code wav}, {@code flac} or {@code mp3}
 * @param encoder        encoder settings for the format ({@code mode=cbr}, {@code bitrate=320})
 * @param dither         how the word length is reduced: {@code tpdf}, {@code shaped} or {@code none}
 * @param monoBelowHz    for cutting: content below this frequency must be mono, or null
 * @param minCorrelation for cutting: the lowest sustained phase correlation allowed, or null
 * @param maxSideMinutes for cutting: the longest playing time of one side of a record, or null
 * @param source         where the figures come from (a public document or page)
 */
@ProviderType
public record DeliveryTarget(String id, String name, String category, Double integratedLufs, double toleranceLu,
        double truePeakDbtp, Double maxLraLu, Double minPlrLu, Integer sampleRate, int bits, String format,
        Map<String, String> encoder, String dither, Double monoBelowHz, Double minCorrelation, Double maxSideMinutes,
        String source) {
    /** Delivery formats a target may name. */
    public static final List<String> FORMATS = List.of("wav", "flac", "mp3");
    /** Dither types a target may name. */
    public static final List<String> DITHERS = List.of("tpdf", "shaped", "none");

    /** Copies the encoder settings; an absent map is empty. */
    public DeliveryTarget {
        encoder = encoder == null ? Map.of() : Map.copyOf(encoder);
    }

    /**
     * What is wrong with this target, each as one line naming the field ({@code true_peak_dbtp: 3 is above 0}); empty
     * when it can be used. Any thread.
     */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        if (id == null || !id.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            out.add("id: '" + id + "' is not lower-case words joined by '-'");
        }
        if (name == null || name.isBlank()) {
            out.add("name: missing");
        }
        if (integratedLufs != null && !(integratedLufs >= -70 && integratedLufs <= 0)) {
            out.add("integrated_lufs: " + integratedLufs + " is outside -70..0 LUFS");
        }
        if (!(toleranceLu >= 0 && toleranceLu <= 10)) {
            out.add("tolerance_lu: " + toleranceLu + " is outside 0..10 LU");
        }
        if (!(truePeakDbtp >= -20 && truePeakDbtp <= 0)) {
            out.add("true_peak_dbtp: " + truePeakDbtp + " is outside -20..0 dBTP");
        }
        if (maxLraLu != null && !(maxLraLu > 0 && maxLraLu <= 50)) {
            out.add("max_lra_lu: " + maxLraLu + " is outside 0..50 LU");
        }
        if (minPlrLu != null && !(minPlrLu >= 0 && minPlrLu <= 50)) {
            out.add("min_plr_lu: " + minPlrLu + " is outside 0..50 LU");
        }
        if (sampleRate != null && !List.of(44_100, 48_000, 88_200, 96_000, 176_400, 192_000).contains(sampleRate)) {
            out.add("sample_rate: " + sampleRate + " is not one of 44100, 48000, 88200, 96000, 176400, 192000 (or "
                    + "null to keep the input's)");
        }
        if (!FORMATS.contains(format)) {
            out.add("format: '" + format + "' is not one of " + String.join(", ", FORMATS));
        }
        if (!"mp3".equals(format) && bits != 16 && bits != 24 && bits != 32) {
            out.add("bits: " + bits + " is not 16, 24 or 32");
        }
        if (!DITHERS.contains(dither)) {
            out.add("dither: '" + dither + "' is not one of " + String.join(", ", DITHERS));
        }
        if (monoBelowHz != null && !(monoBelowHz > 0 && monoBelowHz <= 1000)) {
            out.add("mono_below_hz: " + monoBelowHz + " is outside 0..1000 Hz");
        }
        if (minCorrelation != null && !(minCorrelation >= -1 && minCorrelation <= 1)) {
            out.add("min_correlation: " + minCorrelation + " is outside -1..1");
        }
        if (maxSideMinutes != null && !(maxSideMinutes > 0 && maxSideMinutes <= 60)) {
            out.add("max_side_minutes: " + maxSideMinutes + " is outside 0..60 minutes");
        }
        if (source == null || source.isBlank()) {
            out.add("source: missing (say where the figures come from)");
        }
        return out;
    }
}
