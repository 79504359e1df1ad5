package dev.softmaxexplorer.web.state;

/** A field with one value, read from one text (a typed field, or one value in the link). */
public abstract class ScalarField<T> extends Field<T> {

    ScalarField(String key, String name, Group group) {
        super(key, name, group);
    }

    /**
     * Reads text a person typed or a link carried, in the context of the current state (the
     * true class depends on K), never throwing: a value or a reason naming the field.
     */
    public abstract ParseResult<T> parse(String text, State context);

    /** What a key given without '=' in a link means: by default, what empty text means. */
    ParseResult<T> bare(State context) {
        return parse("", context);
    }
}
