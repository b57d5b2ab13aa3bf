package org.mixbench.targets.internal;

import java.util.List;
import java.util.Map;

import org.mixbench.api.target.DeliveryTarget;

/**
 * The delivery targets Mixbench ships, with the public source of each figure. docs/delivery-targets.md explains
 * them. Immutable.
 */
final class BuiltInTargets {
    private BuiltInTargets() {
    }

    private static DeliveryTarget streaming(String id, String name, double lufs, double truePeak, String source) {
        return new DeliveryTarget(id, name, "streaming", lufs, 1.0, truePeak, null, null, null, 24, "wav", Map.of(),
                "tpdf", null, null, null, source);
    }

    /** Every built-in target. */
    static final List<DeliveryTarget> ALL = List.of(
            streaming("spotify", "Spotify", -14, -1, SOURCES.SPOTIFY),
            streaming("spotify-loud", "Spotify (loud setting)", -11, -2, SOURCES.SPOTIFY),
            streaming("apple-music", "Apple Music", -16, -1, SOURCES.APPLE),
            streaming("youtube", "YouTube", -14, -1, SOURCES.YOUTUBE),
            streaming("amazon-music", "Amazon Music", -14, -2, SOURCES.AMAZON),
            streaming("tidal", "Tidal", -14, -1, SOURCES.TIDAL),
            streaming("deezer", "Deezer", -15, -1, SOURCES.DEEZER),
            streaming("soundcloud", "SoundCloud", -14, -1, SOURCES.SOUNDCLOUD),
            new DeliveryTarget("ebu-r128", "EBU R 128 broadcast", "broadcast", -23.0, 1.0, -1, null, null, 48_000, 24,
                    "wav", Map.of(), "tpdf", null, null, null, SOURCES.EBU),
            new DeliveryTarget("atsc-a85", "ATSC A/85 broadcast", "broadcast", -24.0, 2.0, -2, null, null, 48_000, 24,
                    "wav", Map.of(), "tpdf", null, null, null, SOURCES.ATSC),
            new DeliveryTarget("cd", "CD (Red Book)", "physical", null, 1.0, -1, null, null, 44_100, 16, "wav",
                    Map.of(), "tpdf", null, null, null, SOURCES.CD),
            new DeliveryTarget("hires", "Hi-res (96 kHz / 24-bit)", "archive", null, 1.0, -1, null, null, 96_000, 24,
                    "flac", Map.of(), "tpdf", null, null, null, SOURCES.HIRES),
            new DeliveryTarget("vinyl", "Vinyl pre-master", "physical", null, 1.0, -1, null, null, null, 24, "wav",
                    Map.of(), "tpdf", 150.0, 0.0, 23.0, SOURCES.VINYL));

    /** The public sources of the figures; docs/delivery-targets.md quotes them. */
    private static final class SOURCES {
        static final String SPOTIFY = "Spotify for Artists, Loudness normalization (-14 LUFS; loud setting -11 LUFS;"
                + " keep below -1 dBTP): https://support.spotify.com/us/artists/article/loudness-normalization/; "
                + "masters louder than -14 LUFS below -2 dBTP: PreSonus blog, How to Make Spotify Happy (2020)";
        static final String APPLE = "-16 LUFS (Sound Check) as reported by Production Expert, Apple choose -16LUFS "
                + "loudness level for Apple Music (Apple publishes no figure); -1 dBTP: AES TD1008 for codec input; "
                + "no clipping after AAC encoding: Apple Digital Masters";
        static final String YOUTUBE = "-14 LUFS as measured and reported by productionadvice.co.uk (YouTube and "
                + "Google publish no loudness figure); -1 dBTP: AES TD1008";
        static final String AMAZON = "-14 LUFS, -2 dBTP as reported by apu.software, Amazon Music loudness (Amazon "
                + "publishes no figure)";
        static final String TIDAL = "-14 LUFS as Tidal told meterplugs.com, Tidal adds loudness normalization "
                + "(2016); -1 dBTP: AES TD1008";
        static final String DEEZER = "-15 LUFS as reported by Production Expert (Deezer publishes no figure); -1 dBTP: "
                + "AES TD1008";
        static final String SOUNDCLOUD = "SoundCloud publishes no loudness target (reports conflict on whether it "
                + "normalises); -14 LUFS / -1 dBTP is common streaming practice";
        static final String EBU = "EBU R 128 v4.0 (2020): -23 LUFS, +/-1 LU in production, max -1 dBTP: "
                + "https://tech.ebu.ch/publications/r128";
        static final String ATSC = "ATSC A/85:2013 (CALM Act): -24 LKFS +/-2 dB, true peak below -2 dBTP";
        static final String CD = "IEC 60908 (Red Book): 2 channels, 44.1 kHz, 16-bit PCM; it sets no ceiling, and "
                + "-1 dBTP is mastering practice against converter and lossy-copy overshoot (-0.3 dBFS sample peak "
                + "at the least)";
        static final String HIRES = "Apple Digital Masters (\"an ideal master will have 24-bit 96kHz resolution\"), "
                + "Qobuz and Ingrooves hi-res delivery at 96 kHz / 24-bit; -1 dBTP: AES TD1008";
        static final String VINYL = "Cutting and plant specifications: 24-bit, no heavy limiting, peaks below "
                + "0 dBTP (pressingbusiness.co, Vinyl file preparation), bass centred below 150 Hz "
                + "(16kilohertz.com, How to prepare a suitable cutting master), 12-inch 33 1/3 rpm sides at most "
                + "23:00 (pressingbusiness.co; 19:30 recommended)";
    }
}
