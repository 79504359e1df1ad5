package dev.softmaxexplorer.web.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.softmaxexplorer.web.state.Language;
import dev.softmaxexplorer.web.state.Message;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every language's table says the same things: the same keys as English, and in each text the
 * same placeholders and the same inline markup, so that no sentence loses a number or a name.
 */
class StringTablesTest {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)\\}");
    private static final Pattern TAG = Pattern.compile("</?(sup|sub|em|dfn|code)>");
    /** A string literal in the Java sources that looks like a key: section.name[.more]. */
    private static final Pattern KEY_IN_CODE = Pattern.compile("\"([a-z][a-z0-9-]*\\.[a-z0-9-]+(?:\\.[a-z0-9-]+)*)\"");
    private static final Pattern KEY_IN_PAGE = Pattern.compile("data-i18n(?:-label|-content)?=\"([^\"]+)\"");

    @ParameterizedTest
    @ValueSource(strings = {"ja"})
    void everyLanguageHasExactlyTheEnglishKeys(String language) {
        assertEquals(Tables.read("en").keySet(), Tables.read(language).keySet());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ja"})
    void everyTextKeepsItsPlaceholdersAndMarkup(String language) {
        Map<String, String> english = Tables.read("en");
        Map<String, String> other = Tables.read(language);
        List<String> wrong = new ArrayList<>();
        english.forEach((key, text) -> {
            String translated = other.get(key);
            if (translated != null && !(all(PLACEHOLDER, text).equals(all(PLACEHOLDER, translated))
                    && tags(text).equals(tags(translated)))) {
                wrong.add(key);
            }
        });
        assertEquals(List.of(), wrong);
    }

    @Test
    void everyKeyTheCodeAndThePageUseIsInTheTable() throws IOException {
        Set<String> used = new TreeSet<>(keysInCode());
        used.addAll(keysInPage());
        used.removeAll(Tables.read("en").keySet());
        assertEquals(Set.of(), used);
    }

    @Test
    void theCodeUsesNoKeyOfThePage() throws IOException {
        // The build leaves the page's keys out of the inlined English table: their English is in the page.
        Set<String> both = new TreeSet<>(keysInCode());
        both.retainAll(keysInPage());
        assertEquals(Set.of(), both);
    }

    /** The literals of the Java sources that name a key in one of the table's sections. */
    private static Set<String> keysInCode() throws IOException {
        Set<String> sections = new TreeSet<>();
        Tables.read("en").keySet().forEach(key -> sections.add(key.substring(0, key.indexOf('.'))));
        Set<String> used = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src", "main", "java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                for (String literal : all(KEY_IN_CODE, Files.readString(source, StandardCharsets.UTF_8))) {
                    if (sections.contains(literal.substring(0, literal.indexOf('.')))) {
                        used.add(literal);
                    }
                }
            }
        }
        return used;
    }

    private static Set<String> keysInPage() throws IOException {
        return all(KEY_IN_PAGE, Files.readString(Path.of("..", "site", "src", "main", "webapp", "index.html"),
                StandardCharsets.UTF_8));
    }

    @Test
    void noTextIsEmptyOrStillEnglishInJapanese() {
        Map<String, String> english = Tables.read("en");
        Map<String, String> japanese = Tables.read("ja");
        List<String> untranslated = new ArrayList<>();
        japanese.forEach((key, text) -> {
            boolean hasJapanese = text.codePoints().anyMatch(c -> c >= 0x3000 && c <= 0x9FFF || c >= 0xFF00 && c <= 0xFFEF);
            if (text.isBlank() || !hasJapanese && !text.equals(english.get(key))) {
                untranslated.add(key);
            }
        });
        assertEquals(List.of(), untranslated);
    }

    @Test
    void japaneseUsesTheTextbookTerms() {
        Map<String, String> japanese = Tables.read("ja");
        assertTrue(japanese.get("theory.softmax-with-a-temperature").contains("ソフトマックス関数"));
        assertEquals("交差エントロピー誤差", japanese.get("theory.cross-entropy-loss"));
        assertTrue(japanese.get("inputs.t-label").startsWith("温度"));
        assertTrue(japanese.get("inputs.logit-z").startsWith("ロジット"));
        assertTrue(japanese.get("inputs.eps-label").startsWith("ラベル平滑化"));
        assertEquals("蒸留", japanese.get("theory.distillation"));
    }

    @Test
    void placeholdersAreFilledByNameInAnyOrder() {
        assertEquals("cat has probability 90.0%", Messages.fill("{className} has probability {percent}",
                "percent", "90.0%", "className", "cat"));
        assertEquals("{missing} stays", Messages.fill("{missing} stays", "other", "x"));
        assertEquals("a {b", Messages.fill("a {b"));
    }

    @Test
    void aKeyMissingEverywhereShowsTheKeyAndJapaneseFallsBackToEnglish() {
        Map<String, String> english = Map.of("only.english", "Only English");
        Messages japanese = Messages.of(key -> null, english::get, Language.JAPANESE);
        assertEquals("Only English", japanese.text("only.english"));
        assertEquals("no.such.key", japanese.text("no.such.key"));
    }

    @Test
    void pseudoLocalesAreEnglishDoubledOrRightToLeft() {
        assertEquals("Reset Reset", Tables.of(Language.PSEUDO_LONG).text("header.reset"));
        // A nested message is doubled once, as a whole, not at every level.
        Message reason = new Message("input.must", "field", new Message("input.field.temperature"),
                "requirement", new Message("input.requirement.positive"), "problem", new Message("input.problem.empty"));
        String once = "the temperature T must be a number greater than 0; the text is empty";
        assertEquals(once + " " + once, Tables.of(Language.PSEUDO_LONG).format(reason));
        assertEquals("\u202BReset\u202C", Tables.of(Language.PSEUDO_RIGHT_TO_LEFT).text("header.reset"));
    }

    private static Set<String> all(Pattern pattern, String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static List<String> tags(String text) {
        List<String> found = new ArrayList<>();
        Matcher m = TAG.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }
}
