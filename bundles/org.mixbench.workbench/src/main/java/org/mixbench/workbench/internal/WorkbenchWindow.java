package org.mixbench.workbench.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StackLayout;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.MessageBox;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.ToolBar;
import org.eclipse.swt.widgets.ToolItem;
import org.mixbench.api.contribution.ContributionKind;
import org.mixbench.api.contribution.ContributionRegistry;
import org.mixbench.api.workbench.Perspectives;

import jakarta.inject.Inject;

/**
 * The main window: menu bar, perspective switcher, one {@link PerspectiveArea} per perspective in a stack, and the
 * status line. It follows the view catalog and the registry live. Every method runs on the UI thread.
 */
final class WorkbenchWindow {
    /** Key under which widgets carry a stable id that tests and tools can find them by. */
    static final String WIDGET_ID = "mixbench.id";

    private final Display display;
    private final ContributionRegistry registry;
    private final ViewCatalog views;
    private final StatusLine status;
    private final WorkbenchOptions options;
    private final Map<String, PerspectiveArea> perspectives = new LinkedHashMap<>();
    private final Map<String, ToolItem> switcherItems = new LinkedHashMap<>();
    private final Map<String, MenuItem> menuItems = new LinkedHashMap<>();
    private Shell shell;
    private StackLayout stack;
    private String current;
    private AutoCloseable viewSubscription;
    private AutoCloseable registrySubscription;

    @Inject
    WorkbenchWindow(Display display, ContributionRegistry registry, ViewCatalog views, StatusLine status,
            WorkbenchOptions options) {
        this.display = display;
        this.registry = registry;
        this.views = views;
        this.status = status;
        this.options = options;
    }

    /** Builds the window and shows the first perspective, without opening it yet. */
    Shell create() {
        shell = new Shell(display, SWT.SHELL_TRIM);
        shell.setText("Mixbench");
        shell.setData(WIDGET_ID, "workbench.shell");
        GridLayout layout = new GridLayout(1, false);
        layout.marginWidth = 0;
        layout.marginHeight = 0;
        layout.verticalSpacing = 0;
        shell.setLayout(layout);
        createMenuBar();
        createTopBar();
        Composite body = new Composite(shell, SWT.NONE);
        body.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        stack = new StackLayout();
        body.setLayout(stack);
        status.create(shell);
        for (String id : Perspectives.all()) {
            perspectives.put(id, new PerspectiveArea(body, id, registry, status));
        }
        for (ViewEntry entry : views.views()) {
            placeView(entry);
        }
        viewSubscription = views.addListener((entry, added) -> display.asyncExec(() -> {
            if (shell.isDisposed()) {
                return;
            }
            if (added) {
                if (placeView(entry)) {
                    status.setMessage("View added: " + entry.descriptor().name());
                }
            } else {
                perspectives.values().forEach(p -> p.remove(entry.key()));
                status.setMessage("View removed: " + entry.descriptor().name());
            }
        }));
        registrySubscription = registry.addListener((info, added) -> {
            status.refreshCountsLater();
            display.asyncExec(() -> status.setMessage((added ? "Added " : "Removed ")
                    + info.kind().name().toLowerCase(java.util.Locale.ROOT) + " '" + info.name() + "' from "
                    + info.bundle()));
        });
        shell.addDisposeListener(e -> close());
        showPerspective(Perspectives.all().contains(options.perspective()) ? options.perspective() : Perspectives.MIX);
        // nine tenths of the screen (a mixer wants room), at least 1280 x 800 where the screen has it
        Rectangle screen = display.getPrimaryMonitor().getClientArea();
        shell.setSize(Math.min(screen.width, Math.max(1280, screen.width * 9 / 10)),
                Math.min(screen.height, Math.max(800, screen.height * 9 / 10)));
        return shell;
    }

    /** Adds the view to every perspective it belongs to; false if a part failed (already reported). */
    private boolean placeView(ViewEntry entry) {
        boolean ok = true;
        for (PerspectiveArea p : perspectives.values()) {
            ok &= p.add(entry);
        }
        return ok;
    }

    private void createMenuBar() {
        Menu bar = new Menu(shell, SWT.BAR);
        shell.setMenuBar(bar);
        Menu file = submenu(bar, "&File");
        MenuItem exit = new MenuItem(file, SWT.PUSH);
        exit.setText("E&xit\tCtrl+Q");
        exit.setAccelerator(SWT.MOD1 + 'Q');
        exit.addListener(SWT.Selection, e -> shell.close());

        Menu window = submenu(bar, "&Window");
        for (String id : Perspectives.all()) {
            MenuItem item = new MenuItem(window, SWT.RADIO);
            item.setText(title(id) + " perspective");
            item.setData(WIDGET_ID, "menu.perspective." + id);
            item.addListener(SWT.Selection, e -> {
                if (item.getSelection()) {
                    showPerspective(id);
                }
            });
            menuItems.put(id, item);
        }

        Menu help = submenu(bar, "&Help");
        MenuItem about = new MenuItem(help, SWT.PUSH);
        about.setText("&About Mixbench");
        about.addListener(SWT.Selection, e -> {
            MessageBox box = new MessageBox(shell, SWT.ICON_INFORMATION | SWT.OK);
            box.setText("About Mixbench");
            StringBuilder text = new StringBuilder("Mixbench: a modular workbench for mixing and mastering.\n\n");
            for (ContributionKind kind : ContributionKind.values()) {
                text.append(kind.title()).append(": ").append(registry.list(kind).size()).append('\n');
            }
            box.setMessage(text.toString());
            box.open();
        });
    }

