package org.mixbench.analysis.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.mixbench.analysis.AnalysisPlots;
import org.mixbench.analysis.FileAnalysis;

/** The two PNG plots of {@code analyze --plot DIR}: loudness history and long-term spectrum of one file. */
final class Plots {
    private Plots() {
    }

    /**
     * Writes the loudness plot of {@code a} to {@code loudness} and its spectrum to {@code spectrum}, each atomically;
     * the caller names them and checks them first (AnalyzeCommand's plan). Command thread.
     */
    static void write(FileAnalysis a, Path loudness, Path spectrum) throws IOException {
        List<AnalysisPlots.Series> one = List.of(new AnalysisPlots.Series(a.file(), a));
        AnalysisPlots.save(AnalysisPlots.loudness(a.file() + "   loudness (LUFS) over time", one), loudness);
        AnalysisPlots.save(AnalysisPlots.spectrum(a.file() + "   long-term average spectrum (dBFS, a full-scale sine "
                + "reads 0)", one), spectrum);
    }
}
