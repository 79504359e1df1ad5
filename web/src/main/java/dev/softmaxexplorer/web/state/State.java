package dev.softmaxexplorer.web.state;

import java.util.Set;

/**
 * Everything the page shows, in one immutable value: the single source of truth. Controls read
 * it to show themselves and write a new one through the page's one update path; the URL hash is
 * this value encoded ({@link HashCodec}). Nothing else keeps a copy of a logit or of T.
 *
 * <p>Its fields are described once, in {@link Fields} (with the defaults); this class only stores
 * their values, reads and replaces them, and checks them. Every instance is valid: each
 * {@code with} returns a new state or throws {@link IllegalArgumentException} naming the field
 * and the value. Typed text is checked with messages by the fields' parsers before it gets here,
 * so an exception from this class is a bug in the caller, never a user's mistake.
 *
 * <p>Equality is field by field, numbers bit for bit (so -0.0 differs from 0.0 and a state read
 * back from its hash equals the original exactly).
 */
public final class State {

    /** The fewest classes softmax makes sense for. */
    public static final int MIN_CLASSES = 2;
    /** The most classes the page's controls offer. */
    public static final int MAX_CLASSES = 10;
    /** The most classes in stress mode, which only a link can turn on (for benchmarks). */
    public static final int MAX_STRESS_CLASSES = 1000;
    /** The number of classes of a fresh page. */
    public static final int DEFAULT_CLASSES = 3;
    /** The longest class name, in Unicode code points: long enough for "golden retriever puppy". */
    public static final int MAX_NAME_LENGTH = 40;
    /**
     * The largest top-k: the most classes a workbench vector may have ({@code LogitVector.MAX_CLASSES}),
     * so that a top-k meant for a loaded vector (40 of 50,257) is a valid state and a link keeps
     * it, whatever the page's own K. A top-k above the classes present keeps them all.
     */
    public static final int MAX_TOP_K = 131_072;
    /** The most samples one draw may take; enough for a smooth histogram, small enough for a frame. */
    public static final int MAX_SAMPLE_COUNT = 100_000;

    /** Made on first use, after {@link Fields} (whose rows this class's constants feed). */
    private static final class Defaults {
        static final State STATE = createDefaults();
    }

    /** The values of {@link Fields#ALL}, by index; arrays and sets are never shared with a caller. */
    private final Object[] values;

    private State(Object[] values) {
        this.values = values;
    }

    private static State createDefaults() {
        Object[] values = new Object[Fields.ALL.size()];
        for (Field<?> f : Fields.ALL) {
            values[f.index] = f.initial();
        }
        return checked(fitted(values, null));
    }

    /** The state of a fresh page (see {@link Fields} for the values). */
    public static State defaults() {
        return Defaults.STATE;
    }

    /** The default name of class {@code i} (0-based): "Class 1" for i = 0. */
    public static String defaultName(int i) {
        return "Class " + (i + 1);
    }

    /**
     * Whether a character may appear in a class name. Refused: C0 and C1 control characters
     * (newlines, tabs, escape), the line and paragraph separators, the bidirectional-text
     * controls (they can make a name display as different text) and lone surrogates (they
     * cannot be written as UTF-8, so the name would not survive the URL hash).
     */
    public static boolean isAllowedNameCharacter(int codePoint) {
        return codePoint >= 0x20
                && !(codePoint >= 0x7F && codePoint <= 0x9F)
                && codePoint != 0x2028 && codePoint != 0x2029
                && codePoint != 0x200E && codePoint != 0x200F
                && !(codePoint >= 0x202A && codePoint <= 0x202E)
                && !(codePoint >= 0x2066 && codePoint <= 0x2069)
                && !(codePoint >= 0xD800 && codePoint <= 0xDFFF)
                && codePoint <= 0x10FFFF;
    }

