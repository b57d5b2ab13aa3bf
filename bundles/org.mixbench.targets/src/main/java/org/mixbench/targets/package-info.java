/**
 * The installed delivery targets as other bundles (the mastering engine, the workbench) need them: listed in the
 * order {@code targets} shows, and written in the JSON form {@code targets --json} prints.
 */
@Export
@Version("1.0.0")
package org.mixbench.targets;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
