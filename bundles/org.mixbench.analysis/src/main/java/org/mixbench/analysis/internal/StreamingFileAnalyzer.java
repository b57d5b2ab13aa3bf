package org.mixbench.analysis.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.mixbench.analysis.FileAnalysis;
import org.mixbench.analysis.FileAnalyzer;
import org.mixbench.analysis.LiveReadings;
import org.mixbench.analysis.loudness.LoudnessMeter;
import org.mixbench.analysis.loudness.LoudnessSnapshot;
import org.mixbench.analysis.loudness.PeakSnapshot;
import org.mixbench.analysis.loudness.TruePeakMeter;
import org.mixbench.analysis.spectrum.SpectralPeak;
import org.mixbench.analysis.spectrum.SpectrumAnalyzer;
import org.mixbench.analysis.spectrum.SpectrumSettings;
import org.mixbench.analysis.spectrum.SpectrumSnapshot;
import org.mixbench.analysis.spectrum.StereoAnalyzer;
import org.mixbench.analysis.spectrum.StereoSettings;
import org.mixbench.analysis.spectrum.StereoSnapshot;
import org.mixbench.analysis.spectrum.Window;
import org.mixbench.api.analysis.AnalysisSpec;
import org.mixbench.api.audio.AudioFiles;
import org.mixbench.api.audio.AudioReader;
import org.mixbench.api.processor.AudioBlock;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Reads a file once, block by block, through the loudness meter, the true-peak meter, the long-term spectrum (a
 * 16384-point flat-top FFT, so that the peak levels read true to 0.01 dB) and the stereo analyzer. Memory is fixed
 * apart from the two loudness histories, whose length the caller chose with the hop.
 */
@Component(service = FileAnalyzer.class)
public final class StreamingFileAnalyzer implements FileAnalyzer {
    private static final int CHUNK = 4096;
    private static final int SPECTRUM_PEAKS = 10;
    private static final double PEAK_RANGE_DB = 60;
    private static final long LIVE_NANOS = 100_000_000L;

    @Reference
    private AudioFiles files;

    /** Used by DS. */
    public StreamingFileAnalyzer() {
    }

    /** For tests. */
    StreamingFileAnalyzer(AudioFiles files) {
        this.files = files;
    }

    /** An analyzer on {@code files}, outside DS (FileAnalyzers.streaming). */
    public static StreamingFileAnalyzer using(AudioFiles files) {
        return new StreamingFileAnalyzer(files);
    }

    /** A growable list of doubles (the histories). */
    private static final class Doubles {
        private double[] values = new double[1024];
        private int size;

        void add(double v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        double[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }

    @Override
    public FileAnalysis analyze(Path file, String name, double hopSeconds, Listener listener) throws IOException {
        try (AudioReader reader = files.open(file)) {
            double rate = reader.info().sampleRate();
            int channels = reader.info().channels();
            long total = reader.info().frames();
            LoudnessMeter loudness = new LoudnessMeter(rate, channels);
            Doubles momentary = new Doubles();
            Doubles shortTerm = new Doubles();
            loudness.setHistoryListener(hopSeconds, (index, m, s) -> {
                momentary.add(m);
                shortTerm.add(s);
            });
            TruePeakMeter peaks = new TruePeakMeter(rate, channels);
            AnalysisSpec spec = new AnalysisSpec(rate, channels, CHUNK);
            SpectrumAnalyzer spectrum = new SpectrumAnalyzer(spec, SpectrumSettings.defaults().withFftSize(16384)
                    .withWindow(Window.FLAT_TOP).withSpectrogramRows(0));
            StereoAnalyzer stereo = new StereoAnalyzer(spec, StereoSettings.defaults());
            AudioBlock block = new AudioBlock(channels, CHUNK, 0);
            float[][] view = new float[channels][];
            for (int c = 0; c < channels; c++) {
                view[c] = block.channel(c);
            }
            long done = 0;
            long lastLive = System.nanoTime();
            int n;
            while ((n = reader.read(view, 0, CHUNK)) >= 0) {
                block.setFrames(n);
                loudness.process(block);
                peaks.process(block);
                spectrum.process(block);
                stereo.process(block);
                done += n;
                if (listener != null && System.nanoTime() - lastLive > LIVE_NANOS) {
                    lastLive = System.nanoTime();
                    if (listener.cancelled()) {
                        throw new IOException("analysis cancelled");
                    }
                    listener.update(live(total > 0 ? done / (double) total : -1, rate, loudness.snapshot(),
                            peaks.snapshot(), spectrum.snapshot(), stereo.snapshot(), shortTerm, hopSeconds));
                }
            }
            peaks.finish();
            LoudnessSnapshot l = loudness.snapshot();
            PeakSnapshot p = peaks.snapshot();
            SpectrumSnapshot s = spectrum.snapshot();
            StereoSnapshot st = stereo.snapshot();
            if (listener != null) {
                listener.update(live(1, rate, l, p, s, st, shortTerm, hopSeconds));
            }
            List<FileAnalysis.SpectrumPeak> spectrumPeaks = new ArrayList<>();
            // Peaks within 60 dB of the strongest: below that lies the noise floor of the material (or of a codec).
            List<SpectralPeak> found = s.peaks(SPECTRUM_PEAKS);
            double floor = found.isEmpty() ? 0 : found.get(0).dbfs() - PEAK_RANGE_DB;
            for (SpectralPeak peak : found) {
                if (peak.dbfs() >= floor) {
                    spectrumPeaks.add(new FileAnalysis.SpectrumPeak(peak.frequencyHz(), peak.dbfs()));
                }
            }
            return new FileAnalysis(name, rate, channels, done, l.integratedLufs(), l.loudnessRangeLu(),
                    l.momentaryMaxLufs(), l.shortTermMaxLufs(), p.truePeakMaxDbtp(), p.samplePeakMaxDbfs(),
                    st.rmsDbfs(), channels == 2 ? st.correlation() : Double.NaN, hopSeconds, momentary.toArray(),
                    shortTerm.toArray(), spectrumPeaks, floats(s.averageDbfs(0)), s.binWidthHz());
        }
    }

    private static float[] floats(double[] x) {
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = (float) x[i];
        }
        return y;
    }

    private static LiveReadings live(double fraction, double rate, LoudnessSnapshot l, PeakSnapshot p,
            SpectrumSnapshot s, StereoSnapshot st, Doubles shortTerm, double hop) {
        double[][] peakHold = s.peakHoldDbfs();
        return new LiveReadings(fraction, l.durationSeconds(), rate, l.momentaryLufs(), l.shortTermLufs(),
                l.integratedLufs(), l.loudnessRangeLu(), p.truePeakMaxDbtp(), shortTerm.toArray(), hop,
                floats(s.averageDbfs(0)), peakHold.length > 0 ? floats(peakHold[0]) : new float[0],
                st.runningCorrelation(), st.correlation(), st.goniometerSide(), st.goniometerMid());
    }
}
