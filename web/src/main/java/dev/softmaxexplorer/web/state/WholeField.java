package dev.softmaxexplorer.web.state;

import java.util.function.ToIntFunction;

/**
 * A whole number from a minimum to a maximum that may depend on the other fields (the true class
 * is below K); when they change, the value is clamped to the new maximum.
 */
public final class WholeField extends ScalarField<Integer> {
    private final Message label;
    private final int initial;
    private final int min;
    private final ToIntFunction<State> max;
    private final String requirementKey;

    WholeField(String key, String name, Group group, String labelKey, int initial, int min,
            ToIntFunction<State> max, String requirementKey) {
        super(key, name, group);
        this.label = new Message(labelKey);
        this.initial = initial;
        this.min = min;
        this.max = max;
        this.requirementKey = requirementKey;
    }

    /** The smallest value. */
    public int min() {
        return min;
    }

    /** The largest value in a state with these other fields. */
    public int max(State others) {
        return max.applyAsInt(others);
    }

    @Override
    Integer initial() {
        return initial;
    }

    @Override
    String refusal(Integer value, State others) {
        int top = max(others);
        return value >= min && value <= top ? null
                : name() + " must be in [" + min + ", " + top + "]: " + Integer.toString(value);
    }

    @Override
    Integer fitted(Integer value, State others) {
        return Math.min(value, max(others));
    }

    @Override
    public ParseResult<Integer> parse(String text, State context) {
        return InputParser.wholeNumber(text, label, min, max(context), requirementKey);
    }

    @Override
    String linkText(Integer value) {
        return value == initial ? null : Integer.toString(value);
    }
}
