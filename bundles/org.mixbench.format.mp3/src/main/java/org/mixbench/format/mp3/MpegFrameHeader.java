package org.mixbench.format.mp3;

/**
 * One MPEG audio frame header (MPEG-1, 2 and 2.5, Layer III only): the fields needed to find frames, to read the
 * Xing/Info and LAME tags, and to describe the file. Immutable.
 */
record MpegFrameHeader(int version, int sampleRate, int bitrateKbps, int channels, int frameLength,
        int samplesPerFrame, int sideInfoLength) {

    private static final int[][] BITRATES = {
        {0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, -1},
        {0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160, -1}};
    private static final int[][] RATES = {{44100, 48000, 32000}, {22050, 24000, 16000}, {11025, 12000, 8000}};

    /** Parses four bytes at {@code at}; null when they are not a valid Layer III header. */
    static MpegFrameHeader parse(byte[] b, int at, int length) {
        if (at < 0 || at + 4 > length) {
            return null;
        }
        int h = (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF);
        if ((h >>> 21) != 0x7FF) {
            return null;
        }
        int versionBits = (h >>> 19) & 3;
        int layer = (h >>> 17) & 3;
        int bitrateIndex = (h >>> 12) & 15;
        int rateIndex = (h >>> 10) & 3;
        int padding = (h >>> 9) & 1;
        int mode = (h >>> 6) & 3;
        if (versionBits == 1 || layer != 1 || bitrateIndex == 0 || bitrateIndex == 15 || rateIndex == 3) {
            return null;
        }
        int version = versionBits == 3 ? 1 : versionBits == 2 ? 2 : 25;
        int rate = RATES[version == 1 ? 0 : version == 2 ? 1 : 2][rateIndex];
        int kbps = BITRATES[version == 1 ? 0 : 1][bitrateIndex];
        int samples = version == 1 ? 1152 : 576;
        int frameLength = (samples / 8 * kbps * 1000) / rate + padding;
        int channels = mode == 3 ? 1 : 2;
        int side = version == 1 ? (channels == 1 ? 17 : 32) : (channels == 1 ? 9 : 17);
        return new MpegFrameHeader(version, rate, kbps, channels, frameLength, samples, side);
    }

    /** "MPEG-1 Layer III" and so on. */
    String versionName() {
        return "MPEG-" + (version == 25 ? "2.5" : String.valueOf(version)) + " Layer III";
    }
}
