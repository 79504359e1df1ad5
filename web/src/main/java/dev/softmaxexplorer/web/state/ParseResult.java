package dev.softmaxexplorer.web.state;

/**
 * The outcome of reading untrusted text: a value, or the reason it was refused. Parsers return
 * it instead of throwing, so the page can show the reason next to the field (or in the list of
 * link notices) and keep the last good state.
 *
 * <p>The reason is a {@link Message}, worded when shown: a clause that names the field and says
 * what was wrong ("the temperature T must be a number greater than 0; -1 is outside that range"),
 * which can end a longer sentence (a link notice) or be a sentence of its own (next to a field).
 *
 * @param <T> the type of the value
 */
public final class ParseResult<T> {

    private final T value;
    private final Message reason;

    private ParseResult(T value, Message reason) {
        this.value = value;
        this.reason = reason;
    }

    /**
     * A successful result.
     *
     * @throws IllegalArgumentException if value is null
     */
    public static <T> ParseResult<T> of(T value) {
        if (value == null) {
            throw new IllegalArgumentException("value must not be null");
        }
        return new ParseResult<>(value, null);
    }

    /**
     * A refusal.
     *
     * @throws IllegalArgumentException if reason is null
     */
    public static <T> ParseResult<T> rejected(Message reason) {
        if (reason == null) {
            throw new IllegalArgumentException("reason must not be empty: " + reason);
        }
        return new ParseResult<>(null, reason);
    }

    /** Whether the text was accepted. */
    public boolean isOk() {
        return reason == null;
    }

    /**
     * The value read.
     *
     * @throws IllegalStateException if the text was refused (a caller that did not check)
     */
    public T value() {
        if (reason != null) {
            throw new IllegalStateException("no value: " + reason);
        }
        return value;
    }

    /**
     * Why the text was refused, as a clause (see the class comment).
     *
     * @throws IllegalStateException if the text was accepted
     */
    public Message reason() {
        if (reason == null) {
            throw new IllegalStateException("this input was accepted: there is no reason to give");
        }
        return reason;
    }
}
