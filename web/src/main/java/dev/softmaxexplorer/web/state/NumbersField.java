package dev.softmaxexplorer.web.state;

import dev.softmaxexplorer.core.Format;
import java.util.Arrays;
import java.util.function.IntToDoubleFunction;

/** A finite number a class (logits), compared bit for bit: -0.0 differs from 0.0. */
public final class NumbersField extends ClassField<double[], Double> {
    private final String labelKey;
    private final IntToDoubleFunction itemInitial;
    private final boolean setsClassCount;

    NumbersField(String key, String name, Group group, String labelKey, IntToDoubleFunction itemInitial,
            boolean setsClassCount) {
        super(key, name, group);
        this.labelKey = labelKey;
        this.itemInitial = itemInitial;
        this.setsClassCount = setsClassCount;
    }

    @Override
    public Double itemInitial(int i) {
        return itemInitial.applyAsDouble(i);
    }

    @Override
    double[] initial() {
        return new double[0];
    }

    @Override
    int length(double[] values) {
        return values.length;
    }

    @Override
    Double item(double[] values, int i) {
        return values[i];
    }

    @Override
    double[] withItem(double[] values, int i, Double item) {
        double[] changed = values.clone();
        changed[i] = item;
        return changed;
    }

    @Override
    double[] resized(double[] values, int k) {
        double[] resized = Arrays.copyOf(values, k);
        for (int i = values.length; i < k; i++) {
            resized[i] = itemInitial.applyAsDouble(i);
        }
        return resized;
    }

    @Override
    String itemRefusal(Double item, int i) {
        return Range.FINITE.contains(item) ? null : name() + "[" + i + "] must be finite: " + Format.shortest(item);
    }

    @Override
    public ParseResult<Double> parseItem(String text, int i) {
        return InputParser.number(text, new Message(labelKey, "n", Integer.toString(i + 1)), Range.FINITE);
    }

    @Override
    String itemLinkText(Double item, int i) {
        return Format.shortest(item);
    }

    @Override
    Message linkItemLabel(int i) {
        return new Message("link.field.value");
    }

    @Override
    boolean setsClassCount() {
        return setsClassCount;
    }

    @Override
    double[] copy(double[] values) {
        return values.clone();
    }

    @Override
    boolean same(double[] a, double[] b) {
        return Arrays.equals(a, b);
    }

    @Override
    int hash(double[] values) {
        return Arrays.hashCode(values);
    }
}
