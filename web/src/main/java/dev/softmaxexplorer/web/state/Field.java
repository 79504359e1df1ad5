package dev.softmaxexplorer.web.state;

/**
 * One field of the {@link State}, described once: its key in the link, its name in exceptions,
 * its group, its default, which values it accepts and how it reads text (typed or from a link)
 * with a message that names it ({@link ScalarField}, or item by item for a {@link ClassField}). Validation, the link codec, typed input, Reset, equality and
 * hashing all work from these descriptions ({@link Fields} lists them), so that adding a
 * parameter to the page is one row there plus its control.
 *
 * @param <T> the type of the value; immutable or copied in and out ({@link #copy})
 */
public abstract class Field<T> {
    private final String key;
    private final String name;
    private final Group group;
    /** The field's place in {@link Fields#ALL} and in every state's values. */
    final int index;

    Field(String key, String name, Group group) {
        this.key = key;
        this.name = name;
        this.group = group;
        this.index = Fields.register(this);
    }

    /** The key in the link: lower-case ASCII. */
    public final String key() {
        return key;
    }

    /** The field's name in exception messages, as a programmer writes it ("temperature"). */
    public final String name() {
        return name;
    }

    /** What the field is about. */
    public final Group group() {
        return group;
    }

    /** The value of a fresh page (a class field's is empty until it is fitted to K). */
    abstract T initial();

    /**
     * Why {@code value} cannot be this field's in a state whose other fields are {@code others},
     * as a sentence that names the field and the value; null when it can.
     */
    abstract String refusal(T value, State others);

    /**
     * This field's value once another field changed what it may be: a class field follows K, a
     * class index is clamped to it. Most fields keep their value.
     */
    T fitted(T value, State others) {
        return value;
    }

    /** The value as link text; null when it is the default, so that only changes are written. */
    abstract String linkText(T value);

    /** A copy that the caller may keep or change without changing a state (arrays; most values are immutable). */
    T copy(T value) {
        return value;
    }

    /** Whether two values are the same, bit for bit for numbers. */
    boolean same(T a, T b) {
        return a.equals(b);
    }

    int hash(T value) {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return key;
    }
}
