package org.mixbench.api.processor;

import org.osgi.annotation.versioning.ProviderType;

/**
 * One block of planar audio processed in place, with the parameter events that fall inside it and its position on
 * the timeline. The host allocates blocks while preparing and reuses them for every call; a block never grows.
 *
 * <p>Thread: owned by the audio thread while a block is processed.
 */
@ProviderType
public final class AudioBlock {
    private final float[][] channels;
    private final ParameterEvents events;
    private final int maxFrames;
    private int frames;
    private long position;
    private double tempoBpm = 120;

    /**
     * Allocates a block of {@code channelCount} channels of {@code maxFrames} frames with room for {@code maxEvents}
     * parameter events. Main thread, while preparing.
     */
    public AudioBlock(int channelCount, int maxFrames, int maxEvents) {
        this(new float[channelCount][maxFrames], new ParameterEvents(maxEvents));
    }

    /**
     * Wraps existing channel buffers (all the same length, which becomes {@link #maxFrames()}) and an event list.
     * Main thread, while preparing.
     */
    public AudioBlock(float[][] channels, ParameterEvents events) {
        if (channels.length == 0) {
            throw new IllegalArgumentException("a block needs at least one channel");
        }
        int length = channels[0].length;
        for (float[] channel : channels) {
            if (channel.length != length) {
                throw new IllegalArgumentException("all channels must have the same length");
            }
        }
        this.channels = channels;
        this.events = events;
        this.maxFrames = length;
        this.frames = length;
    }

    /** The samples of channel {@code c}; only the first {@link #frames()} are part of this block. */
    public float[] channel(int c) {
        return channels[c];
    }

    /** Number of channels. */
    public int channelCount() {
        return channels.length;
    }

    /** Frames in this block, from 0 to {@link #maxFrames()}. */
    public int frames() {
        return frames;
    }

    /** The capacity of every channel buffer. */
    public int maxFrames() {
        return maxFrames;
    }

    /** Parameter changes inside this block, sorted by frame. */
    public ParameterEvents events() {
        return events;
    }

    /** Timeline position of the first frame of this block, in frames since the start of the render. */
    public long position() {
        return position;
    }

    /** Host: sets the length of the next block. Audio thread. */
    public void setFrames(int frames) {
        if (frames < 0 || frames > maxFrames) {
            throw new IllegalArgumentException("frames must be within 0.." + maxFrames + ": " + frames);
        }
        this.frames = frames;
    }

    /** Tempo of the session at this block, beats per minute (120 when the host has none), for tempo-synced effects. */
    public double tempoBpm() {
        return tempoBpm;
    }

    /** Host: sets the tempo. Audio thread. */
    public void setTempoBpm(double bpm) {
        if (!(bpm > 0) || Double.isInfinite(bpm)) {
            throw new IllegalArgumentException("tempo must be positive: " + bpm);
        }
        this.tempoBpm = bpm;
    }

    /** Host: sets the timeline position of the next block. Audio thread. */
    public void setPosition(long position) {
        this.position = position;
    }
}
