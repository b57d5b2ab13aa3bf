/**
 * The session file format (JSON, versioned): tracks with clips, channel strips with inserts, sends, buses, the
 * master, and automation lanes. Records are immutable; {@link org.mixbench.mixing.session.SessionFiles} reads,
 * validates and writes them atomically. Processors are stored by stable id with plain parameter values.
 */
@Export
@Version("1.2.0")
package org.mixbench.mixing.session;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
