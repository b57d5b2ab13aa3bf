/**
 * Delivery conversion stages for mastering: {@link org.mixbench.convert.SampleRateConverter}, a streaming polyphase
 * FIR sample-rate converter between 44.1, 48, 88.2, 96, 176.4 and 192 kHz (passband flat within 0.01 dB to 20 kHz,
 * at least 120 dB of alias and image rejection, linear phase, its own delay compensated), and
 * {@link org.mixbench.convert.Ditherer}, which reduces the word length to 8 to 24 bits with no dither, TPDF dither
 * or noise-shaped TPDF dither and reports every clamped sample in a {@link org.mixbench.convert.ClipReport}.
 *
 * <p>The sample-rate converter changes the number of frames, so it does not fit the in-place
 * {@link org.mixbench.api.processor.Processor} contract: it is a library stage that converter pipelines and exporters
 * drive directly. The ditherer works in place and is also contributed as the <i>Dither</i> processor
 * ({@code mixbench.dither}).
 *
 * <p>Threads: constructors allocate and run on the main thread; the {@code process} methods run on one processing
 * thread at a time and never allocate, lock, log or do I/O.
 */
@Export
@Version("1.1.0")
package org.mixbench.convert;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
