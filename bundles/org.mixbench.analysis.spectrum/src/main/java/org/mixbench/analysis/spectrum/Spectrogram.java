package org.mixbench.analysis.spectrum;

import java.util.Arrays;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The latest frames of one spectrum, oldest first, for a spectrogram view. Frame {@code r} covers the samples
 * {@code [r * hop, r * hop + fftSize)} counted from the analyzer's last reset. Immutable (the rows are copied in and
 * out); any thread.
 *
 * @param sampleRate the sample rate, Hz
 * @param fftSize    points per frame
 * @param hop        samples between the starts of two frames
 * @param firstFrame the frame number of {@code rowsDbfs[0]}
 * @param rowsDbfs   per frame, the level of each bin in dBFS (sine scale; negative infinity for zero power)
 */
@ProviderType
public record Spectrogram(double sampleRate, int fftSize, int hop, long firstFrame, float[][] rowsDbfs) {
    /** Copies the rows. */
    public Spectrogram {
        rowsDbfs = copy(rowsDbfs);
    }

    /** A copy of the rows. Any thread. */
    @Override
    public float[][] rowsDbfs() {
        return copy(rowsDbfs);
    }

    /** Number of rows held. Any thread. */
    public int rows() {
        return rowsDbfs.length;
    }

    /** The level of bin {@code bin} in row {@code row}, without copying. Any thread. */
    public float dbfs(int row, int bin) {
        return rowsDbfs[row][bin];
    }

    /** The time in seconds, from the last reset, of the centre of row {@code row}. Any thread. */
    public double centreSeconds(int row) {
        return ((firstFrame + row) * (double) hop + fftSize / 2.0) / sampleRate;
    }

    /** Equal when every component is, arrays compared by content. Any thread. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Spectrogram s && s.sampleRate == sampleRate && s.fftSize == fftSize && s.hop == hop
                && s.firstFrame == firstFrame && Arrays.deepEquals(s.rowsDbfs, rowsDbfs);
    }

    /** A hash consistent with {@link #equals}. Any thread. */
    @Override
    public int hashCode() {
        return Long.hashCode(firstFrame) * 31 + Arrays.deepHashCode(rowsDbfs);
    }

    /** A short description for logs and test messages. Any thread. */
    @Override
    public String toString() {
        return "Spectrogram[" + rowsDbfs.length + " rows from frame " + firstFrame + ", " + fftSize + " points, hop "
                + hop + "]";
    }

    private static float[][] copy(float[][] rows) {
        float[][] c = new float[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            c[i] = rows[i].clone();
        }
        return c;
    }
}
