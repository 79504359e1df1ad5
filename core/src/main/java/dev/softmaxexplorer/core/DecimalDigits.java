package dev.softmaxexplorer.core;

import java.math.BigInteger;

/**
 * Decimal digits of a positive finite double, generated exactly with integer arithmetic:
 * the shortest digits that read back as the double, or the digits correctly rounded (half-even)
 * to a count or to a decimal place.
 *
 * <p>Method: Burger and Dybvig, "Printing Floating-Point Numbers Quickly and Accurately"
 * (PLDI 1996). The double f * 2^e is held as the ratio r / s of two integers scaled by a power of
 * ten so that r / s lies in [0.1, 1); each digit is the integer part of 10 r / s. For the shortest
 * form, m- and m+ are half the gaps to the neighbouring doubles (the gap below a power of two is
 * half the gap above), and generation stops as soon as the digits so far, or their last digit plus
 * one, lie within those bounds (bounds included when f is even, since the reader then rounds a
 * tie back to x); of the two the nearer is taken, an exact tie going to the even digit.
 *
 * <p>Why not {@code java.math.BigDecimal}: TeaVM 0.15.0's {@code BigDecimal.round} returns wrong
 * results (an 18-digit value "rounded" to 17 digits comes back unchanged, and 1e23's exact value
 * rounded to 17 digits loses one), and it was 10-50 times slower in the browser than this.
 * Only {@code BigInteger} multiplication, division and shifts are used here.
 */
final class DecimalDigits {

    private static final BigInteger TWO = BigInteger.valueOf(2);
    private static final BigInteger FOUR = BigInteger.valueOf(4);
    private static final double LOG10_OF_2 = 0.30102999566398120;

    /** The digits, the first nonzero; empty for a value that rounded to zero. */
    final String digits;
    /** The value is 0.d1d2d3... * 10^pointPosition. */
    final int pointPosition;

    private DecimalDigits(String digits, int pointPosition) {
        this.digits = digits;
        this.pointPosition = pointPosition;
    }

    /** Digits found another way (Format's quick paths): the value 0.d1d2... * 10^pointPosition. */
    static DecimalDigits of(String digits, int pointPosition) {
        return new DecimalDigits(digits, pointPosition);
    }

    /** The shortest digits that read back as x (nearest to x among equally short ones). */
    static DecimalDigits shortest(double x) {
        Binary binary = new Binary(x);
        BigInteger f = binary.significand;
        int e = binary.exponent;
        boolean even = !f.testBit(0);
        boolean narrowBelow = binary.isPowerOfTwoAboveSubnormals();
        BigInteger r;
        BigInteger s;
        BigInteger mPlus;
        BigInteger mMinus;
        if (e >= 0) {
            BigInteger gap = BigInteger.ONE.shiftLeft(e);
            r = f.shiftLeft(narrowBelow ? e + 2 : e + 1);
            s = narrowBelow ? FOUR : TWO;
            mPlus = narrowBelow ? gap.shiftLeft(1) : gap;
            mMinus = gap;
        } else {
            r = f.shiftLeft(narrowBelow ? 2 : 1);
            s = BigInteger.ONE.shiftLeft(narrowBelow ? 2 - e : 1 - e);
            mPlus = narrowBelow ? TWO : BigInteger.ONE;
            mMinus = BigInteger.ONE;
        }
        int k = estimateDecimalExponent(binary);
        if (k >= 0) {
            s = s.multiply(BigInteger.TEN.pow(k));
        } else {
            BigInteger scale = BigInteger.TEN.pow(-k);
            r = r.multiply(scale);
            mPlus = mPlus.multiply(scale);
            mMinus = mMinus.multiply(scale);
        }
        // Fix the estimate so that the upper bound (r + m+) / s is just below 1 (or at 1 when
        // excluded): then the first digit generated is the leading digit.
        while (reachesOne(r.add(mPlus), s, even)) {
            s = s.multiply(BigInteger.TEN);
            k++;
        }
        while (!reachesOne(r.add(mPlus).multiply(BigInteger.TEN), s, even)) {
            r = r.multiply(BigInteger.TEN);
            mPlus = mPlus.multiply(BigInteger.TEN);
            mMinus = mMinus.multiply(BigInteger.TEN);
            k--;
        }
        boolean symmetric = !narrowBelow;
        StringBuilder digits = new StringBuilder(17);
        while (true) {
            r = r.multiply(BigInteger.TEN);
            int digit = 0;
            // The digit is below 10, so a few subtractions beat a long division in TeaVM.
            while (r.compareTo(s) >= 0) {
                r = r.subtract(s);
                digit++;
            }
            mPlus = mPlus.multiply(BigInteger.TEN);
            mMinus = symmetric ? mPlus : mMinus.multiply(BigInteger.TEN);
            int low = r.compareTo(mMinus);
            boolean lowEnough = even ? low <= 0 : low < 0;
            boolean highEnough = reachesOne(r.add(mPlus), s, even);
            if (!lowEnough && !highEnough) {
                digits.append((char) ('0' + digit));
                continue;
            }
            boolean up = !lowEnough || highEnough && roundsUp(r, s, digit);
            digits.append((char) ('0' + digit));
            return up ? incremented(digits, k) : new DecimalDigits(digits.toString(), k);
        }
    }

