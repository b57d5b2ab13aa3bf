package org.mixbench.product;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the installed product as a separate process, the way a user does. */
final class ProcessRunner {
    /** What a run printed and returned. */
    record Result(int status, String out, String err) {
    }

    private ProcessRunner() {
    }

    static Result run(Map<String, String> environment, boolean keepDisplay, String... args)
            throws IOException, InterruptedException {
        return run(ProductFiles.product(), environment, keepDisplay, args);
    }

    static Result run(Path home, Map<String, String> environment, boolean keepDisplay, String... args)
            throws IOException, InterruptedException {
        return run(home, List.of(), environment, keepDisplay, args);
    }

    static Result run(Path home, List<String> jvmOptions, Map<String, String> environment, boolean keepDisplay,
            String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Dmixbench.home=" + home);
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(ProductFiles.product().resolve("lib") + "/*");
        command.add("org.mixbench.launch.Main");
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        if (!keepDisplay) {
            builder.environment().remove("DISPLAY");
            builder.environment().remove("WAYLAND_DISPLAY");
        }
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close();
        var out = process.getInputStream();
        var err = process.getErrorStream();
        var outText = new java.util.concurrent.CompletableFuture<String>();
        var errText = new java.util.concurrent.CompletableFuture<String>();
        new Thread(() -> outText.complete(read(out))).start();
        new Thread(() -> errText.complete(read(err))).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("mixbench " + String.join(" ", args) + " did not finish within 60 s");
        }
        return new Result(process.exitValue(), outText.join(), errText.join());
    }

    private static String read(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
