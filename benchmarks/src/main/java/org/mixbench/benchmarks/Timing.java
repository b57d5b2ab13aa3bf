package org.mixbench.benchmarks;

import java.io.IOException;
import java.util.List;

/** What the side-by-side benchmark mains share: best-of-three timing and running a reference tool. Main thread. */
final class Timing {
    /** Work to time; may throw. */
    @FunctionalInterface
    interface Task {
        void run() throws Exception;
    }

    private Timing() {
    }

    /** The shortest of three runs of {@code task}, in seconds. */
    static double bestOfThree(Task task) throws Exception {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            task.run();
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
        }
        return best;
    }

    /** The shortest of three runs of a command line, in seconds. */
    static double bestOfThree(List<String> command) throws Exception {
        return bestOfThree(() -> run(command.toArray(String[]::new)));
    }

    /** Runs a tool, output discarded, errors shown; a failure is an exception naming the command. */
    static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed");
        }
    }
}
