/**
 * Small, composable building blocks for processor authors: a {@link org.mixbench.dsp.ParameterBank} that holds
 * values and state, a {@link org.mixbench.dsp.LinearSmoother} against zipper noise, and
 * {@link org.mixbench.dsp.SegmentedProcessor}, which splits a block at its parameter events, and
 * {@link org.mixbench.dsp.FastMath} for per-sample exponentials. None of them allocates after construction or
 * preparation.
 */
@Export
@Version("1.3.0")
package org.mixbench.dsp;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
