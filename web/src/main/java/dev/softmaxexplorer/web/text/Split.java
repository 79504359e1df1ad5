package dev.softmaxexplorer.web.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Text cut at a separator character, every part kept (an empty part where two separators meet or
 * one ends the text), as {@code text.split(separator, -1)} would cut it. {@code String.split} takes
 * a regular expression even for one character, and in TeaVM that brings the whole
 * {@code java.util.regex} engine into app.js: about 40 KB gzipped for five calls.
 */
public final class Split {
    private Split() {
    }

    public static String[] at(String text, char separator) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = text.indexOf(separator); i >= 0; i = text.indexOf(separator, start)) {
            parts.add(text.substring(start, i));
            start = i + 1;
        }
        parts.add(text.substring(start));
        return parts.toArray(new String[0]);
    }
}
