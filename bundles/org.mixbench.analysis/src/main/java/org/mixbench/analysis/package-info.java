/**
 * Whole-file analysis for mastering: {@link org.mixbench.analysis.FileAnalyzer} measures a file in one streaming
 * pass with the loudness, true-peak, spectrum and stereo analyzers and returns a {@link
 * org.mixbench.analysis.FileAnalysis}; a listener follows it live (the workbench's meters do).
 */
@Export
@Version("1.1.0")
package org.mixbench.analysis;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
