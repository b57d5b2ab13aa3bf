package org.mixbench.processors.space;

import java.util.List;

import org.mixbench.api.processor.AudioBlock;
import org.mixbench.api.processor.ParameterDescriptor;
import org.mixbench.api.processor.ProcessSpec;
import org.mixbench.api.processor.ProcessorState;
import org.mixbench.dsp.LinearSmoother;
import org.mixbench.dsp.ParameterBank;
import org.mixbench.dsp.SegmentedProcessor;

/**
 * An algorithmic reverb after Jot: pre-delay, four Schroeder allpasses per side for input diffusion, then a feedback
 * delay network of 16 lines mixed by a normalised 16x16 Hadamard matrix (a fast Walsh-Hadamard transform).
 *
 * <ul>
 * <li>Line lengths are distinct primes (hence mutually prime) near a geometric series from 1000 to 4000 frames at
 * 48 kHz, scaled by size (20 % of that at size 0) and by the sample rate; a size change glides the lengths.</li>
 * <li>Each line ends in a one-pole absorption filter whose gain is {@code 10^(-3 m / (T fs))} at DC for the set
 * decay T (RT60) and for line length m, and the same with {@code T (1 - 0.8 damping)} at Nyquist (Jot's
 * absorption filter), so every path decays at the set RT60 at low frequencies and high frequencies decay faster as
 * damping rises. Like a room's, the set RT60 is the low/mid-band one: with damping, the broadband decay of a white
 * impulse is shorter, weighted by the faster highs, and at strong damping the one-pole's slope reaches down into the
 * 1 kHz octave (the tests give the figures).</li>
 * <li>Four lines are modulated by +-6 frames (at 48 kHz) with slow, incommensurate sines (0.53 to 1.13 Hz), which
 * breaks up the metallic ringing of fixed lengths. They are read through first-order allpass (Thiran)
 * interpolation, whose flat magnitude keeps the decay exact (third-order Lagrange cost 7 % of the broadband RT60 at
 * damping 0 by its high-frequency loss); other lines read through Lagrange only while a size change glides.</li>
 * <li>Left and right are fed into and tapped from the lines with two orthogonal sign patterns (bent functions,
 * which no row of the Hadamard matrix resembles more than any other), so the wet tails are decorrelated and no
 * single line's length shows as a period; the diffused input joins the wet output at half level, which
 * makes the first wet sample appear exactly at the pre-delay. Width scales the side of the wet signal.</li>
 * </ul>
 * A mono input feeds both sides and hears their average. Channels beyond two pass unchanged.
 *
 * <p>Thread: the main thread creates, restores and prepares it while inactive; the audio thread processes and resets
 * it while active. It takes no locks and allocates nothing after {@code prepare}.
 */
final class ReverbProcessor implements SegmentedProcessor {
    private static final int LINES = 16;
    private static final double SMOOTHING_SECONDS = 0.020;
    private static final double GLIDE_SECONDS = 0.100;
    private static final double SHORTEST = 1000;
    private static final double LONGEST = 4000;
    private static final double REFERENCE_RATE = 48_000;
    private static final double MIN_SCALE = 0.2;
    private static final int[] MODULATED = {3, 7, 11, 14};
    private static final double[] MOD_HZ = {0.53, 0.71, 0.89, 1.13};
    private static final double MOD_DEPTH = 6;
    private static final double[] DIFFUSER_MS_L = {4.77, 3.59, 12.73, 9.31};
    private static final double[] DIFFUSER_MS_R = {5.13, 3.31, 13.19, 8.77};
    private static final double[] DIFFUSER_GAIN = {0.7, 0.7, 0.6, 0.6};

