package dev.softmaxexplorer.web.state;

import java.util.Arrays;

/**
 * Words not yet put in a language: a string-table key with its placeholder values, each a text
 * (a number, a name, quoted input) or another message (a field's name, a requirement). Parsing and
 * link decoding happen before the page knows its language, and stay free of the page's tables, so
 * they return messages; the page words them when it shows them ({@code Messages#format(Message)}).
 *
 * @param key the string-table key
 * @param namesAndValues placeholder names and values, alternating; a value is a String or a Message
 */
public record Message(String key, Object... namesAndValues) {

    /** Copies the values, so that the record stays immutable. */
    public Message {
        namesAndValues = namesAndValues.clone();
    }

    /** The value of a placeholder, or null. */
    public Object value(String name) {
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            if (namesAndValues[i].equals(name)) {
                return namesAndValues[i + 1];
            }
        }
        return null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Message m && key.equals(m.key) && Arrays.equals(namesAndValues, m.namesAndValues);
    }

    @Override
    public int hashCode() {
        return 31 * key.hashCode() + Arrays.hashCode(namesAndValues);
    }

    @Override
    public String toString() {
        return key + Arrays.toString(namesAndValues);
    }
}
