package org.mixbench.format.aiff;

/**
 * The IEEE 754 80-bit extended precision number in which AIFF stores its sample rate (Apple SANE format, big-endian:
 * a sign bit, a 15-bit exponent biased by 16383, a 64-bit significand with an explicit integer bit). Stateless; any
 * thread.
 */
final class Extended {
    private Extended() {
    }

    /**
     * The value of the ten bytes at {@code b[offset ...]} as the nearest double: exact for every value a double holds
     * (all whole and the usual fractional sample rates), correctly rounded otherwise. Infinity and NaN come out as
     * such, a zero significand as zero.
     */
    static double toDouble(byte[] b, int offset) {
        int signAndExponent = (b[offset] & 0xFF) << 8 | (b[offset + 1] & 0xFF);
        long significand = 0;
        for (int i = 2; i < 10; i++) {
            significand = significand << 8 | (b[offset + i] & 0xFF);
        }
        int exponent = signAndExponent & 0x7FFF;
        double value;
        if (exponent == 0x7FFF) {
            value = (significand & 0x7FFF_FFFF_FFFF_FFFFL) == 0 ? Double.POSITIVE_INFINITY : Double.NaN;
        } else {
            // unsigned 64-bit to double, rounded to nearest: the lowest bit stays as a sticky bit when halving
            double m = significand >= 0 ? significand : ((significand >>> 1) | (significand & 1)) * 2.0;
            // exponent 0 is a denormal, whose scale is that of exponent 1; Math.scalb saturates to 0 or infinity
            value = Math.scalb(m, (exponent == 0 ? 1 : exponent) - 16383 - 63);
        }
        return (signAndExponent & 0x8000) != 0 ? -value : value;
    }
}
