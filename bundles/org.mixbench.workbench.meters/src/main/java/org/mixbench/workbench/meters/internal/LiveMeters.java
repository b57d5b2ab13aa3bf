package org.mixbench.workbench.meters.internal;

import org.mixbench.analysis.loudness.LoudnessMeter;
import org.mixbench.analysis.loudness.LoudnessSnapshot;
import org.mixbench.analysis.loudness.TruePeakMeter;
import org.mixbench.analysis.spectrum.SpectrumAnalyzer;
import org.mixbench.analysis.spectrum.SpectrumSettings;
import org.mixbench.analysis.spectrum.SpectrumSnapshot;
import org.mixbench.analysis.spectrum.StereoAnalyzer;
import org.mixbench.analysis.spectrum.StereoSettings;
import org.mixbench.analysis.spectrum.StereoSnapshot;
import org.mixbench.api.analysis.AnalysisSpec;
import org.mixbench.api.monitor.MonitorListener;
import org.mixbench.api.processor.AudioBlock;

/**
 * Meters what is played: for each programme on the monitor bus, the loudness meter (momentary, short-term, integrated,
 * loudness range), the true-peak meter, the spectrum analyzer and the stereo analyzer of the analysis bundles, the
 * same measurement code as "Analyze file...", fed block by block; the readings go to the {@link MeterFeed} at most
 * {@value #PUBLISH_PER_SECOND} times a second of wall time and once more when the programme stops, captioned
 * "playing NAME" and then "NAME (stopped)".
 *
 * <p>The live spectrum is the analyzer's exponential average ({@value #SPECTRUM_SECONDS} s time constant, so it
 * follows the music) with a peak hold falling {@value #PEAK_FALL_DB_PER_SECOND} dB/s; the correlation meter is the
 * running 300 ms correlation, with the correlation over the whole programme beside it; the short-term history keeps
 * the last {@value #HISTORY_SECONDS} s.
 *
 * <p>Threads: {@code started}, {@code block} and {@code stopped} run on the bus's monitor thread, which owns the
 * meters; {@link #close} may come from any thread (the bus going away) and marks the readings stopped.
 */
final class LiveMeters implements MonitorListener {
    static final int PUBLISH_PER_SECOND = 30;
    static final double SPECTRUM_SECONDS = 1.0;
    static final double PEAK_FALL_DB_PER_SECOND = 10;
    static final int HISTORY_SECONDS = 60;
    static final double HISTORY_HOP = 0.1;
    private static final int CHUNK = 4096;
    private static final long PUBLISH_NANOS = 1_000_000_000L / PUBLISH_PER_SECOND;
    private static final int HISTORY = (int) Math.round(HISTORY_SECONDS / HISTORY_HOP);

    private final MeterFeed feed;

    // Monitor thread.
    private LoudnessMeter loudness;
    private TruePeakMeter peaks;
    private SpectrumAnalyzer spectrum;
    private StereoAnalyzer stereo;
    private AudioBlock work;
    private double sampleRate;
    private final double[] history = new double[HISTORY];
    private long historyCount;
    private long lastPublish;

    // Guarded by this: what the feed shows, so that close() can mark it stopped.
    private String source;
    private boolean playing;
    private boolean closed;
    private Readings.Loudness lastLoudness = Readings.Loudness.EMPTY;
    private Readings.Spectrum lastSpectrum = Readings.Spectrum.EMPTY;
    private Readings.Stereo lastStereo = Readings.Stereo.EMPTY;

    LiveMeters(MeterFeed feed) {
        this.feed = feed;
    }

