package org.mixbench.processors.limiter;

import java.util.List;

import org.mixbench.api.contribution.Descriptor;
import org.mixbench.api.processor.ParameterDescriptor;
import org.mixbench.api.processor.Processor;
import org.mixbench.api.processor.ProcessorFactory;
import org.mixbench.dsp.AbstractProcessorFactory;
import org.osgi.service.component.annotations.Component;

/**
 * Contributes the mastering true-peak limiter: the last stage of a master, which raises the level by {@code gain}
 * and keeps every true peak at or below {@code ceiling}.
 *
 * <p><b>Algorithm.</b> The input is multiplied by the gain (moved over 20 ms, linearly in dB, when it changes). Each
 * channel's peak is detected on oversampled audio (below). The reduction each frame needs, {@code 20 log10(peak /
 * target)} dB where it is positive, is linked across channels by {@code link} (100 %: every channel takes the largest,
 * so the image does not move; 0 %: each its own; between: a mix, never less than the channel's own need). A release
 * stage follows, in dB: any larger reduction is taken at once, a smaller one is approached exponentially with the
 * release time as time constant. With {@code auto_release} on, the release is program-dependent: a fast stage
 * recovers with half the release time, and a slow stage charges towards the needed reduction with three times the
 * release time as its time constant and recovers with five times it; the larger of the two applies, so an isolated
 * transient (which barely charges the slow stage) recovers quickly, while sustained limiting builds a steady floor
 * that recovers slowly, without the pumping and distortion of a fast release on a dense signal. The resulting gain
 * goes through a minimum hold and then two moving averages of 1 ms each (a smooth, S-shaped 2 ms attack). The hold
 * spans the two averages plus {@value LimiterProcessor#HOLD_MARGIN} frames on either side, so the gain applied to
 * every frame within {@value LimiterProcessor#HOLD_MARGIN} frames of a peak is at or below what that peak needs: the
 * gain reaches the reduction smoothly before the peak and stays flat across a true-peak meter's whole interpolation
 * window around it. The hold lasts 10 ms longer, which holds each reduction 10 ms after its peak before the release
 * begins: a steady tone from 50 Hz up then sees one constant gain, not a release between its crests (a 1 kHz or 50
 * Hz sine reduced by 6 dB comes out with THD+N under -140 dB, a 997 Hz one under -110 dB). No stage can raise the
 * gain above the need.
 *
 * <p><b>Look-ahead and latency.</b> The audio is delayed by the detector's 24 frames, the averages' {@code 2 W - 2}
 * frames ({@code W = round(fs / 1000)}) and the {@value LimiterProcessor#HOLD_MARGIN}-frame margin:
 * {@code latencyFrames() = 38 + 2 round(fs / 1000)}, 134 frames (2.79 ms) at 48 kHz, 126 frames (2.86 ms) at 44.1
 * kHz, 230 frames (2.40 ms) at 96 kHz; constant from {@code prepare} on. When no reduction is needed the output is
 * the input times the gain, delayed; at 0 dB gain bit for bit.
 *
 * <p><b>Oversampling.</b> Peaks are detected at 4 times the rate below 96 kHz and at 2 times from there up (BS.1770-4
 * meters oversample by 2 from 88.2 or 96 kHz and not at all from 176.4 or 192 kHz, where the limiter still looks
 * between the samples). Each in-between point is interpolated three ways and the largest value counts: a long,
 * near-ideal Kaiser-windowed sinc (48 samples per phase), one like Mixbench's meter's (Kaiser, 32 samples per phase)
 * and a short Hann-windowed sinc like libebur128's (12 samples per phase at 4 times, 24 at 2 times). Meters with short
 * interpolators let images through and read signals with content near the Nyquist frequency up to several tenths of
 * a dB above their band-limited peak; taking the largest of the three keeps each of these meters under the ceiling.
 *
 * <p><b>Safety margin.</b> The limiter aims {@value LimiterProcessor#SAFETY_DB} dB under the ceiling, for meters whose
 * interpolators differ a little from the three above and for rounding (without it the two meters read up to 0.00002
 * dB over). The tests drive pink noise, a drum loop, square waves, a sine sweep and a clipped master 12 and 18 dB into
 * a -1 dBTP ceiling: neither Mixbench's true-peak meter nor libebur128 reads any output above -1.05 dBTP. Last, each
 * output sample is clamped to the ceiling (as a float), so the sample peak can never exceed it; with the detector
 * working this clamp never acts, which the tests also check.
 *
 * <p><b>Ceiling changes</b> apply to audio that arrives from the change on (what is already in the look-ahead leaves
 * as it was limited); the envelope makes the gain follow smoothly. Release, auto release and link take effect at
 * once; the envelope smooths them too.
 *
 * <p>Parameters, by stable id: {@code gain} (dB, -40..+40, default 0), {@code ceiling} (dBTP, -12..0, default -1),
 * {@code release} (ms, 1..1000, default 100), {@code auto_release} (switch, default on), {@code link} (%, 0..100,
 * default 100). Any channel count. The processor implements {@link org.mixbench.api.processor.GainReductionMeters}
 * with one meter, "Limiter": the largest reduction applied to any channel during the last block, in dB.
 *
 * <p>Stateless; any thread.
 */
@Component(service = ProcessorFactory.class, property = {
    "id=" + LimiterFactory.ID, "name=True-Peak Limiter", "category=Mastering", "vendor=Mixbench",
    "version=1.0.0"})
public final class LimiterFactory extends AbstractProcessorFactory {
    /** Stable id. */
    public static final String ID = "mixbench.limiter";
    static final int GAIN = 0;
    static final int CEILING = 1;
    static final int RELEASE = 2;
    static final int AUTO_RELEASE = 3;
    static final int LINK = 4;

    private static final Descriptor DESCRIPTOR = new Descriptor(ID, "True-Peak Limiter", "Mastering", "Mixbench",
            "1.0.0");
    private static final List<ParameterDescriptor> PARAMETERS = List.of(
            ParameterDescriptor.linear("gain", "Gain", "dB", -40, 40, 0, 1),
            ParameterDescriptor.linear("ceiling", "Ceiling", "dBTP", -12, 0, -1, 1),
            ParameterDescriptor.logarithmic("release", "Release", "ms", 1, 1000, 100, 0),
            ParameterDescriptor.toggle("auto_release", "Auto release", true),
            ParameterDescriptor.linear("link", "Stereo link", "%", 0, 100, 100, 0));

    /** Used by DS. */
    public LimiterFactory() {
        super(DESCRIPTOR, PARAMETERS);
    }

    @Override
    public Processor create() {
        return new LimiterProcessor(PARAMETERS);
    }
}
