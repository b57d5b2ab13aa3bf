package org.mixbench.workbench.mixer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Scale;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixbench.api.contribution.ContributionKind;
import org.mixbench.mixing.session.Session;
import org.mixbench.mixing.session.SessionFiles;
import org.mixbench.processors.eqdyn.CompressorFactory;
import org.mixbench.processors.eqdyn.GateFactory;
import org.mixbench.processors.eqdyn.ParametricEqFactory;
import org.mixbench.testkit.StaticRegistry;
import org.mixbench.testkit.ui.SwtTestKit;
import org.mixbench.workbench.api.ViewSite;

/**
 * The mixer view in a real window under Xvfb: strips of a session, undoable edits, the parameter editor, inserts from
 * the processor palette, the automation lane editor.
 */
class MixerViewTest {
    private static Display display;
    private Shell shell;
    private String status = "";
    private StaticRegistry registry;
    @TempDir
    Path dir;

    @BeforeAll
    static void createDisplay() throws IOException {
        System.setProperty("mixbench.noDialogs", "true");
        display = SwtTestKit.createDisplay();
    }

    @AfterAll
    static void disposeDisplay() {
        display.dispose();
    }

    @BeforeEach
    void open() {
        shell = new Shell(display);
        shell.setLayout(new FillLayout());
        // On the screen (screenshots are read from it), at most 1280 x 760 where the screen is smaller.
        Rectangle screen = display.getPrimaryMonitor().getClientArea();
        shell.setBounds(screen.x, screen.y, Math.min(1280, screen.width), Math.min(760, screen.height));
    }

    @AfterEach
    void close() {
        shell.dispose();
    }

    private ViewSite site() {
        ParametricEqFactory eq = new ParametricEqFactory();
        CompressorFactory compressor = new CompressorFactory();
        registry = new StaticRegistry().add(ContributionKind.PROCESSOR, eq.descriptor(), eq, Map.of())
                .add(ContributionKind.PROCESSOR, compressor.descriptor(), compressor, Map.of());
        return SwtTestKit.viewSite(display, registry, "mix", message -> status = message);
    }

    private Path sessionFile() throws IOException {
        Session.Strip lead = new Session.Strip(0, false, List.of(new Session.Insert("mixbench.eq", false,
                Map.of("band2.gain", 3.0), Map.of()), new Session.Insert("com.example.gone", false, Map.of("x", 1.0),
                        Map.of())), -5, 0.15, Session.PanLaw.MINUS_3, false, false, false, "master",
                List.of(new Session.Send("verb", -8, 0, false)));
        List<Session.Track> tracks = new ArrayList<>();
        tracks.add(new Session.Track("drums", "Drums", null, null, null));
        tracks.add(new Session.Track("lead", "Lead", null, lead, List.of(new Session.Lane("fader", List.of(
                new Session.Point(16, -5, Session.Curve.LINEAR), new Session.Point(24, -2, Session.Curve.HOLD))))));
        Session s = new Session(Session.FORMAT, 1, 48_000, 120, tracks, List.of(new Session.Bus("verb", "Reverb",
                null, null)), null);
        Path file = dir.resolve("song.session.json");
        SessionFiles.write(file, s);
        return file;
    }

    private static <T extends Control> T byId(Control root, String id, Class<T> type) {
        T found = SwtTestKit.find(root, type, id);
        if (found == null) {
            throw new AssertionError("no " + id);
        }
        return found;
    }

    private void settle() {
        for (int i = 0; i < 20; i++) {
            while (display.readAndDispatch()) {
                // drain
            }
        }
    }

    @Test
    void openingASessionShowsItsStripsAndEditsAreUndoable() throws Exception {
        MixerView.Part part = (MixerView.Part) new MixerView().createPart(shell, site());
        shell.open();
        @SuppressWarnings("unchecked")
        Consumer<Path> open = (Consumer<Path>) part.control().getData("mixbench.open");
        Path file = sessionFile();
        open.accept(file);
        settle();
        assertTrue(status.startsWith("Opened song.session.json: 2 tracks, 1 buses"), status);
        Control root = part.control();
        for (String strip : new String[] {"strip.Drums", "strip.Lead", "strip.Reverb", "strip.Master"}) {
            byId(root, strip, Composite.class);
        }
        assertEquals("Parametric EQ", byId(root, "strip.Lead.insert.0", Button.class).getText());
        assertEquals("com.example.gone (missing)", byId(root, "strip.Lead.insert.1", Button.class).getText());
        assertEquals("-5.0 dB", byId(root, "strip.Lead.db", Label.class).getText());

        Scale fader = byId(root, "strip.Lead.fader", Scale.class);
        fader.setSelection(StripBuilder.faderSteps(-12));
        fader.notifyListeners(SWT.Selection, null);
        release(fader);
        settle();
        assertEquals(-12, part.document().session().tracks().get(1).strip().faderDb(), 1e-9);
        assertEquals("-12.0 dB", byId(root, "strip.Lead.db", Label.class).getText());
        assertTrue(Files.exists(file.resolveSibling(".song.session.json.autosave.json")), "edits are autosaved");
        byId(root, "mixer.undo", Button.class).notifyListeners(SWT.Selection, null);
        settle();
        assertEquals(-5, part.document().session().tracks().get(1).strip().faderDb(), 1e-9);
        byId(root, "mixer.redo", Button.class).notifyListeners(SWT.Selection, null);
        byId(root, "strip.Drums.mute", Button.class).setSelection(true);
        byId(root, "strip.Drums.mute", Button.class).notifyListeners(SWT.Selection, null);
        settle();
        assertTrue(part.document().session().tracks().get(0).strip().mute());
        byId(root, "mixer.save", Button.class).notifyListeners(SWT.Selection, null);
        assertEquals(-12, SessionFiles.read(file).tracks().get(1).strip().faderDb(), 1e-9, "saved");
    }

