package dev.softmaxexplorer.web.state;

import java.util.EnumSet;
import java.util.Set;

/** The views an embedding keeps: at least one, written as their keys in the page's order. */
public final class ViewsField extends ScalarField<Set<View>> {
    private final Set<View> initial;

    ViewsField(String key, String name, Group group, Set<View> initial) {
        super(key, name, group);
        this.initial = copy(initial);
    }

    @Override
    Set<View> initial() {
        return initial;
    }

    @Override
    String refusal(Set<View> value, State others) {
        return value.isEmpty() ? name() + " must name at least one view" : null;
    }

    @Override
    public ParseResult<Set<View>> parse(String text, State context) {
        return InputParser.views(text);
    }

    @Override
    String linkText(Set<View> value) {
        if (value.equals(initial)) {
            return null;
        }
        StringBuilder keys = new StringBuilder();
        for (View v : value) {
            keys.append(keys.length() == 0 ? "" : ",").append(v.key());
        }
        return keys.toString();
    }

    /** A set of its own, in the page's order, for the caller to keep or change. */
    @Override
    Set<View> copy(Set<View> value) {
        EnumSet<View> chosen = EnumSet.noneOf(View.class);
        chosen.addAll(value);
        return chosen;
    }
}
