package dev.softmaxexplorer.web.state;

/**
 * The outcome of reading untrusted text: a value, or the reason it was refused. Parsers return
 * it instead of throwing, so the page can show the reason next to the field (or in the list of
 * link notices) and keep the last good state.
 *
 * <p>The reason is a clause that names the field and says what was wrong, starting in lower
 * case and without a final period ("the temperature T must be a number greater than 0; -1 is
 * not"), so that it can end a longer sentence; {@link #message()} makes it a sentence of its own.
 *
 * @param <T> the type of the value
 */
public final class ParseResult<T> {

    private final T value;
    private final String reason;

    private ParseResult(T value, String reason) {
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
     * @throws IllegalArgumentException if reason is null or empty
     */
    public static <T> ParseResult<T> rejected(String reason) {
        if (reason == null || reason.isEmpty()) {
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
    public String reason() {
        if (reason == null) {
            throw new IllegalStateException("this input was accepted: there is no reason to give");
        }
        return reason;
    }

    /**
     * Why the text was refused, as a sentence for the page: the reason with a capital first
     * letter and a final period.
     *
     * @throws IllegalStateException if the text was accepted
     */
    public String message() {
        String r = reason();
        char first = r.charAt(0);
        // ASCII only (reasons are this program's own text, starting in lower case):
        // Character.toUpperCase pulls TeaVM's Unicode case table into app.js (about 1.2 KB gzip).
        char capital = first >= 'a' && first <= 'z' ? (char) (first - ('a' - 'A')) : first;
        return capital + r.substring(1) + ".";
    }
}
