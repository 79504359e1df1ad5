package dev.softmaxexplorer.core;

/**
 * The floating-point formats the page can emulate, and exact rounding of doubles into them.
 *
 * <p>Rounding follows IEEE 754 binary arithmetic: round to nearest, ties to even; overflow to
 * ±Infinity (a value at or above maxFinite + half an ulp rounds to infinity); gradual underflow
 * to subnormals; the sign of zero kept; NaN stays NaN.
 *
 * <p>Algorithm: the magnitude is scaled by an exact power of two so that one unit is the
 * format's quantum at that exponent (the subnormal quantum below the normal range), split into
 * {@code floor} and an exact fraction, rounded half-even, and scaled back. Every step is exact
 * double arithmetic ({@code getExponent}, {@code floor}, multiplication by a power of two, the
 * subtraction of a double's integer part), which gives identical bits on the JVM and in TeaVM's
 * JavaScript. Java {@code float} is not used because TeaVM's JavaScript does not round to it,
 * and {@code long} bit twiddling is avoided because TeaVM compiles {@code long} to a slow BigInt.
 */
public enum Precision {

    /** IEEE binary64: 53-bit significand; rounding is the identity. */
    FLOAT64("float64", 53, -1022, 1023, 709.782712893384),
    /** IEEE binary32: 24-bit significand, exponents -126 to 127. */
    FLOAT32("float32", 24, -126, 127, 88.72283908187067),
    /** IEEE binary16 (half): 11-bit significand, exponents -14 to 15, max 65504. */
    FLOAT16("float16", 11, -14, 15, 11.090110718526951),
    /** bfloat16: float32's exponent range with an 8-bit significand. */
    BFLOAT16("bfloat16", 8, -126, 127, 88.7208840768372);

    private final String displayName;
    private final int significandBits;
    private final int minExponent;
    private final int maxExponent;
    private final double maxFinite;
    private final double expOverflowThreshold;

    Precision(String displayName, int significandBits, int minExponent, int maxExponent,
            double expOverflowThreshold) {
        this.displayName = displayName;
        this.significandBits = significandBits;
        this.minExponent = minExponent;
        this.maxExponent = maxExponent;
        this.maxFinite = (2.0 - PowerOfTwo.of(1 - significandBits)) * PowerOfTwo.of(maxExponent);
        this.expOverflowThreshold = expOverflowThreshold;
    }

    /**
     * Returns the precision whose {@link #displayName()} is {@code name}.
     *
     * @throws IllegalArgumentException if no precision has that name
     */
    public static Precision named(String name) {
        for (Precision precision : values()) {
            if (precision.displayName.equals(name)) {
                return precision;
            }
        }
        throw new IllegalArgumentException("precision: unknown name \"" + name + "\"");
    }

    /** The name the page and the URL use: "float64", "float32", "float16" or "bfloat16". */
    public String displayName() {
        return displayName;
    }

    /** Significand bits including the implicit leading bit: 53, 24, 11 or 8. */
    public int significandBits() {
        return significandBits;
    }

    /** The largest finite value: (2 - 2^(1-p)) * 2^maxExponent, e.g. 65504 for float16. */
    public double maxFinite() {
        return maxFinite;
    }

    /**
     * The double nearest to ln(maxFinite + half an ulp), the real number above which e^x rounds
     * to infinity in this format (709.78, 88.72, 11.09, 88.72). It is the logarithm of the
     * rounding boundary, not of maxFinite: e^x between those two still rounds down to maxFinite.
     * Values checked with 60-digit mpmath; docs/numerics.md derives them.
     */
    public double expOverflowThreshold() {
        return expOverflowThreshold;
    }

    /**
     * The number a bit pattern of this format denotes, as the double equal to it (every value of
     * float32, float16 and bfloat16 is a double): the IEEE 754 layout sign, exponent, fraction
     * in the low 32 bits (float32) or 16 bits (float16, bfloat16) of {@code bits}, higher bits
     * ignored. Subnormals, signed zeros and infinities are decoded exactly; every NaN pattern is
     * NaN. Integer and double arithmetic only (no {@code float}, which TeaVM does not round).
     *
     * @throws IllegalArgumentException for FLOAT64, whose 64 bits are {@link #float64FromBits}
     */
    public double fromBits(int bits) {
        if (this == FLOAT64) {
            throw new IllegalArgumentException("precision: float64 needs 64 bits, use float64FromBits");
        }
        int fractionBits = significandBits - 1;
        int exponentBits = 33 - Integer.numberOfLeadingZeros(maxExponent);
        int allOnes = (1 << exponentBits) - 1;
        int fraction = bits & ((1 << fractionBits) - 1);
        int biased = (bits >>> fractionBits) & allOnes;
        boolean negative = ((bits >>> (fractionBits + exponentBits)) & 1) != 0;
        double magnitude;
        if (biased == allOnes) {
            magnitude = fraction == 0 ? Double.POSITIVE_INFINITY : Double.NaN;
        } else if (biased == 0) {
            magnitude = fraction * PowerOfTwo.of(minExponent - fractionBits);
        } else {
            int significand = fraction | (1 << fractionBits);
            magnitude = significand * PowerOfTwo.of(biased - maxExponent - fractionBits);
        }
        return negative ? -magnitude : magnitude;
    }

