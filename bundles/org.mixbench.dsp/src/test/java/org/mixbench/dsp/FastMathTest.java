package org.mixbench.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

class FastMathTest {
    @Test
    void expIsWithinOnePartInABillionOfMathExpFromMinusSevenHundredToSevenHundred() {
        Random random = new Random(7);
        double worst = 0;
        for (int i = 0; i < 2_000_000; i++) {
            double x = -700 + 1400 * random.nextDouble();
            worst = Math.max(worst, Math.abs(FastMath.exp(x) / Math.exp(x) - 1));
        }
        for (double x : new double[] {0, 1, -1, 0.5 * Math.log(2), -0.5 * Math.log(2), 1e-12, -1e-12}) {
            worst = Math.max(worst, Math.abs(FastMath.exp(x) / Math.exp(x) - 1));
        }
        assertTrue(worst < 1e-9, "worst relative error " + worst);
        assertEquals(1.0, FastMath.exp(0), 0);
        assertEquals(0.0, FastMath.exp(-1e6), 1e-300);
        assertTrue(Double.isNaN(FastMath.exp(Double.NaN)));
    }

    @Test
    void tanhIsWithinABillionthOfMathTanhEverywhereAndOddAndBounded() {
        Random random = new Random(8);
        double worst = 0;
        for (int i = 0; i < 2_000_000; i++) {
            double x = (random.nextDouble() - 0.5) * (i % 2 == 0 ? 8 : 60);
            worst = Math.max(worst, Math.abs(FastMath.tanh(x) - Math.tanh(x)));
            assertEquals(-FastMath.tanh(x), FastMath.tanh(-x), 0);
        }
        for (double x : new double[] {0, 1e-9, 9.99e-5, 1.0001e-4, 0.4, 20, 20.0001, 1e300}) {
            worst = Math.max(worst, Math.abs(FastMath.tanh(x) - Math.tanh(x)));
            assertTrue(Math.abs(FastMath.tanh(x)) <= 1);
        }
        assertTrue(worst < 1e-9, "worst error " + worst);
    }

    @Test
    void exp2IsWithinOnePartInAHundredMillionOfMathPow() {
        Random random = new Random(9);
        double worst = 0;
        for (int i = 0; i < 2_000_000; i++) {
            double x = -70 + 80 * random.nextDouble();
            worst = Math.max(worst, Math.abs(FastMath.exp2(x) / Math.pow(2, x) - 1));
        }
        assertTrue(worst < 1e-8, "worst relative error " + worst);
        assertEquals(1.0, FastMath.exp2(0), 0);
        assertEquals(0.25, FastMath.exp2(-2), 0);
        assertTrue(Double.isNaN(FastMath.exp2(Double.NaN)));
    }
}
