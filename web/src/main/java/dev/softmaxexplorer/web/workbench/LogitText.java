package dev.softmaxexplorer.web.workbench;

import dev.softmaxexplorer.core.Format;
import dev.softmaxexplorer.core.Precision;
import dev.softmaxexplorer.web.state.InputParser;
import dev.softmaxexplorer.web.state.Message;
import dev.softmaxexplorer.web.state.ParseResult;

/**
 * Reads pasted logits: numbers separated by commas, spaces or new lines; a Python or JSON list;
 * what NumPy and PyTorch print ({@code array([ 2.1, -0.5, 3.8e-01], dtype=float32)},
 * {@code tensor([[2.1000, -0.5000]], dtype=torch.float16)}), one row nested in lists; a CSV
 * column, with or without a one-word header line. {@code nan}, {@code inf} and {@code -inf} are
 * read as NumPy writes them (and NaN and +inf then refused by {@link LogitVector}, naming the
 * index). Every number is read with core's {@link Format#parse}: the double nearest to the
 * decimal. A {@code dtype=} naming float16, bfloat16 or float32 is kept as the vector's precision.
 *
 * <p>Refusals name the line and column: text in a number, a print that NumPy shortened with
 * {@code ...}, more than one row, lists nested unevenly, a bracket without its pair, more than
 * {@link LogitVector#MAX_CLASSES} numbers, more than {@link #MAX_TEXT_LENGTH} characters.
 * It never throws, whatever the text.
 */
public final class LogitText {

    /** The longest text read: 131,072 numbers of 60 characters each. */
    public static final int MAX_TEXT_LENGTH = 8_000_000;

    private final String text;
    private int at;
    private int line = 1;
    private int lineStart;
    private int depth;
    private int wrappers;
    private int numberDepth = -1;
    private boolean listWithoutNumbers;
    private int rows;
    private double[] values = new double[1024];
    private int count;
    private Precision precision;

    private LogitText(String text) {
        this.text = text;
    }

    /** The vector the text holds, or why it cannot be read (see the class comment). */
    public static ParseResult<LogitVector> read(String text) {
        if (text == null || text.trim().isEmpty()) {
            return ParseResult.rejected(new Message("workbench.problem.empty"));
        }
        if (text.length() > MAX_TEXT_LENGTH) {
            return ParseResult.rejected(new Message("workbench.text.too-long", "length",
                    Integer.toString(text.length()), "max", "8,000,000"));
        }
        LogitText reader = new LogitText(text);
        Message problem = reader.scan();
        return problem != null ? ParseResult.rejected(problem)
                : LogitVector.checked(reader.values, reader.count, reader.precision);
    }