    @Override
    public void started(String name, double rate, int channels) {
        sampleRate = rate;
        historyCount = 0;
        String problem = null;
        try {
            AnalysisSpec spec = new AnalysisSpec(rate, channels, CHUNK);
            loudness = new LoudnessMeter(rate, channels);
            loudness.setHistoryListener(HISTORY_HOP, (index, m, s) -> history[(int) (historyCount++ % HISTORY)] = s);
            peaks = new TruePeakMeter(rate, channels);
            spectrum = new SpectrumAnalyzer(spec, SpectrumSettings.defaults().withOverlap(0.75)
                    .withExponentialSeconds(SPECTRUM_SECONDS).withPeakDecayDbPerSecond(PEAK_FALL_DB_PER_SECOND)
                    .withSpectrogramRows(0));
            stereo = new StereoAnalyzer(spec, StereoSettings.defaults());
            work = new AudioBlock(channels, CHUNK, 0);
        } catch (IllegalArgumentException e) { // a rate or layout the meters do not measure
            discard();
            problem = e.getMessage();
        }
        synchronized (this) {
            source = name;
            playing = true;
            lastLoudness = Readings.Loudness.EMPTY;
            lastSpectrum = Readings.Spectrum.EMPTY;
            lastStereo = Readings.Stereo.EMPTY;
            publishLocked(problem == null ? "playing " + name : "playing " + name + " (not metered: " + problem + ")");
        }
        lastPublish = System.nanoTime();
    }

    @Override
    public void block(float[][] block, int frames) {
        if (loudness == null) {
            return;
        }
        int channels = work.channelCount();
        for (int offset = 0; offset < frames; offset += CHUNK) {
            int n = Math.min(CHUNK, frames - offset);
            for (int c = 0; c < channels; c++) {
                System.arraycopy(block[c], offset, work.channel(c), 0, n);
            }
            work.setFrames(n);
            loudness.process(work);
            peaks.process(work);
            spectrum.process(work);
            stereo.process(work);
        }
        long now = System.nanoTime();
        if (now - lastPublish >= PUBLISH_NANOS) {
            lastPublish = now;
            takeReadings();
            synchronized (this) {
                if (playing) {
                    publishLocked("playing " + source);
                }
            }
        }
    }

    @Override
    public void stopped() {
        if (loudness != null) {
            peaks.finish();
            takeReadings();
        }
        discard();
        markStopped();
    }

    /** Reads the meters (outside the lock) and keeps the readings as the latest. Monitor thread. */
    private void takeReadings() {
        Readings.Loudness l = loudnessReading();
        Readings.Spectrum s = spectrumReading();
        Readings.Stereo st = stereoReading();
        synchronized (this) {
            lastLoudness = l;
            lastSpectrum = s;
            lastStereo = st;
        }
    }

    /** The bus is gone (or the views): what the feed shows is marked stopped and nothing more is published. Any thread. */
    synchronized void close() {
        markStopped();
        closed = true;
    }

    private synchronized void markStopped() {
        if (playing) {
            playing = false;
            publishLocked(source + " (stopped)");
        }
    }

    private void publishLocked(String caption) {
        if (!closed) {
            feed.publishLive(caption, lastLoudness, lastSpectrum, lastStereo);
        }
    }

    private void discard() {
        loudness = null;
        peaks = null;
        spectrum = null;
        stereo = null;
        work = null;
    }

    private Readings.Loudness loudnessReading() {
        LoudnessSnapshot l = loudness.snapshot();
        int n = (int) Math.min(historyCount, HISTORY);
        double[] h = new double[n];
        long first = historyCount - n;
        for (int i = 0; i < n; i++) {
            h[i] = history[(int) ((first + i) % HISTORY)];
        }
        return new Readings.Loudness(l.momentaryLufs(), l.shortTermLufs(), l.integratedLufs(), l.loudnessRangeLu(),
                peaks.snapshot().truePeakMaxDbtp(), h, HISTORY_HOP, l.durationSeconds());
    }

    private Readings.Spectrum spectrumReading() {
        SpectrumSnapshot s = spectrum.snapshot();
        return new Readings.Spectrum(sampleRate, floats(s.exponentialDbfs()[0]), floats(s.peakHoldDbfs()[0]));
    }

    private Readings.Stereo stereoReading() {
        StereoSnapshot st = stereo.snapshot();
        return new Readings.Stereo(st.runningCorrelation(), st.correlation(), st.goniometerSide(),
                st.goniometerMid());
    }

    private static float[] floats(double[] x) {
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = (float) x[i];
        }
        return y;
    }
}
