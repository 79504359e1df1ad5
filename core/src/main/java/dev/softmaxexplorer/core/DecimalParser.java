package dev.softmaxexplorer.core;

import java.math.BigInteger;

/**
 * Decimal text to the nearest double, correctly rounded (ties to even), with gradual underflow
 * and overflow to infinity.
 *
 * <p>Grammar, after trimming surrounding whitespace: an optional sign, then "Infinity", "NaN",
 * or digits with an optional decimal point (at least one digit on either side of it) and an
 * optional exponent "e" or "E", optional sign, digits. ASCII digits only.
 *
 * <p>Algorithm: the digits form an integer M and the value is M * 10^E, an exact rational
 * num/den. Its binary exponent e (2^e <= num/den < 2^(e+1)) sets the quantum 2^(max(e,-1022)-52);
 * the integer quotient by that quantum is rounded half-even from its remainder and scaled back by
 * an exact power of two. Magnitudes far outside the double range are decided from the digit
 * count alone, so "1e999999999" costs nothing.
 *
 * <p>Fast path (Clinger 1990), for the short numbers a pasted vector of 131,072 logits is made
 * of: when M has at most 15 significant digits and |E| <= 22, M and 10^|E| are both exact
 * doubles (below 2^53), so the one IEEE multiplication or division M * 10^E or M / 10^-E is
 * already the correctly rounded result, with no BigInteger.
 */
final class DecimalParser {

    /** Exponents are saturated here: far beyond any double, far from int overflow. */
    private static final long EXPONENT_CAP = 1_000_000_000L;
    private static final int SIGNIFICAND_BITS = 53;
    /** 10^15 < 2^53: any integer of at most this many digits is an exact double. */
    private static final int FAST_DIGITS = 15;
    /** 10^22 is the largest power of ten that is an exact double (5^22 < 2^53). */
    private static final int FAST_EXPONENT = 22;
    private static final double[] POWERS_OF_TEN = powersOfTen();

    private DecimalParser() {
    }

    static double parse(String text) {
        if (text == null) {
            throw new NumberFormatException("number: null");
        }
        String s = text.trim();
        int position = 0;
        boolean negative = false;
        if (!s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
            negative = s.charAt(0) == '-';
            position = 1;
        }
        String body = s.substring(position);
        if (body.equals("Infinity")) {
            return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (body.equals("NaN")) {
            return Double.NaN;
        }
        StringBuilder digits = new StringBuilder();
        int integerEnd = scanDigits(s, position, digits);
        int fractionEnd = integerEnd;
        if (fractionEnd < s.length() && s.charAt(fractionEnd) == '.') {
            fractionEnd = scanDigits(s, fractionEnd + 1, digits);
        }
        int fractionDigits = digits.length() - (integerEnd - position);
        if (digits.length() == 0) {
            throw notANumber(text);
        }
        long exponent = 0;
        int end = fractionEnd;
        if (end < s.length() && (s.charAt(end) == 'e' || s.charAt(end) == 'E')) {
            int signAt = end + 1;
            boolean negativeExponent = signAt < s.length() && s.charAt(signAt) == '-';
            int start = signAt < s.length() && (s.charAt(signAt) == '+' || negativeExponent) ? signAt + 1 : signAt;
            end = start;
            while (end < s.length() && isDigit(s.charAt(end))) {
                int digit = s.charAt(end) - '0';
                exponent = Math.min(EXPONENT_CAP, exponent * 10 + digit);
                end++;
            }
            if (end == start) {
                throw notANumber(text);
            }
            exponent = negativeExponent ? -exponent : exponent;
        }
        if (end != s.length()) {
            throw notANumber(text);
        }
        double magnitude = magnitude(digits, exponent - fractionDigits);
        return negative ? -magnitude : magnitude;
    }

    private static int scanDigits(String s, int from, StringBuilder digits) {
        int at = from;
        while (at < s.length() && isDigit(s.charAt(at))) {
            digits.append(s.charAt(at));
            at++;
        }
        return at;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static NumberFormatException notANumber(String text) {
        return new NumberFormatException("not a number: \"" + text + "\"");
    }

    /** The double nearest to digits * 10^exponent, digits being a nonempty run of 0-9. */
    private static double magnitude(CharSequence digits, long exponent) {
        int first = 0;
        while (first < digits.length() && digits.charAt(first) == '0') {
            first++;
        }
        if (first == digits.length()) {
            return 0.0;
        }
        int count = digits.length() - first;
        if (count <= FAST_DIGITS && exponent >= -FAST_EXPONENT && exponent <= FAST_EXPONENT) {
            double whole = 0.0;
            for (int i = first; i < digits.length(); i++) {
                int digit = digits.charAt(i) - '0';
                whole = whole * 10.0 + digit;
            }
            int power = (int) exponent;
            return power >= 0 ? whole * POWERS_OF_TEN[power] : whole / POWERS_OF_TEN[-power];
        }
        // The value lies in [10^(count-1+exponent), 10^(count+exponent)).
        if (count - 1 + exponent > 309) {
            return Double.POSITIVE_INFINITY;
        }
        if (count + exponent < -324) {
            return 0.0;
        }
        BigInteger significand = new BigInteger(digits.subSequence(first, digits.length()).toString());
        int scale = (int) exponent;
        return scale >= 0
                ? nearest(significand.multiply(BigInteger.TEN.pow(scale)), BigInteger.ONE)
                : nearest(significand, BigInteger.TEN.pow(-scale));
    }

    private static double[] powersOfTen() {
        double[] powers = new double[FAST_EXPONENT + 1];
        powers[0] = 1.0;
        for (int i = 1; i < powers.length; i++) {
            powers[i] = powers[i - 1] * 10.0;
        }
        return powers;
    }

    /** The double nearest to the positive rational num/den. */
    private static double nearest(BigInteger num, BigInteger den) {
        int exponent = num.bitLength() - den.bitLength();
        if (compareToPowerOfTwoMultiple(num, den, exponent) < 0) {
            exponent--;
        }
        if (exponent > 1023) {
            return Double.POSITIVE_INFINITY;
        }
        int quantumExponent = Math.max(exponent, -1022) - SIGNIFICAND_BITS + 1;
        BigInteger dividend = quantumExponent < 0 ? num.shiftLeft(-quantumExponent) : num;
        BigInteger divisor = quantumExponent < 0 ? den : den.shiftLeft(quantumExponent);
        BigInteger[] quotientAndRemainder = dividend.divideAndRemainder(divisor);
        BigInteger quotient = quotientAndRemainder[0];
        int half = quotientAndRemainder[1].shiftLeft(1).compareTo(divisor);
        if (half > 0 || half == 0 && quotient.testBit(0)) {
            quotient = quotient.add(BigInteger.ONE);
        }
        // quotient <= 2^53: two exact int halves avoid BigInteger.doubleValue and long in TeaVM.
        double upper = quotient.shiftRight(26).intValue();
        double lower = quotient.intValue() & 0x3FFFFFF;
        double significand = (upper * 0x1p26) + lower;
        // Exact unless the rounded value reaches 2^1024, which correctly becomes infinity.
        return significand * PowerOfTwo.of(quantumExponent);
    }

    /** Compares num with den * 2^exponent. */
    private static int compareToPowerOfTwoMultiple(BigInteger num, BigInteger den, int exponent) {
        return exponent >= 0
                ? num.compareTo(den.shiftLeft(exponent))
                : num.shiftLeft(-exponent).compareTo(den);
    }
}
