package org.mixbench.benchmarks;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.mixbench.api.audio.AudioReader;
import org.mixbench.api.audio.ImporterFactory;
import org.mixbench.api.export.ExportFormat;
import org.mixbench.api.export.ExportWriter;
import org.mixbench.api.export.ExporterFactory;
import org.mixbench.api.processor.AudioBlock;
import org.mixbench.convert.SampleRateConverter;
import org.mixbench.format.flac.FlacExporterFactory;
import org.mixbench.format.flac.FlacImporterFactory;
import org.mixbench.format.mp3.Mp3ExporterFactory;
import org.mixbench.format.wav.WavExporterFactory;
import org.mixbench.format.wav.WavImporterFactory;

/**
 * Reading, writing, encoding, decoding and resampling a long stereo file with Mixbench's format bundles and with the
 * tools a user would pick instead, side by side in one run, one core each, best of three; prints multiples of real
 * time and the ratio. Also measures the sample-rate converters' quality (passband error at 19 kHz and 20 kHz, alias
 * rejection of tones above the new Nyquist frequency) for Mixbench and for {@code sox rate -v}.
 */
public final class AudioFilesVersusTools {
    private static final int RATE = 48_000;
    private static final int CHUNK = 8192;

    private AudioFilesVersusTools() {
    }

    /** One comparison. */
    private record Row(String task, double ours, String tool, double theirs) {
    }

