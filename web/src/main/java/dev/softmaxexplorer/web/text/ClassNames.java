package dev.softmaxexplorer.web.text;

import dev.softmaxexplorer.web.state.State;

/**
 * Default class names in the page's language. The state (and so the link) keeps a default name
 * as {@link State#defaultName}, "Class 1", whatever the language; the page shows it as the
 * table's {@code inputs.class.default-name}, e.g. "クラス1". A name somebody typed is shown as
 * typed, in every language.
 */
public final class ClassNames {
    static final String KEY = "inputs.class.default-name";

    private ClassNames() {
    }

    /**
     * The state as the page shows it: its default names in the language of {@code words}; the
     * same object when that language's default names are the state's own (English).
     */
    public static State shown(State state, Messages words) {
        if (defaultName(words, 0).equals(State.defaultName(0))) {
            return state;
        }
        String[] names = null;
        for (int i = 0; i < state.classCount(); i++) {
            if (state.name(i).equals(State.defaultName(i))) {
                String localized = defaultName(words, i);
                // A pseudo-locale's direction marks are not allowed in a name: keep the state's.
                if (State.isValidName(localized)) {
                    if (names == null) {
                        names = state.names().toArray(new String[0]);
                    }
                    names[i] = localized;
                }
            }
        }
        return names == null ? state : state.withNames(names);
    }

    private static String defaultName(Messages words, int i) {
        return words.format(KEY, "n", Integer.toString(i + 1));
    }
}
