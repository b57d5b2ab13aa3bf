package org.mixbench.audio.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import org.mixbench.api.audio.AudioFileInfo;
import org.mixbench.api.audio.AudioFiles;
import org.mixbench.api.audio.AudioReader;
import org.mixbench.api.export.ExportFormat;
import org.mixbench.api.processor.AudioBlock;
import org.mixbench.convert.ClipReport;
import org.mixbench.convert.DitherType;
import org.mixbench.convert.Ditherer;
import org.mixbench.convert.SampleRateConverter;

/**
 * Converts one file into another: read (any importer) → sample-rate conversion when the rate changes → word-length
 * reduction with dither for integer outputs → write (any exporter, atomically). Clipping is never silent: every
 * sample that had to be clamped is counted, with the first position and the peak. Thread: the calling thread.
 */
final class Conversion {
    private static final int INPUT_CHUNK = 1024;

    /**
     * What to write.
     *
     * @param format          exporter format id
     * @param rate            output sample rate (the input's to keep it)
     * @param bits            output word length for integer formats (16, 24, 32), or 0 for 32-bit float
     * @param dither          dither type when reducing to {@code bits}
     * @param exporterOptions options handed to the exporter
     * @param tags            tags to write
     */
    record Plan(String format, int rate, int bits, DitherType dither, Map<String, String> exporterOptions,
            Map<String, String> tags) {
    }

    /**
     * What happened.
     *
     * @param input       what the input held
     * @param framesOut   frames written
     * @param clips       clipping while quantising (or above full scale for float output)
     */
    record Result(AudioFileInfo input, long framesOut, ClipReport clips) {
    }

    /** Told about progress, about twice a second. */
    @FunctionalInterface
    interface Progress {
        /** {@code total} is -1 when the input's length is unknown. */
        void update(long framesDone, long total);
    }

    private Conversion() {
    }

    /** Whether an input is floating point, judged from its encoding. */
    static boolean isFloat(AudioFileInfo info) {
        return info.encoding().toLowerCase(Locale.ROOT).contains("float");
    }

    static Result run(AudioFiles files, Path input, Path output, Plan plan, Progress progress) throws IOException {
        try (AudioReader reader = files.open(input)) {
            AudioFileInfo info = reader.info();
            int channels = info.channels();
            int inRate = (int) Math.round(info.sampleRate());
            SampleRateConverter src = inRate == plan.rate() ? null
                    : new SampleRateConverter(inRate, plan.rate(), channels, INPUT_CHUNK);
            Ditherer ditherer = plan.bits() > 0 && plan.bits() <= 24
                    ? new Ditherer(channels, plan.bits(), plan.dither()) : null;
            float[][] in = new float[channels][INPUT_CHUNK];
            long[] written = {0};
            long[] read = {0};
            double[] peak = {0};
            long[] over = {0, -1};
            boolean[] flushing = {false};
            long[] lastReport = {System.nanoTime()};
            files.export(output, plan.format(), new ExportFormat(plan.rate(), channels, -1), plan.exporterOptions(),
                    plan.tags(), block -> {
                        int produced = 0;
                        while (produced == 0) {
                            if (src == null) {
                                int n = reader.read(blockChannels(block), 0, Math.min(block.maxFrames(), 8192));
                                if (n < 0) {
                                    return false;
                                }
                                read[0] += n;
                                produced = n;
                                if (n == 0) {
                                    continue;
                                }
                            } else if (!flushing[0]) {
                                int n = reader.read(in, 0, INPUT_CHUNK);
                                if (n < 0) {
                                    flushing[0] = true;
                                    continue;
                                }
                                read[0] += n;
                                produced = src.process(in, 0, n, blockChannels(block), 0);
                            } else {
                                produced = src.flush(blockChannels(block), 0);
                                if (produced == 0) {
                                    return false;
                                }
                            }
                        }
                        block.setFrames(produced);
                        if (ditherer != null) {
                            ditherer.process(blockChannels(block), 0, produced);
                        } else {
                            countOverFullScale(block, produced, written[0], peak, over, plan.bits() == 32);
                        }
                        written[0] += produced;
                        long now = System.nanoTime();
                        if (progress != null && now - lastReport[0] > 500_000_000L) {
                            lastReport[0] = now;
                            progress.update(read[0], info.frames());
                        }
                        return true;
                    });
            if (progress != null) {
                progress.update(read[0], info.frames());
            }
            ClipReport clips = ditherer != null ? ditherer.clipReport() : new ClipReport(over[0], over[1], peak[0]);
            return new Result(info, written[0], clips);
        }
    }

    private static float[][] blockChannels(AudioBlock block) {
        float[][] channels = new float[block.channelCount()][];
        for (int c = 0; c < channels.length; c++) {
            channels[c] = block.channel(c);
        }
        return channels;
    }

    /** For outputs without a ditherer: counts samples at or beyond full scale (clamped for 32-bit integer). */
    private static void countOverFullScale(AudioBlock block, int frames, long position, double[] peak, long[] over,
            boolean clamp) {
        for (int c = 0; c < block.channelCount(); c++) {
            float[] x = block.channel(c);
            for (int i = 0; i < frames; i++) {
                double a = Math.abs(x[i]);
                if (a > peak[0]) {
                    peak[0] = a;
                }
                if (a > 1.0 || (clamp && x[i] >= 1.0)) {
                    over[0]++;
                    if (over[1] < 0 || position + i < over[1]) {
                        over[1] = position + i;
                    }
                }
            }
        }
    }
}