    private final ParameterBank bank;
    private final LinearSmoother mix = new LinearSmoother(SMOOTHING_SECONDS, 0);
    private final LinearSmoother width = new LinearSmoother(SMOOTHING_SECONDS, 1);
    private final double[] signL = new double[LINES];
    private final double[] signR = new double[LINES];
    private final double[] length = new double[LINES];
    private final double[] targetLength = new double[LINES];
    private final double[] b0 = new double[LINES];
    private final double[] a1 = new double[LINES];
    private final double[] state = new double[LINES];
    private final double[] work = new double[LINES];
    /** State of the allpass interpolator of each modulated line. */
    private final double[] allpass = new double[MODULATED.length];
    /** Absorption filter output of each modulated line at the previous frame. */
    private final double[] previous = new double[MODULATED.length];
    private final double[] modCos = new double[MODULATED.length];
    private final double[] modSin = new double[MODULATED.length];
    private final double[] stepCos = new double[MODULATED.length];
    private final double[] stepSin = new double[MODULATED.length];
    private final int[] diffuserL = new int[DIFFUSER_MS_L.length];
    private final int[] diffuserR = new int[DIFFUSER_MS_R.length];
    private double sampleRate = REFERENCE_RATE;
    private double glide;
    private double modDepth;
    private double preDelay;
    private double targetPreDelay;
    private DelayLine[] lines = new DelayLine[0];
    private DelayLine preL;
    private DelayLine preR;
    private DelayLine[] allpassL = new DelayLine[0];
    private DelayLine[] allpassR = new DelayLine[0];

    ReverbProcessor(List<ParameterDescriptor> parameters) {
        bank = new ParameterBank(parameters);
        for (int i = 0; i < LINES; i++) {
            // A bent function of the line's four index bits: its signs correlate equally (1/4) with every row of
            // the Hadamard matrix, so no single line's length shows up as a period of the output.
            int bent = ((i & 1) & (i >> 1 & 1)) ^ ((i >> 2 & 1) & (i >> 3 & 1));
            signL[i] = bent == 0 ? 1 : -1;
            // The same bent function plus a linear term: still bent, and orthogonal to the left signs.
            signR[i] = (bent ^ (i & 1)) == 0 ? 1 : -1;
        }
    }

    /** Allocates the lines for the largest size at this rate, the pre-delay and the diffusers. Main thread. */
    @Override
    public void prepare(ProcessSpec spec) {
        sampleRate = spec.sampleRate();
        double rateScale = sampleRate / REFERENCE_RATE;
        modDepth = MOD_DEPTH * rateScale;
        int longest = (int) Math.ceil(LONGEST * rateScale * 1.1 + modDepth) + 8;
        lines = new DelayLine[LINES];
        for (int i = 0; i < LINES; i++) {
            lines[i] = new DelayLine(longest);
        }
        int pre = (int) Math.ceil(ReverbFactory.MAX_PRE_DELAY_MS / 1000 * sampleRate) + 2;
        preL = new DelayLine(pre);
        preR = new DelayLine(pre);
        allpassL = new DelayLine[diffuserL.length];
        allpassR = new DelayLine[diffuserR.length];
        for (int k = 0; k < diffuserL.length; k++) {
            diffuserL[k] = Math.max(1, (int) Math.round(DIFFUSER_MS_L[k] / 1000 * sampleRate));
            diffuserR[k] = Math.max(1, (int) Math.round(DIFFUSER_MS_R[k] / 1000 * sampleRate));
            allpassL[k] = new DelayLine(diffuserL[k]);
            allpassR[k] = new DelayLine(diffuserR[k]);
        }
        for (int k = 0; k < MODULATED.length; k++) {
            double w = 2 * Math.PI * MOD_HZ[k] / sampleRate;
            stepCos[k] = Math.cos(w);
            stepSin[k] = Math.sin(w);
        }
        glide = 1 - Math.exp(-1 / (GLIDE_SECONDS * sampleRate));
        mix.prepare(sampleRate);
        width.prepare(sampleRate);
        reset();
    }

    /** Silences every line and filter, restarts the modulation and takes every value at once. Audio thread. */
    @Override
    public void reset() {
        for (DelayLine line : lines) {
            line.clear();
        }
        for (int k = 0; k < allpassL.length; k++) {
            allpassL[k].clear();
            allpassR[k].clear();
        }
        if (preL != null) {
            preL.clear();
            preR.clear();
        }
        java.util.Arrays.fill(state, 0);
        java.util.Arrays.fill(allpass, 0);
        for (int k = 0; k < MODULATED.length; k++) {
            // Start each modulator at a different phase.
            double phase = 2 * Math.PI * k / MODULATED.length;
            modCos[k] = Math.cos(phase);
            modSin[k] = Math.sin(phase);
        }
        update(true);
    }

