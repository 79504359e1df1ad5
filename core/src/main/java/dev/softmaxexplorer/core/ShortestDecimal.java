package dev.softmaxexplorer.core;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The shortest decimal that reads back as a given double, found with exact arithmetic.
 *
 * <p>Every real strictly between the midpoints to x's two neighbouring doubles reads back as x;
 * the midpoints themselves do too when x's significand is even (ties to even). The neighbour
 * below a power of two is twice as close as the one above, and above {@code Double.MAX_VALUE}
 * the boundary is MAX_VALUE + ulp/2 (beyond it a decimal reads as infinity).
 *
 * <p>For n significant digits, the only candidates worth testing are x rounded down and up to n
 * digits: if neither lies in the interval, no n-digit decimal does. A fitting n-digit decimal
 * gives a fitting (n+1)-digit one (append a zero), so the smallest n is found by bisection over
 * 1..17 (17 always fits). Among the fitting n-digit candidates the one nearest x wins, an exact
 * tie going to the even last digit (as JavaScript's Number.prototype.toString specifies).
 */
final class ShortestDecimal {

    private static final BigDecimal HALF = new BigDecimal("0.5");
    private static final int MAX_DIGITS = 17;

    private final BigDecimal exact;
    private final BigDecimal low;
    private final BigDecimal high;
    private final boolean boundsIncluded;

    private ShortestDecimal(double x) {
        exact = new BigDecimal(x);
        BigDecimal below = new BigDecimal(Math.nextDown(x));
        BigDecimal above = x == Double.MAX_VALUE
                ? exact.add(exact).subtract(below)
                : new BigDecimal(Math.nextUp(x));
        low = exact.add(below).multiply(HALF);
        high = exact.add(above).multiply(HALF);
        boundsIncluded = (Double.doubleToRawLongBits(x) & 1L) == 0L;
    }

    /**
     * The shortest decimal for a positive finite double, as a BigDecimal without trailing zeros.
     */
    static BigDecimal of(double positive) {
        ShortestDecimal search = new ShortestDecimal(positive);
        int fewest = 1;
        int most = MAX_DIGITS;
        while (fewest < most) {
            int middle = (fewest + most) >>> 1;
            if (search.candidate(middle) != null) {
                most = middle;
            } else {
                fewest = middle + 1;
            }
        }
        return search.candidate(fewest).stripTrailingZeros();
    }

    /** The n-digit decimal nearest x that reads back as x, or null if there is none. */
    private BigDecimal candidate(int digits) {
        BigDecimal nearest = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
        if (inInterval(nearest)) {
            return nearest;
        }
        RoundingMode otherSide = nearest.compareTo(exact) < 0 ? RoundingMode.CEILING : RoundingMode.FLOOR;
        BigDecimal other = exact.round(new MathContext(digits, otherSide));
        return inInterval(other) ? other : null;
    }

    private boolean inInterval(BigDecimal candidate) {
        int fromLow = candidate.compareTo(low);
        int fromHigh = candidate.compareTo(high);
        return boundsIncluded ? fromLow >= 0 && fromHigh <= 0 : fromLow > 0 && fromHigh < 0;
    }
}
