package dev.softmaxexplorer.core;

import java.math.BigInteger;

/**
 * The two halves of correct rounding in the manner of CRlibm and CORE-MATH (Ziv's strategy): a
 * rounding test that says whether an approximation {@code hi + lo} with a known error bound
 * rounds to the same double as the exact value, and the exact rounding of a wide interval
 * ({@link WideExp.Wide}) for the rare results whose approximation does not pass it.
 *
 * <p>Results known to be below 2^-1000 (about 9.3e-302) in magnitude pass the test: below 1e-300
 * the documented requirement is an absolute error of 1e-300.
 */
final class CorrectRounding {

    /** Below this magnitude a result only needs to be within 1e-300 absolute. */
    static final double TINY = 0x1p-1000;
    /**
     * Added to every bound: results from 2^-1000 to 2^-969 have subnormal lo parts, rounded to
     * 2^-1074 absolute (2^-1075 per operation, and no quantity takes 1024 operations), which the
     * relative bounds of the callers do not cover.
     */
    private static final double SUBNORMAL_LO = 0x1p-1065;
    /** 1 + 2^-49: covers the two roundings of {@code (|lo| + bound) * INFLATE}. */
    private static final double INFLATE = 1.0 + 0x1p-49;

    /** Results that took the slow path since the class was loaded (wraps after 2^31). */
    private static int slowPathCount;

    /**
     * Receives every rounding test, for the tests of the error bounds; null outside them (one
     * comparison per result).
     */
    interface Witness {
        void tested(double hi, double lo, double bound);
    }

    static Witness witness;

    private CorrectRounding() {
    }

    /**
     * Ziv's rounding test for round-to-nearest: true when every value within {@code bound} of
     * {@code hi + lo} rounds to {@code hi}. Requires a normalized pair ({@code hi} the nearest
     * double to {@code hi + lo}) and {@code bound >= 0}, to which {@link #SUBNORMAL_LO} is added;
     * also true for an infinite hi and when
     * {@code |hi| + bound} is below {@link #TINY} (then hi is within 2^-999 of the exact value).
     *
     * <p>Why it holds: {@code fl(hi + x) == hi} exactly when x is closer to 0 than the midpoint
     * between hi and its neighbour on x's side (or on it, with hi even). With
     * {@code x = +-(|lo| + bound)(1 + 2^-49)} computed in double, x is at least
     * {@code |lo| + bound} in magnitude (the two roundings lose at most 2^-52 of it), and strictly
     * more unless both are 0; so the values up to {@code |lo| + bound} from hi on lo's side, and
     * (by the second test) up to {@code bound} on the other side, all round to hi.
     */
    static boolean decided(double hi, double lo, double bound) {
        double b = bound + SUBNORMAL_LO;
        Witness w = witness;
        if (w != null) {
            w.tested(hi, lo, b);
        }
        if (hi - hi != 0.0 || Math.abs(hi) + b < TINY) {
            return true;
        }
        double toward = (Math.abs(lo) + b) * INFLATE;
        double away = b * INFLATE;
        if (lo < 0.0) {
            toward = -toward;
        } else {
            away = -away;
        }
        return hi + toward == hi && hi + away == hi;
    }

    /** Counts one result computed by the slow path. */
    static void countSlowPath() {
        slowPathCount++;
    }

    static int slowPathCount() {
        return slowPathCount;
    }

    /**
     * The double nearest to the interval's exact value when every value of the interval rounds
     * to it (ties to even for an exact value on a midpoint), NaN when the interval straddles a
     * midpoint and a wider precision must decide. Intervals within 2^-1000 of 0 give their
     * center's rounding (the 1e-300 rule).
     */
    static double round(WideExp.Wide v) {
        if (v.isExact()) {
            return roundDyadic(v.m, v.e, 0);
        }
        if (v.err >= WideExp.Wide.UNKNOWN) {
            return Double.NaN;
        }
        int low = Math.min(v.e, v.err);
        BigInteger center = v.m.shiftLeft(v.e - low);
        BigInteger radius = BigInteger.ONE.shiftLeft(v.err - low);
        double below = roundDyadic(center.subtract(radius), low, 1);
        double above = roundDyadic(center.add(radius), low, -1);
        if (Math.abs(below) < TINY && Math.abs(above) < TINY) {
            return roundDyadic(v.m, v.e, 0);
        }
        return below == above ? below : Double.NaN;
    }

    /**
     * The double nearest to {@code m * 2^e + direction * tiny}, where tiny is an infinitesimal
     * (direction 0: exactly {@code m * 2^e}, ties to even): the direction decides only a tie.
     * Subnormal results and overflow to an infinity are rounded as IEEE 754 does.
     */
    static double roundDyadic(BigInteger m, int e, int direction) {
        if (m.signum() == 0) {
            return 0.0;
        }
        boolean negative = m.signum() < 0;
        BigInteger a = m.abs();
        int awayFromZero = negative ? -direction : direction;
        int top = a.bitLength() - 1 + e;
        if (top > 1100) {
            return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        int quantum = Math.max(top - 52, -1074);
        int shift = quantum - e;
        BigInteger kept;
        if (shift <= 0) {
            kept = a.shiftLeft(-shift);
        } else {
            kept = a.shiftRight(shift);
            BigInteger rest = a.subtract(kept.shiftLeft(shift));
            int half = rest.compareTo(BigInteger.ONE.shiftLeft(shift - 1));
            boolean up = half > 0 || half == 0
                    && (awayFromZero > 0 || awayFromZero == 0 && kept.testBit(0));
            if (up) {
                kept = kept.add(BigInteger.ONE);
            }
        }
        double magnitude = DoubleDouble.mulPow2((double) kept.longValue(), quantum);
        return negative ? -magnitude : magnitude;
    }
}
