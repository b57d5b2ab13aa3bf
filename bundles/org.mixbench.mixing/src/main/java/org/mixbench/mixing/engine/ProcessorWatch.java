package org.mixbench.mixing.engine;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Tells which processor call (create, prepare, process, ...) has been running for how long, so that a processor that
 * never returns can be named and the render stopped instead of hanging forever. The renderer registers one
 * {@link Call} record per strip and one for the compile; entering and leaving a call are two volatile writes (no
 * allocation, no lock), so the audio path can afford them. Thread: calls are entered and left on the thread that
 * makes them; {@link #overdue} from any thread (the command thread watching a render).
 */
@ProviderType
public final class ProcessorWatch {
    private final List<Call> calls = new CopyOnWriteArrayList<>();

    /** An empty watch. Any thread. */
    public ProcessorWatch() {
    }

    /** A record for one thread of calls at a time. Compile thread. */
    Call newCall() {
        Call call = new Call();
        calls.add(call);
        return call;
    }

    /**
     * The call that has been running for more than {@code seconds}, described ({@code "track drums: insert 0
     * 'Hang' (com.example.hang) has not returned from process for 10.0 s"}), or empty. Any thread.
     */
    public Optional<String> overdue(double seconds) {
        long now = System.nanoTime();
        for (Call call : calls) {
            String what = call.what;
            long since = call.since;
            if (what != null && now - since > seconds * 1e9) {
                return Optional.of(String.format(Locale.ROOT, "%s has not returned for %.1f s", what,
                        (now - since) / 1e9));
            }
        }
        return Optional.empty();
    }

    /** One thread's current call: what it is (a constant string made at compile time) and since when. */
    static final class Call {
        private volatile long since;
        private volatile String what;

        /** Marks the start of a call; allocates nothing. */
        void enter(String description) {
            since = System.nanoTime();
            what = description;
        }

        /** Marks its end. */
        void leave() {
            what = null;
        }
    }
}
