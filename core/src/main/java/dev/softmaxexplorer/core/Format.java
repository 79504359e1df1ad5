package dev.softmaxexplorer.core;

/**
 * Number text for display, for CSV/JSON and for the URL, identical on the JVM and in TeaVM's
 * JavaScript (neither platform's {@code Double.toString} is used: TeaVM's is not shortest and
 * JDK 17's not always).
 *
 * <p>Every rounding here starts from the exact binary value of the double and rounds half-even
 * once ({@link DecimalDigits}, exact integer arithmetic), so 0.125 to two decimals is "0.12" and
 * 0.245 (really 0.24499999999999999555...) to two decimals is "0.24".
 *
 * <p>Common spelling: "NaN", "Infinity", "-Infinity"; a minus sign only on a negative nonzero
 * result, so display forms never show "-0.000" (only {@link #shortest} writes "-0", for -0.0
 * itself); exponents are written without a plus sign ("1e21", "4.25e-18").
 */
public final class Format {

    private static final double TWO_POW_53 = 9007199254740992.0;
    private static final int MAX_SIGNIFICANT_DIGITS = 17;
    private static final int MAX_DECIMALS = 40;

    private Format() {
    }

    /**
     * The shortest decimal that {@link #parse} (or any correct parser) reads back as exactly x;
     * among equally short ones the nearest to x, an exact tie going to the even last digit (it
     * happens: 2^50 + 0.25 is "1125899906842624.2", not ".3").
     *
     * <p>Style (JavaScript's Number.prototype.toString, but no "+" in exponents): plain digits
     * while the leading digit's decimal exponent is from -6 to 20 ("0.000001", "123.5",
     * "100000000000000000000"), else scientific with one digit before the point ("1e-7",
     * "1.5e300", "5e-324", "1e21"); "0", "-0", "NaN", "Infinity", "-Infinity".
     */
    public static String shortest(double x) {
        String word = nonFiniteWord(x);
        if (word != null) {
            return word;
        }
        if (x == 0.0) {
            return 1.0 / x < 0.0 ? "-0" : "0";
        }
        String sign = x < 0.0 ? "-" : "";
        double magnitude = Math.abs(x);
        String digits;
        int pointPosition;
        if (magnitude < TWO_POW_53 && magnitude == Math.floor(magnitude)) {
            // An integer below 2^53 is its own shortest form: every shorter decimal differs from
            // it by at least 1, and its neighbours are at most 1 away.
            String integer = Long.toString((long) magnitude);
            digits = stripTrailingZeros(integer);
            pointPosition = integer.length();
        } else {
            DecimalDigits quick = shortestByProduct(magnitude);
            DecimalDigits shortest = quick != null ? quick : DecimalDigits.shortest(magnitude);
            digits = stripTrailingZeros(shortest.digits);
            pointPosition = shortest.pointPosition;
        }
        return sign + layOut(digits, pointPosition);
    }

    /**
     * Reads a decimal number, correctly rounded to the nearest double (ties to even, gradual
     * underflow, overflow to infinity). Accepts surrounding whitespace, an optional sign, digits
     * with an optional point ("3", "+2.5", ".5", "5."), an optional exponent ("1e3", "1E-3"),
     * and "Infinity", "NaN" (both may be signed): everything {@link #shortest} writes.
     *
     * @throws NumberFormatException if s is null or not of that form; the message quotes s
     */
    public static double parse(String s) {
        return DecimalParser.parse(s);
    }