    @Test
    void renderWritesTheMixBesideTheSession() throws Exception {
        MixerView.Part part = (MixerView.Part) new MixerView(new org.mixbench.testkit.SingleFormatFiles(
                new org.mixbench.format.wav.WavImporterFactory(), new org.mixbench.format.wav.WavExporterFactory())).createPart(shell, site());
        shell.open();
        @SuppressWarnings("unchecked")
        Consumer<Path> open = (Consumer<Path>) part.control().getData("mixbench.open");
        Path file = sessionFile();
        open.accept(file);
        settle();
        assertTrue(byId(part.control(), "mixer.render", Button.class).getEnabled());
        byId(part.control(), "mixer.render", Button.class).notifyListeners(SWT.Selection, null);
        long deadline = System.currentTimeMillis() + 10_000;
        while (!status.startsWith("Rendered") && System.currentTimeMillis() < deadline) {
            settle();
            Thread.sleep(20);
        }
        assertTrue(status.startsWith("Rendered song.mix.wav"), status);
        assertTrue(Files.exists(dir.resolve("song.mix.wav")));
    }

    @Test
    void theParameterEditorIsBuiltFromTheDescriptorsAndAMissingProcessorKeepsItsValues() throws Exception {
        MixerView.Part part = (MixerView.Part) new MixerView().createPart(shell, site());
        shell.open();
        @SuppressWarnings("unchecked")
        Consumer<Path> open = (Consumer<Path>) part.control().getData("mixbench.open");
        open.accept(sessionFile());
        settle();
        Control root = part.control();
        byId(root, "strip.Lead.insert.0", Button.class).notifyListeners(SWT.Selection, null);
        settle();
        assertTrue(byId(root, "mixer.editor.heading", Label.class).getText().contains("Parametric EQ"));
        assertEquals("3.0 dB", byId(root, "mixer.parameter.band2.gain.text", Label.class).getText());
        Scale gain = byId(root, "mixer.parameter.band2.gain", Scale.class);
        gain.setSelection(1000);
        gain.notifyListeners(SWT.Selection, null);
        release(gain);
        settle();
        assertEquals(24.0, part.document().session().tracks().get(1).strip().inserts().get(0).parameters()
                .get("band2.gain"), 1e-9);
        byId(root, "strip.Lead.insert.1", Button.class).notifyListeners(SWT.Selection, null);
        settle();
        assertTrue(byId(root, "mixer.editor.heading", Label.class).getText().contains(
                "com.example.gone is not installed; its 1 stored values are kept"));
        assertEquals(1, ((AutomationCanvas) byId(root, "mixer.automation",
                AutomationCanvas.class)).lanes().size(), "the lead's fader lane is shown");
        screenshot(part.control(), "mixer.png");
    }

    // ---- inserts from the palette, slot menus, automation lanes ---------------------------------------------------

    private MixerView.Part openPart(Path file) {
        MixerView.Part part = (MixerView.Part) new MixerView().createPart(shell, site());
        shell.open();
        @SuppressWarnings("unchecked")
        Consumer<Path> open = (Consumer<Path>) part.control().getData("mixbench.open");
        open.accept(file);
        settle();
        return part;
    }

    /** A bass track with EQ, compressor and a missing processor, each with a lane, and a fader lane. */
    private Path bassSession() throws IOException {
        Session.Strip bass = new Session.Strip(0, false, List.of(
                new Session.Insert(ParametricEqFactory.ID, false, Map.of("output", 2.0), Map.of()),
                new Session.Insert(CompressorFactory.ID, false, Map.of("threshold", -20.0), Map.of()),
                new Session.Insert("com.example.gone", false, Map.of("x", 1.0), Map.of())),
                -3, 0, null, false, false, false, "master", null);
        List<Session.Lane> lanes = List.of(
                new Session.Lane("fader", List.of(new Session.Point(0, -3, Session.Curve.LINEAR))),
                new Session.Lane("insert:0:output", List.of(new Session.Point(0, 2, Session.Curve.LINEAR))),
                new Session.Lane("insert:1:threshold", List.of(new Session.Point(0, -20, Session.Curve.LINEAR),
                        new Session.Point(10, -30, Session.Curve.LINEAR))),
                new Session.Lane("insert:2:x", List.of(new Session.Point(0, 0.5, Session.Curve.HOLD))));
        Session s = new Session(Session.FORMAT, 1, 48_000, 120, List.of(new Session.Track("bass", "Bass", null, bass,
                lanes)), List.of(), null);
        Path file = dir.resolve("bass.session.json");
        SessionFiles.write(file, s);
        return file;
    }

