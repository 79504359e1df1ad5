package dev.softmaxexplorer.web.text;

import dev.softmaxexplorer.web.state.Language;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/** The string tables as the site build reads them (UTF-8 properties), for tests on the JVM. */
public final class Tables {
    public static final Path FOLDER = Path.of("src", "main", "strings");

    private Tables() {
    }

    public static Map<String, String> read(String language) {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(FOLDER.resolve(language + ".properties"), StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> table = new TreeMap<>();
        properties.forEach((key, value) -> table.put((String) key, (String) value));
        return table;
    }

    /** The page's words in English, as the browser gets them. */
    public static Messages english() {
        Map<String, String> table = read("en");
        return Messages.of(table::get, table::get, Language.ENGLISH);
    }

    static Messages of(Language language) {
        Map<String, String> english = read("en");
        Map<String, String> own = language == Language.JAPANESE ? read("ja") : english;
        return Messages.of(own::get, english::get, language);
    }
}
