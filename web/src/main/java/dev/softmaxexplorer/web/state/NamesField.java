package dev.softmaxexplorer.web.state;

import java.util.Arrays;
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
        String[] changed = values.toArray(new String[0]);
        changed[i] = item;
        return copy(Arrays.asList(changed));
    }

    @Override
    List<String> resized(List<String> values, int k) {
        String[] resized = new String[k];
        for (int i = 0; i < k; i++) {
            resized[i] = i < values.size() ? values.get(i) : State.defaultName(i);
        }
        return List.of(resized);
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

    /**
     * An unmodifiable copy, so that the state's list cannot change; a null item becomes empty
     * text, which {@link #itemRefusal} refuses by name.
     */
    @Override
    List<String> copy(List<String> values) {
        String[] items = values.toArray(new String[0]);
        for (int i = 0; i < items.length; i++) {
            items[i] = items[i] == null ? "" : items[i];
        }
        return List.of(items);
    }
}