    /**
     * x rounded half-even to {@code digits} significant digits, trailing zeros kept so that a
     * column of numbers shows the same precision: 0.665240955 at 3 is "0.665", 0.5 is "0.500",
     * 0 and -0.0 are "0.00". Plain when the rounded magnitude r satisfies 1e-4 <= r < 1e6
     * (integer places beyond the significant ones are zeros: 123456.7 at 3 is "123000"),
     * scientific otherwise ("4.25e-18", "1.00e6").
     *
     * @throws IllegalArgumentException if digits is outside 1..17
     */
    public static String significant(double x, int digits) {
        if (digits < 1 || digits > MAX_SIGNIFICANT_DIGITS) {
            throw new IllegalArgumentException("digits: must be 1 to 17, was " + digits);
        }
        String word = nonFiniteWord(x);
        if (word != null) {
            return word;
        }
        if (x == 0.0) {
            return layOut("0", 1, digits);
        }
        double magnitude = Math.abs(x);
        String shown;
        int decimalExponent;
        int place = digits <= MAX_PRODUCT_DIGITS ? leadingPlace(magnitude, digits) : NO_PLACE;
        if (place != NO_PLACE) {
            // Without big integers: the exact magnitude 10^(digits - place), in
            // [10^(digits-1), 10^digits), rounded half-even to an integer; a carry adds a place.
            double scale = POWERS_OF_TEN[digits - place];
            double p = magnitude * scale;
            double scaled = roundedProduct(p, DoubleDouble.productError(magnitude, scale, p));
            boolean carried = scaled == POWERS_OF_TEN[digits];
            shown = carried ? "1" + zeros(digits - 1) : Integer.toString((int) scaled);
            decimalExponent = carried ? place : place - 1;
        } else {
            DecimalDigits rounded = DecimalDigits.significant(magnitude, digits);
            shown = rounded.digits;
            decimalExponent = rounded.pointPosition - 1;
        }
        String sign = x < 0.0 ? "-" : "";
        if (decimalExponent < -4 || decimalExponent >= 6) {
            String fraction = digits > 1 ? "." + shown.substring(1) : "";
            return sign + shown.charAt(0) + fraction + "e" + decimalExponent;
        }
        return sign + layOut(shown, decimalExponent + 1, digits);
    }

    /**
     * x rounded half-even to {@code decimals} places after the point, plain notation:
     * fixed(0.4076, 3) is "0.408", fixed(2, 2) is "2.00"; a result that rounds to zero has no
     * sign ("0.000" for -0.0001).
     *
     * @throws IllegalArgumentException if decimals is outside 0..40
     */
    public static String fixed(double x, int decimals) {
        checkDecimals(decimals);
        String word = nonFiniteWord(x);
        if (word != null) {
            return word;
        }
        double magnitude = Math.abs(x);
        if (magnitude < TWO_POW_53 && magnitude == Math.floor(magnitude)) {
            String integer = Long.toString((long) magnitude);
            String sign = x < 0.0 && magnitude != 0.0 ? "-" : "";
            return decimals == 0 ? sign + integer : sign + integer + "." + zeros(decimals);
        }
        String quick = fixedByProduct(x < 0.0, magnitude, decimals, 0);
        if (quick != null) {
            return quick;
        }
        return fixedLayout(x < 0.0, DecimalDigits.atPlace(magnitude, decimals, 0), decimals);
    }

    /** 10^0 to 10^22, exact doubles. */
    private static final double[] POWERS_OF_TEN = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
        1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    /** {@link #fixed}'s and {@link #percent}'s quick path rounds at most this many places below the point. */
    private static final int MAX_PRODUCT_DECIMALS = 9;
    /** {@link #significant}'s quick path takes up to this many digits: the integer stays an int. */
    private static final int MAX_PRODUCT_DIGITS = 9;
    /**
     * {@link #shortest}'s digits without big integers when they are at most nine (a slider's
     * temperature, a typed value); null otherwise. For c = 1, 2, ... digits, N is the exact
     * {@code magnitude 10^(c - k)} rounded half-even to an integer ({@link #leadingPlace}), the
     * nearest c-digit decimal (a tie to the even digit); it reads back as the magnitude when the
     * correctly rounded quotient {@code N / 10^(c - k)} is the magnitude, as in any correct
     * parser. The first c at which some c-digit decimal reads back gives the shortest, and of
     * those the nearest is N, unless N falls outside the interval that reads back while a farther
     * decimal on the other side of the magnitude falls inside it (only a power of two has a
     * narrower side): so when N does not read back, the nearest c-digit decimal on the other side
     * is tried too (the interval is convex, so no decimal farther out on either side can read
     * back), and one with another number of digits sends the value to the exact path.
     */
    private static DecimalDigits shortestByProduct(double magnitude) {
        for (int c = 1; c <= MAX_PRODUCT_DIGITS; c++) {
            int place = leadingPlace(magnitude, c);
            if (place == NO_PLACE) {
                continue;
            }
            double scale = POWERS_OF_TEN[c - place];
            double p = magnitude * scale;
            double e = DoubleDouble.productError(magnitude, scale, p);
            double n = roundedProduct(p, e);
            double high = POWERS_OF_TEN[c];
            if (n / scale == magnitude) {
                return shortestDigits(n, high, place);
            }
            // The nearest c-digit decimal on the other side of the exact product p + e.
            double other = n < p || n == p && e > 0.0 ? n + 1.0 : n - 1.0;
            if (other < POWERS_OF_TEN[c - 1] || other >= high) {
                return null;
            }
            if (other / scale == magnitude) {
                return shortestDigits(other, high, place);
            }
        }
        return null;
    }

