package org.mixbench.api.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ParameterDescriptorTest {

    @Test
    void everyScaleMapsTravelBackToTheSameValue() {
        ParameterDescriptor[] all = {
            ParameterDescriptor.linear("pan", "Pan", "%", -100, 100, 0, 0),
            ParameterDescriptor.logarithmic("freq", "Frequency", "Hz", 20, 20000, 1000, 1),
            ParameterDescriptor.decibels("gain", "Gain", -96, 24, 0),
            ParameterDescriptor.decibels("trim", "Trim", -24, 24, 0)};
        for (ParameterDescriptor d : all) {
            for (double t = 0; t <= 1.0; t += 0.05) {
                assertEquals(t, d.toNormalized(d.fromNormalized(t)), 1e-9, d.id() + " at travel " + t);
            }
        }
    }

    @Test
    void aLogarithmicFrequencyPutsTheGeometricMeanAtHalfTravel() {
        ParameterDescriptor d = ParameterDescriptor.logarithmic("freq", "Frequency", "Hz", 20, 20000, 1000, 0);
        assertEquals(Math.sqrt(20 * 20000), d.fromNormalized(0.5), 1e-6);
    }

    @Test
    void aFaderGivesThreeQuartersOfItsTravelToTheTopSixtyDecibels() {
        ParameterDescriptor d = ParameterDescriptor.decibels("gain", "Gain", -96, 24, 0);
        assertEquals(-36, d.fromNormalized(0.25), 1e-9);
        assertEquals(24, d.fromNormalized(1), 1e-9);
        assertEquals(-96, d.fromNormalized(0), 1e-9);
    }

    @Test
    void displayTextReadsTheWayEngineersWriteIt() {
        assertEquals("-3.0 dB", ParameterDescriptor.decibels("g", "G", -96, 24, 0).displayText(-3));
        assertEquals("-inf dB", ParameterDescriptor.decibels("g", "G", -96, 24, 0).displayText(-96));
        assertEquals("1.2 kHz",
                ParameterDescriptor.logarithmic("f", "F", "Hz", 20, 20000, 1000, 1).displayText(1200));
        assertEquals("On", ParameterDescriptor.toggle("m", "Mono", false).displayText(1));
        assertEquals("0 %", ParameterDescriptor.linear("p", "Pan", "%", -100, 100, 0, 0).displayText(-0.2));
    }

    @Test
    void clampKeepsValuesInRangeAndRoundsSteppedOnes() {
        ParameterDescriptor choice = ParameterDescriptor.choice("law", "Pan law", 1, "0 dB", "-3 dB", "-6 dB");
        assertEquals(2, choice.clamp(7));
        assertEquals(1, choice.clamp(0.6));
        assertEquals(1, choice.clamp(Double.NaN));
    }

    @Test
    void invalidRangesAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> ParameterDescriptor.linear("x", "X", "", 1, 1, 1, 0));
        assertThrows(IllegalArgumentException.class,
                () -> ParameterDescriptor.logarithmic("x", "X", "Hz", 0, 10, 1, 0));
        assertThrows(IllegalArgumentException.class,
                () -> ParameterDescriptor.linear("bad id", "X", "", 0, 1, 0, 0));
    }
}
