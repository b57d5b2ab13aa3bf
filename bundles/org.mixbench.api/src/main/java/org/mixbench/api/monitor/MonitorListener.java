package org.mixbench.api.monitor;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Follows what is played on a {@link MonitorBus}: a meter, a scope, a recorder of the monitor signal. Every method is
 * called on the bus's single monitor thread, in the order the transport produced the programme: {@code started},
 * its blocks, {@code stopped}; never concurrently. Calls should return quickly (the ring fills while they run). A
 * listener that throws is removed from the bus.
 */
@ConsumerType
public interface MonitorListener {

    /** A programme begins: {@code channels} channels at {@code sampleRate} Hz, named {@code source}. Monitor thread. */
    void started(String source, double sampleRate, int channels);

    /**
     * The next {@code frames} frames of the programme: {@code block[c][0 .. frames)} for each of its channels. The bus
     * may regroup frames into blocks of other lengths than were written. The arrays belong to the bus and are valid
     * only during the call: read them, never keep or change them. Monitor thread.
     */
    void block(float[][] block, int frames);

    /** The programme has ended; no block of it follows. Monitor thread. */
    void stopped();
}
