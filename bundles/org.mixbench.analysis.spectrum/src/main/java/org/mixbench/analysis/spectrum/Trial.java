package org.mixbench.analysis.spectrum;
final class Trial { static void t(double[] a) { new org.jtransforms.fft.DoubleFFT_1D(a.length).realForward(a); } }
