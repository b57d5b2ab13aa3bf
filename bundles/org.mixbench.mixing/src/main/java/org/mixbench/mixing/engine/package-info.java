/**
 * The mix engine: compiles a session into a processing graph (clip players, channel strips with inserts, sends,
 * buses, master), aligns every path by the latencies processors report, and renders the mix block by block without
 * allocating.
 */
@Export
@Version("1.0.0")
package org.mixbench.mixing.engine;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
