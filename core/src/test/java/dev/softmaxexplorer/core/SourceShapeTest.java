package dev.softmaxexplorer.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Guards against TeaVM 0.15.0's JavaScript code generation, which drops the parentheses of a
 * compound right operand of {@code +} and {@code *} ({@code a + (b - c)} runs as
 * {@code a + b - c}; see docs/teavm.md). Fails on any {@code +}, {@code *}, {@code +=} or
 * {@code *=} followed by a parenthesis that opens an expression (not a cast, not a call) in the
 * main sources. It cannot see single-use locals that TeaVM inlines back; the browser test that
 * compares result bits with the JVM covers those.
 */
class SourceShapeTest {

    private static final Pattern RISKY = Pattern.compile(
            "[+*]=?\\s*\\((?!\\s*(?:double|float|int|long|short|byte|char)\\s*\\))");

    static String stripCommentsAndStrings(String src) {
        StringBuilder out = new StringBuilder(src.length());
        int i = 0;
        while (i < src.length()) {
            char c = src.charAt(i);
            if (src.startsWith("//", i)) {
                while (i < src.length() && src.charAt(i) != '\n') {
                    i++;
                }
            } else if (src.startsWith("/*", i)) {
                int end = src.indexOf("*/", i + 2);
                String comment = src.substring(i, end + 2);
                out.append(comment.replaceAll("[^\n]", " "));
                i = end + 2;
            } else if (c == '"' || c == '\'') {
                out.append(c);
                i++;
                while (src.charAt(i) != c) {
                    i += src.charAt(i) == '\\' ? 2 : 1;
                }
                out.append(c);
                i++;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    static List<String> findings(String fileName, String src) {
        List<String> found = new ArrayList<>();
        String[] lines = stripCommentsAndStrings(src).split("\n", -1);
        for (int n = 0; n < lines.length; n++) {
            Matcher m = RISKY.matcher(lines[n]);
            if (m.find()) {
                found.add(fileName + ":" + (n + 1) + ": " + lines[n].trim());
            }
        }
        return found;
    }

    @Test
    void noCompoundRightOperandOfPlusOrTimes() throws IOException {
        Path root = Paths.get("src/main/java");
        List<String> found = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).toList();
        }
        assertFalse(files.isEmpty(), "no sources found under " + root.toAbsolutePath());
        for (Path p : files) {
            found.addAll(findings(p.toString(), Files.readString(p)));
        }
        assertEquals(List.of(), found);
    }

    @Test
    void patternCatchesTheTrapAndSparesCallsCastsAndComments() {
        assertEquals(1, findings("x", "double s = a + (b - c);").size());
        assertEquals(1, findings("x", "double s = a * (b / c);").size());
        assertEquals(1, findings("x", "s += (b - c);").size());
        assertEquals(1, findings("x", "s *=(b * c);").size());
        assertEquals(0, findings("x", "double s = (b - c) + a;").size());
        assertEquals(0, findings("x", "double s = a + f(b - c);").size());
        assertEquals(0, findings("x", "double s = a + (double) n;").size());
        assertEquals(0, findings("x", "double s = a - (b - c); // a + (b - c)").size());
        assertEquals(0, findings("x", "/* a * (b * c) */ String m = \"x + (y)\";").size());
    }
}