    private static Menu submenu(Menu bar, String text) {
        MenuItem header = new MenuItem(bar, SWT.CASCADE);
        header.setText(text);
        Menu menu = new Menu(header);
        header.setMenu(menu);
        return menu;
    }

    private void createTopBar() {
        Composite top = new Composite(shell, SWT.NONE);
        top.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        GridLayout layout = new GridLayout(2, false);
        layout.marginHeight = 2;
        top.setLayout(layout);
        Label title = new Label(top, SWT.NONE);
        title.setText("Mixbench");
        title.setLayoutData(new GridData(SWT.BEGINNING, SWT.CENTER, true, false));
        ToolBar switcher = new ToolBar(top, SWT.FLAT | SWT.RIGHT);
        switcher.setData(WIDGET_ID, "perspective.switcher");
        switcher.setLayoutData(new GridData(SWT.END, SWT.CENTER, false, false));
        for (String id : Perspectives.all()) {
            ToolItem item = new ToolItem(switcher, SWT.RADIO);
            item.setText(title(id));
            item.setToolTipText("Show the " + title(id) + " perspective");
            item.setData(WIDGET_ID, "switcher." + id);
            item.addListener(SWT.Selection, e -> {
                if (item.getSelection()) {
                    showPerspective(id);
                }
            });
            switcherItems.put(id, item);
        }
    }

    static String title(String perspective) {
        return switch (perspective) {
            case Perspectives.MIX -> "Mix";
            case Perspectives.MASTER -> "Master";
            default -> perspective;
        };
    }

    /** Brings perspective {@code id} to the front and syncs the switcher and the menu. */
    void showPerspective(String id) {
        PerspectiveArea area = perspectives.get(id);
        if (area == null) {
            throw new IllegalArgumentException("no perspective " + id);
        }
        current = id;
        stack.topControl = area.control();
        area.control().getParent().layout(true, true);
        switcherItems.forEach((k, item) -> item.setSelection(k.equals(id)));
        menuItems.forEach((k, item) -> item.setSelection(k.equals(id)));
        shell.setText("Mixbench - " + title(id));
        status.setPerspective(title(id) + " perspective");
    }

    /** The perspective shown now. */
    String currentPerspective() {
        return current;
    }

    /** Tab titles of a perspective, for tests and diagnostics. */
    List<String> tabTitles(String perspective) {
        return perspectives.get(perspective).tabTitles();
    }

    Shell shell() {
        return shell;
    }

    /** Opens the window and runs the event loop until it is closed. */
    void runUntilClosed() {
        shell.open();
        while (!shell.isDisposed()) {
            if (!display.readAndDispatch()) {
                display.sleep();
            }
        }
    }

    /**
     * What the window shows, as text: the perspective, the status line, and the first column of every visible table
     * with a widget id. Printed by {@code --screenshot} so that scripts and tests can read the window.
     */
    List<String> describe() {
        List<String> lines = new java.util.ArrayList<>();
        lines.add("perspective: " + current);
        describe(shell, lines);
        return lines;
    }

    private static void describe(org.eclipse.swt.widgets.Control control, List<String> lines) {
        if (!control.isVisible()) {
            return;
        }
        Object id = control.getData(WIDGET_ID);
        if (control instanceof org.eclipse.swt.widgets.Table table && id != null) {
            List<String> first = new java.util.ArrayList<>();
            for (org.eclipse.swt.widgets.TableItem item : table.getItems()) {
                first.add(item.getText(0));
            }
            lines.add(id + ": " + String.join(", ", first));
        } else if (control instanceof Label label && id != null) {
            lines.add(id + ": " + label.getText());
        }
        if (control instanceof Composite composite) {
            for (org.eclipse.swt.widgets.Control child : composite.getChildren()) {
                describe(child, lines);
            }
        }
    }

    /** Lets pending events and paints run for about {@code millis}. */
    void settle(long millis) {
        long end = System.currentTimeMillis() + millis;
        while (true) {
            while (display.readAndDispatch()) {
                // drain pending events and paints
            }
            if (System.currentTimeMillis() >= end) {
                return;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Saves a PNG of the window as it is on screen, atomically (temporary file, then rename). */
    void screenshot(Path file) throws IOException {
        Rectangle bounds = shell.getBounds();
        // Without a window manager the shell has no trim, but its bounds still count one: end at the client area.
        Rectangle client = display.map(shell, null, shell.getClientArea());
        int height = Math.max(1, Math.min(bounds.height, client.y + client.height - bounds.y));
        bounds = new Rectangle(bounds.x, bounds.y, bounds.width, height);
        Image image = new Image(display, bounds.width, bounds.height);
        GC gc = new GC(display);
        try {
            gc.copyArea(image, bounds.x, bounds.y);
        } finally {
            gc.dispose();
        }
        try {
            ImageData data = image.getImageData();
            ImageLoader loader = new ImageLoader();
            loader.data = new ImageData[] {data};
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path temporary = Files.createTempFile(dir, ".screenshot-", ".png");
            loader.save(temporary.toString(), SWT.IMAGE_PNG);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            image.dispose();
        }
    }

    private void close() {
        for (AutoCloseable c : new AutoCloseable[] {viewSubscription, registrySubscription}) {
            if (c != null) {
                try {
                    c.close();
                } catch (Exception e) {
                    // removing a listener does not fail
                }
            }
        }
        perspectives.values().forEach(PerspectiveArea::dispose);
    }
}
