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
    /** 10^0 to 10^22: the powers of ten that doubles hold exactly. */
    static final double[] POWERS_OF_TEN = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
        1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    };
    /** Rounded integers of the quick paths stay below 2^31 (Integer.toString, no long). */
    private static final int MAX_QUICK_DIGITS = 9;
    /** Below this, a product's error term could underflow. */
    private static final double SMALLEST_QUICK = 0x1p-900;

    /** The digits, the first nonzero; empty for a value that rounded to zero. */
    final String digits;
    /** The value is 0.d1d2d3... * 10^pointPosition. */
    final int pointPosition;

    private DecimalDigits(String digits, int pointPosition) {
        this.digits = digits;
        this.pointPosition = pointPosition;
    }

    /** The shortest digits that read back as x (nearest to x among equally short ones). */
    static DecimalDigits shortest(double x) {
        DecimalDigits quick = shortestByProduct(x);
        if (quick != null) {
            return quick;
        }
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
        DecimalDigits quick = significantByProduct(x, count);
        if (quick != null) {
            return quick;
        }
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
        int power = decimals + shift;
        if (power >= 0 && power < POWERS_OF_TEN.length) {
            double rounded = roundedProduct(x, POWERS_OF_TEN[power], 0x1p31);
            if (rounded == 0.0) {
                return new DecimalDigits("", 0);
            }
            if (rounded > 0.0) {
                String integer = Integer.toString((int) rounded);
                return new DecimalDigits(integer, integer.length() - decimals);
            }
        }
        Exact exact = new Exact(x, shift);
        return exact.digits(exact.k + decimals);
    }

    /**
     * {@link #significant} without big integers, for up to nine digits of an x from about
     * 10^(count - 23) to 10^count (a table's probabilities and losses), null otherwise.
     */
    private static DecimalDigits significantByProduct(double x, int count) {
        ScaledToDigits scaled = ScaledToDigits.of(x, count);
        return scaled == null ? null : scaled.digits();
    }

    /**
     * {@link #shortest} without big integers, for values that up to nine digits read back
     * (a typed logit, a slider's temperature), null otherwise: the shortest count of digits
     * whose correctly rounded decimal lies within half an ulp of x. That decimal is the nearest
     * of its length, an exact tie going to the even digit, as Burger and Dybvig's. It never lies
     * exactly half an ulp away, where the reader's tie rule would decide: such a midpoint below
     * 10^9 (where ulps are 2^-23 or finer) is a dyadic fraction with a denominator of at least
     * 2^24, and a decimal N / 10^j reduces to one only if 5^j divides N, so j >= 24 and N > 10^16:
     * far more than nine digits. A power of two reads back from only half an ulp of the next
     * smaller power below it (its lower neighbour is nearer), and the nearest decimal is still
     * the only candidate of its length: decimals of nine digits or fewer lie at least 10^-9 x
     * apart, the values that read back as x within 2^-52 x.
     */
    private static DecimalDigits shortestByProduct(double x) {
        if (!(x >= SMALLEST_QUICK)) {
            return null;
        }
        // Not Math.ulp, which reads the bits as a long (a slow BigInt in TeaVM's script).
        int exponent = DoubleDouble.exponent(x);
        double halfUlp = DoubleDouble.powerOfTwo(exponent - 53);
        // Below a power of two the doubles lie twice as densely, so only half as far reads back
        // there. (With at most nine digits, decimals lie too far apart for two of them to read
        // back as x, so the nearest one is the only candidate on either side.)
        double halfUlpBelow = x == DoubleDouble.powerOfTwo(exponent) ? halfUlp * 0.5 : halfUlp;
        for (int count = 1; count <= MAX_QUICK_DIGITS; count++) {
            ScaledToDigits scaled = ScaledToDigits.of(x, count);
            if (scaled == null) {
                return null;
            }
            if (scaled.readsBack(halfUlp, halfUlpBelow)) {
                return scaled.digits();
            }
        }
        return null;
    }

    /**
     * x times the power of ten 10^n that brings it to [10^(count - 1), 10^count), exactly as a
     * product p and its error e (10^n is exact for n <= 22, nothing underflows), with k =
     * floor(log10 x): log10's estimate of k is corrected by comparing that exact product with
     * the two bounds.
     */
    private static final class ScaledToDigits {
        final int count;
        final int k;
        final double scale;
        final double p;
        final double e;
        final double rounded;

        private ScaledToDigits(int count, int k, double scale, double p, double e) {
            this.count = count;
            this.k = k;
            this.scale = scale;
            this.p = p;
            this.e = e;
            this.rounded = roundedProduct(p, e);
        }

        /** Null when x or count is beyond the quick paths. */
        static ScaledToDigits of(double x, int count) {
            if (count > MAX_QUICK_DIGITS || !(x >= SMALLEST_QUICK)) {
                return null;
            }
            double low = POWERS_OF_TEN[count - 1];
            double high = POWERS_OF_TEN[count];
            int k = (int) Math.floor(Math.log10(x));
            for (int attempt = 0; attempt < 3; attempt++) {
                int power = count - 1 - k;
                if (power < 0 || power >= POWERS_OF_TEN.length) {
                    return null;
                }
                double scale = POWERS_OF_TEN[power];
                double p = x * scale;
                double e = ErrorFree.productError(x, scale, p);
                if (p < low || p == low && e < 0.0) {
                    k--;
                } else if (p > high || p == high && e >= 0.0) {
                    k++;
                } else {
                    return new ScaledToDigits(count, k, scale, p, e);
                }
            }
            return null;
        }

        /** The rounded digits: below 10^count, or 10^count after a carry (9.995 to 10.0). */
        DecimalDigits digits() {
            if (rounded == POWERS_OF_TEN[count]) {
                return new DecimalDigits(Integer.toString((int) POWERS_OF_TEN[count - 1]), k + 2);
            }
            return new DecimalDigits(Integer.toString((int) rounded), k + 1);
        }

        /**
         * Whether the rounded decimal reads back as x: |rounded - (p + e)| below half the gap to
         * x's neighbour on its side ({@code halfUlpBelow} below x) times the scale, both exact
         * double-doubles (rounded - p is exact: both lie in [1, 2^31) within one of each other),
         * compared by their normalized parts.
         */
        boolean readsBack(double halfUlp, double halfUlpBelow) {
            // TwoSum of (rounded - p) and -e: the distance as an exact pair.
            double a = rounded - p;
            double b = -e;
            double distanceHi = a + b;
            double bb = distanceHi - a;
            double aa = distanceHi - bb;
            double distanceLo = a - aa;
            double bError = b - bb;
            distanceLo = distanceLo + bError;
            double half = halfUlp;
            if (distanceHi < 0.0 || distanceHi == 0.0 && distanceLo < 0.0) {
                distanceHi = -distanceHi;
                distanceLo = -distanceLo;
                half = halfUlpBelow;
            }
            double boundHi = half * scale;
            double boundLo = ErrorFree.productError(half, scale, boundHi);
            if (distanceHi != boundHi) {
                return distanceHi < boundHi;
            }
            return distanceLo < boundLo;
        }
    }

    /**
     * The exact product x * scale (x >= 0, scale a power of ten up to 10^22) rounded half-even to
     * an integer, or -1 when it is {@code limit} (at most 2^40) or more or x is below 2^-900 but
     * not 0. The product is exactly {@code p + e} (TwoProduct: nothing underflows); below 2^40
     * p's fraction f = p - floor(p)
     * is exact and a multiple of ulp(p), as is 1/2, while |e| <= ulp(p) / 2: so the sign of
     * f - 1/2 decides unless it is 0, when e's sign decides, and a true tie (e = 0) goes to the
     * even integer.
     */
    static double roundedProduct(double x, double scale, double limit) {
        if (!(x >= SMALLEST_QUICK)) {
            return x == 0.0 ? 0.0 : -1.0;
        }
        double p = x * scale;
        if (!(p < limit)) {
            return -1.0;
        }
        double rounded = roundedProduct(p, ErrorFree.productError(x, scale, p));
        return rounded < limit ? rounded : -1.0;
    }

    /** The exact p + e (p below 2^40, |e| at most half an ulp of p) rounded half-even. */
    private static double roundedProduct(double p, double e) {
        double n = Math.floor(p);
        double half = (p - n) - 0.5;
        boolean up = half > 0.0 || half == 0.0 && (e > 0.0 || e == 0.0 && n % 2.0 != 0.0);
        return up ? n + 1.0 : n;
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
