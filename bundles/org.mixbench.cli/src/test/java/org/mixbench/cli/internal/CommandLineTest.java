package org.mixbench.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mixbench.api.command.Command;
import org.mixbench.api.command.CommandContext;
import org.mixbench.api.command.UsageException;

class CommandLineTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(CommandLine cli, String... args) {
        return cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Path.of("."));
    }

    private static Command command(int status, RuntimeException failure) {
        return new Command() {
            @Override
            public int run(List<String> arguments, CommandContext context) {
                if (failure != null) {
                    throw failure;
                }
                context.out().println("ran " + arguments);
                return status;
            }

            @Override
            public String usage() {
                return "usage of test";
            }
        };
    }

    private static CommandLine withCommand(boolean display, Command command) {
        CommandLine cli = new CommandLine(() -> display);
        cli.addCommand(command, Map.of("command", "test", "description", "a test command"));
        return cli;
    }

    private String errText() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void anUnknownCommandGivesOneLineAndStatusTwo() {
        assertEquals(2, run(withCommand(true, command(0, null)), "frobnicate"));
        assertEquals("mixbench: unknown command 'frobnicate'; see ./mixbench --help", errText().strip());
    }

    @Test
    void aUsageErrorGivesOneLineNamingTheCommandAndStatusTwo() {
        assertEquals(2, run(withCommand(true, command(0, new UsageException("x.wav: no such file"))), "test"));
        assertEquals("mixbench test: x.wav: no such file", errText().strip());
    }

    @Test
    void aFailureInsideACommandIsOneLineWithoutAStackTrace() {
        assertEquals(1, run(withCommand(true, command(0, new IllegalStateException("boom"))), "test"));
        assertEquals(1, errText().strip().lines().count());
        assertFalse(errText().contains("\tat "));
    }

    @Test
    void failuresAreNamedInWordsWithoutJavaClassNames() {
        for (RuntimeException failure : List.of(new NumberFormatException("For input string: \"99999999999\""),
                new NullPointerException(), new IllegalArgumentException())) {
            err.reset();
            assertEquals(1, run(withCommand(true, command(0, failure)), "test"));
            assertFalse(errText().matches("(?s).*(Exception|java\\.).*"), errText());
            assertTrue(errText().startsWith("mixbench test: failed: "), errText());
        }
    }

    @Test
    void anErrorThrownByACommandIsOneLineWithStatusOne() {
        Command failing = new Command() {
            @Override
            public int run(List<String> arguments, CommandContext context) {
                throw new OutOfMemoryError("Java heap space");
            }

            @Override
            public String usage() {
                return "";
            }
        };
        assertEquals(1, run(withCommand(true, failing), "test"));
        assertEquals("mixbench test: failed: ran out of memory (run with --debug for details)", errText().strip());
    }

    @Test
    void controlCharactersInAMessageAreEscaped() {
        assertEquals(2, run(withCommand(true, command(0, new UsageException("x.mp3: tag \u001b[2J"))), "test"));
        assertEquals("mixbench test: x.mp3: tag \\x1b[2J", errText().strip());
    }

    @Test
    void debugAddsTheStackTrace() {
        run(withCommand(true, command(0, new IllegalStateException("boom"))), "--debug", "test");
        assertTrue(errText().contains("\tat "));
    }

    @Test
    void withoutADisplayAndNoCommandItSaysSoAndPrintsHelp() {
        assertEquals(2, run(withCommand(false, command(0, null))));
        assertTrue(errText().startsWith("mixbench: no display"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("test         a test command"));
    }

    @Test
    void argumentsReachTheCommandAndItsStatusIsReturned() {
        assertEquals(3, run(withCommand(true, command(3, null)), "test", "a", "b"));
        assertEquals("ran [a, b]", out.toString(StandardCharsets.UTF_8).strip());
    }

    @Test
    void helpForACommandPrintsItsUsage() {
        assertEquals(0, run(withCommand(true, command(0, null)), "help", "test"));
        assertEquals("usage of test", out.toString(StandardCharsets.UTF_8).strip());
    }

    @Test
    void anUnknownGlobalOptionIsRejected() {
        assertEquals(2, run(withCommand(true, command(0, null)), "--frobnicate"));
        assertEquals(1, errText().strip().lines().count());
    }
}
