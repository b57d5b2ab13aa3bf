package org.mixbench.convert;

import java.util.Arrays;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Streaming sample-rate converter for planar float audio between any two of 44100, 48000, 88200, 96000, 176400 and
 * 192000 Hz, for mastering and delivery. Equal rates pass through unchanged, sample for sample.
 *
 * <p>Method: a rational polyphase FIR resampler ({@code up/down} = output rate / input rate in lowest terms) with a
 * linear-phase Kaiser-windowed sinc prototype designed in double precision for 140 dB; the passband reaches 0.4536
 * times the lower rate (20.0 kHz at 44.1 kHz, flat within 0.01 dB), the stopband starts at half the lower rate (at
 * least 120 dB of alias and image rejection). Coefficients, history and every dot product are in double; input and
 * output are floats. The constructor precomputes the table: {@link #phases()} rows of {@link #tapsPerPhase()} taps.
 *
 * <p>Timing: the converter compensates its own delay. Output frame {@code k} is the input signal at time
 * {@code k / outputRate}, so a click at input time {@code t} comes out centred at output time {@code t}. The output of
 * a stream is complete only after {@link #flush}: over a whole stream of {@code n} input frames the converter emits
 * exactly {@code ceil(n * outputRate / inputRate)} frames, and the same samples whatever the sizes of the calls.
 *
 * <p>This is a library stage, not a {@link org.mixbench.api.processor.Processor}: it changes the number of frames, so
 * it cannot work in place. Converter pipelines and exporters drive it.
 *
 * <p>Threads: the constructor allocates everything and runs on the main thread (it takes a few milliseconds to
 * design the table). One thread at a time, typically an exporter's or the render thread, then calls {@link #process},
 * {@link #flush} and {@link #reset}; they never allocate or lock. No method is safe for concurrent use.
 */
@ProviderType
public final class SampleRateConverter {
    private final int inputRate;
    private final int outputRate;
    private final int channels;
    private final int maxInputFrames;
    private final boolean passThrough;
    private final int up;
    private final int down;
    private final int half;
    private final int taps;
    private final int phaseStep;
    private final int frameStep;
    private final double passbandHz;
    private final double stopbandHz;
    private final double[] table;
    private final double[][] history;
    private final int capacity;

    /** Buffer index of the first input frame of the next output's window. */
    private int readPos;
    /** Buffer index where the next input frame goes. */
    private int writePos;
    /** Phase of the next output frame, {@code 0 <= phase < up}. */
    private int phase;
    private long inputFrames;
    private long outputFrames;
    private boolean flushing;

    /**
     * A converter from {@code inputRate} to {@code outputRate} for {@code channels} planar channels that accepts up
     * to {@code maxInputFrames} frames per {@link #process} call. Designs the filter and allocates every buffer.
     * Main thread.
     *
     * @throws IllegalArgumentException if a rate is not supported or a count is not positive
     */
    public SampleRateConverter(int inputRate, int outputRate, int channels, int maxInputFrames) {
        requireSupported(inputRate, "input");
        requireSupported(outputRate, "output");
        if (channels <= 0) {
            throw new IllegalArgumentException("channels must be positive: " + channels);
        }
        if (maxInputFrames <= 0) {
            throw new IllegalArgumentException("max input frames must be positive: " + maxInputFrames);
        }
        this.inputRate = inputRate;
        this.outputRate = outputRate;
        this.channels = channels;
        this.maxInputFrames = maxInputFrames;
        this.passThrough = inputRate == outputRate;
        if (passThrough) {
            up = 1;
            down = 1;
            half = 0;
            taps = 0;
            passbandHz = inputRate / 2.0;
            stopbandHz = inputRate / 2.0;
            table = new double[0];
            history = new double[0][];
            capacity = 0;
        } else {
            PolyphaseFilter filter = new PolyphaseFilter(inputRate, outputRate);
            up = filter.up;
            down = filter.down;
            half = filter.half;
            taps = filter.taps;
            passbandHz = filter.passbandHz;
            stopbandHz = filter.stopbandHz;
            table = filter.table;
            capacity = 2 * (taps + maxInputFrames);
            history = new double[channels][capacity];
        }
        phaseStep = down % up;
        frameStep = down / up;
        reset();
    }

    /** Whether {@code rate} is one of the rates this converter handles. Any thread. */
    public static boolean isSupported(int rate) {
        return switch (rate) {
            case 44_100, 48_000, 88_200, 96_000, 176_400, 192_000 -> true;
            default -> false;
        };
    }

    private static void requireSupported(int rate, String which) {
        if (!isSupported(rate)) {
            throw new IllegalArgumentException("unsupported " + which + " rate " + rate
                    + " Hz; supported: 44100, 48000, 88200, 96000, 176400, 192000");
        }
    }

    /** Input sample rate in Hz. Any thread. */
    public int inputRate() {
        return inputRate;
    }

    /** Output sample rate in Hz. Any thread. */
    public int outputRate() {
        return outputRate;
    }

    /** Number of planar channels. Any thread. */
    public int channels() {
        return channels;
    }

    /** The largest {@code inFrames} that {@link #process} accepts. Any thread. */
    public int maxInputFrames() {
        return maxInputFrames;
    }

    /** Taps per polyphase row, that is input frames per output frame; 0 for a pass-through. Any thread. */
    public int tapsPerPhase() {
        return taps;
    }

    /** Rows of the polyphase table, the interpolation factor ({@code outputRate / gcd}); 1 for a pass-through. */
    public int phases() {
        return up;
    }

    /** Upper edge of the passband in Hz (flat within 0.01 dB up to here). Any thread. */
    public double passbandEdgeHz() {
        return passbandHz;
    }

    /** Lower edge of the stopband in Hz (at least 120 dB down from here). Any thread. */
    public double stopbandEdgeHz() {
        return stopbandHz;
    }

    /**
     * The largest number of frames one {@link #process} call with {@code inputFrames} frames can return:
     * {@code ceil(inputFrames * outputRate / inputRate)}. Size output buffers with it; {@link #flush} returns at
     * most {@code maxOutputFrames(maxInputFrames())} per call. Any thread.
     */
    public int maxOutputFrames(int inputFrames) {
        if (inputFrames < 0) {
            throw new IllegalArgumentException("frames must not be negative: " + inputFrames);
        }
        return (int) (((long) inputFrames * up + down - 1) / down);
    }

    /**
     * Frames the whole stream fed so far converts to once flushed: {@code ceil(input * outputRate / inputRate)}.
     * Converting thread.
     */
    public long totalOutputFrames() {
        return (inputFrames * up + down - 1) / down;
    }

    /**
     * Consumes {@code inFrames} frames of every channel of {@code in} from {@code inOffset} and writes the output
     * frames that are now complete to every channel of {@code out} from {@code outOffset}. Returns their number, at
     * most {@link #maxOutputFrames maxOutputFrames(inFrames)}; {@code out} must have room for that many. Because
     * each output frame looks ahead by half the filter, the output lags the calls by about
     * {@code tapsPerPhase() / 2} input frames; {@link #flush} delivers the rest at the end. Never allocates or
     * locks. Converting thread.
     *
     * @throws IllegalArgumentException if {@code inFrames} is negative or above {@link #maxInputFrames()}
     * @throws IllegalStateException    if {@link #flush} was called since the last {@link #reset}
     */
    public int process(float[][] in, int inOffset, int inFrames, float[][] out, int outOffset) {
        if (inFrames < 0 || inFrames > maxInputFrames) {
            throw new IllegalArgumentException("input frames must be within 0.." + maxInputFrames + ": " + inFrames);
        }
        if (flushing) {
            throw new IllegalStateException("the stream was flushed; reset() before converting another one");
        }
        inputFrames += inFrames;
        if (passThrough) {
            for (int c = 0; c < channels; c++) {
                System.arraycopy(in[c], inOffset, out[c], outOffset, inFrames);
            }
            outputFrames += inFrames;
            return inFrames;
        }
        makeRoom(inFrames);
        for (int c = 0; c < channels; c++) {
            double[] h = history[c];
            float[] x = in[c];
            for (int i = 0; i < inFrames; i++) {
                h[writePos + i] = x[inOffset + i];
            }
        }
        writePos += inFrames;
        return emit(out, outOffset, Integer.MAX_VALUE);
    }

    /**
     * Ends the stream: feeds silence past its end and writes the remaining output frames to {@code out} from
     * {@code outOffset}, at most {@code maxOutputFrames(maxInputFrames())} per call, and returns their number.
     * Call it until it returns 0; the stream has then produced exactly {@link #totalOutputFrames()} frames. After
     * the first call, {@link #process} refuses input until {@link #reset}. Never allocates or locks. Converting
     * thread.
     */
    public int flush(float[][] out, int outOffset) {
        flushing = true;
        if (passThrough) {
            return 0;
        }
        long total = totalOutputFrames();
        int limit = maxOutputFrames(maxInputFrames);
        int written = 0;
        while (written == 0 && outputFrames < total) {
            if (readPos + taps > writePos) {
                makeRoom(maxInputFrames);
                for (int c = 0; c < channels; c++) {
                    Arrays.fill(history[c], writePos, writePos + maxInputFrames, 0.0);
                }
                writePos += maxInputFrames;
            }
            written = emit(out, outOffset, (int) Math.min(limit, total - outputFrames));
        }
        return written;
    }

    /**
     * Forgets the stream: clears the history and the frame counts so that the next {@link #process} starts a new
     * stream at time 0. Never allocates. Converting thread.
     */
    public void reset() {
        for (double[] h : history) {
            Arrays.fill(h, 0.0);
        }
        readPos = 0;
        writePos = Math.max(0, half - 1); // half - 1 frames of silence before the stream's first frame
        phase = 0;
        inputFrames = 0;
        outputFrames = 0;
        flushing = false;
    }

    /** Moves the frames still needed to the front of the history when {@code frames} more would not fit. */
    private void makeRoom(int frames) {
        if (writePos + frames <= capacity) {
            return;
        }
        int keep = writePos - readPos;
        for (int c = 0; c < channels; c++) {
            System.arraycopy(history[c], readPos, history[c], 0, keep);
        }
        readPos = 0;
        writePos = keep;
    }

    /** Writes every output frame whose window is complete, at most {@code limit}; returns how many. */
    private int emit(float[][] out, int outOffset, int limit) {
        final double[] coefficients = table;
        final int n = taps;
        int produced = 0;
        int read = readPos;
        int p = phase;
        while (read + n <= writePos && produced < limit) {
            int row = p * n;
            int at = outOffset + produced;
            int c = 0;
            for (; c + 1 < channels; c += 2) {
                dot2(coefficients, row, history[c], history[c + 1], read, n, out[c], out[c + 1], at);
            }
            if (c < channels) {
                out[c][at] = (float) dot(coefficients, row, history[c], read, n);
            }
            produced++;
            p += phaseStep;
            read += frameStep;
            if (p >= up) {
                p -= up;
                read++;
            }
        }
        readPos = read;
        phase = p;
        outputFrames += produced;
        return produced;
    }

    /** The dot product of {@code n} (a multiple of 4) coefficients and samples, accumulated in double. */
    private static double dot(double[] h, int hFrom, double[] x, int xFrom, int n) {
        double a0 = 0;
        double a1 = 0;
        double a2 = 0;
        double a3 = 0;
        for (int j = 0; j < n; j += 4) {
            a0 += (double) h[hFrom + j] * x[xFrom + j];
            a1 += (double) h[hFrom + j + 1] * x[xFrom + j + 1];
            a2 += (double) h[hFrom + j + 2] * x[xFrom + j + 2];
            a3 += (double) h[hFrom + j + 3] * x[xFrom + j + 3];
        }
        return (a0 + a1) + (a2 + a3);
    }

    /**
     * Two channels at once, sharing the coefficient loads: writes the dot products of {@code n} (even) coefficients
     * with {@code x} and {@code y} to {@code outX[at]} and {@code outY[at]}.
     */
    private static void dot2(double[] h, int hFrom, double[] x, double[] y, int xFrom, int n, float[] outX,
            float[] outY, int at) {
        double a0 = 0;
        double a1 = 0;
        double b0 = 0;
        double b1 = 0;
        for (int j = 0; j < n; j += 2) {
            double h0 = h[hFrom + j];
            double h1 = h[hFrom + j + 1];
            a0 += h0 * x[xFrom + j];
            a1 += h1 * x[xFrom + j + 1];
            b0 += h0 * y[xFrom + j];
            b1 += h1 * y[xFrom + j + 1];
        }
        outX[at] = (float) (a0 + a1);
        outY[at] = (float) (b0 + b1);
    }

    /** Row {@code phase}, tap {@code tap} of the polyphase table, for tests. */
    double coefficient(int phase, int tap) {
        return table[phase * taps + tap];
    }
}
