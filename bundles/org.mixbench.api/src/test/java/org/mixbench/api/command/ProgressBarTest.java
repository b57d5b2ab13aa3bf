package org.mixbench.api.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class ProgressBarTest {
    @Test
    void aBarDrawsOnlyAfterHalfASecondThenRedrawsInPlaceAndCloseClearsIt() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        ProgressBar bar = new ProgressBar(err, "mix.wav", true);
        bar.update(10, 100);
        assertEquals("", bytes.toString(StandardCharsets.UTF_8), "quick work shows no bar");
        Thread.sleep(550);
        bar.update(50, 100);
        String drawn = bytes.toString(StandardCharsets.UTF_8);
        assertEquals("\rmix.wav [###############               ]  50%", drawn);
        bar.update(60, 100);
        assertEquals(drawn, bytes.toString(StandardCharsets.UTF_8), "at most five redraws a second");
        bar.close();
        String cleared = bytes.toString(StandardCharsets.UTF_8).substring(drawn.length());
        assertTrue(cleared.startsWith("\r") && cleared.endsWith("\r") && cleared.strip().isEmpty(), cleared);
        assertFalse(bar.drawn());
    }

    @Test
    void aBarForARedirectedStreamDrawsNothing() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressBar bar = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), "x", false);
        Thread.sleep(550);
        bar.update(1, 2);
        bar.close();
        assertEquals(0, bytes.size());
    }
}
