package org.mixbench.processors.eqdyn;

import static org.mixbench.processors.eqdyn.GateFactory.ATTACK;
import static org.mixbench.processors.eqdyn.GateFactory.HOLD;
import static org.mixbench.processors.eqdyn.GateFactory.HYSTERESIS;
import static org.mixbench.processors.eqdyn.GateFactory.RANGE;
import static org.mixbench.processors.eqdyn.GateFactory.RATIO;
import static org.mixbench.processors.eqdyn.GateFactory.RELEASE;
import static org.mixbench.processors.eqdyn.GateFactory.SIDECHAIN;
import static org.mixbench.processors.eqdyn.GateFactory.THRESHOLD;

import java.util.List;

import org.mixbench.api.processor.AudioBlock;
import org.mixbench.api.processor.ParameterDescriptor;
import org.mixbench.api.processor.ProcessSpec;
import org.mixbench.api.processor.ProcessStatus;
import org.mixbench.api.processor.ProcessorState;
import org.mixbench.api.processor.SidechainInput;
import org.mixbench.dsp.ParameterBank;
import org.mixbench.dsp.SegmentedProcessor;

/**
 * The gate / downward expander.
 *
 * <p>Detector: the largest absolute sample over the key's channels (stereo-linked), held by a peak follower that
 * rises at once and falls with a {@value #DETECTOR_MS} ms time constant, so the gate does not chatter on the
 * troughs of a waveform. State: the gate <i>opens</i> when the level reaches the threshold, and <i>closes</i> only
 * when the level has stayed below {@code threshold - hysteresis} for the hold time. While open the gain is unity;
 * while closed it is the expander's {@code (level - threshold) * (ratio - 1)} dB, never below {@code -range}. The
 * gain moves toward that target in dB with the attack time constant when it rises and the release time constant
 * when it falls (each reaches 1 - 1/e of a step), and lands exactly on the target once within 1e-6 dB.
 *
 * <p>The key is the own input, or the block given to {@link #sidechain} when the {@code sidechain} switch is on.
 */
final class GateProcessor implements SegmentedProcessor, SidechainInput {
    /** Release time constant of the level detector, ms. */
    static final double DETECTOR_MS = 10;

    private final ParameterBank bank;
    private double sampleRate = 48_000;

    private double threshold;
    private double closeThreshold;
    private double range;
    private double expansion;
    private double attackCoefficient;
    private double releaseCoefficient;
    private double detectorCoefficient;
    private int holdFrames;
    private boolean useKey;

    private double envelope;
    private double gainDb;
    private boolean open;
    private int holdLeft;
    private AudioBlock key;

    GateProcessor(List<ParameterDescriptor> parameters) {
        bank = new ParameterBank(parameters);
        derive();
        gainDb = -range;
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
        derive();
        reset();
    }

    /** Closes the gate fully and clears the detector. Audio thread, active. */
    @Override
    public void reset() {
        envelope = 0;
        open = false;
        holdLeft = 0;
        gainDb = -range;
    }

    /** Gates the block, keyed as set by {@link #sidechain}. Audio thread, active. */
    @Override
    public ProcessStatus process(AudioBlock block) {
        ProcessStatus status = SegmentedProcessor.super.process(block);
        key = null;
        return status;
    }

    /** Takes a parameter change at its frame. Audio thread, active. */
    @Override
    public void parameterChanged(int parameter, double value) {
        bank.set(parameter, value);
        derive();
    }

    private void derive() {
        threshold = bank.get(THRESHOLD);
        closeThreshold = threshold - bank.get(HYSTERESIS);
        range = bank.get(RANGE);
        expansion = bank.get(RATIO) - 1;
        attackCoefficient = Levels.timeCoefficient(bank.get(ATTACK), sampleRate);
        releaseCoefficient = Levels.timeCoefficient(bank.get(RELEASE), sampleRate);
        detectorCoefficient = Levels.timeCoefficient(DETECTOR_MS, sampleRate);
        holdFrames = (int) Math.round(bank.get(HOLD) / 1000 * sampleRate);
        useKey = bank.get(SIDECHAIN) >= 0.5;
    }

    /** Gates frames {@code [from, to)} in place. Audio thread, active. */
    @Override
    public void render(AudioBlock block, int from, int to) {
        AudioBlock source = useKey && key != null && key.frames() >= to ? key : block;
        int keyChannels = source.channelCount();
        int channels = block.channelCount();
        double env = envelope;
        double g = gainDb;
        for (int i = from; i < to; i++) {
            double peak = 0;
            for (int c = 0; c < keyChannels; c++) {
                peak = Math.max(peak, Math.abs(source.channel(c)[i]));
            }
            env = Math.max(peak, detectorCoefficient * env);
            double levelDb = Levels.gainToDb(env);
            if (levelDb >= threshold) {
                open = true;
                holdLeft = holdFrames;
            } else if (open) {
                if (levelDb >= closeThreshold) {
                    holdLeft = holdFrames;
                } else if (holdLeft > 0) {
                    holdLeft--;
                } else {
                    open = false;
                }
            }
            double target = open ? 0 : Math.max(-range, Math.min(0, (levelDb - threshold) * expansion));
            if (g != target) {
                double a = target > g ? attackCoefficient : releaseCoefficient;
                g = a * g + (1 - a) * target;
                if (Math.abs(g - target) < 1e-6) {
                    g = target;
                }
            }
            double gain = Levels.dbToGain(g);
            for (int c = 0; c < channels; c++) {
                float[] x = block.channel(c);
                x[i] = (float) (x[i] * gain);
            }
        }
        envelope = env < 1e-30 ? 0 : env;
        gainDb = g;
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
        if (!open) {
            gainDb = -range;
        }
    }
}
