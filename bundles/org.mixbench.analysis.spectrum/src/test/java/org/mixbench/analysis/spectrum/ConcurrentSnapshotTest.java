package org.mixbench.analysis.spectrum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.mixbench.api.processor.AudioBlock;

/**
 * Snapshots taken by other threads while the analysis thread runs are consistent: the signals are built so that
 * every consistent snapshot reads exactly the same values, and a snapshot mixing two moments would not. The analysis
 * thread goes on until every reader has taken its snapshots (no timing is involved).
 */
class ConcurrentSnapshotTest {
    private static final int READERS = 3;
    private static final int READS = 3000;
    private static final int N = 1024;

    /** 937.5 Hz: exactly 10 periods per 512-sample hop, so every frame of the tiled period is the same. */
    private static float[] period() {
        float[] p = new float[512];
        for (int t = 0; t < p.length; t++) {
            p[t] = (float) (0.5 * Math.sin(2 * Math.PI * 10 * t / 512));
        }
        return p;
    }

    @Test
    void snapshotsReadWhileTheAnalysisThreadRunsAreConsistent() throws Exception {
        SpectrumSettings settings = SpectrumSettings.defaults().withFftSize(N).withSpectrogramRows(0);
        SpectrumAnalyzer spectrum = new SpectrumAnalyzer(Audio.spec(2), settings);
        // the largest goniometer ring: a reader copies it between the channel sums and the mid sum, so a copy that
        // overlapped a block's publication would pair the sums of two different blocks
        StereoAnalyzer stereo = new StereoAnalyzer(Audio.spec(2),
                new StereoSettings(0.3, StereoSettings.MAX_GONIOMETER_POINTS, 1));
        // spectrogram: no overlap, frame r a bin-centred tone scaled by gain(r)
        // (a one-channel analyzer: it reads channel 0 of the block only)
        SpectrumAnalyzer rows = new SpectrumAnalyzer(Audio.spec(1),
                settings.withOverlap(0).withSpectrogramRows(8));
        float[] period = period();

        SpectrumAnalyzer reference = new SpectrumAnalyzer(Audio.spec(2), settings);
        float[] twice = concat(period, period);
        float[] half = new float[twice.length];
        for (int i = 0; i < half.length; i++) {
            half[i] = twice[i] * 0.5f;
        }
        Audio.feed(reference, new float[][] {twice, half}, N);
        double expected = reference.snapshot().averageDbfs(0, 20);
        double[] referenceRow = referenceRow(settings.withOverlap(0).withSpectrogramRows(8));

        List<String> failures = new CopyOnWriteArrayList<>();
        AtomicInteger finished = new AtomicInteger();
        AtomicBoolean stopped = new AtomicBoolean();
        CountDownLatch started = new CountDownLatch(READERS);
        List<Thread> readers = List.of(
                reader(started, finished, stopped, failures, () -> {
                    SpectrumSnapshot s = spectrum.snapshot();
                    if (s.frames() > 0 && Math.abs(s.averageDbfs(0, 20) - expected) > 1e-9) {
                        failures.add("average " + s.averageDbfs(0, 20) + " after " + s.frames() + " frames");
                    }
                    return s;
                }),
                reader(started, finished, stopped, failures, () -> {
                    StereoSnapshot st = stereo.snapshot();
                    if (st.frames() > 0 && Math.abs(st.balanceDb() + 20 * Math.log10(2)) > 1e-9) {
                        failures.add("balance " + st.balanceDb() + " after " + st.frames() + " frames");
                    }
                    // M = (L + R) / 2 = 0.75 L exactly, so the mid reads 20 log10(0.75) below the left channel
                    if (st.frames() > 0 && Math.abs(st.midDbfs() - st.rmsDbfs()[0] - 20 * Math.log10(0.75)) > 1e-9) {
                        failures.add("mid " + st.midDbfs() + " against left " + st.rmsDbfs()[0]);
                    }
                    return st;
                }),
                reader(started, finished, stopped, failures, () -> {
                    Spectrogram g = rows.spectrogram(0);
                    checkRows(g, referenceRow, failures);
                    return g.rows() > 0 ? g : null;
                }));
        readers.forEach(Thread::start);

        started.await();
        AudioBlock block = new AudioBlock(2, Audio.MAX_BLOCK, 0);
        long t = 0;
        int blocks = 0;
        while (finished.get() < READERS && t < 600L * 48_000) {
            int size = 1 + (blocks++ * 7919) % Audio.MAX_BLOCK;
            for (int i = 0; i < size; i++) {
                long at = t + i;
                float x = period[(int) (at % 512)];
                block.channel(0)[i] = x;
                block.channel(1)[i] = x * 0.5f;
            }
            block.setFrames(size);
            spectrum.process(block);
            stereo.process(block);
            for (int i = 0; i < size; i++) {
                long at = t + i;
                block.channel(0)[i] = gain(at / N) * tone((int) (at % N));
            }
            rows.process(block);
            t += size;
        }
        stopped.set(true);
        for (Thread reader : readers) {
            reader.join();
        }
        assertTrue(failures.isEmpty(), failures.size() + " inconsistent snapshots, first: "
                + (failures.isEmpty() ? "" : failures.get(0)));
    }

    /**
     * A thread that takes snapshots until it has seen {@link #READS} new ones (not the cached one again), or the
     * analysis has stopped; what it throws is a failure.
     */
    private static Thread reader(CountDownLatch started, AtomicInteger finished, AtomicBoolean stopped,
            List<String> failures, Supplier<Object> read) {
        return new Thread(() -> {
            started.countDown();
            Object last = null;
            int reads = 0;
            try {
                while (reads < READS && !stopped.get()) {
                    Object snapshot = read.get();
                    if (snapshot != null && snapshot != last) {
                        reads++;
                        last = snapshot;
                    }
                }
            } catch (RuntimeException | Error e) {
                failures.add(e.toString());
            } finally {
                finished.incrementAndGet();
            }
        });
    }

    private static float gain(long frame) {
        return 1f / (1 + frame % 13);
    }

    private static float tone(int t) {
        return (float) (0.5 * Math.sin(2 * Math.PI * 20 * t / N));
    }

    private static double[] referenceRow(SpectrumSettings settings) {
        SpectrumAnalyzer one = new SpectrumAnalyzer(Audio.spec(1), settings);
        float[] x = new float[N];
        for (int t = 0; t < N; t++) {
            x[t] = tone(t);
        }
        Audio.feed(one, new float[][] {x}, N);
        Spectrogram g = one.spectrogram(0);
        double[] row = new double[N / 2 + 1];
        for (int k = 0; k < row.length; k++) {
            row[k] = g.dbfs(0, k);
        }
        return row;
    }

    /** Every row must be the reference row scaled by its frame's gain, in every bin. */
    private static void checkRows(Spectrogram g, double[] referenceRow, List<String> failures) {
        for (int row = 0; row < g.rows(); row++) {
            double shift = 20 * Math.log10(gain(g.firstFrame() + row));
            for (int k = 0; k < referenceRow.length; k++) {
                if (referenceRow[k] > -140 && Math.abs(g.dbfs(row, k) - referenceRow[k] - shift) > 1e-3) {
                    failures.add("frame " + (g.firstFrame() + row) + " bin " + k + " reads " + g.dbfs(row, k));
                    return;
                }
            }
        }
    }

    private static float[] concat(float[] a, float[] b) {
        float[] c = new float[a.length + b.length];
        System.arraycopy(a, 0, c, 0, a.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
