package dev.softmaxexplorer.web.state;

import dev.softmaxexplorer.core.Format;
import java.util.EnumSet;
import java.util.Set;

/**
 * Reads what a person typed (or what a link says) into a value for one field of the
 * {@link State}, or a reason naming the field. One helper for every field, so that a typed
 * field and the URL hash accept exactly the same text and explain refusals the same way; it
 * never throws, whatever the text.
 *
 * <p>Numbers: surrounding spaces are ignored; accepted is a plain decimal literal (optional sign,
 * digits with an optional point, optional exponent: "1000", "-0", " 3 ", "1e-3", "1E+300").
 * Refused: empty text, text longer than {@link #MAX_INPUT_LENGTH} characters, anything else
 * ("abc", "0x10", "1,5"), the words NaN and Infinity, and values that overflow a double
 * ("1e999" is "too large"); then each field's range. Values that underflow become 0 (or -0),
 * as the correctly rounded conversion of {@link Format#parse} gives them, and then face the
 * range check (so "1e-999" is a valid logit but not a valid temperature).
 *
 * <p>Whole numbers (K, class index, seed, N, top-k) must be written with digits only, e.g. "3",
 * not "3.0" or "3e0".
 */
public final class InputParser {

    /**
     * The longest text read. A double's shortest form is at most 24 characters; the margin
     * allows for spaces and padded zeros, and the cap keeps pasted junk out of the number parser.
     */
    public static final int MAX_INPUT_LENGTH = 100;

    /** How many characters of refused text a reason quotes. */
    private static final int QUOTE_LENGTH = 24;


    private InputParser() {
    }

