package org.mixbench.cli.internal;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

import org.mixbench.api.command.Command;
import org.mixbench.api.command.CommandContext;
import org.mixbench.api.command.Problems;
import org.mixbench.api.command.UsageException;
import org.mixbench.api.contribution.ContributionProperties;
import org.mixbench.launch.MainCommand;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Dispatches {@code ./mixbench [--debug] COMMAND ARGS...} to the {@link Command} service registered under that
 * word. Errors become one line on stderr: exit status 2 for a bad argument, file or command, 1 for a failure inside
 * a command (with the stack trace only under {@code --debug}).
 */
@Component(service = MainCommand.class)
public final class CommandLine implements MainCommand {
    /** The command run when no command word is given, if a display is available. */
    static final String DEFAULT_COMMAND = "workbench";

    private final Map<String, Registered> commands = new ConcurrentSkipListMap<>();
    private final DisplayProbe display;

    /** A command service with its word and help line. */
    record Registered(String word, String description, Command command) {
    }

    /** Used by DS. */
    public CommandLine() {
        this(DisplayProbe.ENVIRONMENT);
    }

    CommandLine(DisplayProbe display) {
        this.display = display;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addCommand(Command command, Map<String, Object> properties) {
        Object word = properties.get(ContributionProperties.COMMAND);
        if (word != null) {
            commands.put(String.valueOf(word), new Registered(String.valueOf(word),
                    String.valueOf(properties.getOrDefault(ContributionProperties.DESCRIPTION, "")), command));
        }
    }

    void removeCommand(Command command, Map<String, Object> properties) {
        commands.values().removeIf(r -> r.command() == command);
    }

    @Override
    public int run(String[] args, PrintStream out, PrintStream err, Path workingDirectory) {
        List<String> rest = new ArrayList<>(Arrays.asList(args));
        boolean debug = rest.remove("--debug");
        CommandContext context = new CommandContext(out, err, workingDirectory, debug);
        if (rest.isEmpty()) {
            if (!display.available()) {
                err.println("mixbench: no display (DISPLAY is not set), so the workbench window cannot open; "
                        + "use a command below, or run under xvfb-run");
                help(out);
                return 2;
            }
            rest.add(DEFAULT_COMMAND);
        }
        String word = rest.remove(0);
        if (word.equals("--help") || word.equals("-h") || word.equals("help")) {
            if (!rest.isEmpty()) {
                Registered r = commands.get(rest.get(0));
                if (r == null) {
                    err.println("mixbench: unknown command '" + rest.get(0) + "'; see ./mixbench --help");
                    return 2;
                }
                out.println(r.command().usage());
                return 0;
            }
            help(out);
            return 0;
        }
        if (word.equals("--version")) {
            out.println("mixbench " + getClass().getPackage().getImplementationVersion());
            return 0;
        }
        if (word.startsWith("-")) {
            err.println("mixbench: unknown option '" + word + "'; see ./mixbench --help");
            return 2;
        }
        Registered registered = commands.get(word);
        if (registered == null) {
            err.println("mixbench: unknown command '" + word + "'; see ./mixbench --help");
            return 2;
        }
        if (rest.contains("--help") || rest.contains("-h")) {
            out.println(registered.command().usage());
            return 0;
        }
        try {
            return registered.command().run(List.copyOf(rest), context);
        } catch (UsageException e) {
            err.println("mixbench " + word + ": " + Problems.oneLine(String.valueOf(e.getMessage())));
            if (debug) {
                e.printStackTrace(err);
            }
            return 2;
        } catch (Exception | Error e) {
            err.println("mixbench " + word + ": failed: " + Problems.describe(e) + (debug ? ""
                    : " (run with --debug for details)"));
            if (debug) {
                e.printStackTrace(err);
            }
            return 1;
        }
    }

    /** Prints the overview of every registered command. */
    void help(PrintStream out) {
        out.println("Mixbench: a modular workbench for mixing and mastering.");
        out.println();
        out.println("Usage: ./mixbench [--debug] [COMMAND] [ARGS...]");
        out.println("       ./mixbench              open the workbench window (needs a display)");
        out.println("       ./mixbench help COMMAND show the options of one command");
        out.println();
        out.println("Commands:");
        for (Registered r : commands.values()) {
            out.printf("  %-12s %s%n", r.word(), r.description());
        }
        out.println();
        out.println("Errors print one line and exit with status 2; --debug adds stack traces.");
    }

    /** Tells whether a graphical display is reachable. */
    @FunctionalInterface
    interface DisplayProbe {
        /** Looks at DISPLAY and WAYLAND_DISPLAY. */
        DisplayProbe ENVIRONMENT = () -> notBlank(System.getenv("DISPLAY")) || notBlank(System.getenv("WAYLAND_DISPLAY"));

        boolean available();

        private static boolean notBlank(String s) {
            return s != null && !s.isBlank();
        }
    }
}
