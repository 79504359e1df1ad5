package dev.softmaxexplorer.web.state;

/**
 * A field with one item a class (logits, names): as many items as the state has classes, each
 * with a default that depends on its index, so that growing K continues the pattern. Items are
 * read one by one, so a link's bad item spoils only its own class.
 *
 * @param <A> the type of the whole list
 * @param <E> the type of an item
 */
public abstract class ClassField<A, E> extends Field<A> {

    ClassField(String key, String name, Group group) {
        super(key, name, group);
    }

    /** The default item of class {@code i} (0-based). */
    public abstract E itemInitial(int i);

    abstract int length(A values);

    abstract E item(A values, int i);

    /** A new list: {@code values} with item i replaced. */
    abstract A withItem(A values, int i, E item);

    /** A new list of k items: the first of {@code values}, then defaults. */
    abstract A resized(A values, int k);

    /** Why item i cannot be {@code item}, naming both; null when it can. */
    abstract String itemRefusal(E item, int i);

    /** Reads what a person typed for class {@code i} (0-based), or one item of a link. */
    public abstract ParseResult<E> parseItem(String text, int i);

    /** An item as link text. */
    abstract String itemLinkText(E item, int i);

    /** How a link's item is named when its %-escapes are broken. */
    abstract Message linkItemLabel(int i);

    /** Whether a link's number of items sets K when the link gives no readable K. */
    boolean setsClassCount() {
        return false;
    }

    @Override
    final String refusal(A values, State others) {
        int k = others.classCount();
        if (length(values) != k) {
            return name() + " must have one entry per class (" + k + "): " + length(values);
        }
        for (int i = 0; i < k; i++) {
            String refusal = itemRefusal(item(values, i), i);
            if (refusal != null) {
                return refusal;
            }
        }
        return null;
    }

    @Override
    final A fitted(A values, State others) {
        int k = others.classCount();
        return length(values) == k ? values : resized(values, k);
    }

    /** Null when every item is its default; else every item, separated by commas. */
    @Override
    final String linkText(A values) {
        boolean allDefault = true;
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length(values); i++) {
            E item = item(values, i);
            allDefault &= item.equals(itemInitial(i));
            out.append(i > 0 ? "," : "").append(itemLinkText(item, i));
        }
        return allDefault ? null : out.toString();
    }
}