    /** The c-digit integer n (or high = 10^c, one place up) times 10^(place - c) as digits. */
    private static DecimalDigits shortestDigits(double n, double high, int place) {
        return n == high ? DecimalDigits.of("1", place + 1) : DecimalDigits.of(Integer.toString((int) n), place);
    }

    /** {@link #leadingPlace} when the quick path does not apply. */
    private static final int NO_PLACE = Integer.MIN_VALUE;

    /**
     * For {@link #significant}'s quick path (up to nine digits of a magnitude from
     * 10^(digits - 23) to below 10^digits, at least 2^-900): the decimal exponent k with the
     * magnitude in [10^(k-1), 10^k), so that {@code magnitude 10^(digits - k)} is an exact power
     * of ten's product in [10^(digits-1), 10^digits), below 2^40 as {@link #fixedByProduct}
     * needs; {@link #NO_PLACE} otherwise. The logarithm only estimates k: the exact product
     * p + e (TwoProduct) is compared with the exact powers 10^(digits-1) and 10^digits.
     */
    private static int leadingPlace(double magnitude, int digits) {
        if (!(magnitude >= 0x1p-900)) {
            return NO_PLACE;
        }
        int k = (int) Math.floor(Math.log10(magnitude)) + 1;
        double low = POWERS_OF_TEN[digits - 1];
        double high = POWERS_OF_TEN[digits];
        for (int attempt = 0; attempt < 2; attempt++) {
            int places = digits - k;
            if (places < 0 || places >= POWERS_OF_TEN.length) {
                return NO_PLACE;
            }
            double scale = POWERS_OF_TEN[places];
            double p = magnitude * scale;
            double e = DoubleDouble.productError(magnitude, scale, p);
            if (p < low || p == low && e < 0.0) {
                k--;
            } else if (p > high || p == high && e >= 0.0) {
                k++;
            } else {
                return k;
            }
        }
        return NO_PLACE;
    }

    /**
     * {@link #fixed} of {@code x 10^shift} (shift 2 for {@link #percent}) without big integers for
     * the common case (a table's probabilities, decimals + shift up to nine, |x| 10^(decimals +
     * shift) below 2^40, |x| at least 2^-900), null otherwise. With d = decimals + shift, the product
     * {@code m 10^d} is exactly {@code p + e} (TwoProduct: 10^d is exact and nothing underflows).
     * With p below 2^40 its fraction f = p - floor(p) is exact and a multiple of ulp(p), as is
     * 1/2, while |e| <= ulp(p) / 2: so the sign of f - 1/2 (kept by its rounding) decides the half-even rounding of the exact
     * product by its sign unless it is 0, when e's sign decides, and a true tie (e = 0) goes to
     * the even integer. The integer and fraction parts are then exact double arithmetic below 2^53.
     */
    private static String fixedByProduct(boolean negative, double magnitude, int decimals, int shift) {
        if (decimals + shift > MAX_PRODUCT_DECIMALS || !(magnitude >= 0x1p-900)) {
            return null;
        }
        double factor = POWERS_OF_TEN[decimals + shift];
        double p = magnitude * factor;
        if (!(p < 0x1p40)) {
            return null;
        }
        double rounded = roundedProduct(p, DoubleDouble.productError(magnitude, factor, p));
        double scale = POWERS_OF_TEN[decimals];
        if (rounded == 0.0) {
            return decimals == 0 ? "0" : "0." + zeros(decimals);
        }
        double integer = Math.floor(rounded / scale);
        double rest = rounded - integer * scale;
        if (rest < 0.0) {
            integer = integer - 1.0;
            rest = rest + scale;
        } else if (rest >= scale) {
            integer = integer + 1.0;
            rest = rest - scale;
        }
        String sign = negative ? "-" : "";
        String whole = integer < 0x1p31 ? Integer.toString((int) integer) : Long.toString((long) integer);
        if (decimals == 0) {
            return sign + whole;
        }
        String fraction = Integer.toString((int) rest);
        return sign + whole + "." + zeros(decimals - fraction.length()) + fraction;
    }

