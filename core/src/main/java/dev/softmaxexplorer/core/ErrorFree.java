package dev.softmaxexplorer.core;

/**
 * The scalar parts of the error-free transformations that every double-double operation calls:
 * the finiteness test, Veltkamp's split and Dekker's product error, as {@link DoubleDouble}
 * defines them (which delegates here). They live apart from DoubleDouble because that class
 * has a static initializer (its tables): TeaVM then begins each of its static methods with a
 * class-initialization call, which in the browser cost more than these few operations on every
 * one of the millions of calls a frame of 131,072 classes makes.
 */
final class ErrorFree {

    /** 2^27 + 1, Veltkamp's splitting constant for 53-bit doubles. */
    static final double SPLITTER = 134217729.0;
    /** Above this magnitude {@code SPLITTER * a} could overflow, so the split scales first. */
    static final double SPLIT_LIMIT = 0x1p996;

    private ErrorFree() {
    }

    static boolean isFinite(double x) {
        return x - x == 0.0;
    }

    /** The high 26 bits of {@code a} (Veltkamp); {@code a - splitHigh(a)} is exact. */
    static double splitHigh(double a) {
        if (a > SPLIT_LIMIT || a < -SPLIT_LIMIT) {
            double scaled = a * 0x1p-28;
            double c = SPLITTER * scaled;
            double high = c - (c - scaled);
            return high * 0x1p28;
        }
        double c = SPLITTER * a;
        return c - (c - a);
    }

    /** The rounding error of the product {@code p = fl(a * b)} (Dekker), exact while nothing is subnormal. */
    static double productError(double a, double b, double p) {
        double aHi = splitHigh(a);
        return productError(aHi, a - aHi, b, p);
    }

    /** {@link #productError(double, double, double)} with a's Veltkamp split given. */
    static double productError(double aHi, double aLo, double b, double p) {
        double bHi = splitHigh(b);
        double bLo = b - bHi;
        double err = aHi * bHi - p;
        err = err + aHi * bLo;
        err = err + aLo * bHi;
        return err + aLo * bLo;
    }
}
