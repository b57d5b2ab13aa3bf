package org.mixbench.api.audio;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The tag keys Mixbench reads and writes, lower case, the same in every format: each reader maps its native names
 * (Vorbis comments, ID3v2 frames, RIFF INFO, BWF) to these and each writer maps them back.
 */
@ProviderType
public final class Tags {
    /** Title of the track. */
    public static final String TITLE = "title";
    /** Performing artist. */
    public static final String ARTIST = "artist";
    /** Album or release title. */
    public static final String ALBUM = "album";
    /** Track number, {@code "3"} or {@code "3/12"}. */
    public static final String TRACK = "track";
    /** Year or date of release, {@code "2026"}. */
    public static final String YEAR = "year";
    /** International Standard Recording Code, 12 characters ({@code "GBAYE2600001"}). */
    public static final String ISRC = "isrc";
    /** Free comment. */
    public static final String COMMENT = "comment";

    private Tags() {
    }

    /** Every key above, in a stable order. */
    public static List<String> all() {
        return List.of(TITLE, ARTIST, ALBUM, TRACK, YEAR, ISRC, COMMENT);
    }

    /** Whether {@code isrc} has the form of an ISRC: 2 letters, 3 alphanumerics, 7 digits (hyphens ignored). */
    public static boolean validIsrc(String isrc) {
        return isrc != null && isrc.replace("-", "").toUpperCase(java.util.Locale.ROOT)
                .matches("[A-Z]{2}[A-Z0-9]{3}[0-9]{7}");
    }
}
