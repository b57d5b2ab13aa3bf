package org.mixbench.tags;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.jaudiotagger.audio.AudioFile;
import org.jaudiotagger.audio.AudioFileIO;
import org.jaudiotagger.tag.FieldKey;
import org.jaudiotagger.tag.Tag;
import org.jaudiotagger.tag.TagOptionSingleton;
import org.jaudiotagger.tag.id3.valuepair.TextEncoding;
import org.mixbench.api.audio.AudioFormatException;
import org.mixbench.api.audio.Tags;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Reads and writes tags with jaudiotagger, mapping the keys of {@link Tags} to each format's native fields (ID3v2.4
 * frames TIT2, TPE1, TALB, TRCK, TDRC, TSRC, COMM; Vorbis comments TITLE, ARTIST, ALBUM, TRACKNUMBER, DATE, ISRC,
 * COMMENT). jaudiotagger chooses the format by file extension, so the path must end in {@code .mp3} or
 * {@code .flac}. Thread: any; calls are independent, but jaudiotagger's options are global, so writes are serialised.
 */
@ProviderType
public final class TagFiles {
    private static final Map<String, FieldKey> KEYS = Map.of(Tags.TITLE, FieldKey.TITLE, Tags.ARTIST,
            FieldKey.ARTIST, Tags.ALBUM, FieldKey.ALBUM, Tags.TRACK, FieldKey.TRACK, Tags.YEAR, FieldKey.YEAR,
            Tags.ISRC, FieldKey.ISRC, Tags.COMMENT, FieldKey.COMMENT);

    static {
        // jaudiotagger logs every file it touches at INFO on stderr; a library must stay quiet.
        Logger.getLogger("org.jaudiotagger").setLevel(Level.OFF);
    }

    private TagFiles() {
    }

    /**
     * Writes {@code tags} (keys of {@link Tags}; other keys are ignored) into {@code file}, replacing what was there.
     * The file is rewritten in place: call it on the temporary file of an export, before it is renamed.
     */
    public static synchronized void write(Path file, Map<String, String> tags) throws IOException {
        boolean any = tags.keySet().stream().anyMatch(KEYS::containsKey);
        if (!any) {
            return;
        }
        try {
            TagOptionSingleton.getInstance().setId3v24DefaultTextEncoding(TextEncoding.UTF_8);
            TagOptionSingleton.getInstance().setId3v24UnicodeTextEncoding(TextEncoding.UTF_8);
            TagOptionSingleton.getInstance().setResetTextEncodingForExistingFrames(true);
            AudioFile audio = AudioFileIO.read(file.toFile());
            Tag tag = audio.getTagOrCreateAndSetDefault();
            for (Map.Entry<String, FieldKey> key : KEYS.entrySet()) {
                String value = tags.get(key.getKey());
                if (value != null && !value.isEmpty()) {
                    tag.setField(key.getValue(), value);
                }
            }
            audio.commit();
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("cannot write tags: " + e.getMessage(), e);
        }
    }

    /**
     * The tags of {@code file} by the keys of {@link Tags}. A file whose tag cannot be parsed is an {@link
     * AudioFormatException}.
     */
    public static Map<String, String> read(Path file) throws IOException {
        Map<String, String> result = new LinkedHashMap<>();
        try {
            AudioFile audio = AudioFileIO.read(file.toFile());
            Tag tag = audio.getTag();
            if (tag == null) {
                return result;
            }
            for (String key : Tags.all()) {
                String value = tag.getFirst(KEYS.get(key));
                if (value != null && !value.isEmpty()) {
                    result.put(key, value);
                }
            }
            return result;
        } catch (IOException e) {
            throw e;
        } catch (Exception | StackOverflowError e) {
            throw new AudioFormatException("unreadable tag: " + String.valueOf(e.getMessage()).lines().findFirst()
                    .orElse(e.getClass().getSimpleName()), e);
        }
    }
}
