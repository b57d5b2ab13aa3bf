package org.mixbench.api.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.NoSuchFileException;

import org.junit.jupiter.api.Test;

class ProblemsTest {
    @Test
    void failuresAreDescribedInWordsWithoutJavaClassNames() {
        Throwable[] failures = {new NumberFormatException("For input string: \"99999999999\""),
            new NullPointerException(), new IllegalArgumentException(), new OutOfMemoryError("Java heap space"),
            new StackOverflowError(), new NoSuchFileException("a.wav"), new IllegalStateException("boom"),
            new RuntimeException(new ArithmeticException("/ by zero"))};
        for (Throwable t : failures) {
            String words = Problems.describe(t);
            assertFalse(words.matches(".*(Exception|Error|java\\.).*"), words);
            assertFalse(words.isBlank());
        }
        assertEquals("not a number (\"99999999999\")", Problems.describe(failures[0]));
        assertEquals("ran out of memory", Problems.describe(failures[3]));
        assertEquals("no such file or folder: a.wav", Problems.describe(failures[5]));
    }

    @Test
    void controlCharactersFromFilesAreShownEscapedOnOneLine() {
        assertEquals("title\\x1b[2J\\nnext", Problems.oneLine("title\u001b[2J\nnext"));
        assertEquals("bell\\x07 del\\x7f c1\\x9b", Problems.oneLine("bell\u0007 del\u007f c1\u009b"));
    }
}
