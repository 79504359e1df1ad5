package dev.softmaxexplorer.web.text;

import dev.softmaxexplorer.web.state.Language;
import dev.softmaxexplorer.web.state.Message;





/**
 * The page's words in one language: templates looked up by key in that language's string table
 * (web/src/main/strings/LANG.properties, the single source of truth), with named placeholders
 * filled in ({@code "{className} has probability {percent}"}), never sentences glued from pieces,
 * because word order differs between languages.
 *
 * <p>A key missing from the table falls back to English, and a key missing there too shows the
 * key itself: a page with one untranslated word still works. The pseudo-locales are English
 * transformed here, so they need no table. Numbers are formatted by the caller with core's
 * {@code Format}, identical in every language: English and Japanese write them the same way, and
 * the page's formulas need "." as the decimal separator.
 *
 * <p>Plain Java without regular expressions or {@code String.format}, which would pull a large
 * part of the class library into app.js.
 */
public final class Messages {
    /** Right-to-left embedding ... pop: English words kept readable inside right-to-left runs. */
    private static final char RIGHT_TO_LEFT_EMBEDDING = '\u202B';
    private static final char POP_DIRECTIONAL_FORMATTING = '\u202C';

    /** One language's table: the template of a key, or null when the table lacks it. */
    public interface Table {
        String template(String key);
    }

    private final Table table;
    private final Table english;
    private final Language language;

    private Messages(Table table, Table english, Language language) {
        this.table = table;
        this.english = english;
        this.language = language;
    }

    /**
     * The words of a language.
     *
     * @param table the language's own table (ignored for English and the pseudo-locales)
     * @param english the English table, the fallback for every key
     * @param language the language shown, already resolved (never {@link Language#AUTO})
     */
    public static Messages of(Table table, Table english, Language language) {
        return new Messages(language.ownTable() ? table : english, english, language);
    }

    /** The language these words are in. */
    public Language language() {
        return language;
    }

    /** The text of a key without placeholders. */
    public String text(String key) {
        return transform(template(key));
    }

    private String template(String key) {
        String template = table.template(key);
        if (template == null) {
            template = english.template(key);
        }
        return template == null ? key : template;
    }

    /**
     * The text of a key with its placeholders filled.
     *
     * @param namesAndValues placeholder names and their values, alternating: "className", "cat", ...
     */
    public String format(String key, String... namesAndValues) {
        return fill(text(key), namesAndValues);
    }

    /** A message's words: its template with each value filled, nested messages worded first. */
    public String format(Message message) {
        return transform(untransformed(message));
    }

    /** A message's words before the pseudo-locales' transformation, which applies once, to the whole. */
    private String untransformed(Message message) {
        Object[] values = message.namesAndValues();
        String[] words = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            words[i] = values[i] instanceof Message nested ? untransformed(nested) : (String) values[i];
        }
        return fill(template(message.key()), words);
    }

    /**
     * A message as a sentence of its own ("input.sentence"): first letter in upper case, which
     * only English needs (ASCII only: Character.toUpperCase pulls TeaVM's Unicode case table into
     * app.js, about 1.2 KB gzip), and the language's full stop.
     */
    public String sentence(Message message) {
        String clause = untransformed(message);
        char first = clause.isEmpty() ? ' ' : clause.charAt(0);
        String capital = first >= 'a' && first <= 'z' ? (char) (first - ('a' - 'A')) + clause.substring(1) : clause;
        return format("input.sentence", "reason", capital);
    }

    /**
     * A template with each {@code {name}} replaced by its value; a placeholder without a value
     * stays as written, so that the mistake shows on the page and in tests.
     */
    public static String fill(String template, String... namesAndValues) {
        StringBuilder out = new StringBuilder(template.length() + 32);
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            int close = c == '{' ? template.indexOf('}', i) : -1;
            String value = close < 0 ? null : valueOf(template.substring(i + 1, close), namesAndValues);
            if (value == null) {
                out.append(c);
                i++;
            } else {
                out.append(value);
                i = close + 1;
            }
        }
        return out.toString();
    }

    private static String valueOf(String name, String[] namesAndValues) {
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            if (namesAndValues[i].equals(name)) {
                return namesAndValues[i + 1];
            }
        }
        return null;
    }

    private String transform(String text) {
        switch (language) {
            case PSEUDO_LONG:
                return text + " " + text;
            case PSEUDO_RIGHT_TO_LEFT:
                return RIGHT_TO_LEFT_EMBEDDING + text + POP_DIRECTIONAL_FORMATTING;
            default:
                return text;
        }
    }
}
