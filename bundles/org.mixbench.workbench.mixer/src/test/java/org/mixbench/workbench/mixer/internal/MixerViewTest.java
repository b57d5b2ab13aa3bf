package org.mixbench.workbench.mixer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Scale;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixbench.api.contribution.ContributionKind;
import org.mixbench.api.contribution.ContributionRegistry;
import org.mixbench.mixing.session.Session;
import org.mixbench.mixing.session.SessionFiles;
import org.mixbench.processors.eqdyn.ParametricEqFactory;
import org.mixbench.testkit.StaticRegistry;
import org.mixbench.workbench.api.ViewSite;

/** The mixer view in a real window under Xvfb: strips of a session, undoable edits, the parameter editor. */
class MixerViewTest {
    private static Display display;
    private Shell shell;
    private String status = "";
    @TempDir
    Path dir;

    @BeforeAll
    static void createDisplay() throws IOException {
        assertNotNull(System.getenv("DISPLAY"), "the UI tests need a display: run them under xvfb-run");
        String path = System.getProperty("swt.library.path");
        if (path != null) {
            Files.createDirectories(Paths.get(path));
        }
        System.setProperty("mixbench.noDialogs", "true");
        display = new Display();
    }

    @AfterAll
    static void disposeDisplay() {
        display.dispose();
    }

    @BeforeEach
    void open() {
        shell = new Shell(display);
        shell.setLayout(new FillLayout());
        shell.setSize(1280, 760);
    }

    @AfterEach
    void close() {
        shell.dispose();
    }

    private ViewSite site() {
        ParametricEqFactory eq = new ParametricEqFactory();
        ContributionRegistry registry = new StaticRegistry().add(ContributionKind.PROCESSOR, eq.descriptor(), eq,
                Map.of());
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
                return "mix";
            }

            @Override
            public void setStatusMessage(String message) {
                status = message;
            }
        };
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

    private static List<Control> all(Control root) {
        List<Control> out = new ArrayList<>();
        out.add(root);
        if (root instanceof Composite c) {
            for (Control child : c.getChildren()) {
                out.addAll(all(child));
            }
        }
        return out;
    }

    private static <T extends Control> T byId(Control root, String id, Class<T> type) {
        for (Control c : all(root)) {
            if (id.equals(c.getData("mixbench.id")) && type.isInstance(c)) {
                return type.cast(c);
            }
        }
        throw new AssertionError("no " + id);
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
        fader.setSelection(MixerView.Part.faderSteps(-12));
        fader.notifyListeners(SWT.Selection, null);
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
        settle();
        assertEquals(24.0, part.document().session().tracks().get(1).strip().inserts().get(0).parameters()
                .get("band2.gain"), 1e-9);
        byId(root, "strip.Lead.insert.1", Button.class).notifyListeners(SWT.Selection, null);
        settle();
        assertTrue(byId(root, "mixer.editor.heading", Label.class).getText().contains(
                "com.example.gone is not installed; its 1 stored values are kept"));
        assertEquals(1, ((MixerView.AutomationCanvas) byId(root, "mixer.automation",
                MixerView.AutomationCanvas.class)).lanes().size(), "the lead's fader lane is shown");
        screenshot(part.control(), "mixer.png");
    }

    private void screenshot(Control control, String name) throws IOException {
        settle();
        Point origin = control.toDisplay(0, 0);
        Rectangle size = control.getBounds();
        Image image = new Image(display, size.width, size.height);
        GC gc = new GC(display);
        gc.copyArea(image, origin.x, origin.y);
        gc.dispose();
        ImageLoader loader = new ImageLoader();
        loader.data = new ImageData[] {image.getImageData()};
        image.dispose();
        Path out = Files.createDirectories(Paths.get(System.getProperty("mixbench.screenshots",
                "target/screenshots")));
        loader.save(out.resolve(name).toString(), SWT.IMAGE_PNG);
    }
}
