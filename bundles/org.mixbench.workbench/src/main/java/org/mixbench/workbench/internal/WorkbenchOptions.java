package org.mixbench.workbench.internal;

import java.nio.file.Path;

/**
 * How the window was asked to open.
 *
 * @param perspective the perspective shown first
 * @param screenshot  when not null, save a PNG of the window here once it is shown, then close
 * @param screenshotDelayMillis how long the window runs before the screenshot
 */
record WorkbenchOptions(String perspective, Path screenshot, long screenshotDelayMillis) {
}
