package dev.softmaxexplorer.web.workbench;

import dev.softmaxexplorer.web.state.Message;
import dev.softmaxexplorer.web.state.ParseResult;
import dev.softmaxexplorer.web.text.Split;

/**
 * Reads class names for a loaded vector, matched by index: a {@code vocab.json} as tokenizers
 * write it (a JSON object from token to id, {@code {"!": 0, "\"": 1, ...}}), or plain text with
 * one name a line (line 1 names class 0). Names are kept as written, spaces and all: tokens such
 * as "Ġthe" or " the" differ by those characters. Never throws.
 */
public final class Vocabulary {

    private final String text;
    private int at;

    private Vocabulary(String text) {
        this.text = text;
    }

    /** The names by index (null where a vocabulary skips an id), or why the text is not a vocabulary. */
    public static ParseResult<String[]> read(String text) {
        if (text == null || text.trim().isEmpty()) {
            return ParseResult.rejected(new Message("workbench.problem.empty"));
        }
        if (text.trim().startsWith("{")) {
            return new Vocabulary(text).json();
        }
        String[] lines = Split.at(text, '\n');
        int n = lines.length;
        // The new line that ends the last name does not start another.
        if (n > 1 && lines[n - 1].isEmpty()) {
            n--;
        }
        if (n > LogitVector.MAX_CLASSES) {
            return ParseResult.rejected(LogitVector.tooMany());
        }
        String[] names = new String[n];
        for (int i = 0; i < n; i++) {
            String line = lines[i];
            names[i] = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        }
        return ParseResult.of(names);
    }

    private ParseResult<String[]> json() {
        String[] names = new String[16];
        int size = 0;
        at = text.indexOf('{') + 1;
        skipSpaces();
        if (at < text.length() && text.charAt(at) == '}') {
            return ParseResult.rejected(new Message("workbench.problem.empty"));
        }
        while (true) {
            skipSpaces();
            String token = string();
            skipSpaces();
            if (token == null || at >= text.length() || text.charAt(at) != ':') {
                return broken();
            }
            at++;
            skipSpaces();
            int start = at;
            while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9' && at - start < 7) {
                at++;
            }
            if (at == start) {
                return broken();
            }
            int id = Integer.parseInt(text.substring(start, at));
            if (id >= LogitVector.MAX_CLASSES) {
                return ParseResult.rejected(new Message("workbench.vocab.id", "id", text.substring(start, at)));
            }
            if (id >= names.length) {
                names = java.util.Arrays.copyOf(names, Math.max(id + 1, 2 * names.length));
            }
            names[id] = token;
            size = Math.max(size, id + 1);
            skipSpaces();
            if (at < text.length() && text.charAt(at) == ',') {
                at++;
            } else if (at < text.length() && text.charAt(at) == '}') {
                return ParseResult.of(java.util.Arrays.copyOf(names, size));
            } else {
                return broken();
            }
        }
    }

    /** A JSON string at {@code at}, unescaped; null if there is none or it is broken. */
    private String string() {
        if (at >= text.length() || text.charAt(at) != '"') {
            return null;
        }
        StringBuilder out = new StringBuilder();
        at++;
        while (at < text.length()) {
            char c = text.charAt(at++);
            if (c == '"') {
                return out.toString();
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (at >= text.length()) {
                return null;
            }
            char e = text.charAt(at++);
            switch (e) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'u' -> {
                    if (at + 4 > text.length()) {
                        return null;
                    }
                    int code = 0;
                    for (int i = 0; i < 4; i++) {
                        int digit = Character.digit(text.charAt(at++), 16);
                        if (digit < 0) {
                            return null;
                        }
                        code = code * 16 + digit;
                    }
                    out.append((char) code);
                }
                default -> out.append(e);
            }
        }
        return null;
    }

    private void skipSpaces() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }

    private ParseResult<String[]> broken() {
        int line = 1;
        for (int i = 0; i < Math.min(at, text.length()); i++) {
            line += text.charAt(i) == '\n' ? 1 : 0;
        }
        return ParseResult.rejected(new Message("workbench.vocab.json", "line", Integer.toString(line)));
    }
}
