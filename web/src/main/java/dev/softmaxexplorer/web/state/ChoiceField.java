package dev.softmaxexplorer.web.state;

import java.util.function.Function;

/**
 * One of an enum's constants, written in the link by its key. Reading is by key in any letter
 * case, or by a reader of its own (a language link is never refused).
 */
public final class ChoiceField<E extends Enum<E>> extends ScalarField<E> {
    private final E initial;
    private final Function<E, String> linkKey;
    private final Function<String, E> reader;
    private final String refusalKey;

    /** A choice read by its keys; other text is refused with the message {@code refusalKey}. */
    ChoiceField(String key, String name, Group group, E initial, E[] choices, Function<E, String> linkKey,
            String refusalKey) {
        this(key, name, group, initial, linkKey, text -> byKey(choices, linkKey, text), refusalKey);
    }

    /** A choice read by {@code reader}, which returns null for text it refuses. */
    ChoiceField(String key, String name, Group group, E initial, Function<E, String> linkKey,
            Function<String, E> reader, String refusalKey) {
        super(key, name, group);
        this.initial = initial;
        this.linkKey = linkKey;
        this.reader = reader;
        this.refusalKey = refusalKey;
    }

    private static <E extends Enum<E>> E byKey(E[] choices, Function<E, String> linkKey, String text) {
        String key = InputParser.lowerCaseKey(text);
        for (E e : choices) {
            if (linkKey.apply(e).equals(key)) {
                return e;
            }
        }
        return null;
    }

    @Override
    E initial() {
        return initial;
    }

    @Override
    String refusal(E value, State others) {
        return null;
    }

    @Override
    public ParseResult<E> parse(String text, State context) {
        E value = reader.apply(text == null ? "" : text);
        return value != null ? ParseResult.of(value)
                : ParseResult.rejected(new Message(refusalKey, "text", InputParser.quote(text)));
    }

    @Override
    String linkText(E value) {
        return value == initial ? null : linkKey.apply(value);
    }
}
