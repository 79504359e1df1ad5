package dev.softmaxexplorer.web.state;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Reproducible random inputs for the tests that try many values: the same seed gives the same
 * cases in every run, each list starts with the edge cases that break parsers and codecs, and a
 * failing case is named in the assertion message so that it can be replayed.
 */
final class SeededInputs {
    /** As many cases as a property-based test library tries by default. */
    static final int CASES = 1000;

    private static final double[] SPECIAL_DOUBLES = {
        0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, 2 * Double.MIN_VALUE, Double.MIN_NORMAL,
        Math.nextDown(Double.MIN_NORMAL), -Double.MIN_NORMAL, Double.MAX_VALUE, -Double.MAX_VALUE,
        Math.nextDown(Double.MAX_VALUE), 1e308, -1e308, 1.0, -1.0, Math.nextUp(1.0), Math.nextDown(1.0), 0.1,
        1e-300, 9007199254740993.0, 1e21, 4.35, 2.227363561795744E-39, 709.782712893384, 11.09,
    };

    private static final String[] SPECIAL_TEXTS = {
        "", " ", "\u0000", "\t", "\n", "-", "+", ".", "e", "1e", "1e+", "-0", "+0", "0.", ".5", "1e999", "-1e999",
        "1e-999", "NaN", "Infinity", "-Infinity", "inf", "nan", "0x10", "1,5", "1_000", "\u0661", "１", "\uD800",
        "\uDC00x", "\u202Eabc", "1".repeat(101), " 3 ", "Class 1", "3.0", "2147483648", "-2147483649", "naive",
        "STABLE", "🐈", "a".repeat(41),
    };

    private static final String ALPHABET = "0123456789+-.eE ,xX_aNnIif\t";

    private SeededInputs() {
    }

    /** Finite doubles: the special ones, then random bit patterns (every exponent equally likely) and small decimals. */
    static double[] finiteDoubles(long seed, int count) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            if (i < SPECIAL_DOUBLES.length) {
                values[i] = SPECIAL_DOUBLES[i];
                continue;
            }
            double x;
            do {
                x = random.nextBoolean() ? Double.longBitsToDouble(random.nextLong())
                        : (random.nextInt(2_000_001) - 1_000_000) / Math.pow(10, random.nextInt(7));
            } while (!Double.isFinite(x));
            values[i] = x;
        }
        return values;
    }

    /**
     * Texts: the special ones, then random strings of up to 30 characters drawn from number-like
     * characters, any code point of the Basic Multilingual Plane (lone surrogates included) and
     * astral characters.
     */
    static List<String> texts(long seed, int count) {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> texts = new ArrayList<>(List.of(SPECIAL_TEXTS));
        while (texts.size() < count) {
            int length = random.nextInt(31);
            StringBuilder text = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                switch (random.nextInt(4)) {
                    case 0, 1 -> text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                    case 2 -> text.append((char) random.nextInt(0x10000));
                    default -> text.appendCodePoint(0x10000 + random.nextInt(0x100000));
                }
            }
            texts.add(text.toString());
        }
        return texts;
    }
}
