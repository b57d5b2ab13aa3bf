package org.mixbench.processors.mastering;

import java.util.List;

import org.mixbench.api.processor.AudioBlock;
import org.mixbench.api.processor.ParameterDescriptor;
import org.mixbench.api.processor.ProcessSpec;
import org.mixbench.api.processor.ProcessorState;
import org.mixbench.dsp.Biquad;
import org.mixbench.dsp.LinearSmoother;
import org.mixbench.dsp.ParameterBank;
import org.mixbench.dsp.SegmentedProcessor;

/**
 * The stereo imager. Mid {@code M = (L + R) / 2} is never changed in level; the side {@code S = (L - R) / 2} is
 * split by two Linkwitz-Riley 24 dB/oct crossovers into low, mid and high bands, each scaled by its width (0 % is
 * mono, 200 % doubles the side), and with mono below F the side is first high-passed (Linkwitz-Riley) at F. The
 * bands of a Linkwitz-Riley crossover sum to an all pass, so the mid goes through the same all passes and both stay
 * in phase: at 0 % in every band the outputs are identical (correlation +1). Widths move over 20 ms. When every
 * width is 100 % and mono is off the processed path fades out over 20 ms and the input passes untouched, bit for bit;
 * the filters keep running meanwhile so that moving a width fades back in without a click. Crossover and mono
 * frequencies take effect at once. Stereo only; other channel counts pass. Audio thread for {@link #render}.
 */
final class StereoImagerProcessor implements SegmentedProcessor {
    private static final double RAMP_SECONDS = 0.020;
    private final ParameterBank bank;
    private final LinearSmoother low = new LinearSmoother(RAMP_SECONDS, 1);
    private final LinearSmoother mid = new LinearSmoother(RAMP_SECONDS, 1);
    private final LinearSmoother high = new LinearSmoother(RAMP_SECONDS, 1);
    private final LinearSmoother wet = new LinearSmoother(RAMP_SECONDS, 0);
    private final Biquad[] monoHighPass = {new Biquad(), new Biquad()};
    private final Biquad monoAllPass = new Biquad();
    private final Biquad[] lowLowPass = {new Biquad(), new Biquad()};
    private final Biquad[] lowHighPass = {new Biquad(), new Biquad()};
    private final Biquad lowBandAllPass = new Biquad();
    private final Biquad[] highLowPass = {new Biquad(), new Biquad()};
    private final Biquad[] highHighPass = {new Biquad(), new Biquad()};
    private final Biquad midAllPassLow = new Biquad();
    private final Biquad midAllPassHigh = new Biquad();
    private double rate = 48_000;
    private boolean mono;

    StereoImagerProcessor(List<ParameterDescriptor> parameters) {
        bank = new ParameterBank(parameters);
    }

    @Override
    public void prepare(ProcessSpec spec) {
        rate = spec.sampleRate();
        low.prepare(rate);
        mid.prepare(rate);
        high.prepare(rate);
        wet.prepare(rate);
        reset();
    }

    @Override
    public void reset() {
        for (Biquad[] pair : new Biquad[][] {monoHighPass, lowLowPass, lowHighPass, highLowPass, highHighPass}) {
            pair[0].reset();
            pair[1].reset();
        }
        monoAllPass.reset();
        lowBandAllPass.reset();
        midAllPassLow.reset();
        midAllPassHigh.reset();
        update(true);
    }

    @Override
    public void parameterChanged(int parameter, double value) {
        bank.set(parameter, value);
        update(false);
    }

    private void update(boolean immediate) {
        double l = bank.get(StereoImagerFactory.LOW_WIDTH) / 100;
        double m = bank.get(StereoImagerFactory.MID_WIDTH) / 100;
        double h = bank.get(StereoImagerFactory.HIGH_WIDTH) / 100;
        double monoBelow = bank.get(StereoImagerFactory.MONO_BELOW);
        mono = monoBelow > 0;
        double nyquistSafe = rate * 0.45;
        double f1 = Math.min(bank.get(StereoImagerFactory.LOW_CROSSOVER), nyquistSafe);
        double f2 = Math.min(Math.max(bank.get(StereoImagerFactory.HIGH_CROSSOVER), f1 * 1.5), nyquistSafe);
        if (mono) {
            monoHighPass[0].highPass(rate, monoBelow);
            monoHighPass[1].highPass(rate, monoBelow);
            monoAllPass.allPass(rate, monoBelow);
        }
        lowLowPass[0].lowPass(rate, f1);
        lowLowPass[1].lowPass(rate, f1);
        lowHighPass[0].highPass(rate, f1);
        lowHighPass[1].highPass(rate, f1);
        lowBandAllPass.allPass(rate, f2);
        highLowPass[0].lowPass(rate, f2);
        highLowPass[1].lowPass(rate, f2);
        highHighPass[0].highPass(rate, f2);
        highHighPass[1].highPass(rate, f2);
        midAllPassLow.allPass(rate, f1);
        midAllPassHigh.allPass(rate, f2);
        boolean transparent = l == 1 && m == 1 && h == 1 && !mono;
        if (immediate) {
            low.setImmediate(l);
            mid.setImmediate(m);
            high.setImmediate(h);
            wet.setImmediate(transparent ? 0 : 1);
        } else {
            low.setTarget(l);
            mid.setTarget(m);
            high.setTarget(h);
            wet.setTarget(transparent ? 0 : 1);
        }
    }

    @Override
    public void render(AudioBlock block, int from, int to) {
        if (block.channelCount() != 2) {
            int n = to - from;
            low.skip(n);
            mid.skip(n);
            high.skip(n);
            wet.skip(n);
            return;
        }
        float[] left = block.channel(0);
        float[] right = block.channel(1);
        for (int i = from; i < to; i++) {
            double l = left[i];
            double r = right[i];
            double m = (l + r) * 0.5;
            double s = (l - r) * 0.5;
            if (mono) {
                s = monoHighPass[1].process(monoHighPass[0].process(s));
                m = monoAllPass.process(m);
            }
            double lowBand = lowBandAllPass.process(lowLowPass[1].process(lowLowPass[0].process(s)));
            double rest = lowHighPass[1].process(lowHighPass[0].process(s));
            double midBand = highLowPass[1].process(highLowPass[0].process(rest));
            double highBand = highHighPass[1].process(highHighPass[0].process(rest));
            m = midAllPassHigh.process(midAllPassLow.process(m));
            double side = low.next() * lowBand + mid.next() * midBand + high.next() * highBand;
            double w = wet.next();
            if (w != 0) {
                left[i] = (float) ((1 - w) * l + w * (m + side));
                right[i] = (float) ((1 - w) * r + w * (m - side));
            }
        }
    }

    @Override
    public ProcessorState saveState() {
        return bank.save();
    }

    @Override
    public void restoreState(ProcessorState state) {
        bank.restore(state);
        update(true);
    }
}