    private Message scan() {
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c == '\n') {
                at++;
                line++;
                lineStart = at;
            } else if (c == ' ' || c == ',' || c == '\t' || c == '\r') {
                at++;
            } else if (c == '[') {
                depth++;
                listWithoutNumbers = true;
                at++;
            } else if (c == ']') {
                if (depth == 0) {
                    return unpaired("]");
                }
                depth--;
                at++;
            } else if (c == ')') {
                if (wrappers == 0) {
                    return unpaired(")");
                }
                wrappers--;
                at++;
            } else if (isWordCharacter(c)) {
                Message problem = word();
                if (problem != null) {
                    return problem;
                }
            } else {
                return notNumber(at, at + 1);
            }
        }
        if (depth > 0 || wrappers > 0) {
            return new Message("workbench.text.unclosed", "bracket", depth > 0 ? "]" : ")");
        }
        return null;
    }

    /** A run of word characters: a number, a wrapper such as {@code array(}, or a keyword argument. */
    private Message word() {
        int start = at;
        while (at < text.length() && isWordCharacter(text.charAt(at))) {
            at++;
        }
        String word = text.substring(start, at);
        if (word.startsWith("...")) {
            return new Message("workbench.text.shortened", "line", Integer.toString(line));
        }
        int next = skipSpaces(at);
        if (next < text.length() && text.charAt(next) == '(' && isWrapper(word)) {
            wrappers++;
            at = next + 1;
            return null;
        }
        if (next < text.length() && text.charAt(next) == '=' && wrappers > 0) {
            return keyword(word, skipSpaces(next + 1));
        }
        double value;
        try {
            value = number(word);
        } catch (NumberFormatException e) {
            if (isHeader(start)) {
                return null;
            }
            return notNumber(start, at);
        }
        if (Math.abs(value) == Double.POSITIVE_INFINITY && Character.isDigit(word.charAt(word.length() - 1))) {
            return new Message("workbench.text.too-large", "line", Integer.toString(line),
                    "column", Integer.toString(start - lineStart + 1), "text", InputParser.quote(word));
        }
        return add(value, start);
    }

    private Message add(double value, int start) {
        if (numberDepth < 0) {
            numberDepth = depth;
        } else if (depth != numberDepth) {
            return new Message("workbench.text.ragged", "line", Integer.toString(line),
                    "column", Integer.toString(start - lineStart + 1));
        }
        if (depth > 0 && listWithoutNumbers) {
            listWithoutNumbers = false;
            rows++;
            if (rows > 1) {
                return new Message("workbench.text.rows", "line", Integer.toString(line));
            }
        }
        if (count == LogitVector.MAX_CLASSES) {
            return LogitVector.tooMany();
        }
        if (count == values.length) {
            values = java.util.Arrays.copyOf(values, 2 * count);
        }
        values[count++] = value;
        return null;
    }

    /** A keyword argument of a print: {@code dtype=} is kept; {@code device='cuda:0'} and the like are skipped. */
    private Message keyword(String name, int valueStart) {
        int end = valueStart;
        if (end < text.length() && (text.charAt(end) == '\'' || text.charAt(end) == '"' || text.charAt(end) == '<')) {
            char close = text.charAt(end) == '<' ? '>' : text.charAt(end);
            end = text.indexOf(close, end + 1);
            if (end < 0) {
                return new Message("workbench.text.unclosed", "bracket", String.valueOf(close));
            }
            end++;
        } else {
            while (end < text.length() && isWordCharacter(text.charAt(end))) {
                end++;
            }
        }
        if (name.equals("dtype")) {
            precision = dtype(text.substring(valueStart, end));
        }
        at = end;
        return null;
    }

    /** The format a dtype names, or null for float64 and the integer types. */
    static Precision dtype(String written) {
        String name = written.replace("'", "").replace("\"", "");
        boolean torch = name.startsWith("torch.");
        int dot = name.lastIndexOf('.');
        name = name.substring(dot + 1);
        switch (name) {
            case "float16":
            case "half":
                return Precision.FLOAT16;
            case "bfloat16":
                return Precision.BFLOAT16;
            case "float32":
            case "single":
                return Precision.FLOAT32;
            case "float":
                // torch.float is float32; NumPy's float is float64.
                return torch ? Precision.FLOAT32 : null;
            default:
                return null;
        }
    }

    /** Whether a word that is not a number is a CSV header: alone on the first line, before any number. */
    private boolean isHeader(int start) {
        if (line != 1 || count > 0 || depth > 0 || wrappers > 0 || text.substring(0, start).trim().length() > 0) {
            return false;
        }
        int end = at;
        while (end < text.length() && text.charAt(end) != '\n') {
            char c = text.charAt(end);
            if (c != ' ' && c != ',' && c != '\t' && c != '\r') {
                return false;
            }
            end++;
        }
        return end < text.length();
    }

    private static double number(String word) {
        char first = word.charAt(word.charAt(0) == '-' || word.charAt(0) == '+' ? Math.min(1, word.length() - 1) : 0);
        if (first != 'n' && first != 'N' && first != 'i' && first != 'I') {
            return Format.parse(word);
        }
        String lower = word.toLowerCase();
        String magnitude = lower.startsWith("-") || lower.startsWith("+") ? lower.substring(1) : lower;
        if (magnitude.equals("nan")) {
            return Double.NaN;
        }
        if (magnitude.equals("inf") || magnitude.equals("infinity")) {
            return lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        return Format.parse(word);
    }

    private static boolean isWrapper(String word) {
        return word.equals("array") || word.equals("np.array") || word.equals("numpy.array")
                || word.equals("tensor") || word.equals("torch.tensor");
    }

    private static boolean isWordCharacter(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
                || c == '.' || c == '-' || c == '+' || c == '_';
    }

    private int skipSpaces(int from) {
        int i = from;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    private Message notNumber(int start, int end) {
        return new Message("workbench.text.not-number", "line", Integer.toString(line),
                "column", Integer.toString(start - lineStart + 1), "text", InputParser.quote(text.substring(start, end)));
    }

    private Message unpaired(String bracket) {
        return new Message("workbench.text.unpaired", "bracket", bracket, "line", Integer.toString(line),
                "column", Integer.toString(at - lineStart + 1));
    }
}
