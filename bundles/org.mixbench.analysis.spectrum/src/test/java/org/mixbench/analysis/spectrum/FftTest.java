package org.mixbench.analysis.spectrum;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class FftTest {

    @Test
    void powerIsTheSquaredMagnitudeOfTheDiscreteFourierTransform() {
        for (int n : new int[] {1024, 2048}) {
            SplittableRandom random = new SplittableRandom(n);
            double[] x = new double[n];
            for (int t = 0; t < n; t++) {
                x[t] = random.nextDouble() * 2 - 1;
            }
            double[] frame = x.clone();
            double[] power = new double[n / 2 + 1];
            new Fft(n).power(frame, power);
            for (int k = 0; k <= n / 2; k++) {
                double re = 0;
                double im = 0;
                for (int t = 0; t < n; t++) {
                    double angle = -2 * Math.PI * (long) k * t / n;
                    re += x[t] * Math.cos(angle);
                    im += x[t] * Math.sin(angle);
                }
                assertEquals(re * re + im * im, power[k], 1e-9 * n, "bin " + k + " of " + n);
            }
        }
    }
}
