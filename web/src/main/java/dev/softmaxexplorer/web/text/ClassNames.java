package dev.softmaxexplorer.web.text;

import dev.softmaxexplorer.web.state.Fields;
import dev.softmaxexplorer.web.state.Preset;
import dev.softmaxexplorer.web.state.State;
import java.util.ArrayList;
import java.util.List;

/**
 * Default class names in the page's language. The state (and so the link) keeps a default name
 * as {@link State#defaultName}, "Class 1", whatever the language; the page shows it as the
 * table's {@code inputs.class.default-name}, e.g. "クラス1". A name somebody typed is shown as
 * typed, in every language. An example with names of its own ("cat, dog, bird") gets them in the
 * page's language when it is chosen; from then on they are names like typed ones.
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
                        names = state.get(Fields.NAMES).toArray(new String[0]);
                    }
                    names[i] = localized;
                }
            }
        }
        return names == null ? state : state.with(Fields.NAMES, List.of(names));
    }

    /**
     * {@code state} with {@code preset} applied and, when the example has names of its own, those
     * of the language of {@code words}; its English names where the table's list does not give one
     * valid name per class (a pseudo-locale).
     */
    public static State withPreset(State state, Preset preset, Messages words) {
        State applied = preset.appliedTo(state);
        if (preset.namesKey() == null) {
            return applied;
        }
        List<String> names = split(words.format(preset.namesKey()));
        if (names.size() != applied.classCount()) {
            return applied;
        }
        for (String name : names) {
            if (!State.isValidName(name)) {
                return applied;
            }
        }
        return applied.with(Fields.NAMES, names);
    }

    /** The items of a comma-separated list, trimmed (by hand: String.split would bring regular expressions). */
    private static List<String> split(String list) {
        List<String> items = new ArrayList<>();
        int start = 0;
        for (int comma = list.indexOf(','); comma >= 0; comma = list.indexOf(',', start)) {
            items.add(list.substring(start, comma).trim());
            start = comma + 1;
        }
        items.add(list.substring(start).trim());
        return items;
    }

    private static String defaultName(Messages words, int i) {
        return words.format(KEY, "n", Integer.toString(i + 1));
    }
}
