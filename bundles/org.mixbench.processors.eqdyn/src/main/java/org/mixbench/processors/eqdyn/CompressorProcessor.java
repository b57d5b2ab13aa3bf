package org.mixbench.processors.eqdyn;

import static org.mixbench.processors.eqdyn.CompressorFactory.ATTACK;
import static org.mixbench.processors.eqdyn.CompressorFactory.DETECTION;
import static org.mixbench.processors.eqdyn.CompressorFactory.KNEE;
import static org.mixbench.processors.eqdyn.CompressorFactory.MAKEUP;
import static org.mixbench.processors.eqdyn.CompressorFactory.MIX;
import static org.mixbench.processors.eqdyn.CompressorFactory.RATIO;
import static org.mixbench.processors.eqdyn.CompressorFactory.RELEASE;
import static org.mixbench.processors.eqdyn.CompressorFactory.RMS;
import static org.mixbench.processors.eqdyn.CompressorFactory.SIDECHAIN;
import static org.mixbench.processors.eqdyn.CompressorFactory.THRESHOLD;

import java.util.List;

import org.mixbench.api.processor.AudioBlock;
import org.mixbench.api.processor.ParameterDescriptor;
import org.mixbench.api.processor.ProcessSpec;
import org.mixbench.api.processor.ProcessStatus;
import org.mixbench.api.processor.ProcessorState;
import org.mixbench.api.processor.SidechainInput;
import org.mixbench.dsp.GainComputer;
import org.mixbench.dsp.LinearSmoother;
import org.mixbench.dsp.ParameterBank;
import org.mixbench.dsp.ReductionSmoother;
import org.mixbench.dsp.SegmentedProcessor;

/**
 * A feed-forward compressor after Giannoulis, Massberg and Reiss, "Digital Dynamic Range Compressor Design - A
 * Tutorial and Analysis" (JAES 2012): the level of the key goes through a static gain computer in dB with a
 * quadratic soft knee of width {@code knee} ({@link GainComputer}, shared with the multiband compressor), and the
 * resulting gain reduction is smoothed in the log domain by the paper's "smooth decoupled" peak detector ({@link
 * ReductionSmoother}): a release one-pole that any larger reduction overrides at once, followed by an attack one-pole. Each time constant reaches 1 - 1/e of a step: a rising reduction follows the attack alone;
 * a falling one follows the release and then the attack, so its measured time is about release + attack. Unlike
 * the branching detector, it holds the peak reduction of a steady tone (the branching one settles up to a decibel
 * short of it, by the ratio of attack to release). Makeup and mix are smoothed over 20 ms.
 *
 * <p>Detection is stereo-linked, so the image does not move: <i>Peak</i> takes the largest absolute sample over the
 * key's channels; <i>RMS</i> averages the squares over the channels and over time with a one-pole of
 * {@value #RMS_MS} ms. The key is the processor's own input, or the block given to {@link #sidechain} when the
 * {@code sidechain} switch is on. A key block shorter than the main block is ignored.
 *
 * <p>For a meter, {@link #gainReductionDb()} returns the largest gain reduction of the last processed block; it is
 * a volatile read, safe from any thread. Denormals: the detector states are flushed to zero when tiny.
 */
public final class CompressorProcessor implements SegmentedProcessor, SidechainInput {
    /** Time constant of the RMS detector's averaging, ms. */
    static final double RMS_MS = 10;
    private static final double RAMP_SECONDS = 0.020;

    private final ParameterBank bank;
    private final LinearSmoother makeup = new LinearSmoother(RAMP_SECONDS, 1);
    private final LinearSmoother mix = new LinearSmoother(RAMP_SECONDS, 1);
    private final GainComputer computer = new GainComputer();
    private final ReductionSmoother smoother = new ReductionSmoother();
    private double sampleRate = 48_000;

    // Derived from the parameters on every change.
    private double rmsCoefficient;
    private boolean rms;
    private boolean useKey;

    // Audio state.
    private double meanSquare;
    private double blockMaxReductionDb;
    private AudioBlock key;
    private volatile double meterReductionDb;

    CompressorProcessor(List<ParameterDescriptor> parameters) {
        bank = new ParameterBank(parameters);
        derive();
    }

    /**
     * The largest gain reduction, in dB (0 or more), of the last block processed, for a meter that polls it. Any
     * thread: it reads a volatile field that the audio thread writes once per block.
     */
    public double gainReductionDb() {
        return meterReductionDb;
    }

