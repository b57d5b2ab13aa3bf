package org.mixbench.dsp;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class RealFftTest {
    @Test
    void forwardMatchesTheDefiningSumWithinOnePartInTenToTheTwelveForEverySizeFrom4To2048() {
        SplittableRandom random = new SplittableRandom(1);
        for (int size = 4; size <= 2048; size *= 2) {
            double[] x = new double[size];
            for (int i = 0; i < size; i++) {
                x[i] = random.nextDouble(-1, 1);
            }
            double[] data = x.clone();
            new RealFft(size).forward(data);
            double worst = 0;
            for (int k = 0; k <= size / 2; k++) {
                double sr = 0;
                double si = 0;
                for (int n = 0; n < size; n++) {
                    double angle = -2 * Math.PI * ((long) k * n % size) / size;
                    sr += x[n] * Math.cos(angle);
                    si += x[n] * Math.sin(angle);
                }
                double gotR;
                double gotI;
                if (k == 0) {
                    gotR = data[0];
                    gotI = 0;
                } else if (k == size / 2) {
                    gotR = data[1];
                    gotI = 0;
                } else {
                    gotR = data[2 * k];
                    gotI = data[2 * k + 1];
                }
                worst = Math.max(worst, Math.hypot(gotR - sr, gotI - si));
            }
            assertTrue(worst < 1e-12 * size, "size " + size + ": worst error " + worst);
        }
    }

    @Test
    void inverseUndoesForwardToRoundingForSizesUpTo65536() {
        SplittableRandom random = new SplittableRandom(2);
        for (int size = 4; size <= 65536; size *= 4) {
            double[] x = new double[size];
            for (int i = 0; i < size; i++) {
                x[i] = random.nextDouble(-1, 1);
            }
            double[] data = x.clone();
            RealFft fft = new RealFft(size);
            fft.forward(data);
            fft.inverse(data);
            double worst = 0;
            for (int i = 0; i < size; i++) {
                worst = Math.max(worst, Math.abs(data[i] - x[i]));
            }
            assertTrue(worst < 1e-13, "size " + size + ": worst error " + worst);
        }
    }

    @Test
    void rejectsASizeThatIsNotAPowerOfTwo() {
        assertThrows(IllegalArgumentException.class, () -> new RealFft(96));
        assertThrows(IllegalArgumentException.class, () -> new RealFft(2));
    }
}
