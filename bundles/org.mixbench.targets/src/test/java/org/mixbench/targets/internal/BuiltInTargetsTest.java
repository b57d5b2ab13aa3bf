package org.mixbench.targets.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.mixbench.api.target.DeliveryTarget;

class BuiltInTargetsTest {
    private static final Map<String, DeliveryTarget> BY_ID = BuiltInTargets.ALL.stream().collect(Collectors.toMap(
            DeliveryTarget::id, Function.identity()));

    @Test
    void everyPlatformAndMediumTheIssueNamesIsShippedValidAndWithItsSource() {
        for (String id : List.of("spotify", "spotify-loud", "apple-music", "youtube", "amazon-music", "tidal",
                "deezer", "soundcloud", "ebu-r128", "atsc-a85", "cd", "hires", "vinyl")) {
            DeliveryTarget t = BY_ID.get(id);
            assertTrue(t != null, id + " is shipped");
            assertEquals(List.of(), t.problems(), id);
            assertTrue(t.source().length() > 20, id + " cites where its figures come from");
        }
        assertEquals(BuiltInTargets.ALL.size(), BY_ID.size(), "ids are unique");
    }

    @Test
    void theFiguresAreThosePublished() {
        assertEquals(-14.0, BY_ID.get("spotify").integratedLufs());
        assertEquals(-1.0, BY_ID.get("spotify").truePeakDbtp());
        assertEquals(-11.0, BY_ID.get("spotify-loud").integratedLufs());
        assertEquals(-2.0, BY_ID.get("spotify-loud").truePeakDbtp(), "Spotify: louder than -14 LUFS, below -2 dBTP");
        assertEquals(-16.0, BY_ID.get("apple-music").integratedLufs());
        assertEquals(-15.0, BY_ID.get("deezer").integratedLufs());
        assertEquals(-2.0, BY_ID.get("amazon-music").truePeakDbtp());
        DeliveryTarget ebu = BY_ID.get("ebu-r128");
        assertEquals(-23.0, ebu.integratedLufs());
        assertEquals(1.0, ebu.toleranceLu());
        assertEquals(-1.0, ebu.truePeakDbtp());
        DeliveryTarget atsc = BY_ID.get("atsc-a85");
        assertEquals(-24.0, atsc.integratedLufs());
        assertEquals(2.0, atsc.toleranceLu());
        assertEquals(-2.0, atsc.truePeakDbtp());
        DeliveryTarget cd = BY_ID.get("cd");
        assertNull(cd.integratedLufs(), "a CD has no loudness goal");
        assertEquals(44_100, cd.sampleRate());
        assertEquals(16, cd.bits());
        assertEquals("tpdf", cd.dither());
        DeliveryTarget hires = BY_ID.get("hires");
        assertEquals(96_000, hires.sampleRate());
        assertEquals(24, hires.bits());
        DeliveryTarget vinyl = BY_ID.get("vinyl");
        assertNull(vinyl.integratedLufs(), "no loudness limiting for a cut");
        assertNull(vinyl.sampleRate(), "the input's rate is kept");
        assertEquals(24, vinyl.bits());
        assertEquals(150.0, vinyl.monoBelowHz());
        assertEquals(0.0, vinyl.minCorrelation());
        assertEquals(23.0, vinyl.maxSideMinutes());
    }
}