    public static void main(String[] args) throws Exception {
        double minutes = args.length > 0 ? Double.parseDouble(args[0]) : 10;
        double seconds = minutes * 60;
        Path dir = Files.createDirectories(Paths.get("target", "audio-bench"));
        Path wav24 = dir.resolve("in24.wav");
        Path wav16 = dir.resolve("in16_44k.wav");
        Path flac = dir.resolve("in.flac");
        System.out.printf(Locale.ROOT, "Preparing %.0f s of 48 kHz stereo 24-bit music-like audio with sox...%n",
                seconds);
        Timing.run("sox", "-n", "-r", "48000", "-c", "2", "-b", "24", wav24.toString(), "synth", String.valueOf(seconds),
                "pinknoise", "synth", "sine", "amod", "110", "synth", "sine", "amod", "0.5", "tremolo", "4", "40",
                "gain", "-6");
        Timing.run("sox", "-D", wav24.toString(), "-r", "44100", "-b", "16", wav16.toString(), "rate", "-v");
        Timing.run("flac", "-s", "-f", "-5", wav24.toString(), "-o", flac.toString());
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("WAV read (24-bit)", Timing.bestOfThree(() -> readAll(new WavImporterFactory(), wav24)),
                "sox in.wav -t null", Timing.bestOfThree(() -> Timing.run("sox", wav24.toString(), "-t", "null", "/dev/null"))));
        rows.add(new Row("WAV write (24 to 16-bit)", Timing.bestOfThree(() -> transcode(wav24, dir.resolve("o16.wav"),
                new WavExporterFactory(), Map.of("bits", "16"), 0)),
                "sox -D in.wav -b 16 out.wav", Timing.bestOfThree(() -> Timing.run("sox", "-D", wav24.toString(), "-b", "16",
                        dir.resolve("s16.wav").toString()))));
        rows.add(new Row("FLAC encode (level 5)", Timing.bestOfThree(() -> transcode(wav24, dir.resolve("o.flac"),
                new FlacExporterFactory(), Map.of("bits", "24", "compression", "5"), 0)),
                "flac -5", Timing.bestOfThree(() -> Timing.run("flac", "-s", "-f", "-5", wav24.toString(), "-o",
                        dir.resolve("t.flac").toString()))));
        rows.add(new Row("FLAC decode", Timing.bestOfThree(() -> readAll(new FlacImporterFactory(), flac)),
                "flac -d -c > /dev/null", Timing.bestOfThree(() -> Timing.run("flac", "-s", "-d", "-c", flac.toString()))));
        rows.add(new Row("MP3 encode (CBR 320, -q 2)", Timing.bestOfThree(() -> transcode(wav16, dir.resolve("o.mp3"),
                new Mp3ExporterFactory(), Map.of("bitrate", "320"), 0)),
                "lame -b 320 -q 2", Timing.bestOfThree(() -> Timing.run("lame", "--silent", "-b", "320", "-q", "2", wav16.toString(),
                        dir.resolve("t.mp3").toString()))));
        rows.add(new Row("SRC 48 to 44.1 kHz (24-bit files)", Timing.bestOfThree(() -> transcode(wav24, dir.resolve("o44.wav"),
                new WavExporterFactory(), Map.of("bits", "24"), 44_100)),
                "sox rate -v 44100", Timing.bestOfThree(() -> Timing.run("sox", "-D", wav24.toString(), "-b", "24",
                        dir.resolve("s44.wav").toString(), "rate", "-v", "44100"))));
        rows.add(new Row("SRC 48 to 44.1 kHz (ffmpeg soxr)", rows.get(rows.size() - 1).ours(),
                "ffmpeg aresample=soxr", Timing.bestOfThree(() -> Timing.run("ffmpeg", "-v", "error", "-y", "-i", wav24.toString(),
                        "-af", "aresample=44100:resampler=soxr:precision=28", "-c:a", "pcm_s24le",
                        dir.resolve("f44.wav").toString()))));
        System.out.printf(Locale.ROOT, "%nAudio files on %.0f s of stereo (one core each, best of 3; x = multiples "
                + "of real time)%n", seconds);
        System.out.printf(Locale.ROOT, "%-34s %10s %9s   %-30s %10s %9s   %s%n", "task", "Mixbench", "x RT",
                "reference", "ref", "x RT", "Mixbench/ref");
        for (Row r : rows) {
            System.out.printf(Locale.ROOT, "%-34s %9.2fs %8.0fx   %-30s %9.2fs %8.0fx   %.2f%n", r.task(),
                    r.ours(), seconds / r.ours(), r.tool(), r.theirs(), seconds / r.theirs(), r.theirs() / r.ours());
        }
        srcQuality(dir);
    }

    private static long readAll(ImporterFactory importer, Path file) throws IOException {
        try (AudioReader reader = importer.open(file)) {
            float[][] buffers = new float[reader.info().channels()][CHUNK];
            long total = 0;
            int n;
            while ((n = reader.read(buffers, 0, CHUNK)) >= 0) {
                total += n;
            }
            return total;
        }
    }

    /** Reads {@code in}, resamples to {@code rate} when not 0, writes {@code out} with {@code exporter}. */
    private static long transcode(Path in, Path out, ExporterFactory exporter, Map<String, String> options, int rate)
            throws IOException {
        try (AudioReader reader = new WavImporterFactory().open(in)) {
            int channels = reader.info().channels();
            int inRate = (int) reader.info().sampleRate();
            int outRate = rate == 0 ? inRate : rate;
            SampleRateConverter src = outRate == inRate ? null
                    : new SampleRateConverter(inRate, outRate, channels, CHUNK);
            float[][] buffers = new float[channels][CHUNK];
            AudioBlock block = new AudioBlock(channels, src == null ? CHUNK : src.maxOutputFrames(CHUNK), 0);
            float[][] view = new float[channels][];
            for (int c = 0; c < channels; c++) {
                view[c] = block.channel(c);
            }
            long total = 0;
            try (ExportWriter writer = exporter.open(out, new ExportFormat(outRate, channels, -1), options,
                    Map.of())) {
                int n;
                while ((n = reader.read(src == null ? view : buffers, 0, CHUNK)) >= 0) {
                    int produced = src == null ? n : src.process(buffers, 0, n, view, 0);
                    block.setFrames(produced);
                    writer.write(block);
                    total += produced;
                }
                if (src != null) {
                    int produced;
                    while ((produced = src.flush(view, 0)) > 0) {
                        block.setFrames(produced);
                        writer.write(block);
                        total += produced;
                    }
                }
            }
            return total;
        }
    }

    private static void srcQuality(Path dir) throws Exception {
        System.out.printf(Locale.ROOT, "%nSample-rate conversion quality, 48 to 44.1 kHz (float files, -1 dBFS tones)%n");
        System.out.printf(Locale.ROOT, "%-30s %14s %14s %18s%n", "converter", "error @19 kHz", "error @20 kHz",
                "alias of 23.5 kHz");
        for (String converter : new String[] {"Mixbench", "sox rate -v"}) {
            double[] errors = new double[2];
            int k = 0;
            for (double f : new double[] {19_000, 20_000}) {
                errors[k++] = 20 * Math.log10(amplitude(converter, dir, f, f) / Math.pow(10, -1 / 20.0));
            }
            double alias = 20 * Math.log10(residual(converter, dir, 23_500) / Math.pow(10, -1 / 20.0));
            System.out.printf(Locale.ROOT, "%-30s %+13.5f dB %+13.5f dB %+17.1f dB%n", converter, errors[0], errors[1],
                    alias);
        }
    }

    private static float[] convertTone(String converter, Path dir, double frequency) throws Exception {
        int frames = RATE * 2;
        Path in = dir.resolve("tone.wav");
        float[][] tone = new float[1][frames];
        double amplitude = Math.pow(10, -1 / 20.0);
        for (int i = 0; i < frames; i++) {
            tone[0][i] = (float) (amplitude * Math.sin(2 * Math.PI * frequency * i / RATE));
        }
        try (ExportWriter w = new WavExporterFactory().open(in, new ExportFormat(RATE, 1, frames),
                Map.of("bits", "32f"), Map.of())) {
            AudioBlock block = new AudioBlock(tone, new org.mixbench.api.processor.ParameterEvents(0));
            w.write(block);
        }
        Path out = dir.resolve("tone44.wav");
        if (converter.equals("Mixbench")) {
            transcode(in, out, new WavExporterFactory(), Map.of("bits", "32f"), 44_100);
        } else {
            Timing.run("sox", in.toString(), "-e", "floating-point", "-b", "32", out.toString(), "rate", "-v", "44100");
        }
        try (AudioReader reader = new WavImporterFactory().open(out)) {
            float[][] all = new float[1][(int) reader.info().frames()];
            int pos = 0;
            int n;
            while (pos < all[0].length && (n = reader.read(all, pos, Math.min(CHUNK, all[0].length - pos))) > 0) {
                pos += n;
            }
            return all[0];
        }
    }

    /** Amplitude of the component at {@code fit} Hz (least squares over the steady middle) after conversion. */
    private static double amplitude(String converter, Path dir, double frequency, double fit) throws Exception {
        float[] y = convertTone(converter, dir, frequency);
        return fitAmplitude(y, fit, null);
    }

    /** RMS left after converting a tone that should vanish (above the output Nyquist), as a sine amplitude. */
    private static double residual(String converter, Path dir, double frequency) throws Exception {
        float[] y = convertTone(converter, dir, frequency);
        double sum = 0;
        int from = y.length / 4;
        int to = 3 * y.length / 4;
        for (int i = from; i < to; i++) {
            sum += (double) y[i] * y[i];
        }
        return Math.sqrt(2 * sum / (to - from));
    }

    private static double fitAmplitude(float[] y, double frequency, double[] unused) {
        int from = y.length / 4;
        int to = 3 * y.length / 4;
        double ss = 0;
        double cc = 0;
        double sc = 0;
        double ys = 0;
        double yc = 0;
        for (int i = from; i < to; i++) {
            double s = Math.sin(2 * Math.PI * frequency * i / 44_100);
            double c = Math.cos(2 * Math.PI * frequency * i / 44_100);
            ss += s * s;
            cc += c * c;
            sc += s * c;
            ys += y[i] * s;
            yc += y[i] * c;
        }
        double det = ss * cc - sc * sc;
        double a = (ys * cc - yc * sc) / det;
        double b = (yc * ss - ys * sc) / det;
        return Math.hypot(a, b);
    }

    @SuppressWarnings("unused")
    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }
}