    /**
     * The name of class {@code index} (0-based): surrounding spaces are removed, empty text
     * gives the default name ("Class 2"), and the result must be {@linkplain State#isValidName
     * valid}: at most {@link State#MAX_NAME_LENGTH} characters, no control characters.
     */
    public static ParseResult<String> className(String text, int index) {
        Message field = new Message("input.field.class-name", "n", Integer.toString(index + 1));
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) {
            return ParseResult.of(State.defaultName(index));
        }
        int length = t.codePointCount(0, t.length());
        if (length > State.MAX_NAME_LENGTH) {
            return ParseResult.rejected(new Message("input.name.too-long", "field", field,
                    "length", Integer.toString(length), "max", Integer.toString(State.MAX_NAME_LENGTH)));
        }
        if (!State.isValidName(t)) {
            return ParseResult.rejected(new Message("input.name.invalid", "field", field));
        }
        return ParseResult.of(t);
    }

    /**
     * The views an embedding keeps: their keys separated by commas ("bars,sweep", any letter case,
     * spaces around keys ignored). Refused: no key at all, or any key that names no view.
     */
    public static ParseResult<Set<View>> views(String text) {
        EnumSet<View> chosen = EnumSet.noneOf(View.class);
        int start = 0;
        while (start <= text.length()) {
            int comma = text.indexOf(',', start);
            int end = comma < 0 ? text.length() : comma;
            String key = lowerCaseKey(text.substring(start, end).trim());
            View view = view(key);
            if (view == null && !key.isEmpty()) {
                return ParseResult.rejected(new Message("input.views", "keys", viewKeys(), "text", quote(key)));
            }
            if (view != null) {
                chosen.add(view);
            }
            start = end + 1;
        }
        if (chosen.isEmpty()) {
            return ParseResult.rejected(new Message("input.views.none", "keys", viewKeys()));
        }
        return ParseResult.of(chosen);
    }

    private static View view(String key) {
        for (View v : View.values()) {
            if (v.key().equals(key)) {
                return v;
            }
        }
        return null;
    }

    private static String viewKeys() {
        StringBuilder keys = new StringBuilder();
        for (View v : View.values()) {
            keys.append(keys.length() == 0 ? "" : ", ").append(v.key());
        }
        return keys.toString();
    }

    /** An on/off option named {@code field}: "1" or "true" for on, "0" or "false" for off. */
    public static ParseResult<Boolean> flag(String text, Message field) {
        String key = lowerCaseKey(text);
        if (key.equals("1") || key.equals("true")) {
            return ParseResult.of(Boolean.TRUE);
        }
        if (key.equals("0") || key.equals("false")) {
            return ParseResult.of(Boolean.FALSE);
        }
        return ParseResult.rejected(new Message("input.flag", "field", field, "text", quote(text)));
    }

    /**
     * The text for a message: at most {@value #QUOTE_LENGTH} characters of it, in single quotes,
     * with characters that could break the page's text (line breaks, controls, direction marks)
     * shown as U+FFFD. The page sets messages as text, never as markup; this only keeps them
     * short and on one line.
     */
    public static String quote(String text) {
        String t = text == null ? "" : text;
        StringBuilder out = new StringBuilder("'");
        int shown = 0;
        for (int i = 0; i < t.length(); i = t.offsetByCodePoints(i, 1)) {
            if (shown == QUOTE_LENGTH) {
                out.append('\u2026');
                break;
            }
            int c = t.codePointAt(i);
            out.appendCodePoint(State.isAllowedNameCharacter(c) ? c : 0xFFFD);
            shown++;
        }
        return out.append('\'').toString();
    }

    /** "{field} must be {requirement}; {problem}": what a field needs, completed by what was wrong. */
    private record Must(Message field, Message requirement) {
        <T> ParseResult<T> but(Message problem) {
            return ParseResult.rejected(new Message("input.must", "field", field, "requirement", requirement,
                    "problem", problem));
        }
    }

    private static Message tooLong(String t) {
        return new Message("input.problem.too-long", "length", Integer.toString(t.length()),
                "max", Integer.toString(MAX_INPUT_LENGTH));
    }

    /** A number in {@code range}, named {@code field} in a refusal. */
    static ParseResult<Double> number(String text, Message field, Range range) {
        String t = text == null ? "" : text.trim();
        Must must = new Must(field, range.requirement());
        if (t.isEmpty()) {
            return must.but(new Message("input.problem.empty"));
        }
        if (t.length() > MAX_INPUT_LENGTH) {
            return must.but(tooLong(t));
        }
        if (!isDecimalLiteral(t)) {
            String unsigned = t.charAt(0) == '-' || t.charAt(0) == '+' ? t.substring(1) : t;
            String word = lowerCaseKey(unsigned);
            if (word.equals("nan") || word.equals("infinity") || word.equals("inf")) {
                return must.but(new Message("input.problem.not-finite", "text", quote(t)));
            }
            if (t.indexOf(',') >= 0 && isDecimalLiteral(t.replace(',', '.'))) {
                return must.but(new Message("input.problem.decimal-point"));
            }
            return must.but(new Message("input.problem.not-number", "text", quote(t)));
        }
        double x;
        try {
            x = Format.parse(t);
        } catch (NumberFormatException e) {
            return must.but(new Message("input.problem.not-number", "text", quote(t)));
        }
        if (x - x != 0) {
            return must.but(new Message("input.problem.too-large", "text", quote(t)));
        }
        if (!range.contains(x)) {
            return must.but(new Message("input.problem.outside", "text", quote(t)));
        }
        return ParseResult.of(x);
    }

    /** A whole number from min to max, named {@code field} in a refusal that words the range with {@code requirementKey}. */
    static ParseResult<Integer> wholeNumber(String text, Message field, int min, int max, String requirementKey) {
        String t = text == null ? "" : text.trim();
        Must must = new Must(field, new Message(requirementKey, "min", Integer.toString(min),
                "max", Integer.toString(max)));
        if (t.isEmpty()) {
            return must.but(new Message("input.problem.empty"));
        }
        if (t.length() > MAX_INPUT_LENGTH) {
            return must.but(tooLong(t));
        }
        int i = t.charAt(0) == '-' || t.charAt(0) == '+' ? 1 : 0;
        boolean negative = t.charAt(0) == '-';
        if (i == t.length()) {
            return must.but(new Message("input.problem.not-number", "text", quote(t)));
        }
        int value = 0;
        boolean overflow = false;
        for (; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return must.but(new Message(isDecimalLiteral(t) ? "input.problem.not-whole"
                        : "input.problem.not-number", "text", quote(t)));
            }
            if (value > (Integer.MAX_VALUE - (c - '0')) / 10) {
                overflow = true;
            } else {
                value = value * 10 + (c - '0');
            }
        }
        if (overflow || (negative ? -value : value) < min || value > max) {
            return must.but(new Message("input.problem.outside", "text", quote(t)));
        }
        return ParseResult.of(negative ? -value : value);
    }

    /** Whether t is [sign] digits [. digits] [(e|E) [sign] digits] with at least one mantissa digit. */
    private static boolean isDecimalLiteral(String t) {
        int n = t.length();
        int i = 0;
        if (i < n && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
            i++;
        }
        int digits = 0;
        while (i < n && isDigit(t.charAt(i))) {
            i++;
            digits++;
        }
        if (i < n && t.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(t.charAt(i))) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < n && (t.charAt(i) == 'e' || t.charAt(i) == 'E')) {
            i++;
            if (i < n && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
                i++;
            }
            int exponentDigits = 0;
            while (i < n && isDigit(t.charAt(i))) {
                i++;
                exponentDigits++;
            }
            if (exponentDigits == 0) {
                return false;
            }
        }
        return i == n;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * The trimmed text with ASCII letters in lower case. Not {@link String#toLowerCase()}: that
     * depends on the default locale on the JVM (a Turkish locale maps "I" to a dotless i).
     */
    static String lowerCaseKey(String text) {
        String t = text == null ? "" : text.trim();
        StringBuilder out = new StringBuilder(t.length());
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            out.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
        }
        return out.toString();
    }
}
