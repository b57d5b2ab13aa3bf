package org.mixbench.processors.limiter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mixbench.testkit.Libebur128;

/**
 * The limiter's guarantee: with the ceiling at -1 dBTP, no output reads above it on Mixbench's true-peak meter nor on
 * libebur128's ({@code EBUR128_MODE_TRUE_PEAK}), and no output sample exceeds it, on five materials driven 12 and 18
 * dB into the limiter at 48 kHz, pink noise and the clipped master also at 44.1 kHz and pink noise at 96 kHz. The
 * margins (ceiling minus reading) go to {@code target/limiter/true-peak.txt}.
 */
class LimiterCeilingTest {
    private static final double CEILING = -1.0;
    private static final double SECONDS = 12;

    @BeforeAll
    static void clearReport() {
        Rig.clearReports("true-peak");
    }

    static Stream<Arguments> materials() {
        Stream.Builder<Arguments> cases = Stream.builder();
        for (String material : new String[] {"pink noise", "drum loop", "square waves", "sine sweep",
            "clipped master"}) {
            cases.add(Arguments.of(material, 48_000, 12.0));
            cases.add(Arguments.of(material, 48_000, 18.0));
        }
        cases.add(Arguments.of("pink noise", 44_100, 12.0));
        cases.add(Arguments.of("pink noise", 44_100, 18.0));
        cases.add(Arguments.of("clipped master", 44_100, 18.0));
        // from 96 kHz both meters oversample by 2 (libebur128 with a longer filter)
        cases.add(Arguments.of("pink noise", 96_000, 18.0));
        return cases.build();
    }

    @ParameterizedTest(name = "{0} at {1} Hz driven {2} dB")
    @MethodSource("materials")
    void noOutputExceedsTheCeilingOnEitherTruePeakMeterNorInItsSamples(String material, int rate, double drive)
            throws Exception {
        float[][] input = Materials.named(material, rate, SECONDS);
        LimiterProcessor limiter = Rig.limiter(rate, 2, Map.of("gain", drive, "ceiling", CEILING));
        float[][] output = Rig.renderWithTail(limiter, input);

        double ours = Rig.truePeakDbtp(output, rate, 0);
        Libebur128.Measurement reference = Libebur128.measure(output, rate);
        double samplePeak = Rig.samplePeakDbfs(output);
        double inputTruePeak = Rig.truePeakDbtp(input, rate, 0) + drive;
        Rig.report("true-peak", "%-15s %6d Hz +%4.1f dB | driven input %+6.2f dBTP | output: Mixbench %+7.3f dBTP "
                + "(margin %.4f dB), libebur128 %+7.3f dBTP (margin %.4f dB), sample peak %+7.3f dBFS, %s LUFS | "
                + "clamped samples %d", material, rate, drive, inputTruePeak, ours, CEILING - ours,
                reference.truePeakDbtp(), CEILING - reference.truePeakDbtp(), samplePeak,
                String.format(java.util.Locale.ROOT, "%.2f", reference.integratedLufs()), limiter.clampedSamples());

        assertTrue(inputTruePeak > CEILING + 10, "the material really is driven into the limiter");
        assertTrue(ours <= CEILING, material + ": Mixbench's true-peak meter reads " + ours + " dBTP");
        assertTrue(reference.truePeakDbtp() <= CEILING, material + ": libebur128 reads "
                + reference.truePeakDbtp() + " dBTP");
        assertTrue(samplePeak <= CEILING, material + ": a sample reaches " + samplePeak + " dBFS");
        assertEquals(0, limiter.clampedSamples(), "the detector alone kept the peaks, not the final clamp");
        assertTrue(ours > CEILING - 1.0, "the limiter uses the headroom it has: " + ours + " dBTP");
    }
}
