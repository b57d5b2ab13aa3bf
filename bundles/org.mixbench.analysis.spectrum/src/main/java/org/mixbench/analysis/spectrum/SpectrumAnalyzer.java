package org.mixbench.analysis.spectrum;

import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.Objects;

import org.mixbench.api.analysis.AnalysisSpec;
import org.mixbench.api.analysis.Analyzer;
import org.mixbench.api.processor.AudioBlock;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A windowed-FFT spectrum analyzer. The input (the mid of all channels, or each channel, see {@link ChannelMode}) is
 * cut into frames of {@code fftSize} samples every {@link SpectrumSettings#hop()} samples, the first frame ending at
 * sample {@code fftSize}; frames depend only on the sample stream, never on how it is cut into blocks. Each frame is
 * windowed, transformed (JTransforms, double precision) and scaled so that a full-scale sine reads 0 dBFS in its
 * peak bin (see {@link SpectrumSnapshot} for the scale and the noise normalisation), then folded into three traces
 * at once: the linear long-term average, the exponential average and the peak hold, and copied into the spectrogram
 * ring. Samples after the last whole frame wait for the next block; nothing is zero padded.
 *
 * <p>Memory is fixed by the settings whatever the input length: per spectrum an input ring of {@code fftSize}
 * doubles, four arrays of {@code fftSize / 2 + 1} doubles and the spectrogram ring of {@code spectrogramRows} float
 * rows.
 *
 * <p>Threads: construct on the main thread. One analysis thread then calls {@link #process} and {@link #reset},
 * which never allocate, lock, log or do I/O. Any thread may call {@link #snapshot()} and {@link #spectrogram} at any
 * time: the analysis thread publishes through a version counter that readers check after copying (they retry,
 * the analysis thread never waits), and the last snapshot is cached in a volatile field until something changes.
 */
@ProviderType
public final class SpectrumAnalyzer implements Analyzer<SpectrumSnapshot> {
    /** Powers below this are flushed to zero so that long silences never reach subnormal numbers. */
    private static final double TINY = 1e-300;

    private final SpectrumSettings settings;
    private final double sampleRate;
    private final int channels;
    private final int spectra;
    private final boolean mid;
    private final int n;
    private final int bins;
    private final int hop;
    private final int mask;
    private final double[] window;
    private final double interiorScale;
    private final double edgeScale;
    private final double exponentialCoefficient;
    private final double peakDecayFactor;
    private final Fft fft;
    private final double[] frame;
    /** Per spectrum, the last {@code n} input samples, a ring written at {@link #writeIndex}. */
    private final double[][] inputs;
    /** Per spectrum, the scaled power of the latest frame. */
    private final double[][] latest;

    // analysis thread only
    private int writeIndex;
    private int untilFrame;
    private long consumed;
    private long rowCounter;

    // published under the version counter
    private final Publication publication = new Publication();
    private final double[][] sums;
    private final double[][] exponential;
    private final double[][] peaks;
    private long frameCount;
    private long publishedSamples;

    // the spectrogram ring, published row by row: rows below rowsStarted - capacity may be overwritten
    private final int rowCapacity;
    private final float[][][] rows;
    private volatile long rowsStarted;
    private volatile long rowsDone;
    private volatile long rowsBase;

    private volatile Cached cached;

    private record Cached(long version, SpectrumSnapshot snapshot) {
    }

    /**
     * An analyzer for input described by {@code spec} (its sample rate and channel count; blocks of any length are
     * accepted) measuring as {@code settings} say. Main thread; allocates everything it will need.
     */
    public SpectrumAnalyzer(AnalysisSpec spec, SpectrumSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.sampleRate = spec.sampleRate();
        this.channels = spec.channels();
        this.mid = settings.channelMode() == ChannelMode.MID;
        this.spectra = mid ? 1 : channels;
        this.n = settings.fftSize();
        this.bins = settings.bins();
        this.hop = settings.hop();
        this.mask = n - 1;
        this.window = settings.window().samples(n);
        double sum = 0;
        for (double w : window) {
            sum += w;
        }
        this.edgeScale = 1 / (sum * sum);
        this.interiorScale = 4 * edgeScale;
        double frameSeconds = hop / sampleRate;
        this.exponentialCoefficient = -Math.expm1(-frameSeconds / settings.exponentialSeconds());
        this.peakDecayFactor = Math.pow(10, -settings.peakDecayDbPerSecond() * frameSeconds / 10);
        this.fft = new Fft(n);
        this.frame = new double[n];
        this.inputs = new double[spectra][n];
        this.latest = new double[spectra][bins];
        this.sums = new double[spectra][bins];
        this.exponential = new double[spectra][bins];
        this.peaks = new double[spectra][bins];
        this.rowCapacity = settings.spectrogramRows();
        this.rows = new float[spectra][rowCapacity][bins];
        this.untilFrame = n;
    }

    /** How this analyzer measures. Any thread. */
    public SpectrumSettings settings() {
        return settings;
    }

    /** The sample rate it was created for, Hz. Any thread. */
    public double sampleRate() {
        return sampleRate;
    }

    /**
     * Consumes the first {@link AudioBlock#frames()} frames of {@code block} (read only; channels beyond the spec's
     * are ignored) and folds every frame that completes into the traces. Any block length from 0 up; the result does
     * not depend on the block sizes. Analysis thread; never allocates or locks.
     */
    @Override
    public void process(AudioBlock block) {
        int frames = block.frames();
        int used = Math.min(block.channelCount(), channels);
        int position = 0;
        while (position < frames) {
            int chunk = Math.min(Math.min(frames - position, untilFrame), n - writeIndex);
            write(block, used, position, chunk);
            position += chunk;
            writeIndex = (writeIndex + chunk) & mask;
            untilFrame -= chunk;
            if (untilFrame == 0) {
                analyzeFrame();
                untilFrame = hop;
            }
        }
        if (frames > 0) {
            consumed += frames;
            publication.beginWrite();
            publishedSamples = consumed;
            publication.endWrite();
        }
    }

    private void write(AudioBlock block, int used, int from, int count) {
        int w = writeIndex;
        if (mid) {
            double[] ring = inputs[0];
            float[] first = block.channel(0);
            if (used == 1) {
                for (int i = 0; i < count; i++) {
                    ring[w + i] = first[from + i];
                }
            } else if (used == 2) {
                float[] second = block.channel(1);
                for (int i = 0; i < count; i++) {
                    ring[w + i] = ((double) first[from + i] + second[from + i]) * 0.5;
                }
            } else {
                for (int i = 0; i < count; i++) {
                    ring[w + i] = first[from + i];
                }
                for (int c = 1; c < used; c++) {
                    float[] x = block.channel(c);
                    for (int i = 0; i < count; i++) {
                        ring[w + i] += x[from + i];
                    }
                }
                double scale = 1.0 / used;
                for (int i = 0; i < count; i++) {
                    ring[w + i] *= scale;
                }
            }
        } else {
            for (int s = 0; s < spectra; s++) {
                double[] ring = inputs[s];
                if (s < used) {
                    float[] x = block.channel(s);
                    for (int i = 0; i < count; i++) {
                        ring[w + i] = x[from + i];
                    }
                } else {
                    Arrays.fill(ring, w, w + count, 0.0);
                }
            }
        }
    }

    private void analyzeFrame() {
        int oldest = writeIndex;
        int head = n - oldest;
        for (int s = 0; s < spectra; s++) {
            double[] ring = inputs[s];
            for (int i = 0; i < head; i++) {
                frame[i] = ring[oldest + i] * window[i];
            }
            for (int i = 0; i < oldest; i++) {
                frame[head + i] = ring[i] * window[head + i];
            }
            double[] p = latest[s];
            fft.power(frame, p);
            p[0] *= edgeScale;
            p[bins - 1] *= edgeScale;
            for (int k = 1; k < bins - 1; k++) {
                p[k] *= interiorScale;
            }
        }
        long row = rowCounter;
        int slot = rowCapacity == 0 ? 0 : (int) (row % rowCapacity);
        if (rowCapacity > 0) {
            rowsStarted = row + 1;
            VarHandle.storeStoreFence();
        }
        publication.beginWrite();
        boolean firstFrame = frameCount == 0;
        double alpha = exponentialCoefficient;
        double decay = peakDecayFactor;
        for (int s = 0; s < spectra; s++) {
            double[] p = latest[s];
            double[] sum = sums[s];
            double[] exp = exponential[s];
            double[] peak = peaks[s];
            for (int k = 0; k < bins; k++) {
                double power = p[k];
                sum[k] += power;
                double e = firstFrame ? power : exp[k] + alpha * (power - exp[k]);
                exp[k] = e < TINY ? 0 : e;
                double held = peak[k] * decay;
                held = held < TINY ? 0 : held;
                peak[k] = Math.max(power, held);
            }
            if (rowCapacity > 0) {
                float[] target = rows[s][slot];
                for (int k = 0; k < bins; k++) {
                    target[k] = (float) p[k];
                }
            }
        }
        frameCount++;
        publication.endWrite();
        if (rowCapacity > 0) {
            rowCounter = row + 1;
            rowsDone = row + 1;
        }
    }

    /**
     * The traces measured since the last reset, in dBFS; all negative infinity before the first frame. Any thread;
     * never makes the analysis thread wait; allocates the snapshot unless nothing changed since the last call.
     */
    @Override
    public SpectrumSnapshot snapshot() {
        Cached last = cached;
        if (last != null && last.version() == publication.version()) {
            return last.snapshot();
        }
        double[][] sum = new double[spectra][bins];
        double[][] exp = new double[spectra][bins];
        double[][] peak = new double[spectra][bins];
        long frames;
        long samples;
        long version;
        do {
            version = publication.beginRead();
            for (int s = 0; s < spectra; s++) {
                System.arraycopy(sums[s], 0, sum[s], 0, bins);
                System.arraycopy(exponential[s], 0, exp[s], 0, bins);
                System.arraycopy(peaks[s], 0, peak[s], 0, bins);
            }
            frames = frameCount;
            samples = publishedSamples;
        } while (!publication.validate(version));
        for (int s = 0; s < spectra; s++) {
            for (int k = 0; k < bins; k++) {
                sum[s][k] = frames == 0 ? Double.NEGATIVE_INFINITY : 10 * Math.log10(sum[s][k] / frames);
                exp[s][k] = frames == 0 ? Double.NEGATIVE_INFINITY : 10 * Math.log10(exp[s][k]);
                peak[s][k] = frames == 0 ? Double.NEGATIVE_INFINITY : 10 * Math.log10(peak[s][k]);
            }
        }
        SpectrumSnapshot snapshot = new SpectrumSnapshot(settings, sampleRate, frames, samples, sum, exp, peak);
        cached = new Cached(version, snapshot);
        return snapshot;
    }

    /** The spectrogram rows of spectrum {@code spectrum} still in the ring, oldest first. Any thread; allocates. */
    public Spectrogram spectrogram(int spectrum) {
        return spectrogram(spectrum, 0);
    }

    /**
     * The spectrogram rows of spectrum {@code spectrum} from frame {@code fromFrame} on (counted from the last
     * reset) that are still in the ring, oldest first: at most {@link SpectrumSettings#spectrogramRows()} rows. A view
     * asks for the frames after the last one it drew. Rows the analysis thread overwrote while they were copied are
     * left out. Any thread; never makes the analysis thread wait; allocates.
     */
    public Spectrogram spectrogram(int spectrum, long fromFrame) {
        Objects.checkIndex(spectrum, spectra);
        long base = rowsBase;
        long done = rowsDone;
        long from = Math.max(Math.max(base, done - rowCapacity), base + Math.max(0, fromFrame));
        int count = (int) Math.max(0, done - from);
        float[][] copied = new float[count][];
        for (int i = 0; i < count; i++) {
            copied[i] = rows[spectrum][(int) ((from + i) % rowCapacity)].clone();
        }
        VarHandle.acquireFence();
        long started = rowsStarted;
        long baseAfter = rowsBase;
        long valid = Math.min(done, Math.max(from, Math.max(started - rowCapacity, baseAfter)));
        float[][] kept = Arrays.copyOfRange(copied, (int) (valid - from), count);
        for (float[] r : kept) {
            for (int k = 0; k < r.length; k++) {
                r[k] = (float) (10 * Math.log10(r[k]));
            }
        }
        return new Spectrogram(sampleRate, n, hop, valid - baseAfter, kept);
    }

    /** Forgets every sample and frame: the traces, the spectrogram and the partial frame. Analysis thread. */
    @Override
    public void reset() {
        publication.beginWrite();
        for (int s = 0; s < spectra; s++) {
            Arrays.fill(sums[s], 0.0);
            Arrays.fill(exponential[s], 0.0);
            Arrays.fill(peaks[s], 0.0);
        }
        frameCount = 0;
        publishedSamples = 0;
        publication.endWrite();
        rowsBase = rowCounter;
        for (double[] ring : inputs) {
            Arrays.fill(ring, 0.0);
        }
        writeIndex = 0;
        untilFrame = n;
        consumed = 0;
    }
}