    /** Takes the key for the next {@link #process} call; {@code null} for the own input. Audio thread, active. */
    @Override
    public void sidechain(AudioBlock keyBlock) {
        this.key = keyBlock;
    }

    /** Sets the time constants for the sample rate and resets. Main thread, inactive. */
    @Override
    public void prepare(ProcessSpec spec) {
        sampleRate = spec.sampleRate();
        makeup.prepare(sampleRate);
        mix.prepare(sampleRate);
        derive();
        reset();
    }

    /** Clears the detector and the meter and jumps to the parameter values. Audio thread, active. */
    @Override
    public void reset() {
        meanSquare = 0;
        smoother.reset();
        meterReductionDb = 0;
        makeup.setImmediate(Levels.dbToGain(bank.get(MAKEUP)));
        mix.setImmediate(bank.get(MIX) / 100);
    }

    /** Compresses the block, keyed as set by {@link #sidechain}, and publishes the meter value. Audio thread. */
    @Override
    public ProcessStatus process(AudioBlock block) {
        blockMaxReductionDb = 0;
        ProcessStatus status = SegmentedProcessor.super.process(block);
        meterReductionDb = blockMaxReductionDb;
        key = null;
        return status;
    }

    /** Takes a parameter change at its frame. Audio thread, active. */
    @Override
    public void parameterChanged(int parameter, double value) {
        bank.set(parameter, value);
        derive();
        makeup.setTarget(Levels.dbToGain(bank.get(MAKEUP)));
        mix.setTarget(bank.get(MIX) / 100);
    }

    private void derive() {
        computer.set(bank.get(THRESHOLD), bank.get(RATIO), bank.get(KNEE));
        smoother.setTimes(bank.get(ATTACK), bank.get(RELEASE), sampleRate);
        rmsCoefficient = Levels.timeCoefficient(RMS_MS, sampleRate);
        rms = bank.get(DETECTION) == RMS;
        useKey = bank.get(SIDECHAIN) >= 0.5;
    }

    /**
     * The static curve ({@link GainComputer#reductionDb(double, double, double, double)}): gain reduction in dB (0 or
     * more) for a key level of {@code levelDb}, with a quadratic knee of width {@code kneeDb} centred on the
     * threshold. {@code slope} is {@code 1/ratio - 1}.
     */
    static double gainReduction(double levelDb, double thresholdDb, double slope, double kneeDb) {
        return GainComputer.reductionDb(levelDb, thresholdDb, slope, kneeDb);
    }

    /** Compresses frames {@code [from, to)} in place. Audio thread, active. */
    @Override
    public void render(AudioBlock block, int from, int to) {
        AudioBlock source = useKey && key != null && key.frames() >= to ? key : block;
        int keyChannels = source.channelCount();
        int channels = block.channelCount();
        double ms = meanSquare;
        double max = blockMaxReductionDb;
        for (int i = from; i < to; i++) {
            double target;
            if (rms) {
                double sum = 0;
                for (int c = 0; c < keyChannels; c++) {
                    double x = source.channel(c)[i];
                    sum += x * x;
                }
                ms = rmsCoefficient * ms + (1 - rmsCoefficient) * (sum / keyChannels);
                target = computer.powerReductionDb(ms);
            } else {
                double peak = 0;
                for (int c = 0; c < keyChannels; c++) {
                    peak = Math.max(peak, Math.abs(source.channel(c)[i]));
                }
                target = computer.peakReductionDb(peak);
            }
            double gr = smoother.next(target);
            max = Math.max(max, gr);
            double wetMix = mix.next();
            double g = (1 - wetMix) + wetMix * (gr == 0 ? 1 : Levels.dbToGainFast(-gr)) * makeup.next();
            for (int c = 0; c < channels; c++) {
                float[] x = block.channel(c);
                x[i] = (float) (x[i] * g);
            }
        }
        meanSquare = ms < 1e-30 ? 0 : ms;
        blockMaxReductionDb = max;
    }

    /** The parameter values by id. Main thread. */
    @Override
    public ProcessorState saveState() {
        return bank.save();
    }

    /** Restores parameter values; they take effect at once. Main thread, inactive. */
    @Override
    public void restoreState(ProcessorState state) {
        bank.restore(state);
        derive();
        makeup.setImmediate(Levels.dbToGain(bank.get(MAKEUP)));
        mix.setImmediate(bank.get(MIX) / 100);
    }
}
