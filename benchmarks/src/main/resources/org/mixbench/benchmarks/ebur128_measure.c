/* Measures integrated loudness, loudness range and true peak of raw float32 interleaved audio with libebur128.
   Built by LoudnessVersusTools with: gcc -O2 ebur128_measure.c -lebur128 -o ebur128_measure
   Usage: ebur128_measure FILE RATE CHANNELS   prints: integrated lra truepeak_dbtp */
#include <ebur128.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
    if (argc != 4) { fprintf(stderr, "usage: %s FILE RATE CHANNELS\n", argv[0]); return 2; }
    unsigned long rate = strtoul(argv[2], NULL, 10);
    unsigned int channels = (unsigned int) strtoul(argv[3], NULL, 10);
    FILE *in = fopen(argv[1], "rb");
    if (!in) { perror(argv[1]); return 2; }
    ebur128_state *st = ebur128_init(channels, rate, EBUR128_MODE_I | EBUR128_MODE_LRA | EBUR128_MODE_TRUE_PEAK);
    size_t frames = 4096;
    float *buffer = malloc(frames * channels * sizeof(float));
    size_t n;
    while ((n = fread(buffer, sizeof(float) * channels, frames, in)) > 0) {
        ebur128_add_frames_float(st, buffer, n);
    }
    double integrated, lra, peak = 0, p;
    ebur128_loudness_global(st, &integrated);
    ebur128_loudness_range(st, &lra);
    for (unsigned int c = 0; c < channels; c++) {
        ebur128_true_peak(st, c, &p);
        if (p > peak) peak = p;
    }
    printf("%.4f %.4f %.4f\n", integrated, lra, 20 * log10(peak));
    ebur128_destroy(&st);
    free(buffer);
    fclose(in);
    return 0;
}
