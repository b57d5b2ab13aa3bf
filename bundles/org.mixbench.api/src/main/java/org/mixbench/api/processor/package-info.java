/**
 * The processor SPI: effect and mastering stages that a bundle contributes as {@link
 * org.mixbench.api.processor.ProcessorFactory} services.
 *
 * <p>Threads and states, as every method's documentation repeats: the <b>main thread</b> creates, prepares, restores
 * and releases a processor while it is <b>inactive</b>; the <b>audio thread</b> calls {@code process} and {@code
 * reset} while it is <b>active</b> (between {@code prepare} and {@code release}). The two never overlap for one
 * processor instance. {@code process} must not allocate, lock, log or do I/O.
 */
@Export
@Version("1.2.0")
package org.mixbench.api.processor;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
