package org.mixbench.testkit;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Seeded mutations of valid files for fuzzing readers. */
public final class Mutations {
    private static final int[] INTERESTING = {0, 1, 0x7F, 0x80, 0xFF, 0x00, 0x10, 0xFE};

    private Mutations() {
    }

    /**
     * A copy of {@code original} with one to four mutations: bit flips, interesting bytes, a 32-bit field set to an
     * extreme value (0, -1, 0x7FFFFFFF, 0x80000000), a truncation, a duplicated or a deleted range. Mutations favour
     * the first 256 bytes, where headers live.
     */
    public static byte[] mutate(byte[] original, SplittableRandom random) {
        byte[] data = original.clone();
        int count = 1 + random.nextInt(4);
        for (int k = 0; k < count && data.length > 0; k++) {
            int pos = random.nextInt(4) == 0 ? random.nextInt(data.length) : random.nextInt(Math.min(256, data.length));
            switch (random.nextInt(6)) {
                case 0 -> data[pos] ^= (byte) (1 << random.nextInt(8));
                case 1 -> data[pos] = (byte) INTERESTING[random.nextInt(INTERESTING.length)];
                case 2 -> {
                    int value = switch (random.nextInt(4)) {
                        case 0 -> 0;
                        case 1 -> -1;
                        case 2 -> Integer.MAX_VALUE;
                        default -> Integer.MIN_VALUE;
                    };
                    for (int b = 0; b < 4 && pos + b < data.length; b++) {
                        data[pos + b] = (byte) (value >>> (8 * (random.nextBoolean() ? b : 3 - b)));
                    }
                }
                case 3 -> data = Arrays.copyOf(data, random.nextInt(data.length));
                case 4 -> {
                    int length = Math.min(1 + random.nextInt(64), data.length - pos);
                    byte[] grown = new byte[data.length + length];
                    System.arraycopy(data, 0, grown, 0, pos + length);
                    System.arraycopy(data, pos, grown, pos + length, data.length - pos);
                    data = grown;
                }
                default -> {
                    int length = Math.min(1 + random.nextInt(64), data.length - pos);
                    byte[] shrunk = new byte[data.length - length];
                    System.arraycopy(data, 0, shrunk, 0, pos);
                    System.arraycopy(data, pos + length, shrunk, pos, data.length - pos - length);
                    data = shrunk;
                }
            }
        }
        return data;
    }
}