    /** Applies an automation event or a host change. Audio thread, active. */
    @Override
    public void parameterChanged(int parameter, double value) {
        bank.set(parameter, value);
        update(false);
    }

    private void update(boolean immediate) {
        double size = bank.get(ReverbFactory.SIZE) / 100;
        double scale = (MIN_SCALE + (1 - MIN_SCALE) * size) * sampleRate / REFERENCE_RATE;
        for (int i = 0; i < LINES; i++) {
            double nominal = SHORTEST * Math.pow(LONGEST / SHORTEST, i / (double) (LINES - 1)) * scale;
            targetLength[i] = distinctPrimeNear((int) Math.round(nominal), i);
        }
        double decay = bank.get(ReverbFactory.DECAY);
        double hfDecay = decay * (1 - 0.8 * bank.get(ReverbFactory.DAMPING) / 100);
        for (int i = 0; i < LINES; i++) {
            double m = targetLength[i];
            double dc = Math.pow(10, -3 * m / (decay * sampleRate));
            double ny = Math.pow(10, -3 * m / (hfDecay * sampleRate));
            a1[i] = (dc - ny) / (dc + ny);
            b0[i] = dc * (1 - a1[i]);
        }
        targetPreDelay = Math.round(bank.get(ReverbFactory.PRE_DELAY) / 1000 * sampleRate);
        double w = bank.get(ReverbFactory.WIDTH) / 100;
        double m = bank.get(ReverbFactory.MIX) / 100;
        if (immediate) {
            System.arraycopy(targetLength, 0, length, 0, LINES);
            preDelay = targetPreDelay;
            width.setImmediate(w);
            mix.setImmediate(m);
        } else {
            width.setTarget(w);
            mix.setTarget(m);
        }
    }

    /** The prime nearest {@code n} that lines {@code 0..line-1} do not already use. */
    private int distinctPrimeNear(int n, int line) {
        for (int step = 0;; step++) {
            int below = n - step;
            if (below >= 2 && isPrime(below) && unused(below, line)) {
                return below;
            }
            int above = n + step;
            if (isPrime(above) && unused(above, line)) {
                return above;
            }
        }
    }

    private boolean unused(int p, int line) {
        for (int j = 0; j < line; j++) {
            if (targetLength[j] == p) {
                return false;
            }
        }
        return true;
    }

    private static boolean isPrime(int n) {
        if (n < 2) {
            return false;
        }
        if (n % 2 == 0) {
            return n == 2;
        }
        for (int d = 3; d * d <= n; d += 2) {
            if (n % d == 0) {
                return false;
            }
        }
        return true;
    }

