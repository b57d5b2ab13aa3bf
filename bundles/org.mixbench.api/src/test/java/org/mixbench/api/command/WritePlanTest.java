package org.mixbench.api.command;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WritePlanTest {
    @TempDir
    Path dir;

    @Test
    void anOutputNamedLikeAnInputIsRefused() throws Exception {
        Path clip = Files.writeString(dir.resolve("drums.wav"), "x");
        WritePlan plan = new WritePlan().reads(clip, "drums.wav");
        plan.writes(dir.resolve("./drums.wav"), "./drums.wav", 0);
        UsageException e = assertThrows(UsageException.class, plan::check);
        assertTrue(e.getMessage().startsWith("./drums.wav: this run reads drums.wav; writing it would destroy it"),
                e.getMessage());
    }

    @Test
    void anOutputReachingAnInputThroughASymbolicLinkOrAHardLinkIsRefused() throws Exception {
        Path clip = Files.writeString(dir.resolve("clip.wav"), "x");
        Path other = Files.createDirectory(dir.resolve("other"));
        Files.createSymbolicLink(dir.resolve("linked"), dir);
        Files.createLink(other.resolve("hard.wav"), clip);
        Files.createSymbolicLink(other.resolve("soft.wav"), clip);
        for (Path out : new Path[] {dir.resolve("linked/clip.wav"), other.resolve("hard.wav"),
                other.resolve("soft.wav")}) {
            WritePlan plan = new WritePlan().reads(clip, "clip.wav");
            plan.writes(out, out.toString(), 0);
            assertThrows(UsageException.class, plan::check, out.toString());
        }
    }

    @Test
    void idsBecomeNamesThatStayInsideTheirFolder() {
        assertEquals("_.._x", WritePlan.fileNameFor("../../x"));
        assertEquals("_etc_passwd", WritePlan.fileNameFor("/etc/passwd"));
        assertEquals("_", WritePlan.fileNameFor("/"));
        assertEquals("_", WritePlan.fileNameFor(".."));
        assertEquals("_", WritePlan.fileNameFor(""));
        assertEquals("a_b", WritePlan.fileNameFor("a\u0000b"));
        assertEquals("Lead vox, take 2", WritePlan.fileNameFor("Lead vox, take 2"));
        assertEquals("Gitarre_ÄÖ", WritePlan.fileNameFor("Gitarre/ÄÖ"));
        assertEquals("x", WritePlan.fileNameFor("x"));
        assertEquals("_x", WritePlan.fileNameFor("./x"));
        assertEquals(WritePlan.MAX_NAME, WritePlan.fileNameFor("a".repeat(5000)).length());
    }

    @Test
    void namedOutputsStayInTheirFolderAndCollisionsAreRefusedNamingBothIds() {
        Path stems = dir.resolve("stems");
        WritePlan plan = new WritePlan();
        Path a = plan.writesNamed(stems, "stems", "../../x", "wav", 0);
        assertEquals(stems, a.getParent());
        plan.writesNamed(stems, "stems", "a/b", "wav", 0);
        plan.writesNamed(stems, "stems", "a:b", "wav", 0);
        UsageException e = assertThrows(UsageException.class, plan::check);
        assertTrue(e.getMessage().startsWith("'a/b' and 'a:b' would both be written to a_b.wav"), e.getMessage());
        assertFalse(Files.exists(stems), "checking creates nothing");
    }

    @Test
    void namesThatDifferOnlyInCaseCollide() {
        WritePlan plan = new WritePlan();
        plan.writesNamed(dir, "", "Bass", "wav", 0);
        plan.writesNamed(dir, "", "bass", "wav", 0);
        UsageException e = assertThrows(UsageException.class, plan::check);
        assertTrue(e.getMessage().contains("differ only in case"), e.getMessage());
    }

    @Test
    void outputsNeedingMoreSpaceThanIsFreeAreRefusedBeforeAnyWork() {
        WritePlan plan = new WritePlan();
        plan.writes(dir.resolve("huge.wav"), "huge.wav", Long.MAX_VALUE / 4);
        UsageException e = assertThrows(UsageException.class, plan::check);
        assertTrue(e.getMessage().contains("need about") && e.getMessage().contains("is free"), e.getMessage());
    }

    @Test
    void anOutputThatIsAFolderOrInAMissingFolderIsRefused() throws Exception {
        Files.createDirectory(dir.resolve("taken.wav"));
        WritePlan folder = new WritePlan();
        folder.writes(dir.resolve("taken.wav"), "taken.wav", 0);
        assertThrows(UsageException.class, folder::check);
        WritePlan missing = new WritePlan();
        missing.writes(dir.resolve("nowhere/out.wav"), "nowhere/out.wav", 0);
        assertThrows(UsageException.class, missing::check);
    }

    @Test
    void aPlanOfDistinctOutputsPassesAndCreatesItsFolders() throws Exception {
        Path clip = Files.writeString(dir.resolve("clip.wav"), "x");
        WritePlan plan = new WritePlan().reads(clip, "clip.wav");
        plan.writes(dir.resolve("mix.wav"), "mix.wav", 1000);
        plan.writesNamed(dir.resolve("out/stems"), "out/stems", "clip", "wav", 1000);
        assertDoesNotThrow(plan::check);
        plan.createFolders();
        assertTrue(Files.isDirectory(dir.resolve("out/stems")));
    }
}
