package org.mixbench.workbench.internal;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.swt.widgets.Display;
import org.mixbench.api.command.Command;
import org.mixbench.api.command.CommandContext;
import org.mixbench.api.command.UsageException;
import org.mixbench.api.contribution.ContributionRegistry;
import org.mixbench.api.workbench.Perspectives;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import com.google.inject.Guice;
import com.google.inject.Injector;

/**
 * {@code ./mixbench workbench}, also run by {@code ./mixbench} alone: opens the window. This DS component is the
 * composition root of the workbench: it hands the OSGi services to a Guice injector of this bundle.
 */
@Component(service = Command.class, property = {"command=workbench",
    "description=open the workbench window (what ./mixbench does without a command)"})
public final class WorkbenchCommand implements Command {

    @Reference
    private ContributionRegistry registry;
    private TrackedViewCatalog views;

    @Activate
    void activate(BundleContext context) {
        views = new TrackedViewCatalog(context);
        views.open();
    }

    @Deactivate
    void deactivate() {
        views.close();
    }

    @Override
    public String usage() {
        return """
                Usage: ./mixbench [workbench] [--perspective mix|master] [--session FILE.json]
                                  [--screenshot FILE.png [--delay MS]]

                Opens the workbench window. Needs a display (run under xvfb-run on a machine without one).
                  --perspective ID     the perspective shown first (mix by default)
                  --session FILE       open this mix session in the mixer
                  --screenshot FILE    save a PNG of the window once it is shown, print the time it took and what
                                       the window shows (perspective, status line, the views' lists), and exit
                  --delay MS           with --screenshot: keep the window running this long before the capture""";
    }

    @Override
    public int run(List<String> arguments, CommandContext context) throws Exception {
        WorkbenchOptions options = parse(arguments, context);
        String display = System.getenv("DISPLAY");
        if ((display == null || display.isBlank()) && System.getenv("WAYLAND_DISPLAY") == null) {
            throw new UsageException("no display (DISPLAY is not set); run under xvfb-run or use another command");
        }
        Display swt = new Display();
        try {
            Injector injector = Guice.createInjector(new WorkbenchModule(registry, views, swt, options));
            WorkbenchWindow window = injector.getInstance(WorkbenchWindow.class);
            window.create();
            if (options.screenshot() != null) {
                window.shell().open();
                window.settle(0);
                long shown = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
                window.settle(300 + options.screenshotDelayMillis());
                window.screenshot(options.screenshot());
                context.err().println("window shown " + shown + " ms after JVM start; screenshot saved to "
                        + options.screenshot());
                window.describe().forEach(context.out()::println);
                window.shell().close();
                return 0;
            }
            window.runUntilClosed();
            return 0;
        } finally {
            swt.dispose();
        }
    }

    private static WorkbenchOptions parse(List<String> arguments, CommandContext context) {
        String perspective = Perspectives.MIX;
        Path screenshot = null;
        long delay = 0;
        for (int i = 0; i < arguments.size(); i++) {
            String a = arguments.get(i);
            switch (a) {
                case "--perspective" -> {
                    perspective = value(arguments, ++i, a);
                    if (!Perspectives.all().contains(perspective)) {
                        throw new UsageException("--perspective: unknown perspective '" + perspective
                                + "' (expected one of " + String.join(", ", Perspectives.all()) + ")");
                    }
                }
                case "--screenshot" -> screenshot = context.workingDirectory().resolve(value(arguments, ++i, a));
                case "--session" -> {
                    Path session = context.workingDirectory().resolve(value(arguments, ++i, a));
                    if (!java.nio.file.Files.isRegularFile(session)) {
                        throw new UsageException(arguments.get(i) + ": no such file");
                    }
                    // Views that edit sessions (the mixer) open this one when they are created.
                    System.setProperty("mixbench.session", session.toAbsolutePath().toString());
                }
                case "--delay" -> {
                    String text = value(arguments, ++i, a);
                    try {
                        delay = Long.parseLong(text);
                    } catch (NumberFormatException e) {
                        throw new UsageException("--delay: not a number of milliseconds: '" + text + "'");
                    }
                    if (delay < 0 || delay > 600_000) {
                        throw new UsageException("--delay: must be within 0..600000 ms: " + delay);
                    }
                }
                default -> throw new UsageException("unknown argument '" + a + "'; see ./mixbench help workbench");
            }
        }
        return new WorkbenchOptions(perspective, screenshot, delay);
    }

    private static String value(List<String> arguments, int i, String option) {
        if (i >= arguments.size()) {
            throw new UsageException(option + " needs a value");
        }
        return arguments.get(i);
    }
}
