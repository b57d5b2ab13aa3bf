package org.mixbench.format.wav;

import java.util.List;
import java.util.Map;

import org.mixbench.api.export.ExportOption;

/**
 * The options of the WAV exporter, parsed and checked: {@code bits} (16, 24, 32 or 32f for IEEE float) and
 * {@code rf64} (auto, always, never). Immutable; any thread.
 *
 * @param bits     bits per sample in the file: 16, 24 or 32
 * @param floating whether samples are IEEE float (only with 32 bits)
 * @param rf64     when the file uses 64-bit RF64 sizes
 */
record WavOptions(int bits, boolean floating, Rf64 rf64) {
    /** When the exporter writes RF64 instead of RIFF. */
    enum Rf64 {
        /** RIFF with a JUNK chunk reserved for ds64, turned into RF64 at close if the file passed 4 GiB. */
        AUTO,
        /** RF64 with ds64 from the start. */
        ALWAYS,
        /** RIFF only; data past 4 GiB is an error. */
        NEVER
    }

    /** What the exporter offers, with defaults. */
    static final List<ExportOption> OPTIONS = List.of(
            new ExportOption("bits", "sample format: 16, 24 or 32-bit integer PCM, or 32f for 32-bit IEEE float",
                    "24", List.of("16", "24", "32", "32f")),
            new ExportOption("rf64", "64-bit RF64 sizes: auto (only when the file passes 4 GiB), always, or never"
                    + " (fail past 4 GiB)", "auto", List.of("auto", "always", "never")));

    /**
     * Parses {@code options}; a missing key takes its default, an unknown key or a value that is not allowed is an
     * {@link IllegalArgumentException} naming it. Export thread.
     */
    static WavOptions parse(Map<String, String> options) {
        for (Map.Entry<String, String> e : options.entrySet()) {
            ExportOption option = OPTIONS.stream().filter(o -> o.key().equals(e.getKey())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown WAV option '" + e.getKey()
                            + "'; the options are bits and rf64"));
            if (e.getValue() == null || !option.allowed().contains(e.getValue())) {
                throw new IllegalArgumentException("WAV option " + e.getKey() + "=" + e.getValue()
                        + " is not one of " + String.join(", ", option.allowed()));
            }
        }
        String bits = options.getOrDefault("bits", "24");
        Rf64 rf64 = Rf64.valueOf(options.getOrDefault("rf64", "auto").toUpperCase(java.util.Locale.ROOT));
        return bits.equals("32f") ? new WavOptions(32, true, rf64)
                : new WavOptions(Integer.parseInt(bits), false, rf64);
    }
}