    /**
     * Whether a text is a valid class name: not empty, without leading or trailing spaces (as
     * {@link String#trim()} removes them), at most {@link #MAX_NAME_LENGTH} code points, and made
     * of {@linkplain #isAllowedNameCharacter allowed characters} only.
     */
    public static boolean isValidName(String name) {
        if (name == null || name.isEmpty() || !name.trim().equals(name)
                || name.codePointCount(0, name.length()) > MAX_NAME_LENGTH) {
            return false;
        }
        for (int i = 0; i < name.length(); i = name.offsetByCodePoints(i, 1)) {
            if (!isAllowedNameCharacter(name.codePointAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** The value of a field (a copy where the value could be changed). */
    @SuppressWarnings("unchecked")
    public <T> T get(Field<T> field) {
        return field.copy((T) values[field.index]);
    }

    /** The number of classes K. */
    public int classCount() {
        return (Integer) values[Fields.CLASS_COUNT.index];
    }

    /** Class {@code i}'s item of a class field (0-based), without copying the list. */
    @SuppressWarnings("unchecked")
    public <A, E> E item(ClassField<A, E> field, int i) {
        return field.item((A) values[field.index], i);
    }

    /** The logit of class {@code i} (0-based). */
    public double logit(int i) {
        return item(Fields.LOGITS, i);
    }

    /** The name of class {@code i} (0-based). */
    public String name(int i) {
        return item(Fields.NAMES, i);
    }

    /** Whether the page shows this view: always on the full page, when chosen when embedded. */
    public boolean shows(View view) {
        return !get(Fields.EMBED) || ((Set<?>) values[Fields.VIEWS.index]).contains(view);
    }

    /**
     * This state with one field replaced. The others follow where they must: changing K (or
     * turning stress mode off above {@link #MAX_CLASSES}) resizes the class fields, keeping the
     * first classes and adding defaults, and clamps the true class.
     *
     * @throws IllegalArgumentException if the value is null or the field refuses it
     */
    public <T> State with(Field<T> field, T value) {
        if (value == null) {
            throw new IllegalArgumentException(field.name() + " must not be null");
        }
        Object[] next = values.clone();
        next[field.index] = field.copy(value);
        String refusal = field.refusal(value, new State(next));
        if (refusal != null) {
            throw new IllegalArgumentException(refusal);
        }
        return checked(fitted(next, field));
    }

    /**
     * This state with the item of class {@code i} of a class field replaced.
     *
     * @throws IllegalArgumentException if i is not a class index or the field refuses the item
     */
    public <A, E> State with(ClassField<A, E> field, int i, E item) {
        if (i < 0 || i >= classCount()) {
            throw new IllegalArgumentException("i must be in [0, " + (classCount() - 1) + "]: " + i);
        }
        @SuppressWarnings("unchecked")
        A current = (A) values[field.index];
        return with(field, field.withItem(current, i, item));
    }

    /** This state back to the defaults, except the fields of groups that Reset keeps (how the page is viewed). */
    public State reset() {
        Object[] next = defaults().values.clone();
        for (Field<?> f : Fields.ALL) {
            if (f.group().keptByReset()) {
                next[f.index] = values[f.index];
            }
        }
        return checked(fitted(next, null));
    }

    /** Lets every field but {@code changed} follow the others, in table order (K before the class fields). */
    private static Object[] fitted(Object[] values, Field<?> changed) {
        State draft = new State(values);
        for (Field<?> f : Fields.ALL) {
            if (f != changed) {
                values[f.index] = fit(f, values[f.index], draft);
            }
        }
        return values;
    }

    @SuppressWarnings("unchecked")
    private static <T> T fit(Field<T> field, Object value, State others) {
        return field.fitted((T) value, others);
    }

    private static State checked(Object[] values) {
        State state = new State(values);
        for (Field<?> f : Fields.ALL) {
            String refusal = refusal(f, values[f.index], state);
            if (refusal != null) {
                throw new IllegalArgumentException(refusal);
            }
        }
        return state;
    }

    @SuppressWarnings("unchecked")
    private static <T> String refusal(Field<T> field, Object value, State others) {
        return field.refusal((T) value, others);
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof State)) {
            return false;
        }
        State o = (State) other;
        for (Field<?> f : Fields.ALL) {
            if (!same(f, values[f.index], o.values[f.index])) {
                return false;
            }
        }
        return true;
    }

    @SuppressWarnings("unchecked")
    private static <T> boolean same(Field<T> field, Object a, Object b) {
        return field.same((T) a, (T) b);
    }

    @Override
    public int hashCode() {
        int h = 0;
        for (Field<?> f : Fields.ALL) {
            h = 31 * h + hash(f, values[f.index]);
        }
        return h;
    }

    @SuppressWarnings("unchecked")
    private static <T> int hash(Field<T> field, Object value) {
        return field.hash((T) value);
    }

    /** The state as its URL hash ({@link HashCodec#encode}): exact, short, readable in test reports. */
    @Override
    public String toString() {
        return "State#" + HashCodec.encode(this);
    }
}
