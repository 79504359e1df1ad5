package dev.softmaxexplorer.web.text;

import dev.softmaxexplorer.core.Format;

/**
 * How a number reads in a table cell or a sentence: six significant digits without the trailing
 * zeros ("2", "0.665241", "1.5e-7"), so exact inputs look as typed and long values stay short.
 */
public final class Numbers {
    private static final int DIGITS = 6;

    private Numbers() {
    }

    public static String compact(double x) {
        String text = Format.significant(x, DIGITS);
        int exponent = text.indexOf('e');
        String mantissa = exponent < 0 ? text : text.substring(0, exponent);
        if (mantissa.indexOf('.') < 0) {
            return text;
        }
        int end = mantissa.length();
        while (mantissa.charAt(end - 1) == '0') {
            end--;
        }
        if (mantissa.charAt(end - 1) == '.') {
            end--;
        }
        return mantissa.substring(0, end) + (exponent < 0 ? "" : text.substring(exponent));
    }

    /** A count with thousands separators: 50,257. */
    public static String grouped(int n) {
        String digits = Integer.toString(n);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && digits.charAt(i - 1) != '-' && (digits.length() - i) % 3 == 0) {
                out.append(',');
            }
            out.append(digits.charAt(i));
        }
        return out.toString();
    }
}
