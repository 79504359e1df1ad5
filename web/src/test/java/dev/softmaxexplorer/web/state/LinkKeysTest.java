package dev.softmaxexplorer.web.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's table of link keys is the code's: every field, in the order a link is read. */
class LinkKeysTest {
    private static final Pattern ROW = Pattern.compile("^\\| `([a-z]+)` \\|");

    @Test
    void readmeListsEveryFieldsKeyInOrder() throws IOException {
        // Surefire runs in the module's folder; the README is the repository's.
        List<String> lines = Files.readAllLines(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        int start = lines.indexOf("| key | what | values (default) |");
        List<String> documented = new ArrayList<>();
        for (int i = start + 2; start >= 0 && i < lines.size() && lines.get(i).startsWith("|"); i++) {
            Matcher row = ROW.matcher(lines.get(i));
            if (row.find()) {
                documented.add(row.group(1));
            }
        }
        List<String> fields = Fields.ALL.stream().map(Field::key).toList();
        assertEquals(fields, documented);
    }
}
