package org.mixbench.workbench.mixer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Time snapping to bars and beats of the session tempo in 4/4, without a display. */
class GridTest {
    @Test
    void atOneHundredTwentyBpmABeatSnapsToHalfSeconds() {
        assertEquals(0.5, Grid.beat(120), 0);
        assertEquals(8.0, Grid.snap(8.2, 120, Grid.Snap.BEAT, false), 0);
        assertEquals(8.5, Grid.snap(8.3, 120, Grid.Snap.BEAT, false), 0);
    }

    @Test
    void aBarIsFourBeatsInFourFour() {
        assertEquals(2.0, Grid.bar(120), 0);
        assertEquals(14.0, Grid.snap(13.3, 120, Grid.Snap.BAR, false), 0);
        assertEquals(2.4, Grid.bar(100), 1e-12);
        assertEquals(4.8, Grid.snap(4.0, 100, Grid.Snap.BAR, false), 0);
    }

    @Test
    void eighthsAndSixteenthsDivideTheBeat() {
        assertEquals(1.25, Grid.snap(1.3, 120, Grid.Snap.EIGHTH, false), 0);
        assertEquals(1.375, Grid.snap(1.4, 120, Grid.Snap.SIXTEENTH, false), 0);
        assertEquals(1.8, Grid.snap(1.81, 100, Grid.Snap.SIXTEENTH, false), 0, "to the millisecond, no 1.7999...");
    }

    @Test
    void shiftIsNotNeededForOff() {
        assertEquals(8.237, Grid.snap(8.237, 120, Grid.Snap.OFF, false), 0);
        assertEquals(8.237, Grid.snap(8.237, 120, Grid.Snap.OFF, true), 0);
        assertEquals(0.0, Grid.Snap.OFF.seconds(120), 0);
    }

    @Test
    void aFreeGestureIsNotSnapped() {
        assertEquals(8.237, Grid.snap(8.237, 120, Grid.Snap.BAR, true), 0);
    }

    @Test
    void snappedTimesAreNeverBeforeZeroAndABadTempoCountsAsOneHundredTwenty() {
        assertEquals(0.0, Grid.snap(-0.9, 120, Grid.Snap.BEAT, false), 0);
        assertEquals(0.5, Grid.beat(0), 0);
        assertEquals("1/16", Grid.Snap.SIXTEENTH.label());
    }
}
