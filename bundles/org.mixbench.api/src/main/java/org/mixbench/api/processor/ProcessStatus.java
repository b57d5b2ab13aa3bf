package org.mixbench.api.processor;

import org.osgi.annotation.versioning.ProviderType;

/** What {@link Processor#process} tells the host about the block it just processed. */
@ProviderType
public enum ProcessStatus {
    /** Normal processing; call again with the next block. */
    CONTINUE,
    /**
     * The output of this block is silent and stays silent as long as the input is silent: the host may stop calling
     * {@code process} until the input has sound again (a reverb whose tail has decayed, a gate that is closed).
     */
    SILENT
}