    /**
     * The double whose IEEE 754 binary64 pattern is {@code high} (sign, exponent, top 20 fraction
     * bits) followed by {@code low} (the other 32 fraction bits): Double.longBitsToDouble without
     * {@code long}, which TeaVM compiles to a slow BigInt. Every NaN pattern is NaN.
     */
    public static double float64FromBits(int high, int low) {
        double lowBits = low < 0 ? low + 4294967296.0 : low;
        double fraction = (high & 0xFFFFF) * 4294967296.0 + lowBits;
        int biased = (high >>> 20) & 0x7FF;
        double magnitude;
        if (biased == 0x7FF) {
            magnitude = fraction == 0.0 ? Double.POSITIVE_INFINITY : Double.NaN;
        } else if (biased == 0) {
            magnitude = fraction * PowerOfTwo.of(-1074);
        } else {
            double significand = fraction + 4503599627370496.0;
            magnitude = significand * PowerOfTwo.of(biased - 1075);
        }
        return high < 0 ? -magnitude : magnitude;
    }

    /**
     * Rounds x to this format, as IEEE hardware would (see the class comment).
     * FLOAT64 returns x unchanged.
     */
    public double round(double x) {
        if (this == FLOAT64 || x == 0.0 || !(Math.abs(x) <= Double.MAX_VALUE)) {
            return x;
        }
        double magnitude = roundMagnitude(Math.abs(x), 0.0);
        return x < 0.0 ? -magnitude : magnitude;
    }

    /**
     * Rounds the exact, unevaluated sum hi + lo (a double-double) to this format.
     *
     * <p>Rounding hi alone is wrong exactly when hi lies on a midpoint between two values of the
     * format and lo is not zero: then lo's sign decides. The pair is first renormalized with
     * TwoSum, so any hi and lo are accepted. FLOAT64 returns the double nearest to hi + lo.
     * A non-finite hi is rounded alone (the lo of an overflowed double-double means nothing);
     * a finite pair whose sum overflows the double range rounds to infinity.
     */
    public double round(double hi, double lo) {
        if (!(Math.abs(hi) <= Double.MAX_VALUE)) {
            return round(hi);
        }
        double sum = hi + lo;
        if (this == FLOAT64 || sum == 0.0 || !(Math.abs(sum) <= Double.MAX_VALUE)) {
            return round(sum);
        }
        double loPart = sum - hi;
        // TwoSum's error term written with every compound operand on the left of + or on either
        // side of -, the forms TeaVM 0.15.0 compiles faithfully (docs/teavm.md).
        double error = (hi - (sum - loPart)) - (loPart - lo);
        double magnitude = roundMagnitude(Math.abs(sum), sum < 0.0 ? -error : error);
        return sum < 0.0 ? -magnitude : magnitude;
    }

    /**
     * Rounds a positive finite magnitude; on an exact midpoint a positive {@code beyond} (the
     * value is really a little larger) rounds up, a negative one rounds down, zero ties to even.
     */
    private double roundMagnitude(double magnitude, double beyond) {
        int exponent = Math.getExponent(magnitude);
        if (exponent > maxExponent) {
            return Double.POSITIVE_INFINITY;
        }
        int quantumExponent = Math.max(exponent, minExponent) - significandBits + 1;
        double scaled = magnitude * PowerOfTwo.of(-quantumExponent);
        double whole = Math.floor(scaled);
        double fraction = scaled - whole;
        boolean up = fraction > 0.5
                || fraction == 0.5 && (beyond > 0.0 || beyond == 0.0 && isOdd(whole));
        if (up) {
            whole = whole + 1.0;
        }
        double rounded = whole * PowerOfTwo.of(quantumExponent);
        return rounded > maxFinite ? Double.POSITIVE_INFINITY : rounded;
    }

    /** For a whole number below 2^25, where the int cast is safe in TeaVM's JavaScript. */
    private static boolean isOdd(double whole) {
        return (((int) whole) & 1) != 0;
    }
}