    /** x's exact value rounded half-even to {@code count} (at least 1) significant digits. */
    static DecimalDigits significant(double x, int count) {
        Exact exact = new Exact(x, 0);
        DecimalDigits rounded = exact.digits(count);
        // A carry out of the leading digit ("999" to "1000") adds a digit: drop the extra zero.
        return rounded.digits.length() > count
                ? new DecimalDigits(rounded.digits.substring(0, count), rounded.pointPosition)
                : rounded;
    }

    /**
     * x * 10^shift rounded half-even to {@code decimals} places after the point: the digits run
     * from the leading one down to the last kept place (empty when the result is zero).
     */
    static DecimalDigits atPlace(double x, int decimals, int shift) {
        Exact exact = new Exact(x, shift);
        return exact.digits(exact.k + decimals);
    }

    /** Whether the scaled value num / s has reached 1 (or passed it, when 1 itself is excluded). */
    private static boolean reachesOne(BigInteger num, BigInteger s, boolean oneIncluded) {
        int comparison = num.compareTo(s);
        return oneIncluded ? comparison >= 0 : comparison > 0;
    }

    /** Half-even decision from the remainder r / s of the last digit. */
    private static boolean roundsUp(BigInteger r, BigInteger s, int lastDigit) {
        int half = r.shiftLeft(1).compareTo(s);
        return half > 0 || half == 0 && (lastDigit & 1) != 0;
    }

    /** The digits plus one unit in the last place, carrying ("0.999" becomes "1.000"). */
    private static DecimalDigits incremented(CharSequence digits, int pointPosition) {
        char[] chars = digits.toString().toCharArray();
        int at = chars.length - 1;
        while (at >= 0 && chars[at] == '9') {
            chars[at] = '0';
            at--;
        }
        if (at < 0) {
            return new DecimalDigits("1" + new String(chars), pointPosition + 1);
        }
        chars[at]++;
        return new DecimalDigits(new String(chars), pointPosition);
    }

    /** ceil(log10 x) within one: the fix-up loops settle the exact value. */
    private static int estimateDecimalExponent(Binary binary) {
        int binaryExponent = binary.exponent + binary.significand.bitLength() - 1;
        return (int) Math.ceil(binaryExponent * LOG10_OF_2 - 1e-10);
    }

    /** The double as f * 2^e with an integer f. */
    private static final class Binary {
        final BigInteger significand;
        final int exponent;

        Binary(double x) {
            int binaryExponent = Math.getExponent(x);
            int quantumExponent = binaryExponent < Double.MIN_EXPONENT
                    ? -1074 : binaryExponent - 52;
            // x / 2^quantumExponent is an integer below 2^53: exact, and safe to cast. The scale
            // 2^1074 of subnormals is beyond the table, so it is applied in two exact steps.
            int scale = -quantumExponent;
            double whole = scale > PowerOfTwo.MAX_EXPONENT
                    ? (x * PowerOfTwo.of(PowerOfTwo.MAX_EXPONENT)) * PowerOfTwo.of(scale - PowerOfTwo.MAX_EXPONENT)
                    : x * PowerOfTwo.of(scale);
            significand = BigInteger.valueOf((long) whole);
            exponent = quantumExponent;
        }

        boolean isPowerOfTwoAboveSubnormals() {
            return exponent > -1074 && significand.bitLength() == 53 && significand.getLowestSetBit() == 52;
        }
    }

    /** The exact value of x * 10^shift as r / s * 10^k with r / s in [0.1, 1). */
    private static final class Exact {
        private BigInteger r;
        private BigInteger s;
        private int k;

        Exact(double x, int shift) {
            Binary binary = new Binary(x);
            int e = binary.exponent;
            r = e >= 0 ? binary.significand.shiftLeft(e) : binary.significand;
            s = e >= 0 ? BigInteger.ONE : BigInteger.ONE.shiftLeft(-e);
            k = estimateDecimalExponent(binary);
            if (k >= 0) {
                s = s.multiply(BigInteger.TEN.pow(k));
            } else {
                r = r.multiply(BigInteger.TEN.pow(-k));
            }
            while (r.compareTo(s) >= 0) {
                s = s.multiply(BigInteger.TEN);
                k++;
            }
            while (r.multiply(BigInteger.TEN).compareTo(s) < 0) {
                r = r.multiply(BigInteger.TEN);
                k--;
            }
            k += shift;
        }

        /** The first {@code count} digits, rounded half-even by the rest; zero if count < 0. */
        DecimalDigits digits(int count) {
            if (count < 0) {
                return new DecimalDigits("", k);
            }
            StringBuilder digits = new StringBuilder(count);
            int last = 0;
            BigInteger rest = r;
            for (int i = 0; i < count; i++) {
                BigInteger[] digitAndRest = rest.multiply(BigInteger.TEN).divideAndRemainder(s);
                last = digitAndRest[0].intValue();
                rest = digitAndRest[1];
                digits.append((char) ('0' + last));
            }
            if (roundsUp(rest, s, last)) {
                return incremented(digits, k);
            }
            return count == 0 ? new DecimalDigits("", k) : new DecimalDigits(digits.toString(), k);
        }
    }
}
