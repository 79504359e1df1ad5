package dev.softmaxexplorer.web.state;

import dev.softmaxexplorer.core.Pipeline.Mode;
import dev.softmaxexplorer.core.Format;
import dev.softmaxexplorer.core.Precision;
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

    /** The logit of class {@code index} (0-based, shown as z1, z2, ...): any finite number. */
    public static ParseResult<Double> logit(String text, int index) {
        return number(text, "the logit z" + (index + 1), "a finite number", x -> true);
    }

    /** The teacher's logit of class {@code index} (0-based): any finite number. */
    public static ParseResult<Double> teacherLogit(String text, int index) {
        return number(text, "the teacher's logit z" + (index + 1), "a finite number", x -> true);
    }

    /** The temperature T: a number greater than 0 (the slider covers about 0.05 to 20). */
    public static ParseResult<Double> temperature(String text) {
        return number(text, "the temperature T", "a number greater than 0", x -> x > 0);
    }

    /** The label smoothing eps: a number from 0 to 1 (the slider covers 0 to 0.5). */
    public static ParseResult<Double> labelSmoothing(String text) {
        return number(text, "the label smoothing \u03b5", "a number from 0 to 1", x -> x >= 0 && x <= 1);
    }

    /** Top-p: a number greater than 0 and at most 1 (1 = off). */
    public static ParseResult<Double> topP(String text) {
        return number(text, "top-p", "a number greater than 0 and at most 1", x -> x > 0 && x <= 1);
    }

    /** The learning rate of a gradient step: a number greater than 0. */
    public static ParseResult<Double> learningRate(String text) {
        return number(text, "the learning rate", "a number greater than 0", x -> x > 0);
    }

    /** The number of classes K: a whole number from 2 to {@code maxClassCount}. */
    public static ParseResult<Integer> classCount(String text, int maxClassCount) {
        return wholeNumber(text, "the number of classes K", State.MIN_CLASSES, maxClassCount, "");
    }

    /** The true class as a 0-based index, given K classes: 0 to K - 1. */
    public static ParseResult<Integer> target(String text, int classCount) {
        return wholeNumber(text, "the true class c", 0, classCount - 1, " (0 is the first class)");
    }

    /** The seed of the sampling generator: 0 to 2147483647. */
    public static ParseResult<Integer> samplingSeed(String text) {
        return wholeNumber(text, "the sampling seed", 0, Integer.MAX_VALUE, "");
    }

    /** The fuzz mode's seed: 0 (off) or a positive whole number. */
    public static ParseResult<Integer> fuzzSeed(String text) {
        return wholeNumber(text, "the fuzz seed", 0, Integer.MAX_VALUE, "");
    }

    /** The number of samples N: 1 to {@link State#MAX_SAMPLE_COUNT}. */
    public static ParseResult<Integer> sampleCount(String text) {
        return wholeNumber(text, "the number of samples N", 1, State.MAX_SAMPLE_COUNT, "");
    }

    /** Top-k given K classes: 0 (off) to K. */
    public static ParseResult<Integer> topK(String text, int classCount) {
        return wholeNumber(text, "top-k", 0, classCount, " (0 turns it off)");
    }

    /**
     * The name of class {@code index} (0-based): surrounding spaces are removed, empty text
     * gives the default name ("Class 2"), and the result must be {@linkplain State#isValidName
     * valid}: at most {@link State#MAX_NAME_LENGTH} characters, no control characters.
     */
    public static ParseResult<String> className(String text, int index) {
        String field = "the name of class " + (index + 1);
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) {
            return ParseResult.of(State.defaultName(index));
        }
        int length = t.codePointCount(0, t.length());
        if (length > State.MAX_NAME_LENGTH) {
            return ParseResult.rejected(field + " is too long (" + length + " characters; at most "
                    + State.MAX_NAME_LENGTH + ")");
        }
        if (!State.isValidName(t)) {
            return ParseResult.rejected(field + " must not contain control characters, line breaks or"
                    + " text-direction marks");
        }
        return ParseResult.of(t);
    }

    /** The form of softmax: "naive" or "stable" (any letter case). */
    public static ParseResult<Mode> mode(String text) {
        String key = lowerCaseKey(text);
        for (Mode m : Mode.values()) {
            if (m.displayName().equals(key)) {
                return ParseResult.of(m);
            }
        }
        return ParseResult.rejected("the softmax form must be naive or stable; " + quote(text)
                + " is not one of them");
    }

    /** The precision: "float64", "float32", "float16" or "bfloat16" (any letter case). */
    public static ParseResult<Precision> precision(String text) {
        String key = lowerCaseKey(text);
        for (Precision p : Precision.values()) {
            if (p.displayName().equals(key)) {
                return ParseResult.of(p);
            }
        }
        return ParseResult.rejected("the precision must be float64, float32, float16 or bfloat16; "
                + quote(text) + " is not one of them");
    }

    /** The colour scheme: "auto", "light", "dark" or "projector" (any letter case). */
    public static ParseResult<ColorScheme> colorScheme(String text) {
        String key = lowerCaseKey(text);
        for (ColorScheme c : ColorScheme.values()) {
            if (c.key().equals(key)) {
                return ParseResult.of(c);
            }
        }
        return ParseResult.rejected("the colour scheme must be auto, light, dark or projector; "
                + quote(text) + " is not one of them");
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
                return ParseResult.rejected("the views must be among " + viewKeys() + "; "
                        + quote(key) + " is not one of them");
            }
            if (view != null) {
                chosen.add(view);
            }
            start = end + 1;
        }
        if (chosen.isEmpty()) {
            return ParseResult.rejected("the views must name at least one of " + viewKeys());
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
    public static ParseResult<Boolean> flag(String text, String field) {
        String key = lowerCaseKey(text);
        if (key.equals("1") || key.equals("true")) {
            return ParseResult.of(Boolean.TRUE);
        }
        if (key.equals("0") || key.equals("false")) {
            return ParseResult.of(Boolean.FALSE);
        }
        return ParseResult.rejected(field + " must be 1 (on) or 0 (off); " + quote(text) + " is neither");
    }

    /**
     * The text for a message: at most {@value #QUOTE_LENGTH} characters of it, in single quotes,
     * with characters that could break the page's text (line breaks, controls, direction marks)
     * shown as U+FFFD. The page sets messages as text, never as markup; this only keeps them
     * short and on one line.
     */
    static String quote(String text) {
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

    private interface Range {
        boolean contains(double x);
    }

    private static ParseResult<Double> number(String text, String field, String requirement, Range range) {
        String t = text == null ? "" : text.trim();
        String must = field + " must be " + requirement + "; ";
        if (t.isEmpty()) {
            return ParseResult.rejected(must + "the text is empty");
        }
        if (t.length() > MAX_INPUT_LENGTH) {
            return ParseResult.rejected(must + "the text is too long (" + t.length() + " characters; at most "
                    + MAX_INPUT_LENGTH + ")");
        }
        if (!isDecimalLiteral(t)) {
            String unsigned = t.charAt(0) == '-' || t.charAt(0) == '+' ? t.substring(1) : t;
            String word = lowerCaseKey(unsigned);
            if (word.equals("nan") || word.equals("infinity") || word.equals("inf")) {
                return ParseResult.rejected(must + quote(t) + " is not a finite number");
            }
            if (t.indexOf(',') >= 0 && isDecimalLiteral(t.replace(',', '.'))) {
                return ParseResult.rejected(must + "write the decimal point as '.', as in 0.5");
            }
            return ParseResult.rejected(must + quote(t) + " is not a number");
        }
        double x;
        try {
            x = Format.parse(t);
        } catch (NumberFormatException e) {
            return ParseResult.rejected(must + quote(t) + " is not a number");
        }
        if (x - x != 0) {
            return ParseResult.rejected(must + quote(t) + " is too large");
        }
        if (!range.contains(x)) {
            return ParseResult.rejected(must + quote(t) + " is outside that range");
        }
        return ParseResult.of(x);
    }

    private static ParseResult<Integer> wholeNumber(String text, String field, int min, int max, String note) {
        String t = text == null ? "" : text.trim();
        String must = field + " must be a whole number from " + min + " to " + max + note + "; ";
        if (t.isEmpty()) {
            return ParseResult.rejected(must + "the text is empty");
        }
        if (t.length() > MAX_INPUT_LENGTH) {
            return ParseResult.rejected(must + "the text is too long (" + t.length() + " characters; at most "
                    + MAX_INPUT_LENGTH + ")");
        }
        int i = t.charAt(0) == '-' || t.charAt(0) == '+' ? 1 : 0;
        boolean negative = t.charAt(0) == '-';
        if (i == t.length()) {
            return ParseResult.rejected(must + quote(t) + " is not a number");
        }
        int value = 0;
        boolean overflow = false;
        for (; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return ParseResult.rejected(must + quote(t)
                        + (isDecimalLiteral(t) ? " is not a whole number" : " is not a number"));
            }
            if (value > (Integer.MAX_VALUE - (c - '0')) / 10) {
                overflow = true;
            } else {
                value = value * 10 + (c - '0');
            }
        }
        if (overflow || (negative ? -value : value) < min || value > max) {
            return ParseResult.rejected(must + quote(t) + " is outside that range");
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
