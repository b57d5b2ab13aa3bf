package org.mixbench.mastering.internal;

import java.util.Arrays;
import java.util.Map;

import org.mixbench.analysis.loudness.LoudnessMeter;
import org.mixbench.analysis.loudness.TruePeakMeter;
import org.mixbench.api.processor.AudioBlock;
import org.mixbench.api.processor.GainReductionMeters;
import org.mixbench.api.processor.ProcessSpec;
import org.mixbench.api.processor.Processor;
import org.mixbench.api.processor.ProcessorFactory;
import org.mixbench.api.processor.ProcessorState;

/**
 * The last analogue-style stage of a master, in memory: the loudness gain and the true-peak limiter (or the gain
 * alone, for a target that forbids limiting), followed by the measurements the gain search needs (integrated
 * loudness and true peak of the result, the limiter's largest gain reduction and its history). The limiter is a
 * contributed processor driven block by block; its latency is compensated, so the output lines up with the input
 * sample for sample. Command thread.
 */
final class Limiting {
    /** Frames per block given to the limiter. */
    static final int BLOCK = 512;
    /** Spacing of the gain-reduction history, seconds. */
    static final double HISTORY_HOP = 0.1;

    /** What one pass produced. */
    record Pass(float[][] audio, double gainDb, double ceilingDbtp, double integratedLufs, double truePeakDbtp,
            double maxReductionDb, double[] reductionHistory) {
    }

    /** A limiter that failed: the message names the processor and the call. */
    static final class LimiterFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LimiterFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private Limiting() {
    }

    /**
     * Runs {@code x} (planar, any channel count) at {@code rate} through {@code gainDb} and, when {@code limiter} is
     * not null, the limiter with its ceiling at {@code ceilingDbtp}; {@code settings} are the limiter's other
     * parameters (release, ...). Returns a new array; {@code x} is unchanged.
     */
    static Pass run(float[][] x, double rate, double gainDb, double ceilingDbtp, ProcessorFactory limiter,
            Map<String, Double> settings) {
        int channels = x.length;
        int frames = x[0].length;
        float[][] y = new float[channels][frames];
        LoudnessMeter loudness = new LoudnessMeter(rate, channels);
        TruePeakMeter peaks = new TruePeakMeter(rate, channels);
        int hopFrames = Math.max(1, (int) Math.round(HISTORY_HOP * rate));
        double[] history = new double[(int) ((frames + hopFrames - 1L) / hopFrames)];
        double maxReduction = 0;
        if (limiter == null) {
            float g = (float) Math.pow(10, gainDb / 20);
            for (int c = 0; c < channels; c++) {
                for (int i = 0; i < frames; i++) {
                    y[c][i] = x[c][i] * g;
                }
            }
        } else {
            Processor p;
            try {
                p = limiter.create();
                Map<String, Double> values = new java.util.HashMap<>(settings);
                values.put("gain", gainDb);
                values.put("ceiling", ceilingDbtp);
                p.restoreState(ProcessorState.of(values));
                p.prepare(new ProcessSpec(rate, BLOCK, channels));
            } catch (RuntimeException | Error e) {
                throw new LimiterFailure("the limiter " + limiter.descriptor().id() + " failed while it was prepared: "
                        + e, e);
            }
            try {
                int latency = Math.max(0, p.latencyFrames());
                GainReductionMeters meters = p instanceof GainReductionMeters m ? m : null;
                AudioBlock block = new AudioBlock(channels, BLOCK, 0);
                long fed = 0;
                long total = frames + (long) latency;
                while (fed < total) {
                    int n = (int) Math.min(BLOCK, total - fed);
                    for (int c = 0; c < channels; c++) {
                        float[] b = block.channel(c);
                        int real = (int) Math.max(0, Math.min(n, frames - fed));
                        if (real > 0) {
                            System.arraycopy(x[c], (int) fed, b, 0, real);
                        }
                        Arrays.fill(b, Math.max(0, real), n, 0f);
                    }
                    block.setFrames(n);
                    block.setPosition(fed);
                    p.process(block);
                    // Output frame j of this block is input frame fed + j - latency.
                    for (int j = 0; j < n; j++) {
                        long at = fed + j - latency;
                        if (at >= 0 && at < frames) {
                            for (int c = 0; c < channels; c++) {
                                float v = block.channel(c)[j];
                                if (!Float.isFinite(v)) {
                                    throw new LimiterFailure("the limiter " + limiter.descriptor().id()
                                            + " produced " + v + " at " + at + " frames", null);
                                }
                                y[c][(int) at] = v;
                            }
                        }
                    }
                    if (meters != null) {
                        double r = Math.max(0, meters.gainReductionDb(0));
                        maxReduction = Math.max(maxReduction, r);
                        long first = Math.max(0, fed - latency);
                        long last = Math.min(frames - 1L, fed + n - 1 - latency);
                        for (long h = first / hopFrames; last >= first && h <= last / hopFrames; h++) {
                            history[(int) h] = Math.max(history[(int) h], r);
                        }
                    }
                    fed += n;
                }
            } catch (LimiterFailure e) {
                throw e;
            } catch (RuntimeException | Error e) {
                throw new LimiterFailure("the limiter " + limiter.descriptor().id() + " failed while it processed: "
                        + e, e);
            } finally {
                try {
                    p.release();
                } catch (RuntimeException | Error e) {
                    // released or not, it is not used again
                }
            }
        }
        for (int at = 0; at < frames; at += BLOCK) {
            int n = Math.min(BLOCK, frames - at);
            loudness.process(y, at, n);
            peaks.process(y, at, n);
        }
        peaks.finish();
        return new Pass(y, gainDb, ceilingDbtp, loudness.snapshot().integratedLufs(),
                peaks.snapshot().truePeakMaxDbtp(), maxReduction, history);
    }

    /** Integrated loudness and true peak of {@code x}, measured as {@link #run} measures its output. */
    static double[] measure(float[][] x, double rate) {
        LoudnessMeter loudness = new LoudnessMeter(rate, x.length);
        TruePeakMeter peaks = new TruePeakMeter(rate, x.length);
        for (int at = 0; at < x[0].length; at += BLOCK) {
            int n = Math.min(BLOCK, x[0].length - at);
            loudness.process(x, at, n);
            peaks.process(x, at, n);
        }
        peaks.finish();
        return new double[] {loudness.snapshot().integratedLufs(), peaks.snapshot().truePeakMaxDbtp()};
    }
}
