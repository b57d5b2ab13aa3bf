package org.mixbench.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixbench.product.ProcessRunner.Result;

/**
 * Opens the real workbench window from the installed product on the display (Xvfb in CI), in each perspective, and
 * saves screenshots under {@code target/screenshots}. Fails, never skips, when there is no display.
 */
class WorkbenchWindowProcessTest {
    private static final Pattern SHOWN = Pattern.compile("window shown (\\d+) ms after JVM start");

    private static void openAndScreenshot(String perspective) throws Exception {
        String display = System.getenv("DISPLAY");
        assertNotNull(display, "the UI tests need a display: run them under xvfb-run (./mixbench test does)");
        Path png = ProductFiles.screenshots().resolve("product-" + perspective + ".png");
        Result r = ProcessRunner.run(Map.of(), true, "workbench", "--perspective", perspective, "--screenshot",
                png.toString());
        assertEquals(0, r.status(), r.err());
        Matcher m = SHOWN.matcher(r.err());
        assertTrue(m.find(), r.err());
        var image = ImageIO.read(png.toFile());
        assertNotNull(image, "not a PNG: " + png);
        assertTrue(image.getWidth() >= 1280, "the window takes most of the screen: " + image.getWidth());
        // A real window has many distinct colours (text, borders, selection); a blank capture has one or two.
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 4) {
            for (int x = 0; x < image.getWidth(); x += 4) {
                colours.add(image.getRGB(x, y));
            }
        }
        assertTrue(colours.size() > 8, "the screenshot looks blank: " + colours.size() + " colours");
        System.out.println("workbench (" + perspective + ") shown " + m.group(1) + " ms after JVM start");
    }

    @Test
    void theWindowOpensInTheMixPerspective() throws Exception {
        openAndScreenshot("mix");
    }

    @Test
    void aBundleDroppedIntoPluginsWhileTheWindowIsOpenAppearsInTheProcessorsView(@TempDir Path plugins)
            throws Exception {
        assertNotNull(System.getenv("DISPLAY"), "the UI tests need a display: run them under xvfb-run");
        Path png = ProductFiles.screenshots().resolve("product-plugin-dropped.png");
        var window = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return ProcessRunner.run(ProductFiles.product(), List.of("-Dmixbench.plugins=" + plugins), Map.of(),
                        true, "workbench", "--screenshot", png.toString(), "--delay", "5000");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(2500);
        Path partial = plugins.resolve("bitcrusher.jar.part");
        Files.copy(ProductFiles.testPlugin(), partial);
        Files.move(partial, plugins.resolve("bitcrusher.jar"));
        Result r = window.get(60, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("processors.table: Bitcrusher, Compressor, Delay, Dither, Gain, Gate / Expander, Mastering EQ, Multiband Compressor, Parametric EQ, Reverb, Saturation, Stereo Imager, Stereo Utility, True-Peak Limiter"), r.out());
        assertTrue(r.out().contains("14 processors"), r.out());
    }

    @Test
    void theWindowOpensInTheMasterPerspective() throws Exception {
        openAndScreenshot("master");
    }
}
