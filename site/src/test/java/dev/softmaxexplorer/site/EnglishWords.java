package dev.softmaxexplorer.site;

import dev.softmaxexplorer.web.state.Language;
import dev.softmaxexplorer.web.text.Messages;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** The page's English words from web's string table, for tests that compare web's text with the page's. */
final class EnglishWords {
    static final Messages WORDS = load();

    private EnglishWords() {
    }

    private static Messages load() {
        Properties table = new Properties();
        Path file = Path.of("..", "web", "src", "main", "strings", "en.properties");
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            table.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Messages.of(table::getProperty, table::getProperty, Language.ENGLISH);
    }
}
