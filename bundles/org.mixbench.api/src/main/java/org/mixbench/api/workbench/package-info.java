/**
 * Toolkit-free facts about the workbench that headless bundles may need: perspective ids and view
 * descriptors. The SWT side of views lives in {@code org.mixbench.workbench.api}.
 */
@Export
@Version("1.0.0")
package org.mixbench.api.workbench;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
