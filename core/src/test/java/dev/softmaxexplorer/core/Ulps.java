package dev.softmaxexplorer.core;

/** Error measures for the accuracy tests: distances in representable doubles. */
final class Ulps {

    /** Below this magnitude the requirement is an absolute error of at most this much. */
    static final double TINY = 1e-300;

    private Ulps() {
    }

    /** Number of doubles between a and b (0 if equal, also for 0.0 and -0.0). */
    static long between(double a, double b) {
        if (a == b) {
            return 0;
        }
        if (Double.isNaN(a) || Double.isNaN(b) || Double.isInfinite(a) || Double.isInfinite(b)) {
            return Long.MAX_VALUE;
        }
        return Math.abs(ordered(a) - ordered(b));
    }

    private static long ordered(double x) {
        long bits = Double.doubleToLongBits(x);
        return bits < 0 ? Long.MIN_VALUE - bits : bits;
    }

    /**
     * The error that the requirement bounds: ulps for |exact| >= 1e-300, otherwise 0 when within
     * 1e-300 absolute (and Long.MAX_VALUE when not).
     */
    static long error(double actual, double exact) {
        if (Math.abs(exact) < TINY && !Double.isNaN(actual)) {
            return Math.abs(actual - exact) <= TINY ? 0 : Long.MAX_VALUE;
        }
        return between(actual, exact);
    }
}
