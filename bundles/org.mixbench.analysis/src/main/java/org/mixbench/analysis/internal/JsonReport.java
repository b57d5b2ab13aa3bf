package org.mixbench.analysis.internal;

import java.util.List;
import java.util.Locale;

import org.mixbench.analysis.FileAnalysis;

/**
 * Writes the {@code analyze --json} document, whose contract (every field, its unit, when it is null) is
 * docs/analysis-json.md at the top of the repository: keep the two in step. Non-finite values become {@code null}.
 * Stateless; the command thread.
 */
final class JsonReport {
    private JsonReport() {
    }

    static String write(List<FileAnalysis> files) {
        StringBuilder b = new StringBuilder(4096).append("{\"files\": [");
        for (int i = 0; i < files.size(); i++) {
            if (i > 0) {
                b.append(", ");
            }
            file(b, files.get(i));
        }
        return b.append("]}").toString();
    }

    private static void file(StringBuilder b, FileAnalysis a) {
        b.append("{\n  \"file\": ").append(string(a.file()));
        b.append(", \"sample_rate\": ").append(number(a.sampleRate(), 0));
        b.append(", \"channels\": ").append(a.channels());
        b.append(", \"frames\": ").append(a.frames());
        b.append(", \"duration_s\": ").append(number(a.durationSeconds(), 6));
        b.append(",\n  \"integrated_lufs\": ").append(number(a.integratedLufs(), 3));
        b.append(", \"lra_lu\": ").append(number(a.loudnessRangeLu(), 3));
        b.append(", \"momentary_max_lufs\": ").append(number(a.momentaryMaxLufs(), 3));
        b.append(", \"short_term_max_lufs\": ").append(number(a.shortTermMaxLufs(), 3));
        b.append(",\n  \"true_peak_dbtp\": ").append(number(a.truePeakDbtp(), 3));
        b.append(", \"sample_peak_dbfs\": ").append(number(a.samplePeakDbfs(), 3));
        b.append(", \"rms_dbfs\": [");
        for (int c = 0; c < a.rmsDbfs().length; c++) {
            b.append(c > 0 ? ", " : "").append(number(a.rmsDbfs()[c], 3));
        }
        b.append("], \"correlation\": ").append(number(a.correlation(), 4));
        b.append(",\n  \"momentary_lufs\": ");
        history(b, a.hopSeconds(), a.momentary());
        b.append(",\n  \"short_term_lufs\": ");
        history(b, a.hopSeconds(), a.shortTerm());
        b.append(",\n  \"spectrum_peaks\": [");
        for (int i = 0; i < a.spectrumPeaks().size(); i++) {
            FileAnalysis.SpectrumPeak p = a.spectrumPeaks().get(i);
            b.append(i > 0 ? ", " : "").append("{\"hz\": ").append(number(p.hz(), 2)).append(", \"dbfs\": ")
                    .append(number(p.dbfs(), 2)).append('}');
        }
        b.append("]\n}");
    }

    private static void history(StringBuilder b, double hop, double[] values) {
        b.append("{\"hop_s\": ").append(number(hop, 3)).append(", \"values\": [");
        for (int i = 0; i < values.length; i++) {
            b.append(i > 0 ? ", " : "").append(number(values[i], 2));
        }
        b.append("]}");
    }

    static String number(double v, int decimals) {
        if (!Double.isFinite(v)) {
            return "null";
        }
        String s = String.format(Locale.ROOT, "%." + decimals + "f", v);
        if (decimals > 0) {
            s = s.replaceAll("0+$", "");
            if (s.endsWith(".")) {
                s += "0";
            }
        }
        return s.equals("-0.0") ? "0.0" : s;
    }

    /**
     * {@code s} as a JSON string; every control character (C0, DEL, C1) as a {@code \\u} escape, so that the document
     * is also safe to print on a terminal.
     */
    static String string(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                default -> {
                    if (c < 0x20 || (c >= 0x7f && c < 0xa0)) {
                        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
