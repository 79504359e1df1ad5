package dev.softmaxexplorer.web.state;

import dev.softmaxexplorer.core.Format;

/** A real number in a {@link Range}, written in the link in its shortest exact form. */
public final class NumberField extends ScalarField<Double> {
    private final Message label;
    private final double initial;
    private final Range range;

    NumberField(String key, String name, Group group, String labelKey, double initial, Range range) {
        super(key, name, group);
        this.label = new Message(labelKey);
        this.initial = initial;
        this.range = range;
    }

    /** The numbers this field accepts. */
    public Range range() {
        return range;
    }

    @Override
    Double initial() {
        return initial;
    }

    @Override
    String refusal(Double value, State others) {
        return range.contains(value) ? null
                : name() + " must be " + range.description() + ": " + Format.shortest(value);
    }

    @Override
    public ParseResult<Double> parse(String text, State context) {
        return InputParser.number(text, label, range);
    }

    @Override
    String linkText(Double value) {
        return same(value, initial) ? null : Format.shortest(value);
    }
}
