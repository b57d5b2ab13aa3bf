package org.mixbench.testkit.ui;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.mixbench.api.contribution.ContributionRegistry;
import org.mixbench.workbench.api.ViewSite;

/**
 * Scaffolding for the UI tests that run in a real SWT window (Xvfb in CI): the display, a fake {@link ViewSite},
 * settling the event loop, finding widgets by their {@code mixbench.id} and saving screenshots as PNG under
 * {@code target/screenshots} (or the {@code mixbench.screenshots} property).
 * <p>
 * Everything except {@link #createDisplay()} must be called on the UI thread, the thread that created the display.
 */
public final class SwtTestKit {
    /** The key under which views tag their widgets with {@code setData} for tests. */
    public static final String ID = "mixbench.id";

    private SwtTestKit() {
    }

    /**
     * A new display on the calling thread, which becomes the UI thread; fails unless {@code DISPLAY} is set. Creates
     * the {@code swt.library.path} directory first, where SWT unpacks its native libraries.
     */
    public static Display createDisplay() throws IOException {
        assertNotNull(System.getenv("DISPLAY"), "the UI tests need a display: run them under xvfb-run");
        String path = System.getProperty("swt.library.path");
        if (path != null) {
            Files.createDirectories(Paths.get(path));
        }
        return new Display();
    }

    /** A view site on {@code display} in {@code perspective}; status messages go to {@code status}. */
    public static ViewSite viewSite(Display display, ContributionRegistry registry, String perspective,
            Consumer<String> status) {
        return new ViewSite() {
            @Override
            public ContributionRegistry registry() {
                return registry;
            }

            @Override
            public Display display() {
                return display;
            }

            @Override
            public String perspective() {
                return perspective;
            }

            @Override
            public void setStatusMessage(String message) {
                status.accept(message);
            }
        };
    }

    /** Dispatches events for {@code millis} milliseconds, so that timers, async runnables and paints run. */
    public static void settle(Display display, long millis) {
        long end = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < end) {
            while (display.readAndDispatch()) {
                // drain
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** {@code root} and all the controls below it, depth first, parents before children. */
    public static List<Control> all(Control root) {
        List<Control> out = new ArrayList<>();
        out.add(root);
        if (root instanceof Composite c) {
            for (Control child : c.getChildren()) {
                out.addAll(all(child));
            }
        }
        return out;
    }

    /** The first control of {@code type} at or below {@code root} tagged {@code id}, any if id is null; or null. */
    public static <T extends Control> T find(Control root, Class<T> type, String id) {
        for (Control c : all(root)) {
            if (type.isInstance(c) && (id == null || id.equals(c.getData(ID)))) {
                return type.cast(c);
            }
        }
        return null;
    }

    /** The directory screenshots go to, created if need be. */
    public static Path screenshots() throws IOException {
        return Files.createDirectories(Paths.get(System.getProperty("mixbench.screenshots", "target/screenshots")));
    }

    /** The control's pixels as they are on screen, also saved as the PNG {@code name} in {@link #screenshots()}. */
    public static ImageData screenshot(Control control, String name) throws IOException {
        Display display = control.getDisplay();
        Point origin = control.toDisplay(0, 0);
        Rectangle size = control.getBounds();
        Image image = new Image(display, size.width, size.height);
        GC gc = new GC(display);
        gc.copyArea(image, origin.x, origin.y);
        gc.dispose();
        ImageData data = image.getImageData();
        image.dispose();
        ImageLoader loader = new ImageLoader();
        loader.data = new ImageData[] {data};
        loader.save(screenshots().resolve(name).toString(), SWT.IMAGE_PNG);
        return data;
    }
}
