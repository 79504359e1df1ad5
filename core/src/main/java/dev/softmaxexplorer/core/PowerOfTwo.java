package dev.softmaxexplorer.core;

/**
 * Exact powers of two, 2^-1074 to 2^1023, from a table.
 *
 * <p>Why a table: {@code Math.scalb} is wrong for subnormals in TeaVM's JavaScript and building
 * the value from bits needs {@code long}, which TeaVM compiles to a slow BigInt. Multiplying a
 * double by a power of two is exact whenever the product is a normal double or an exactly
 * representable subnormal, so callers scale with {@code x * PowerOfTwo.of(k)}.
 */
final class PowerOfTwo {

    static final int MIN_EXPONENT = -1074;
    static final int MAX_EXPONENT = 1023;

    private static final double[] TABLE = build();

    private PowerOfTwo() {
    }

    /**
     * Returns 2^exponent exactly.
     *
     * @throws IllegalArgumentException if exponent is outside [-1074, 1023]
     */
    static double of(int exponent) {
        if (exponent < MIN_EXPONENT || exponent > MAX_EXPONENT) {
            throw new IllegalArgumentException("exponent out of [-1074, 1023]: " + exponent);
        }
        return TABLE[exponent - MIN_EXPONENT];
    }

    private static double[] build() {
        double[] table = new double[MAX_EXPONENT - MIN_EXPONENT + 1];
        int one = -MIN_EXPONENT;
        table[one] = 1.0;
        for (int i = one + 1; i < table.length; i++) {
            table[i] = table[i - 1] * 2.0;
        }
        // Halving stays exact down to 2^-1074, the smallest subnormal.
        for (int i = one - 1; i >= 0; i--) {
            table[i] = table[i + 1] * 0.5;
        }
        return table;
    }
}