    private static MenuItem findItem(Menu menu, String id) {
        for (MenuItem item : menu.getItems()) {
            if (id.equals(item.getData("mixbench.id"))) {
                return item;
            }
            if (item.getMenu() != null) {
                MenuItem found = findItem(item.getMenu(), id);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static MenuItem item(Menu menu, String id) {
        MenuItem item = findItem(menu, id);
        if (item == null) {
            throw new AssertionError("no menu item " + id);
        }
        return item;
    }

    /** Chooses the enabled menu item {@code id} the way a click does, and closes the menu. */
    private void choose(Menu menu, String id) {
        MenuItem item = item(menu, id);
        assertTrue(item.getEnabled(), id + " is enabled");
        if ((item.getStyle() & SWT.RADIO) != 0) {
            item.setSelection(true);
        }
        item.notifyListeners(SWT.Selection, new Event());
        menu.setVisible(false);
        settle();
    }

    private static void click(Control control) {
        control.notifyListeners(SWT.Selection, new Event());
    }

    /** Ends a mouse gesture on {@code control} (a Scale) the way letting go of the button does. */
    private static void release(Control control) {
        Event up = new Event();
        up.button = 1;
        control.notifyListeners(SWT.MouseUp, up);
    }

    /** Moves {@code scale} to {@code steps} as one mouse or keyboard step does. */
    private static void step(Scale scale, int steps) {
        scale.setSelection(steps);
        scale.notifyListeners(SWT.Selection, new Event());
    }

    private static void mouse(Control control, int type, Point at, int button) {
        Event e = new Event();
        e.x = at.x;
        e.y = at.y;
        e.button = button;
        e.count = type == SWT.MouseDoubleClick ? 2 : 1;
        e.stateMask = type == SWT.MouseMove || type == SWT.MouseUp ? SWT.BUTTON1 : 0;
        control.notifyListeners(type, e);
    }

    /** A left-button drag from {@code from} to {@code to} in a few moves; nothing committed until the release. */
    private void drag(AutomationCanvas canvas, Point from, Point to, Runnable beforeRelease) {
        mouse(canvas, SWT.MouseDown, from, 1);
        for (int i = 1; i <= 5; i++) {
            mouse(canvas, SWT.MouseMove, new Point(from.x + (to.x - from.x) * i / 5, from.y + (to.y - from.y) * i / 5),
                    0);
        }
        beforeRelease.run();
        mouse(canvas, SWT.MouseUp, to, 1);
        settle();
    }

    private static Session.Strip strip(MixerView.Part part, int track) {
        return part.document().session().tracks().get(track).strip();
    }

    private static List<Session.Lane> automation(MixerView.Part part, int track) {
        return part.document().session().tracks().get(track).automation();
    }

    private static List<Session.Point> lane(MixerView.Part part, int track, String target) {
        return Edits.lane(automation(part, track), target).orElseThrow(() -> new AssertionError("no lane " + target))
                .points();
    }

    private static String undoLabel(MixerView.Part part) {
        return part.document().undoLabel().orElse("");
    }

    /**
     * How far from the value aimed at a breakpoint placed or dragged with the mouse may land, read from the lane as
     * it is drawn now: {@code min} to {@code max} span the plot's pixel rows, and a gesture is rounded to a row at
     * each end (one row in all) and to the lane's {@code decimals} digits at each end and in the result (one and a
     * half steps). Nothing here assumes a screen, a font or a window size.
     */
    private static double valueTolerance(AutomationCanvas canvas, double min, double max, int decimals) {
        int rows = canvas.pixel(0, min).y - canvas.pixel(0, max).y;
        assertTrue(rows > 0, "the lane has a height: " + canvas.getSize());
        return (max - min) / rows + 1.5 * Math.pow(10, -decimals);
    }

    /** The fader lane's tolerance ({@link #valueTolerance}): -60 to +12 dB, one decimal. */
    private static double faderTolerance(AutomationCanvas canvas) {
        return valueTolerance(canvas, AutomationTargets.FADER_MIN, AutomationTargets.FADER_MAX, 1);
    }

    /**
     * The same for time: one pixel column of the lane at its real width (measured over {@code seconds}, an upper
     * bound of a column), plus the rounding to milliseconds at both ends of a gesture.
     */
    private static double timeTolerance(AutomationCanvas canvas, double seconds) {
        int columns = canvas.pixel(seconds, 0).x - canvas.pixel(0, 0).x;
        assertTrue(columns > 1, "the lane has a width: " + canvas.getSize());
        return seconds / (columns - 1) + 0.002;
    }

    @Test
    void addingAProcessorFromThePaletteMenuAppendsAnInsertAndUndoRemovesIt() throws Exception {
        MixerView.Part part = openPart(sessionFile());
        Control root = part.control();
        click(byId(root, "strip.Drums.insert.add", Button.class));
        Menu menu = part.menu();
        assertEquals(List.of("Dynamics", "EQ"), java.util.Arrays.stream(menu.getItems()).map(MenuItem::getText)
                .toList(), "one cascade per category, in order");
        assertEquals(null, findItem(menu, "palette." + GateFactory.ID));
        menu.setVisible(false);

        GateFactory gate = new GateFactory();
        registry.add(ContributionKind.PROCESSOR, gate.descriptor(), gate, Map.of());
        click(byId(root, "strip.Drums.insert.add", Button.class));
        Menu dynamics = item(menu, "palette.category.Dynamics").getMenu();
        assertEquals(List.of("Compressor", "Gate / Expander"), java.util.Arrays.stream(dynamics.getItems())
                .map(MenuItem::getText).toList(), "the palette is read from the registry when the menu opens");
        choose(menu, "palette." + CompressorFactory.ID);

        assertEquals(List.of(new Session.Insert(CompressorFactory.ID, false, Map.of(), Map.of())),
                strip(part, 0).inserts());
        assertEquals("Add Compressor to Drums", undoLabel(part));
        assertEquals("Compressor", byId(root, "strip.Drums.insert.0", Button.class).getText());
        assertTrue(byId(root, "mixer.editor.heading", Label.class).getText().startsWith("Drums: Compressor (slot 1)"),
                "the new insert is selected for editing");
        assertEquals("-18.0 dB", byId(root, "mixer.parameter.threshold.text", Label.class).getText(), "at defaults");

        click(byId(root, "mixer.undo", Button.class));
        settle();
        assertTrue(strip(part, 0).inserts().isEmpty());
        assertTrue(SwtTestKit.all(root).stream().noneMatch(c -> "strip.Drums.insert.0".equals(c.getData("mixbench.id"))));
        click(byId(root, "mixer.redo", Button.class));
        settle();
        assertEquals(CompressorFactory.ID, strip(part, 0).inserts().get(0).processor());
    }

    @Test
    void movingAndRemovingInsertsKeepsAutomationOnTheRightProcessor() throws Exception {
        MixerView.Part part = openPart(bassSession());
        Control root = part.control();
        Session original = part.document().session();
        click(byId(root, "strip.Bass.insert.1", Button.class));
        settle();
        Combo chooser = byId(root, "mixer.automation.lane", Combo.class);
        chooser.select(java.util.Arrays.asList(chooser.getItems()).indexOf("Compressor: Threshold  (2 points)"));
        click(chooser);
        settle();

        click(byId(root, "strip.Bass.insert.1.menu", Button.class));
        screenshot(root, "mixer-insert-menu.png");
        choose(part.menu(), "insert.menu.up");
        assertEquals("Move Compressor up on Bass", undoLabel(part));
        assertEquals(List.of(CompressorFactory.ID, ParametricEqFactory.ID, "com.example.gone"), strip(part, 0)
                .inserts().stream().map(Session.Insert::processor).toList());
        assertEquals(-30, lane(part, 0, "insert:0:threshold").get(1).value(), 0, "the threshold lane follows");
        assertEquals(2, lane(part, 0, "insert:1:output").get(0).value(), 0, "the EQ's lane follows");
        assertTrue(byId(root, "mixer.editor.heading", Label.class).getText().contains("Compressor (slot 1)"),
                "the parameter editor follows the moved insert");
        assertEquals("Compressor: Threshold  (2 points)", byId(root, "mixer.automation.lane", Combo.class).getText(),
                "the lane editor follows it too");
        screenshot(root, "mixer-insert-lane.png");
        Composite editor = byId(root, "mixer.editor", Composite.class);
        assertTrue(editor.getSize().y > editor.getParent().getSize().y, "the compressor's parameters do not fit...");
        assertTrue(((org.eclipse.swt.custom.ScrolledComposite) editor.getParent()).getMinHeight() > editor.getParent()
                .getSize().y, "...so the parameter editor scrolls");

        Button eqSlot = byId(root, "strip.Bass.insert.1", Button.class);
        Event right = new Event();
        Point at = eqSlot.toDisplay(5, 5);
        right.x = at.x;
        right.y = at.y;
        eqSlot.notifyListeners(SWT.MenuDetect, right);
        choose(part.menu(), "insert.menu.remove");
        assertEquals("Remove Parametric EQ from Bass", undoLabel(part));
        assertEquals(List.of("fader", "insert:0:threshold", "insert:1:x"), automation(part, 0).stream()
                .map(Session.Lane::target).toList(), "the EQ's lane is gone, the later slot's lane renumbered");

        click(byId(root, "strip.Bass.insert.1.menu", Button.class));
        Menu menu = part.menu();
        assertFalse(item(menu, "insert.menu.bypass").getEnabled(), "a missing processor cannot be bypassed");
        assertFalse(item(menu, "insert.menu.replace").getEnabled(), "nor replaced");
        assertFalse(item(menu, "insert.menu.down").getEnabled(), "the last slot cannot move down");
        choose(menu, "insert.menu.up");
        assertEquals(new Session.Insert("com.example.gone", false, Map.of("x", 1.0), Map.of()), strip(part, 0)
                .inserts().get(0), "a missing processor moves with its stored values");
        assertEquals(0.5, lane(part, 0, "insert:0:x").get(0).value(), 0);
        assertEquals(-20, lane(part, 0, "insert:1:threshold").get(0).value(), 0);

        click(byId(root, "strip.Bass.insert.1.menu", Button.class));
        choose(part.menu(), "insert.menu.bypass");
        assertEquals("Bypass Compressor on Bass", undoLabel(part));
        assertEquals("Compressor [off]", byId(root, "strip.Bass.insert.1", Button.class).getText());
        click(byId(root, "strip.Bass.insert.1.menu", Button.class));
        assertFalse(item(part.menu(), "palette." + CompressorFactory.ID).getEnabled(), "not replaced by itself");
        choose(part.menu(), "palette." + ParametricEqFactory.ID);
        assertEquals("Replace Compressor with Parametric EQ on Bass", undoLabel(part));
        assertEquals(new Session.Insert(ParametricEqFactory.ID, true, Map.of(), Map.of()), strip(part, 0).inserts()
                .get(1));
        assertTrue(Edits.lane(automation(part, 0), "insert:1:threshold").isEmpty(), "the compressor's lane went");

        for (int i = 0; i < 5; i++) {
            click(byId(root, "mixer.undo", Button.class));
            settle();
        }
        assertEquals(original, part.document().session(), "five undos restore the session");
    }

    @Test
    void addingDraggingAndDeletingBreakpointsEditTheLaneAndAreUndoable() throws Exception {
        MixerView.Part part = openPart(sessionFile());
        Control root = part.control();
        click(byId(root, "strip.Lead.name", Button.class));
        settle();
        Combo chooser = byId(root, "mixer.automation.lane", Combo.class);
        assertEquals("Fader  (2 points)", chooser.getText());
        List<String> items = java.util.Arrays.asList(chooser.getItems());
        for (String target : new String[] {"Pan", "Mute", "Trim", "Send to Reverb", "Parametric EQ: Band 2 gain"}) {
            assertTrue(items.contains(target), target + " in " + items);
        }
        AutomationCanvas canvas = byId(root, "mixer.automation", AutomationCanvas.class);
        Label readout = byId(root, "mixer.automation.readout", Label.class);

        double dbTolerance = faderTolerance(canvas);
        double timeTolerance = timeTolerance(canvas, 24);
        Point at = canvas.pixel(8, -12);
        mouse(canvas, SWT.MouseDown, at, 1);
        mouse(canvas, SWT.MouseUp, at, 1);
        settle();
        List<Session.Point> points = lane(part, 1, "fader");
        assertEquals(3, points.size());
        assertEquals(8, points.get(0).time(), timeTolerance);
        assertEquals(-12, points.get(0).value(), dbTolerance, "within a pixel row of the click");
        assertEquals(new Session.Point(16, -5, Session.Curve.LINEAR), points.get(1));
        assertEquals("Add breakpoint on Lead fader", undoLabel(part));
        assertEquals(0, canvas.selectedPoint(), "the new point is selected");
        assertEquals(AutomationTargets.time(points.get(0).time()) + "  " + String.format(java.util.Locale.ROOT,
                "%.1f dB", points.get(0).value()), readout.getText(), "the readout shows the new point");

        drag(canvas, canvas.pixel(16, -5), canvas.pixel(12, 0), () -> {
            assertEquals(new Session.Point(16, -5, Session.Curve.LINEAR), lane(part, 1, "fader").get(1),
                    "nothing is committed while dragging");
            try {
                screenshot(part.control(), "mixer-automation.png");
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
        points = lane(part, 1, "fader");
        assertEquals(12, points.get(1).time(), timeTolerance);
        assertEquals(0, points.get(1).value(), dbTolerance);
        assertEquals("Move breakpoint on Lead fader", undoLabel(part));
        click(byId(root, "mixer.undo", Button.class));
        settle();
        assertEquals(new Session.Point(16, -5, Session.Curve.LINEAR), lane(part, 1, "fader").get(1),
                "the whole drag is one edit");
        assertEquals("Add breakpoint on Lead fader", undoLabel(part));
        click(byId(root, "mixer.redo", Button.class));
        settle();

        drag(canvas, canvas.pixel(lane(part, 1, "fader").get(1).time(), lane(part, 1, "fader").get(1).value()),
                canvas.pixel(30, 0), () -> { });
        points = lane(part, 1, "fader");
        assertEquals(24, points.get(1).time(), 0, "a dragged point stops at its neighbour: points stay in order");
        click(byId(root, "mixer.undo", Button.class));
        settle();

        points = lane(part, 1, "fader");
        Point second = canvas.pixel(points.get(1).time(), points.get(1).value());
        choose(canvas.contextMenu(second.x, second.y), "automation.menu.curve.exponential");
        assertEquals(Session.Curve.EXPONENTIAL, lane(part, 1, "fader").get(1).curve());
        assertEquals("Set exponential curve on Lead fader", undoLabel(part));
        Point last = canvas.pixel(24, -2);
        assertFalse(item(canvas.contextMenu(last.x, last.y), "automation.menu.curve").getEnabled(),
                "no segment starts at the last point");

        List<Session.Point> before = lane(part, 1, "fader");
        Point first = canvas.pixel(before.get(0).time(), before.get(0).value());
        mouse(canvas, SWT.MouseDown, first, 1);
        mouse(canvas, SWT.MouseUp, first, 1);
        mouse(canvas, SWT.MouseDown, first, 1);
        mouse(canvas, SWT.MouseDoubleClick, first, 1);
        mouse(canvas, SWT.MouseUp, first, 1);
        settle();
        assertEquals(before.subList(1, 3), lane(part, 1, "fader"), "a double-click deletes, and adds nothing");
        assertEquals("Delete breakpoint on Lead fader", undoLabel(part));
        click(byId(root, "mixer.undo", Button.class));
        settle();
        assertEquals(3, lane(part, 1, "fader").size());

        chooser.select(items.indexOf("Pan"));
        click(chooser);
        settle();
        assertFalse(byId(root, "mixer.automation.delete", Button.class).getEnabled());
        click(byId(root, "mixer.automation.add", Button.class));
        settle();
        assertEquals(List.of(new Session.Point(0, 0.15, Session.Curve.LINEAR)), lane(part, 1, "pan"),
                "a new lane holds the static value from time 0");
        assertEquals("Add pan lane on Lead", undoLabel(part));
        assertEquals("Pan  (1 point)", chooser.getText());
        click(byId(root, "mixer.automation.delete", Button.class));
        settle();
        assertTrue(Edits.lane(automation(part, 1), "pan").isEmpty());
        assertEquals("Delete pan lane on Lead", undoLabel(part));
        assertEquals(3, lane(part, 1, "fader").size(), "the fader lane is untouched");
    }

    // ---- grid snapping, lanes started by a click, rubber-band selection --------------------------------------------

    /** Sends mouse event {@code type} with modifier keys {@code modifiers} (e.g. {@link SWT#SHIFT}). */
    private static void mouse(Control control, int type, Point at, int button, int modifiers) {
        Event e = new Event();
        e.x = at.x;
        e.y = at.y;
        e.button = button;
        e.count = 1;
        e.stateMask = (type == SWT.MouseMove || type == SWT.MouseUp ? SWT.BUTTON1 : 0) | modifiers;
        control.notifyListeners(type, e);
    }

    /** A click with modifier keys {@code modifiers}. */
    private void clickAt(AutomationCanvas canvas, Point at, int modifiers) {
        mouse(canvas, SWT.MouseDown, at, 1, modifiers);
        mouse(canvas, SWT.MouseUp, at, 1, modifiers);
        settle();
    }

    /** A left-button drag with Shift held throughout. */
    private void shiftDrag(AutomationCanvas canvas, Point from, Point to) {
        mouse(canvas, SWT.MouseDown, from, 1, SWT.SHIFT);
        for (int i = 1; i <= 5; i++) {
            mouse(canvas, SWT.MouseMove, new Point(from.x + (to.x - from.x) * i / 5, from.y + (to.y - from.y) * i / 5),
                    0, SWT.SHIFT);
        }
        mouse(canvas, SWT.MouseUp, to, 1, SWT.SHIFT);
        settle();
    }

    private void chooseItem(Combo combo, String text) {
        int i = java.util.Arrays.asList(combo.getItems()).indexOf(text);
        assertTrue(i >= 0, text + " in " + java.util.Arrays.toString(combo.getItems()));
        combo.select(i);
        click(combo);
        settle();
    }

    private AutomationCanvas leadAutomation(MixerView.Part part) {
        click(byId(part.control(), "strip.Lead.name", Button.class));
        settle();
        return byId(part.control(), "mixer.automation", AutomationCanvas.class);
    }

    @Test
    void addedAndDraggedBreakpointsSnapToTheBeatGridUnlessShiftIsHeld() throws Exception {
        MixerView.Part part = openPart(sessionFile());
        AutomationCanvas canvas = leadAutomation(part);
        Combo snap = byId(part.control(), "mixer.automation.snap", Combo.class);
        assertEquals(List.of("Off", "Bar", "Beat", "1/8", "1/16"), java.util.Arrays.asList(snap.getItems()));
        assertEquals("Beat", snap.getText(), "snapping to the beat by default");
        List<Session.Point> original = lane(part, 1, "fader");
        double dbTolerance = faderTolerance(canvas);
        double timeTolerance = timeTolerance(canvas, 24);
        assertTrue(timeTolerance < 0.1, "the lane is wide enough to tell 9.2 s from the beat at 9 s: "
                + timeTolerance + " s a pixel column, " + canvas.getSize());

        clickAt(canvas, canvas.pixel(8.2, -12), 0);
        Session.Point added = lane(part, 1, "fader").get(0);
        assertEquals(8.0, added.time(), 0, "at 120 bpm the click snaps to the beat at 8 s");
        assertEquals(-12, added.value(), dbTolerance, "the value is where the click was, not snapped");
        assertEquals("Add breakpoint on Lead fader", undoLabel(part));

        clickAt(canvas, canvas.pixel(9.2, -12), SWT.SHIFT);
        assertEquals(9.2, lane(part, 1, "fader").get(1).time(), timeTolerance, "Shift places the point freely");

        chooseItem(snap, "Bar");
        assertEquals(Grid.Snap.BAR, canvas.snap());
        drag(canvas, canvas.pixel(16, -5), canvas.pixel(13.3, -7), () -> { });
        Session.Point moved = lane(part, 1, "fader").get(2);
        assertEquals(14.0, moved.time(), 0, "dragged to 13.3 s, it snaps to the bar line at 14 s");
        assertEquals(-7, moved.value(), dbTolerance, "within a pixel row of where the drag ended");
        assertEquals("Move breakpoint on Lead fader", undoLabel(part));
        click(byId(part.control(), "mixer.undo", Button.class));
        settle();
        assertEquals(new Session.Point(16, -5, Session.Curve.LINEAR), lane(part, 1, "fader").get(2));

        shiftDrag(canvas, canvas.pixel(16, -5), canvas.pixel(13.3, -5));
        assertEquals(13.3, lane(part, 1, "fader").get(2).time(), timeTolerance, "a Shift drag is not snapped");

        for (int i = 0; i < 3; i++) {
            click(byId(part.control(), "mixer.undo", Button.class));
            settle();
        }
        assertEquals(original, lane(part, 1, "fader"), "undo restores the lane");
    }

    @Test
    void clickingATargetWithoutALaneStartsTheLaneWithTheStaticValueAndTheClickedPointAsOneEdit() throws Exception {
        MixerView.Part part = openPart(sessionFile());
        AutomationCanvas canvas = leadAutomation(part);
        Combo chooser = byId(part.control(), "mixer.automation.lane", Combo.class);
        chooseItem(chooser, "Pan");
        String before = undoLabel(part);

        clickAt(canvas, canvas.pixel(4.2, -0.5), 0);
        List<Session.Point> pan = lane(part, 1, "pan");
        assertEquals(2, pan.size(), pan.toString());
        assertEquals(new Session.Point(0, 0.15, Session.Curve.LINEAR), pan.get(0), "the static value from time 0");
        assertEquals(4.0, pan.get(1).time(), 0, "the clicked time, snapped to the beat");
        assertEquals(-0.5, pan.get(1).value(), valueTolerance(canvas, -1, 1, 2), "within a pixel row of the click");
        assertEquals("Add pan lane on Lead", undoLabel(part), "named like Add lane");
        assertEquals("Pan  (2 points)", chooser.getText());
        assertFalse(byId(part.control(), "mixer.automation.add", Button.class).getEnabled());

        click(byId(part.control(), "mixer.undo", Button.class));
        settle();
        assertTrue(Edits.lane(automation(part, 1), "pan").isEmpty(), "one undo removes the whole lane");
        assertEquals(before, undoLabel(part));
        assertEquals(3 - 1, lane(part, 1, "fader").size(), "the fader lane is untouched");
    }

    @Test
    void aRubberBandSelectsBreakpointsThatThenMoveAndDeleteTogether() throws Exception {
        MixerView.Part part = openPart(sessionFile());
        AutomationCanvas canvas = leadAutomation(part);
        clickAt(canvas, canvas.pixel(4, -20), 0);
        List<Session.Point> three = lane(part, 1, "fader");
        assertEquals(3, three.size());

        drag(canvas, canvas.pixel(14, 6), canvas.pixel(25, -12), () -> {
            assertEquals(List.of(1, 2), canvas.selection(), "the points inside the band are selected while dragging");
            try {
                screenshot(part.control(), "mixer-automation-selection.png");
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
        assertEquals(three, lane(part, 1, "fader"), "a drag on empty space adds no point");
        assertEquals(List.of(1, 2), canvas.selection());
        assertEquals("2 of 3 points selected", byId(part.control(), "mixer.automation.readout", Label.class)
                .getText());

        drag(canvas, canvas.pixel(16, -5), canvas.pixel(18.2, -3), () -> assertEquals(three, lane(part, 1, "fader"),
                "nothing is committed while dragging"));
        List<Session.Point> moved = lane(part, 1, "fader");
        assertEquals(three.get(0), moved.get(0), "the point not selected stays");
        assertEquals(18, moved.get(1).time(), 0, "the grabbed point snaps to the beat...");
        assertEquals(26, moved.get(2).time(), 0, "...and the other selected point keeps its distance");
        double dbTolerance = faderTolerance(canvas);
        assertEquals(-3, moved.get(1).value(), dbTolerance);
        assertEquals(0, moved.get(2).value(), dbTolerance, "values move by the same offset");
        assertEquals(Session.Curve.HOLD, moved.get(2).curve());
        assertEquals("Move 2 breakpoints on Lead fader", undoLabel(part));
        click(byId(part.control(), "mixer.undo", Button.class));
        settle();
        assertEquals(three, lane(part, 1, "fader"), "the whole move is one edit");
        click(byId(part.control(), "mixer.redo", Button.class));
        settle();

        drag(canvas, canvas.pixel(18, moved.get(1).value()), canvas.pixel(0, moved.get(1).value()), () -> { });
        assertEquals(4, lane(part, 1, "fader").get(1).time(), 0, "the group stops at the point not selected");
        assertEquals(12, lane(part, 1, "fader").get(2).time(), 0);
        click(byId(part.control(), "mixer.undo", Button.class));
        settle();

        assertEquals(List.of(1, 2), canvas.selection(), "the selection survives undo");
        Event delete = new Event();
        delete.keyCode = SWT.DEL;
        canvas.notifyListeners(SWT.KeyDown, delete);
        settle();
        assertEquals(List.of(three.get(0)), lane(part, 1, "fader"));
        assertEquals("Delete 2 breakpoints on Lead fader", undoLabel(part));
        click(byId(part.control(), "mixer.undo", Button.class));
        settle();
        assertEquals(moved, lane(part, 1, "fader"), "one undo brings both back");
    }

    /** Drains events and lets GTK's frame clock paint what is pending (paint is not an event it queues at once). */
    private void paint() {
        long until = System.currentTimeMillis() + 300;
        while (System.currentTimeMillis() < until) {
            if (!display.readAndDispatch()) {
                display.update();
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void screenshot(Control control, String name) throws IOException {
        settle();
        paint();
        SwtTestKit.screenshot(control, name);
    }

    // ---- send knobs ------------------------------------------------------------------------------------------------

    /**
     * Lead (EQ) sends to Reverb at -8 dB with a send lane; Delay sends to Reverb; Group feeds Delay by its output;
     * Parallel goes to the master. Reverb is fed back by Delay and, through it, by Group.
     */
    private Path sendSession() throws IOException {
        Session.Strip lead = new Session.Strip(0, false, List.of(new Session.Insert(ParametricEqFactory.ID, false,
                Map.of(), Map.of())), -5, 0, null, false, false, false, "master", List.of(new Session.Send("verb", -8,
                0, false)));
        Session.Strip delay = new Session.Strip(0, false, null, -3, 0, null, false, false, false, "master", List.of(
                new Session.Send("verb", -6, -0.5, true)));
        Session.Strip group = new Session.Strip(0, false, null, 0, 0, null, false, false, false, "dly", null);
        Session s = new Session(Session.FORMAT, 1, 48_000, 120, List.of(
                new Session.Track("lead", "Lead", null, lead, List.of(new Session.Lane("send:verb", List.of(
                        new Session.Point(0, -8, Session.Curve.LINEAR), new Session.Point(8, -20,
                                Session.Curve.LINEAR))))),
                new Session.Track("drums", "Drums", null, null, null)),
                List.of(new Session.Bus("verb", "Reverb", null, null), new Session.Bus("dly", "Delay", delay, null),
                        new Session.Bus("grp", "Group", group, null), new Session.Bus("par", "Parallel", null,
                                null)), null);
        Path file = dir.resolve("sends.session.json");
        SessionFiles.write(file, s);
        return file;
    }

    private static List<String> menuIds(Menu menu) {
        return java.util.Arrays.stream(menu.getItems()).map(item -> (String) item.getData("mixbench.id")).toList();
    }

    @Test
    void movingASendKnobEditsItsLevelAndUndoRestoresIt() throws Exception {
        MixerView.Part part = openPart(sendSession());
        Control root = part.control();
        assertEquals("-8.0 dB", byId(root, "strip.Lead.send.verb.text", Label.class).getText());
        assertEquals("Reverb", byId(root, "strip.Lead.send.verb.bus", Label.class).getText());
        assertEquals("-6.0 dB pre", byId(root, "strip.Delay.send.verb.text", Label.class).getText());
        assertEquals("L50", byId(root, "strip.Delay.send.verb.pan", Label.class).getText());
        Scale knob = byId(root, "strip.Lead.send.verb", Scale.class);
        assertEquals(0, knob.getMinimum());
        assertEquals(720, knob.getMaximum(), "-60..+12 dB in 0.1 dB steps");
        assertEquals(520, knob.getSelection());
        knob.setSelection(SendControls.sendSteps(-12));
        click(knob);
        release(knob);
        settle();
        assertEquals(new Session.Send("verb", -12, 0, false), strip(part, 0).sends().get(0));
        assertEquals("Send Lead to Reverb -12.0 dB", undoLabel(part));
        assertEquals("-12.0 dB", byId(root, "strip.Lead.send.verb.text", Label.class).getText());
        screenshot(root, "mixer-sends.png");
        click(byId(root, "mixer.undo", Button.class));
        settle();
        assertEquals(new Session.Send("verb", -8, 0, false), strip(part, 0).sends().get(0));
        assertEquals("-8.0 dB", byId(root, "strip.Lead.send.verb.text", Label.class).getText());
        assertEquals(520, byId(root, "strip.Lead.send.verb", Scale.class).getSelection());
    }

    @Test
    void aSendIsAddedFromTheMenuAndRemovedWithItsLaneFromTheContextMenu() throws Exception {
        MixerView.Part part = openPart(sendSession());
        Control root = part.control();
        Session original = part.document().session();
        click(byId(root, "strip.Drums.send.add", Button.class));
        assertEquals(List.of("send.add.verb", "send.add.dly", "send.add.grp", "send.add.par"), menuIds(part.menu()));
        choose(part.menu(), "send.add.dly");
        assertEquals("Add send Drums to Delay", undoLabel(part));
        assertEquals(List.of(new Session.Send("dly", -10, 0, false)), strip(part, 1).sends());
        assertEquals("-10.0 dB", byId(root, "strip.Drums.send.dly.text", Label.class).getText());
        click(byId(root, "strip.Lead.send.add", Button.class));
        assertFalse(menuIds(part.menu()).contains("send.add.verb"), "Lead already sends to Reverb");
        part.menu().setVisible(false);

        click(byId(root, "strip.Lead.send.verb.menu", Button.class));
        screenshot(root, "mixer-send-menu.png");
        choose(part.menu(), "send.menu.pre");
        assertEquals("Take send Lead to Reverb pre-fader", undoLabel(part));
        assertEquals("-8.0 dB pre", byId(root, "strip.Lead.send.verb.text", Label.class).getText());
        click(byId(root, "strip.Lead.send.verb.menu", Button.class));
        choose(part.menu(), "send.menu.pan.R50");
        assertEquals(new Session.Send("verb", -8, 0.5, true), strip(part, 0).sends().get(0));
        assertEquals("R50", byId(root, "strip.Lead.send.verb.pan", Label.class).getText());

        Label text = byId(root, "strip.Lead.send.verb.text", Label.class);
        Event right = new Event();
        Point at = text.toDisplay(2, 2);
        right.x = at.x;
        right.y = at.y;
        text.notifyListeners(SWT.MenuDetect, right);
        choose(part.menu(), "send.menu.remove");
        assertEquals("Remove send Lead to Reverb", undoLabel(part));
        assertTrue(strip(part, 0).sends().isEmpty());
        assertTrue(Edits.lane(automation(part, 0), "send:verb").isEmpty(), "the send's lane went with it");
        assertTrue(SwtTestKit.all(root).stream().noneMatch(c -> "strip.Lead.send.verb".equals(c.getData(
                "mixbench.id"))));
        for (int i = 0; i < 4; i++) {
            click(byId(root, "mixer.undo", Button.class));
            settle();
        }
        assertEquals(original, part.document().session(), "four undos restore the session, lane and all");
    }

    @Test
    void theSendMenuNeverOffersABusThatWouldFeedBack() throws Exception {
        MixerView.Part part = openPart(sendSession());
        Control root = part.control();
        click(byId(root, "strip.Reverb.send.add", Button.class));
        assertEquals(List.of("send.add.par"), menuIds(part.menu()),
                "not itself, not Delay (sends to it), not Group (feeds it through Delay)");
        part.menu().setVisible(false);
        click(byId(root, "strip.Delay.send.add", Button.class));
        assertEquals(List.of("send.add.par"), menuIds(part.menu()), "Group feeds Delay; Reverb is already sent to");
        choose(part.menu(), "send.add.par");
        click(byId(root, "strip.Delay.send.add", Button.class));
        assertEquals(List.of("send.add.none"), menuIds(part.menu()));
        assertFalse(item(part.menu(), "send.add.none").getEnabled());
        part.menu().setVisible(false);
        click(byId(root, "strip.Parallel.send.add", Button.class));
        assertEquals(List.of("send.add.verb"), menuIds(part.menu()),
                "Delay now sends to Parallel, and Group feeds it through Delay");
        part.menu().setVisible(false);
        assertTrue(SwtTestKit.all(root).stream().noneMatch(c -> "strip.Master.send.add".equals(c.getData(
                "mixbench.id"))), "the master has no sends");
    }

    // ---- Scale gestures: one drag or one pause-ended keyboard move is one edit ---------------------------------------

    @Test
    void aFaderDragOfManyStepsIsOneUndoableEditAndKeepsTheScaleAlive() throws Exception {
        MixerView.Part part = openPart(sessionFile());
        Control root = part.control();
        Session original = part.document().session();
        assertFalse(byId(root, "mixer.undo", Button.class).getEnabled());
        Scale fader = byId(root, "strip.Lead.fader", Scale.class);
        Event down = new Event();
        down.button = 1;
        fader.notifyListeners(SWT.MouseDown, down);
        for (double db : new double[] {-6, -7.5, -9, -10.2, -12.5}) {
            step(fader, StripBuilder.faderSteps(db));
            settle();
            assertFalse(fader.isDisposed(), "the dragged Scale lives on at " + db);
            assertTrue(fader == byId(root, "strip.Lead.fader", Scale.class), "the strips are not rebuilt");
            assertEquals(String.format(java.util.Locale.ROOT, "%.1f dB", db), byId(root, "strip.Lead.db", Label.class)
                    .getText(), "the readout follows the drag");
            assertEquals(original, part.document().session(), "nothing is committed while dragging");
        }
        assertTrue(byId(root, "mixer.undo", Button.class).getEnabled(), "the pending move can be undone");
        SwtTestKit.settle(display, 2 * MixerView.GESTURE_IDLE_MILLIS);
        assertFalse(fader.isDisposed(), "a drag held still is not committed before the button goes up");
        assertEquals(original, part.document().session());

        release(fader);
        settle();
        assertEquals(-12.5, strip(part, 1).faderDb(), 1e-9);
        assertEquals("Fader Lead", undoLabel(part));
        assertEquals("-12.5 dB", byId(root, "strip.Lead.db", Label.class).getText());
        click(byId(root, "mixer.undo", Button.class));
        settle();
        assertEquals(original, part.document().session(), "one undo takes the whole drag back");
        assertEquals("", undoLabel(part), "the drag was exactly one undo entry");
        assertEquals("-5.0 dB", byId(root, "strip.Lead.db", Label.class).getText());
    }

    @Test
    void aKeyboardMoveCommitsAfterAPause() throws Exception {
        MixerView.Part part = openPart(sessionFile());
        Control root = part.control();
        Session original = part.document().session();
        assertEquals("R15", byId(root, "strip.Lead.pan.text", Label.class).getText());
        Scale pan = byId(root, "strip.Lead.pan", Scale.class);
        for (int steps : new int[] {90, 80, 75}) {
            step(pan, steps);
            settle();
            assertFalse(pan.isDisposed());
        }
        assertEquals("L25", byId(root, "strip.Lead.pan.text", Label.class).getText());
        assertEquals(original, part.document().session(), "not yet: the keys may go on");

        SwtTestKit.settle(display, 500);
        assertEquals(-0.25, strip(part, 1).pan(), 1e-9);
        assertEquals("Pan Lead", undoLabel(part));
        assertEquals("L25", byId(root, "strip.Lead.pan.text", Label.class).getText());
        click(byId(root, "mixer.undo", Button.class));
        settle();
        assertEquals(original, part.document().session(), "the keyboard move was one edit");
        assertEquals("", undoLabel(part));
        assertEquals("R15", byId(root, "strip.Lead.pan.text", Label.class).getText());
    }

    @Test
    void undoWhileAMoveIsPendingCommitsItFirst() throws Exception {
        MixerView.Part part = openPart(sendSession());
        Control root = part.control();
        Session original = part.document().session();
        Scale knob = byId(root, "strip.Lead.send.verb", Scale.class);
        step(knob, SendControls.sendSteps(-10));
        step(knob, SendControls.sendSteps(-12));
        assertEquals("-12.0 dB", byId(root, "strip.Lead.send.verb.text", Label.class).getText());
        assertEquals(original, part.document().session());

        click(byId(root, "mixer.undo", Button.class));
        settle();
        assertEquals(original, part.document().session(), "the move was committed, then undone");
        assertEquals("Send Lead to Reverb -12.0 dB", part.document().redoLabel().orElse(""));
        assertEquals("-8.0 dB", byId(root, "strip.Lead.send.verb.text", Label.class).getText());
        SwtTestKit.settle(display, 500);
        assertEquals(original, part.document().session(), "no late commit after the undo");
        assertEquals("", undoLabel(part));

        click(byId(root, "mixer.redo", Button.class));
        settle();
        assertEquals(new Session.Send("verb", -12, 0, false), strip(part, 0).sends().get(0));
    }

    @Test
    void movingAnotherScaleCommitsThePendingMoveWithoutCuttingTheNewDrag() throws Exception {
        MixerView.Part part = openPart(sessionFile());
        Control root = part.control();
        Scale fader = byId(root, "strip.Lead.fader", Scale.class);
        step(fader, StripBuilder.faderSteps(-9));
        Scale pan = byId(root, "strip.Drums.pan", Scale.class);
        Event down = new Event();
        down.button = 1;
        pan.notifyListeners(SWT.MouseDown, down);
        step(pan, 50);
        settle();
        assertEquals(-9, strip(part, 1).faderDb(), 1e-9, "the fader's move is committed");
        assertFalse(pan.isDisposed(), "the pan being dragged is not rebuilt under the mouse");
        assertEquals("L50", byId(root, "strip.Drums.pan.text", Label.class).getText());
        step(pan, 40);
        release(pan);
        settle();
        assertEquals(-0.6, strip(part, 0).pan(), 1e-9);
        assertEquals("Pan Drums", undoLabel(part));
        click(byId(root, "mixer.undo", Button.class));
        settle();
        assertEquals("Fader Lead", undoLabel(part), "two gestures, two edits");
    }

    @Test
    void aMovePendingWhenThePartIsDisposedIsKeptAndNoTimerRunsLater() throws Exception {
        MixerView.Part part = openPart(sessionFile());
        org.mixbench.mixing.session.SessionDocument document = part.document();
        step(byId(part.control(), "strip.Lead.fader", Scale.class), StripBuilder.faderSteps(-20));
        part.control().dispose();
        SwtTestKit.settle(display, 500);
        assertEquals(-20, document.session().tracks().get(1).strip().faderDb(), 1e-9);
        assertEquals("Fader Lead", document.undoLabel().orElse(""));
    }
}
