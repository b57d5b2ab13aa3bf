package org.mixbench.analysis.spectrum;

import java.util.Arrays;
import java.util.Objects;

import org.mixbench.api.analysis.AnalysisSpec;
import org.mixbench.api.analysis.Analyzer;
import org.mixbench.api.processor.AudioBlock;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Stereo and level measurements: phase correlation, balance, mid and side levels and the RMS level of every channel,
 * each over the whole input and as a running meter, plus a ring of the latest goniometer points. See
 * {@link StereoSnapshot} for the definitions. The whole-input values are plain sums in double precision, so they
 * do not depend on how the input is cut into blocks; the meters are one-pole averages of the same squares and
 * products, sample by sample, with the settings' time constant (300 ms by default).
 *
 * <p>Memory is fixed by the settings and the channel count whatever the input length.
 *
 * <p>Threads: construct on the main thread. One analysis thread then calls {@link #process} and {@link #reset},
 * which never allocate, lock, log or do I/O. Any thread may call {@link #snapshot()}: the analysis thread publishes
 * its sums once per block through a version counter that readers check after copying (they retry, the analysis
 * thread never waits); the last snapshot is cached in a volatile field until something changes.
 */
@ProviderType
public final class StereoAnalyzer implements Analyzer<StereoSnapshot> {
    /** Running averages below this are flushed to zero so that long silences never reach subnormal numbers. */
    private static final double TINY = 1e-30;

    private final StereoSettings settings;
    private final double sampleRate;
    private final int channels;
    private final boolean stereo;
    private final double coefficient;
    private final int decimation;
    private final int capacity;

    // analysis thread only
    private final double[] sumSquares;
    private final double[] runningSquares;
    private double sumLr;
    private double sumMid;
    private double sumSide;
    private double runningLr;
    private double runningMid;
    private double runningSide;
    private long frames;
    private int phase;
    private final float[] stagedSide;
    private final float[] stagedMid;
    private long points;

    // published under the version counter
    private final Publication publication = new Publication();
    private final double[] publishedSquares;
    private final double[] publishedRunningSquares;
    private double publishedLr;
    private double publishedMid;
    private double publishedSide;
    private double publishedRunningLr;
    private double publishedRunningMid;
    private double publishedRunningSide;
    private long publishedFrames;
    private final float[] ringSide;
    private final float[] ringMid;
    private long publishedPoints;

    private volatile Cached cached;

    private record Cached(long version, StereoSnapshot snapshot) {
    }

    /**
     * An analyzer for input described by {@code spec} (its sample rate and channel count; blocks of any length are
     * accepted) measuring as {@code settings} say. Main thread; allocates everything it will need.
     */
    public StereoAnalyzer(AnalysisSpec spec, StereoSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.sampleRate = spec.sampleRate();
        this.channels = spec.channels();
        this.stereo = channels >= 2;
        this.coefficient = -Math.expm1(-1 / (settings.integrationSeconds() * sampleRate));
        this.decimation = settings.goniometerDecimation();
        this.capacity = settings.goniometerPoints();
        this.sumSquares = new double[channels];
        this.runningSquares = new double[channels];
        this.publishedSquares = new double[channels];
        this.publishedRunningSquares = new double[channels];
        this.stagedSide = new float[capacity];
        this.stagedMid = new float[capacity];
        this.ringSide = new float[capacity];
        this.ringMid = new float[capacity];
    }

    /** How this analyzer measures. Any thread. */
    public StereoSettings settings() {
        return settings;
    }

    /**
     * Measures the first {@link AudioBlock#frames()} frames of {@code block} (read only; channels beyond the spec's
     * are ignored, missing ones read as silence). Any block length from 0 up; the result does not depend on the
     * block sizes. Analysis thread; never allocates or locks.
     */
    @Override
    public void process(AudioBlock block) {
        int count = block.frames();
        if (count == 0) {
            return;
        }
        int available = block.channelCount();
        float[] left = block.channel(0);
        float[] right = stereo ? (available > 1 ? block.channel(1) : null) : left;
        double k = coefficient;
        double ll = sumSquares[0];
        double rr = stereo ? sumSquares[1] : 0;
        double lr = sumLr;
        double mm = sumMid;
        double ss = sumSide;
        double runLl = runningSquares[0];
        double runRr = stereo ? runningSquares[1] : 0;
        double runLr = runningLr;
        double runMm = runningMid;
        double runSs = runningSide;
        int ph = phase;
        int staged = 0;
        for (int i = 0; i < count; i++) {
            double l = left[i];
            double r = right == null ? 0 : right[i];
            double m = (l + r) * 0.5;
            double s = (l - r) * 0.5;
            double l2 = l * l;
            double r2 = r * r;
            double lrProduct = l * r;
            double m2 = m * m;
            double s2 = s * s;
            ll += l2;
            rr += r2;
            lr += lrProduct;
            mm += m2;
            ss += s2;
            runLl += k * (l2 - runLl);
            runRr += k * (r2 - runRr);
            runLr += k * (lrProduct - runLr);
            runMm += k * (m2 - runMm);
            runSs += k * (s2 - runSs);
            runLl = runLl < TINY ? 0 : runLl;
            runRr = runRr < TINY ? 0 : runRr;
            runLr = Math.abs(runLr) < TINY ? 0 : runLr;
            runMm = runMm < TINY ? 0 : runMm;
            runSs = runSs < TINY ? 0 : runSs;
            if (++ph == decimation) {
                ph = 0;
                if (capacity > 0) {
                    int slot = staged % capacity;
                    stagedSide[slot] = (float) s;
                    stagedMid[slot] = (float) m;
                }
                staged++;
            }
        }
        sumSquares[0] = ll;
        runningSquares[0] = runLl;
        if (stereo) {
            sumSquares[1] = rr;
            runningSquares[1] = runRr;
        }
        sumLr = lr;
        sumMid = mm;
        sumSide = ss;
        runningLr = runLr;
        runningMid = runMm;
        runningSide = runSs;
        phase = ph;
        for (int c = 2; c < channels; c++) {
            double sum = sumSquares[c];
            double run = runningSquares[c];
            if (c < available) {
                float[] x = block.channel(c);
                for (int i = 0; i < count; i++) {
                    double x2 = (double) x[i] * x[i];
                    sum += x2;
                    run += k * (x2 - run);
                    run = run < TINY ? 0 : run;
                }
            } else {
                for (int i = 0; i < count; i++) {
                    run -= k * run;
                    run = run < TINY ? 0 : run;
                }
            }
            sumSquares[c] = sum;
            runningSquares[c] = run;
        }
        frames += count;
        publish(staged);
    }

    private void publish(int staged) {
        publication.beginWrite();
        System.arraycopy(sumSquares, 0, publishedSquares, 0, channels);
        System.arraycopy(runningSquares, 0, publishedRunningSquares, 0, channels);
        publishedLr = sumLr;
        publishedMid = sumMid;
        publishedSide = sumSide;
        publishedRunningLr = runningLr;
        publishedRunningMid = runningMid;
        publishedRunningSide = runningSide;
        publishedFrames = frames;
        if (capacity > 0) {
            int copy = Math.min(staged, capacity);
            for (int i = staged - copy; i < staged; i++) {
                int target = (int) ((points + i) % capacity);
                ringSide[target] = stagedSide[i % capacity];
                ringMid[target] = stagedMid[i % capacity];
            }
        }
        points += staged;
        publishedPoints = points;
        publication.endWrite();
    }

    /**
     * The measurements since the last reset. Any thread; never makes the analysis thread wait; allocates the
     * snapshot unless nothing changed since the last call.
     */
    @Override
    public StereoSnapshot snapshot() {
        Cached last = cached;
        if (last != null && last.version() == publication.version()) {
            return last.snapshot();
        }
        double[] squares = new double[channels];
        double[] running = new double[channels];
        float[] side = new float[capacity];
        float[] mid = new float[capacity];
        double lr;
        double mm;
        double ss;
        double runLr;
        double runMm;
        double runSs;
        long n;
        long total;
        long version;
        do {
            version = publication.beginRead();
            System.arraycopy(publishedSquares, 0, squares, 0, channels);
            System.arraycopy(publishedRunningSquares, 0, running, 0, channels);
            System.arraycopy(ringSide, 0, side, 0, capacity);
            System.arraycopy(ringMid, 0, mid, 0, capacity);
            lr = publishedLr;
            mm = publishedMid;
            ss = publishedSide;
            runLr = publishedRunningLr;
            runMm = publishedRunningMid;
            runSs = publishedRunningSide;
            n = publishedFrames;
            total = publishedPoints;
        } while (!publication.validate(version));

        double[] rms = new double[channels];
        double[] runningRms = new double[channels];
        for (int c = 0; c < channels; c++) {
            rms[c] = meanSquareDb(squares[c], n);
            runningRms[c] = n == 0 ? Double.NEGATIVE_INFINITY : 10 * Math.log10(running[c]);
        }
        double correlation = stereo ? correlation(lr, squares[0], squares[1]) : Double.NaN;
        double runningCorrelation = stereo ? correlation(runLr, running[0], running[1]) : Double.NaN;
        double balance = stereo ? 10 * Math.log10(squares[1] / squares[0]) : Double.NaN;
        double runningBalance = stereo ? 10 * Math.log10(running[1] / running[0]) : Double.NaN;
        if (n == 0) {
            balance = Double.NaN;
            runningBalance = Double.NaN;
        }
        double runningMidDb = n == 0 ? Double.NEGATIVE_INFINITY : 10 * Math.log10(runMm);
        double runningSideDb = n == 0 ? Double.NEGATIVE_INFINITY : 10 * Math.log10(runSs);

        int held = (int) Math.min(total, capacity);
        float[] orderedSide = new float[held];
        float[] orderedMid = new float[held];
        for (int i = 0; i < held; i++) {
            int slot = (int) ((total - held + i) % capacity);
            orderedSide[i] = side[slot];
            orderedMid[i] = mid[slot];
        }
        StereoSnapshot snapshot = new StereoSnapshot(sampleRate, channels, n, correlation, balance,
                meanSquareDb(mm, n), meanSquareDb(ss, n), rms, runningCorrelation, runningBalance, runningMidDb,
                runningSideDb, runningRms, orderedSide, orderedMid);
        cached = new Cached(version, snapshot);
        return snapshot;
    }

    private static double meanSquareDb(double sum, long n) {
        return n == 0 ? Double.NEGATIVE_INFINITY : 10 * Math.log10(sum / n);
    }

    private static double correlation(double lr, double ll, double rr) {
        if (!(ll > 0) || !(rr > 0)) {
            return Double.NaN;
        }
        double r = lr / (Math.sqrt(ll) * Math.sqrt(rr));
        return Math.max(-1, Math.min(1, r));
    }

    /** Forgets everything measured: sums, meters and goniometer points. Analysis thread. */
    @Override
    public void reset() {
        Arrays.fill(sumSquares, 0.0);
        Arrays.fill(runningSquares, 0.0);
        sumLr = 0;
        sumMid = 0;
        sumSide = 0;
        runningLr = 0;
        runningMid = 0;
        runningSide = 0;
        frames = 0;
        phase = 0;
        points = 0;
        publish(0);
    }
}