    /** Renders frames {@code [from, to)}. Audio thread, active; never allocates. */
    @Override
    public void render(AudioBlock block, int from, int to) {
        int channels = block.channelCount();
        float[] left = block.channel(0);
        float[] right = channels > 1 ? block.channel(1) : left;
        for (int n = from; n < to; n++) {
            if (preDelay != targetPreDelay) {
                preDelay += (targetPreDelay - preDelay) * glide;
                if (Math.abs(targetPreDelay - preDelay) < 1e-4) {
                    preDelay = targetPreDelay;
                }
            }
            for (int i = 0; i < LINES; i++) {
                double t = targetLength[i];
                if (length[i] != t) {
                    double l = length[i] + (t - length[i]) * glide;
                    length[i] = Math.abs(t - l) < 1e-4 ? t : l;
                }
            }
            for (int k = 0; k < MODULATED.length; k++) {
                double c = modCos[k] * stepCos[k] - modSin[k] * stepSin[k];
                double s = modSin[k] * stepCos[k] + modCos[k] * stepSin[k];
                double g = 1.5 - 0.5 * (c * c + s * s);
                modCos[k] = c * g;
                modSin[k] = s * g;
            }
            double xl = left[n];
            double xr = right[n];
            preL.write(xl);
            preR.write(xr);
            double dl = diffuse(allpassL, diffuserL, preL.read(preDelay + 1));
            double dr = diffuse(allpassR, diffuserR, preR.read(preDelay + 1));

            for (int k = 0; k < MODULATED.length; k++) {
                previous[k] = state[MODULATED[k]];
            }
            for (int i = 0; i < LINES; i++) {
                double s = lines[i].read(length[i]);
                state[i] = DelayLine.flush(b0[i] * s + a1[i] * state[i]);
            }
            for (int k = 0; k < MODULATED.length; k++) {
                // Thiran first-order allpass interpolation: flat magnitude, so modulation costs no decay.
                int i = MODULATED[k];
                double delay = length[i] + modDepth * modSin[k];
                int whole = (int) (delay - 0.5);
                double fraction = delay - whole;
                double a = (1 - fraction) / (1 + fraction);
                double s = a * lines[i].read(whole) + lines[i].read(whole + 1) - a * allpass[k];
                allpass[k] = DelayLine.flush(s);
                state[i] = DelayLine.flush(b0[i] * s + a1[i] * previous[k]);
            }
            double yl = 0;
            double yr = 0;
            for (int i = 0; i < LINES; i++) {
                yl += signL[i] * state[i];
                yr += signR[i] * state[i];
                work[i] = state[i];
            }
            hadamard(work);
            double inL = 0.25 * dl;
            double inR = 0.25 * dr;
            for (int i = 0; i < LINES; i++) {
                lines[i].write(work[i] + signL[i] * inL + signR[i] * inR);
            }
            yl = 0.25 * yl + 0.5 * dl;
            yr = 0.25 * yr + 0.5 * dr;
            double w = width.next();
            double wet = mix.next();
            double mid = 0.5 * (yl + yr);
            double side = 0.5 * (yl - yr) * w;
            if (channels > 1) {
                left[n] = (float) ((1 - wet) * xl + wet * (mid + side));
                right[n] = (float) ((1 - wet) * xr + wet * (mid - side));
            } else {
                left[n] = (float) ((1 - wet) * xl + wet * mid);
            }
        }
    }

    /** Four Schroeder allpasses in series: {@code v = x + g v[n-M]}, {@code y = -g v + v[n-M]}. */
    private static double diffuse(DelayLine[] allpasses, int[] delays, double x) {
        double y = x;
        for (int k = 0; k < allpasses.length; k++) {
            double g = DIFFUSER_GAIN[k];
            double delayed = allpasses[k].read(delays[k]);
            double v = y + g * delayed;
            allpasses[k].write(v);
            y = delayed - g * v;
        }
        return y;
    }

    /** In-place fast Walsh-Hadamard transform of 16 values, scaled by 1/4 so that it is orthonormal. */
    private static void hadamard(double[] x) {
        for (int h = 1; h < LINES; h <<= 1) {
            for (int i = 0; i < LINES; i += h << 1) {
                for (int j = i; j < i + h; j++) {
                    double a = x[j];
                    double b = x[j + h];
                    x[j] = a + b;
                    x[j + h] = a - b;
                }
            }
        }
        for (int i = 0; i < LINES; i++) {
            x[i] *= 0.25;
        }
    }

    /** Pre-delay plus the longest line plus the time the set decay takes to fall 90 dB (1.5 x RT60). Main thread. */
    @Override
    public int tailFrames() {
        double longest = 0;
        for (int i = 0; i < LINES; i++) {
            longest = Math.max(longest, Math.max(length[i], targetLength[i]));
        }
        double diffusion = 0;
        for (int k = 0; k < diffuserL.length; k++) {
            diffusion += Math.max(diffuserL[k], diffuserR[k]);
        }
        double frames = Math.max(preDelay, targetPreDelay) + longest + modDepth + diffusion
                + 1.5 * bank.get(ReverbFactory.DECAY) * sampleRate;
        return (int) Math.min(Integer.MAX_VALUE, Math.ceil(frames));
    }

    /** The parameter values by id. Main thread. */
    @Override
    public ProcessorState saveState() {
        return bank.save();
    }

    /** Restores parameter values without smoothing. Main thread, inactive. */
    @Override
    public void restoreState(ProcessorState state) {
        bank.restore(state);
        update(true);
    }
}
