package org.mixbench.mastering;

import java.util.Locale;

/**
 * One rule of a delivery target checked on a delivered file: its limit, the measured value and whether it passes.
 * Immutable; any thread.
 *
 * @param rule       stable id ({@code integrated_lufs}, {@code true_peak_dbtp}, {@code max_lra_lu}, ...;
 *                   docs/mastering.md lists them)
 * @param comparison how {@code value} is held against {@code limit}: {@code within} (at most {@code tolerance}
 *                   away), {@code at_most}, {@code at_least} or {@code equals}
 * @param limit      the limit, in {@code unit}
 * @param tolerance  for {@code within}, how far the value may be from the limit; else NaN
 * @param value      the measured value in {@code unit} (NaN when it was not measured)
 * @param unit       the unit of {@code limit} and {@code value}
 * @param pass       whether the delivered file meets the rule
 * @param detail     why a rule fails or how it was measured, one line; empty when there is nothing to add
 */
public record Rule(String rule, String comparison, double limit, double tolerance, double value, String unit,
        boolean pass, String detail) {
    /** The limit in words for a table: {@code -14.0 ±1.0 LUFS}, {@code ≤ -1.0 dBTP}. Any thread. */
    public String limitText() {
        String u = unit.isEmpty() ? "" : " " + unit;
        return switch (comparison) {
            case "within" -> String.format(Locale.ROOT, "%.1f ±%.1f%s", limit, tolerance, u);
            case "at_most" -> "≤ " + number(limit, 1) + u;
            case "at_least" -> "≥ " + number(limit, 1) + u;
            default -> number(limit, 1) + u;
        };
    }

    /**
     * The value in words for a table: {@code -14.02 LUFS}, {@code 44100 Hz}, {@code -inf dB}, or {@code -} when it
     * was not measured. Any thread.
     */
    public String valueText() {
        if (Double.isNaN(value)) {
            return "-";
        }
        String u = unit.isEmpty() ? "" : " " + unit;
        return (Double.isInfinite(value) ? (value < 0 ? "-inf" : "inf") : number(value, 2)) + u;
    }

    /** Whole numbers of counting units (Hz, bits) without decimals, others with {@code decimals}. */
    private String number(double v, int decimals) {
        if (v == Math.rint(v) && (unit.equals("Hz") || unit.equals("bits"))) {
            return String.valueOf((long) v);
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
