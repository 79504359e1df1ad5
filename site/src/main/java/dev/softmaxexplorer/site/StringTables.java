package dev.softmaxexplorer.site;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The page's string tables (web/src/main/strings/LANG.properties, one per language) at build time:
 * writes the English words into the page's static elements, so that the page reads in English
 * before its script runs (and without it), and inlines tables as JSON data blocks that the script
 * reads to switch languages. Browsers never execute a {@code type="application/json"} block, so it
 * needs no Content-Security-Policy hash. The folder's page inlines only English and has the other
 * tables as files the script loads when their language is asked for ({@link #files}); the single
 * file, which can load no other file, inlines them all.
 */
final class StringTables {
    static final String DEFAULT_LANGUAGE = "en";
    /** An element whose whole content comes from the table; it must be empty in index.html. */
    private static final Pattern TEXT = Pattern.compile("<([a-z0-9]+)([^<>]*?) data-i18n=\"([^\"]+)\"([^<>]*)>(.*?)</\\1>",
            Pattern.DOTALL);
    private static final Pattern ATTRIBUTE = Pattern.compile(" data-i18n-(label|content)=\"([^\"]+)\"");
    private static final Pattern KEY = Pattern.compile(" data-i18n(?:-label|-content)?=\"([^\"]+)\"");
    /** The inline elements translated prose may use; the page's script allows the same (Markup). */
    private static final Pattern ALLOWED_TAG = Pattern.compile("&lt;(/?(?:sup|sub|em|dfn|code))&gt;");

    private final Map<String, Map<String, String>> tables;

    private StringTables(Map<String, Map<String, String>> tables) {
        this.tables = tables;
    }

    /** Every {@code LANG.properties} in the folder, read as UTF-8; English must be among them. */
    static StringTables load(Path folder) throws IOException {
        Map<String, Map<String, String>> tables = new TreeMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".properties")).sorted().toList()) {
                Properties properties = new Properties();
                try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    properties.load(in);
                }
                Map<String, String> table = new TreeMap<>();
                properties.forEach((key, value) -> table.put((String) key, (String) value));
                String name = file.getFileName().toString();
                tables.put(name.substring(0, name.length() - ".properties".length()), table);
            }
        }
        if (!tables.containsKey(DEFAULT_LANGUAGE)) {
            throw new IllegalStateException("no " + DEFAULT_LANGUAGE + ".properties in " + folder);
        }
        return new StringTables(tables);
    }

    /** The English table: key to template. */
    Map<String, String> english() {
        return tables.get(DEFAULT_LANGUAGE);
    }

    /**
     * The page with the English words in place and tables inlined before {@code before}: the
     * English one, and the others too when {@code allTables}.
     */
    String apply(String html, String before, boolean allTables) {
        Map<String, String> english = tables.get(DEFAULT_LANGUAGE);
        String filled = words(html, DEFAULT_LANGUAGE);
        // The page's own keys are left out of the English table: their words are in the page
        // already, and the script keeps a copy of them when it leaves English.
        Map<String, String> englishForCode = new TreeMap<>(english);
        Matcher used = KEY.matcher(filled);
        while (used.find()) {
            englishForCode.remove(used.group(1));
        }
        if (!filled.contains(before)) {
            throw new IllegalStateException("index.html has no " + before + " to put the string tables before");
        }
        StringBuilder blocks = new StringBuilder();
        tables.forEach((language, table) -> {
            boolean isEnglish = language.equals(DEFAULT_LANGUAGE);
            if (isEnglish || allTables) {
                blocks.append("<script type=\"application/json\" id=\"strings-").append(language).append("\">")
                        .append(json(isEnglish ? englishForCode : table)).append("</script>\n");
            }
        });
        return filled.replace(before, blocks + before);
    }

    /**
     * The page with the words of a language in its static elements (those the build leaves empty
     * in index.html), English where the language's table lacks a key, as the script shows them.
     */
    String words(String html, String language) {
        Map<String, String> english = tables.get(DEFAULT_LANGUAGE);
        Map<String, String> table = tables.get(language);
        if (table == null) {
            throw new IllegalStateException("no " + language + ".properties");
        }
        StringBuilder out = new StringBuilder();
        Matcher m = TEXT.matcher(html);
        while (m.find()) {
            if (!m.group(5).isEmpty()) {
                throw new IllegalStateException("element with data-i18n=\"" + m.group(3)
                        + "\" must be empty in index.html: its words come from the string table");
            }
            m.appendReplacement(out, Matcher.quoteReplacement("<" + m.group(1) + m.group(2) + " data-i18n=\""
                    + m.group(3) + "\"" + m.group(4) + ">" + markup(word(table, english, m.group(3))) + "</"
                    + m.group(1) + ">"));
        }
        m.appendTail(out);
        Matcher a = ATTRIBUTE.matcher(out.toString());
        StringBuilder withAttributes = new StringBuilder();
        while (a.find()) {
            String attribute = a.group(1).equals("label") ? "aria-label" : "content";
            a.appendReplacement(withAttributes, Matcher.quoteReplacement(a.group() + " " + attribute + "=\""
                    + escape(word(table, english, a.group(2))) + "\""));
        }
        a.appendTail(withAttributes);
        return withAttributes.toString();
    }

    /** A language's table: key to template (the script falls back to English for a key it lacks). */
    Map<String, String> table(String language) {
        return Collections.unmodifiableMap(tables.get(language));
    }

    /**
     * The tables other than English as scripts by file name ({@code strings-ja.js}), each adding
     * its table to {@code window.softmaxExplorerStrings}, where the page's script reads it.
     */
    Map<String, String> files() {
        Map<String, String> files = new TreeMap<>();
        tables.forEach((language, table) -> {
            if (!language.equals(DEFAULT_LANGUAGE)) {
                files.put("strings-" + language + ".js", "(window.softmaxExplorerStrings = window.softmaxExplorerStrings"
                        + " || {})[" + jsonString(language) + "] = " + json(table) + ";\n");
            }
        });
        return files;
    }

    private static String word(Map<String, String> table, Map<String, String> english, String key) {
        String text = table.containsKey(key) ? table.get(key) : english.get(key);
        if (text == null) {
            throw new IllegalStateException("index.html uses the key " + key + ", which "
                    + DEFAULT_LANGUAGE + ".properties lacks");
        }
        return text;
    }

    /** Text as HTML, where only the allowed inline elements stay elements. */
    static String markup(String text) {
        return ALLOWED_TAG.matcher(escape(text)).replaceAll("<$1>");
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** A JSON object of the table; '<' is escaped so that no value can end the script block. */
    static String json(Map<String, String> table) {
        StringBuilder out = new StringBuilder("{");
        table.forEach((key, value) -> {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append(jsonString(key)).append(':').append(jsonString(value));
        });
        return out.append('}').toString();
    }

    private static String jsonString(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c == '<' || c == '\u2028' || c == '\u2029') {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
