package dev.softmaxexplorer.web.text;

import dev.softmaxexplorer.core.Format;

/** How a number reads in a table cell: short values exactly ("0.6650390625"), long ones to six digits. */
public final class Numbers {
    private static final int EXACT_UP_TO = 12;

    private Numbers() {
    }

    public static String compact(double x) {
        String exact = Format.shortest(x);
        return exact.length() <= EXACT_UP_TO ? exact : Format.significant(x, 6);
    }
}
