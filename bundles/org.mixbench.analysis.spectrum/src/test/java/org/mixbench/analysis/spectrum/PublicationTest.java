package org.mixbench.analysis.spectrum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

class PublicationTest {

    @Test
    void aReaderNeverKeepsACopyOfAHalfWrittenState() throws Exception {
        Publication publication = new Publication();
        long[] published = new long[4096];
        AtomicBoolean stop = new AtomicBoolean();
        // the writer rewrites the whole array with one value after another, as fast as it can: almost always inside
        // a write, which is the worst case for a reader (the analyzers write for a small part of each frame)
        Thread writer = new Thread(() -> {
            for (long value = 1; !stop.get(); value++) {
                publication.beginWrite();
                for (int i = 0; i < published.length; i++) {
                    published[i] = value;
                }
                publication.endWrite();
            }
        });
        writer.start();
        long[] copy = new long[published.length];
        long last = 0;
        int torn = 0;
        for (int read = 0; read < 2_000; read++) {
            long version;
            do {
                version = publication.beginRead();
                System.arraycopy(published, 0, copy, 0, copy.length);
            } while (!publication.validate(version));
            for (long v : copy) {
                if (v != copy[0]) {
                    torn++;
                    break;
                }
            }
            assertTrue(copy[0] >= last, "values never go back");
            last = copy[0];
        }
        stop.set(true);
        writer.join();
        assertEquals(0, torn, "torn copies out of 2000");
        assertTrue(last > 0, "the reader saw the writer's values");
        assertEquals(0, publication.version() & 1, "no write left open");
    }
}
