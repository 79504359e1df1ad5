package dev.softmaxexplorer.web.state;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A name a class: {@linkplain State#isValidName valid} text, "Class 1", "Class 2", ... by default.
 * In the link a default name is an empty item ({@code names=cat,,bird}), so that a link made in
 * one language shows the default names of another.
 */
public final class NamesField extends ClassField<List<String>, String> {

    NamesField(String key, String name, Group group) {
        super(key, name, group);
    }

    @Override
    public String itemInitial(int i) {
        return State.defaultName(i);
    }

    @Override
    List<String> initial() {
        return List.of();
    }

    @Override
    int length(List<String> values) {
        return values.size();
    }

    @Override
    String item(List<String> values, int i) {
        return values.get(i);
    }

    @Override
    List<String> withItem(List<String> values, int i, String item) {
        List<String> changed = new ArrayList<>(values);
        changed.set(i, item);
        return Collections.unmodifiableList(changed);
    }

    @Override
    List<String> resized(List<String> values, int k) {
        List<String> resized = new ArrayList<>(values.subList(0, Math.min(k, values.size())));
        for (int i = resized.size(); i < k; i++) {
            resized.add(State.defaultName(i));
        }
        return Collections.unmodifiableList(resized);
    }

    @Override
    String itemRefusal(String item, int i) {
        return State.isValidName(item) ? null : name() + "[" + i + "] must be 1 to " + State.MAX_NAME_LENGTH
                + " characters, trimmed, without control characters: " + item;
    }

    @Override
    public ParseResult<String> parseItem(String text, int i) {
        return InputParser.className(text, i);
    }

    @Override
    String itemLinkText(String item, int i) {
        return item.equals(State.defaultName(i)) ? "" : PercentEncoding.encode(item);
    }

    @Override
    Message linkItemLabel(int i) {
        return new Message("input.field.class-name", "n", Integer.toString(i + 1));
    }

    /** An unmodifiable copy, so that the state's list cannot change; a null item is refused later, by name. */
    @Override
    List<String> copy(List<String> values) {
        return Collections.unmodifiableList(new ArrayList<>(values));
    }
}
