package org.mixbench.mastering.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.mixbench.analysis.FileAnalysis;
import org.mixbench.api.audio.AudioFileInfo;
import org.mixbench.api.target.DeliveryTarget;
import org.mixbench.mastering.Rule;

/**
 * The rules of a delivery target, checked on the delivered file's own measurements. docs/mastering.md lists each
 * rule, its limit and how it is measured. Any thread.
 */
final class Rules {
    /** Cutting: side energy below the mono frequency, relative to the mid there, at most (dB). */
    static final double SIDE_BELOW_MAX_DB = -20;
    /** Cutting: energy above 10 kHz relative to all of it, at most (dB). */
    static final double HIGH_FREQUENCY_MAX_DB = -15;
    /** Cutting: the loudest 50 ms of the 5-10 kHz band, at most (dBFS RMS, a full-scale sine reads 0). */
    static final double SIBILANCE_MAX_DBFS = -12;

    private Rules() {
    }

    /**
     * The loudness rule, failing with the reason when the limit on limiting held the master back; {@code needed} is
     * the limiting the goal would take (negative: at least its magnitude).
     */
    static Rule loudness(DeliveryTarget t, double value, boolean capped, double needed, double maxLimiting,
            String what) {
        boolean pass = Double.isFinite(value) && Math.abs(value - t.integratedLufs()) <= t.toleranceLu() + 1e-9;
        String detail = "";
        if (capped) {
            detail = String.format(Locale.ROOT, "reaching %.1f LUFS would take %s of limiting, more than "
                    + "--max-limiting %.1f dB; the %smaster was delivered at the loudest level within that limit",
                    t.integratedLufs(), !Double.isFinite(needed) ? "more limiting than was tried"
                            : needed >= 0 ? String.format(Locale.ROOT, "%.1f dB", needed)
                            : String.format(Locale.ROOT, "more than %.1f dB", -needed), maxLimiting, what);
        }
        return new Rule("integrated_lufs", "within", t.integratedLufs(), t.toleranceLu(), value, "LUFS", pass, detail);
    }

    /** Every rule of {@code t} on one delivered file. */
    static List<Rule> master(DeliveryTarget t, FileAnalysis a, AudioFileInfo info, String format, int bits, int rate,
            boolean capped, double needed, double maxLimiting, CuttingChecks.Result cut, double albumLufs) {
        List<Rule> rules = new ArrayList<>();
        if (t.integratedLufs() != null && Double.isNaN(albumLufs)) {
            rules.add(loudness(t, a.integratedLufs(), capped, needed, maxLimiting, ""));
        } else if (t.integratedLufs() != null) {
            // In an album the target is the album's loudness; the track keeps its place relative to the others.
            Rule album = loudness(t, albumLufs, capped, needed, maxLimiting, "album ");
            rules.add(new Rule(album.rule(), album.comparison(), album.limit(), album.tolerance(), album.value(),
                    album.unit(), album.pass(), String.format(java.util.Locale.ROOT, "the album's loudness (all its "
                    + "tracks together); this track alone: %.2f LUFS%s", a.integratedLufs(), album.detail().isEmpty()
                            ? "" : "; " + album.detail())));
        }
        rules.add(atMost("true_peak_dbtp", t.truePeakDbtp(), a.truePeakDbtp(), "dBTP", format.equals("mp3")
                ? "measured on the decoded MP3" : ""));
        if (t.maxLraLu() != null) {
            rules.add(atMost("max_lra_lu", t.maxLraLu(), a.loudnessRangeLu(), "LU", ""));
        }
        if (t.minPlrLu() != null) {
            rules.add(atLeast("min_plr_lu", t.minPlrLu(), a.peakToLoudnessRatio(), "LU", ""));
        }
        rules.add(new Rule("sample_rate", "equals", rate, Double.NaN, a.sampleRate(), "Hz",
                Math.round(a.sampleRate()) == rate, ""));
        if (bits > 0) {
            rules.add(new Rule("bits", "equals", bits, Double.NaN, info.bitsPerSample(), "bits",
                    info.bitsPerSample() == bits, info.encoding()));
        }
        if (cut != null) {
            if (t.monoBelowHz() != null) {
                rules.add(atMost("side_below_mono_hz_db", SIDE_BELOW_MAX_DB, cut.sideBelowDb(), "dB",
                        String.format(Locale.ROOT, "side energy below %.0f Hz relative to the mid there",
                                t.monoBelowHz())));
            }
            if (t.minCorrelation() != null) {
                rules.add(atLeast("min_correlation", t.minCorrelation(), cut.minCorrelation(), "",
                        "the lowest phase correlation over 1 s windows every 0.5 s"));
            }
            rules.add(atMost("high_frequency_db", HIGH_FREQUENCY_MAX_DB, cut.highFrequencyDb(), "dB",
                    "energy above 10 kHz relative to all of it"));
            rules.add(atMost("sibilance_dbfs", SIBILANCE_MAX_DBFS, cut.sibilanceDbfs(), "dBFS",
                    "the loudest 50 ms of the 5-10 kHz band (RMS, a full-scale sine reads 0 dBFS)"));
        }
        return rules;
    }

    private static Rule atMost(String id, double limit, double value, String unit, String detail) {
        boolean pass = !Double.isNaN(value) && value <= limit + 1e-9;
        return new Rule(id, "at_most", limit, Double.NaN, value, unit, pass, detail);
    }

    private static Rule atLeast(String id, double limit, double value, String unit, String detail) {
        boolean pass = !Double.isNaN(value) && value >= limit - 1e-9;
        return new Rule(id, "at_least", limit, Double.NaN, value, unit, pass, detail);
    }

    /** The rules as the report writes them. */
    static List<Map<String, Object>> json(List<Rule> rules) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Rule r : rules) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rule", r.rule());
            m.put("limit", Engine.round(r.limit(), 3));
            m.put("comparison", r.comparison());
            if (Double.isFinite(r.tolerance())) {
                m.put("tolerance", r.tolerance());
            }
            m.put("value", Double.isInfinite(r.value()) ? (r.value() < 0 ? "-inf" : "inf")
                    : Engine.round(r.value(), 3));
            m.put("unit", r.unit());
            m.put("pass", r.pass());
            if (!r.detail().isEmpty()) {
                m.put("detail", r.detail());
            }
            out.add(m);
        }
        return out;
    }
}
