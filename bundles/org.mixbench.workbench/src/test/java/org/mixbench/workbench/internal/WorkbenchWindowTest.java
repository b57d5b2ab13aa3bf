package org.mixbench.workbench.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.ToolBar;
import org.eclipse.swt.widgets.ToolItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mixbench.api.workbench.ViewDescriptor;
import org.mixbench.processors.basic.GainFactory;
import org.mixbench.testkit.ui.SwtTestKit;
import org.mixbench.processors.basic.StereoUtilityFactory;
import org.mixbench.workbench.views.internal.ContributionsView;
import org.mixbench.workbench.views.internal.ProcessorsView;

import com.google.inject.Guice;

/**
 * The workbench window under a real display (Xvfb in CI): the Processors view lists the contributions and follows
 * the registry live, the perspective switcher switches, views come and go, a failing view does not take the window
 * down. Screenshots go to {@code target/screenshots}.
 */
class WorkbenchWindowTest {
    private static Display display;
    private WorkbenchWindow window;
    private final InMemoryRegistry registry = new InMemoryRegistry();
    private final StaticViewCatalog views = new StaticViewCatalog();

    @org.junit.jupiter.api.BeforeAll
    static void createDisplay() throws java.io.IOException {
        display = SwtTestKit.createDisplay();
    }

    @org.junit.jupiter.api.AfterAll
    static void disposeDisplay() {
        if (display != null) {
            display.dispose();
        }
    }

    @BeforeEach
    void open() {
        registry.add(InMemoryRegistry.processor(new GainFactory().descriptor(), "org.mixbench.processors.basic"));
        registry.add(InMemoryRegistry.processor(new StereoUtilityFactory().descriptor(),
                "org.mixbench.processors.basic"));
        views.add(new ViewEntry(new ViewDescriptor("mixbench.view.processors", "Processors", "*", "left"),
                new ProcessorsView(), "processors"));
        views.add(new ViewEntry(new ViewDescriptor("mixbench.view.contributions", "Contributions", "master",
                "center"), new ContributionsView(), "contributions"));
        window = Guice.createInjector(new WorkbenchModule(registry, views, display,
                new WorkbenchOptions("mix", null, 0))).getInstance(WorkbenchWindow.class);
        window.create().open();
        window.settle(200);
    }

    @AfterEach
    void close() {
        if (window.shell() != null && !window.shell().isDisposed()) {
            window.shell().dispose();
        }
    }

    private static List<Control> find(Control root, String id) {
        return SwtTestKit.all(root).stream().filter(c -> id.equals(c.getData(WorkbenchWindow.WIDGET_ID))).toList();
    }

    private Table visibleTable(String id) {
        for (Control c : find(window.shell(), id)) {
            if (c.isVisible()) {
                return (Table) c;
            }
        }
        throw new AssertionError("no visible " + id);
    }

    private static List<String> firstColumn(Table table) {
        List<String> names = new ArrayList<>();
        for (TableItem item : table.getItems()) {
            names.add(item.getText(0));
        }
        return names;
    }

    private Path screenshot(String name) throws Exception {
        Path file = SwtTestKit.screenshots().resolve(name);
        window.screenshot(file);
        ImageData image = new ImageLoader().load(file.toString())[0];
        assertEquals(window.shell().getBounds().width, image.width, "the screenshot is as wide as the window");
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.height; y += 4) {
            for (int x = 0; x < image.width; x += 4) {
                colours.add(image.getPixel(x, y));
            }
        }
        assertTrue(colours.size() > 8, "a window has text, borders and selection; a blank capture has one or two "
                + "colours: " + colours.size());
        return file;
    }

    private void clickSwitcher(String perspective) {
        ToolBar bar = (ToolBar) find(window.shell(), "perspective.switcher").get(0);
        for (ToolItem item : bar.getItems()) {
            boolean target = ("switcher." + perspective).equals(item.getData(WorkbenchWindow.WIDGET_ID));
            item.setSelection(target);
            if (target) {
                item.notifyListeners(SWT.Selection, null);
            }
        }
        window.settle(100);
    }

    @Test
    void theProcessorsViewListsEveryContributedProcessor() throws Exception {
        assertEquals(List.of("Gain", "Stereo Utility"), firstColumn(visibleTable("processors.table")));
        screenshot("workbench-mix.png");
    }

    @Test
    void theProcessorsViewFollowsTheRegistryLive() {
        registry.add(InMemoryRegistry.processor(
                new org.mixbench.api.contribution.Descriptor("com.example.bitcrusher", "Bitcrusher", "Distortion",
                        "Example Studio", "1.0.0"), "com.example.bitcrusher"));
        window.settle(200);
        assertEquals(List.of("Bitcrusher", "Gain", "Stereo Utility"), firstColumn(visibleTable("processors.table")));
        Label counts = (Label) find(window.shell(), "status.counts").get(0);
        assertTrue(counts.getText().contains("3 processors"), counts.getText());
        registry.remove("com.example.bitcrusher");
        window.settle(200);
        assertEquals(List.of("Gain", "Stereo Utility"), firstColumn(visibleTable("processors.table")));
    }

    @Test
    void theSwitcherShowsTheMasterPerspectiveWithItsViews() throws Exception {
        assertEquals("mix", window.currentPerspective());
        assertEquals(List.of("Processors"), window.tabTitles("mix"));
        clickSwitcher("master");
        assertEquals("master", window.currentPerspective());
        assertEquals(List.of("Processors", "Contributions"), window.tabTitles("master"));
        assertTrue(firstColumn(visibleTable("contributions.table")).contains("Processors"));
        assertTrue(window.shell().getText().endsWith("Master"));
        screenshot("workbench-master.png");
        clickSwitcher("mix");
        assertEquals("mix", window.currentPerspective());
    }

    @Test
    void aViewContributedWhileTheWindowIsOpenGetsATabAndLosesItWhenRemoved() {
        ViewEntry late = new ViewEntry(new ViewDescriptor("late", "Late view", "mix", "bottom"),
                (parent, site) -> {
                    Label label = new Label(parent, SWT.NONE);
                    label.setText("late");
                    return () -> label;
                }, "late");
        views.add(late);
        window.settle(200);
        assertEquals(List.of("Processors", "Late view"), window.tabTitles("mix"));
        views.remove(late);
        window.settle(200);
        assertEquals(List.of("Processors"), window.tabTitles("mix"));
    }

    @Test
    void aViewThatFailsToOpenIsReportedAndTheWindowGoesOn() {
        views.add(new ViewEntry(new ViewDescriptor("broken", "Broken", "*", "right"), (parent, site) -> {
            throw new IllegalStateException("no meters today");
        }, "broken"));
        window.settle(200);
        assertTrue(window.tabTitles("mix").contains("Broken"));
        Label status = (Label) find(window.shell(), "status.message").get(0);
        assertTrue(status.getText().contains("broken failed"), status.getText());
        assertFalse(window.shell().isDisposed());
        assertEquals(List.of("Gain", "Stereo Utility"), firstColumn(visibleTable("processors.table")));
    }
}