    /**
     * The exact product {@code p + e} (p its rounding, below 2^40, e its error) rounded half-even
     * to an integer; why the fraction of p decides, see {@link #fixedByProduct}.
     */
    private static double roundedProduct(double p, double e) {
        double n = Math.floor(p);
        double half = (p - n) - 0.5;
        boolean up = half > 0.0 || half == 0.0 && (e > 0.0 || e == 0.0 && n % 2.0 != 0.0);
        return up ? n + 1.0 : n;
    }

    /**
     * The fraction p as a percentage with {@code decimals} places, rounded half-even from the
     * exact value of p (not from the rounded product p * 100): percent(0.245, 1) is "24.5%".
     * Non-finite values are the bare words ("NaN"), without a percent sign.
     *
     * @throws IllegalArgumentException if decimals is outside 0..40
     */
    public static String percent(double p, int decimals) {
        checkDecimals(decimals);
        String word = nonFiniteWord(p);
        if (word != null) {
            return word;
        }
        String quick = p == 0.0 ? null : fixedByProduct(p < 0.0, Math.abs(p), decimals, 2);
        if (quick != null) {
            return quick + "%";
        }
        DecimalDigits hundredfold = p == 0.0 ? null : DecimalDigits.atPlace(Math.abs(p), decimals, 2);
        return fixedLayout(p < 0.0, hundredfold, decimals) + "%";
    }

    private static void checkDecimals(int decimals) {
        if (decimals < 0 || decimals > MAX_DECIMALS) {
            throw new IllegalArgumentException("decimals: must be 0 to 40, was " + decimals);
        }
    }

    private static String nonFiniteWord(double x) {
        if (x != x) {
            return "NaN";
        }
        if (x == Double.POSITIVE_INFINITY) {
            return "Infinity";
        }
        return x == Double.NEGATIVE_INFINITY ? "-Infinity" : null;
    }

    /**
     * Plain layout of rounded digits that run down to the last of {@code decimals} places (null
     * or empty for zero, which is shown without a sign).
     */
    private static String fixedLayout(boolean negative, DecimalDigits rounded, int decimals) {
        if (rounded == null || rounded.digits.isEmpty()) {
            return decimals == 0 ? "0" : "0." + zeros(decimals);
        }
        String digits = rounded.digits;
        int point = rounded.pointPosition;
        String integer = point > 0 ? digits.substring(0, point) : "0";
        String fraction = point > 0 ? digits.substring(point) : zeros(-point) + digits;
        String sign = negative ? "-" : "";
        String tail = decimals == 0 ? "" : "." + fraction;
        return sign + integer + tail;
    }

    /** Shortest-form layout of digits d1d2...dk with value 0.d1d2...dk * 10^pointPosition. */
    private static String layOut(String digits, int pointPosition) {
        int count = digits.length();
        if (pointPosition > 21 || pointPosition < -5) {
            String fraction = count > 1 ? "." + digits.substring(1) : "";
            int exponent = pointPosition - 1;
            return digits.charAt(0) + fraction + "e" + exponent;
        }
        return layOut(digits, pointPosition, count);
    }

    /**
     * Plain layout of digits with the point after pointPosition of them, padded with zeros to at
     * least minimumDigits digits (integer places past the given digits are zeros).
     */
    private static String layOut(String digits, int pointPosition, int minimumDigits) {
        String all = padRight(digits, minimumDigits);
        if (pointPosition <= 0) {
            return "0." + zeros(-pointPosition) + all;
        }
        if (pointPosition >= all.length()) {
            return all + zeros(pointPosition - all.length());
        }
        return all.substring(0, pointPosition) + "." + all.substring(pointPosition);
    }

    private static String stripTrailingZeros(String integer) {
        int end = integer.length();
        while (end > 1 && integer.charAt(end - 1) == '0') {
            end--;
        }
        return integer.substring(0, end);
    }

    private static String padRight(String digits, int length) {
        return digits.length() >= length ? digits : digits + zeros(length - digits.length());
    }

    private static String zeros(int count) {
        StringBuilder zeros = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            zeros.append('0');
        }
        return zeros.toString();
    }
}
