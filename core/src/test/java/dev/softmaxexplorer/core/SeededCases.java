package dev.softmaxexplorer.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Property tests over seeded random inputs: a property is checked on its edge cases, then on a
 * fixed number of random cases from a fixed seed, so every run checks the same inputs and a
 * failure names the input that broke it (doubles in Double.toString form, which reads back
 * exactly).
 */
final class SeededCases {

    /** One seed for every property: a failing case comes back on every run and every machine. */
    private static final long SEED = 0x50F7_3A11_5EEDL;

    private SeededCases() {
    }

    /** Checks the property on every edge case, then on {@code tries} cases drawn by random. */
    static <T> void forAll(List<T> edgeCases, int tries, Function<SplittableRandom, T> random,
            Consumer<T> property) {
        for (T c : edgeCases) {
            check(property, c, "edge case");
        }
        SplittableRandom generator = new SplittableRandom(SEED);
        for (int i = 0; i < tries; i++) {
            check(property, random.apply(generator), "random case " + i);
        }
    }

    private static <T> void check(Consumer<T> property, T c, String which) {
        try {
            property.accept(c);
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError(which + " " + describe(c) + ": " + e.getMessage(), e);
        }
    }

    private static String describe(Object c) {
        return c instanceof double[] ? Arrays.toString((double[]) c) : String.valueOf(c);
    }

    // ---- edge cases ----

    /**
     * The finite doubles where floating-point code breaks first, both signs: zero, the smallest
     * and other subnormals, both sides of the normal boundary, around 1, and huge values.
     */
    static List<Double> specialDoubles() {
        return signed(0.0, Double.MIN_VALUE, 2 * Double.MIN_VALUE, 0x1.8p-1050,
                Math.nextDown(Double.MIN_NORMAL), Double.MIN_NORMAL, Math.nextUp(Double.MIN_NORMAL),
                Math.nextDown(1.0), 1.0, Math.nextUp(1.0), 1e308, Math.nextDown(Double.MAX_VALUE),
                Double.MAX_VALUE);
    }

    /** The special doubles inside [min, max], the bounds themselves and their inner neighbours. */
    static List<Double> specialDoublesBetween(double min, double max) {
        List<Double> out = new ArrayList<>(List.of(min, Math.nextUp(min), Math.nextDown(max), max));
        for (double x : specialDoubles()) {
            if (x >= min && x <= max) {
                out.add(x);
            }
        }
        return distinct(out);
    }

    /** The bounds of [min, max], their inner neighbours, and -1, 0 and 1 where they lie inside. */
    static List<Integer> specialIntsBetween(int min, int max) {
        List<Integer> out = new ArrayList<>();
        for (int n : new int[] {min, min + 1, -1, 0, 1, max - 1, max}) {
            if (n >= min && n <= max) {
                out.add(n);
            }
        }
        return distinct(out);
    }

    /** Each magnitude with both signs (0 gives 0.0 and -0.0). */
    static List<Double> signed(double... magnitudes) {
        List<Double> out = new ArrayList<>();
        for (double m : magnitudes) {
            out.add(m);
            out.add(-m);
        }
        return out;
    }

    /** Each value with the doubles just below and just above it. */
    static List<Double> withNeighbours(List<Double> values) {
        List<Double> out = new ArrayList<>();
        for (double x : values) {
            out.add(Math.nextDown(x));
            out.add(x);
            out.add(Math.nextUp(x));
        }
        return distinct(out);
    }

    /** The first occurrence of each value, in order (Double.equals tells 0.0 from -0.0). */
    @SafeVarargs
    static <T> List<T> distinct(List<? extends T>... lists) {
        Set<T> seen = new LinkedHashSet<>();
        for (List<? extends T> list : lists) {
            seen.addAll(list);
        }
        return new ArrayList<>(seen);
    }

    // ---- random values ----

    /**
     * Any double, NaN and infinities included. Uniform bit patterns alone hit the interesting
     * doubles too rarely, so they are mixed with the shapes that find rounding bugs: tiny
     * subnormals (few significant bits), short significands (k * 2^e, ties in decimal and binary
     * rounding) and ordinary magnitudes (2^-70 to 2^70, where display formatting happens).
     */
    static double anyBits(SplittableRandom random) {
        long sign = random.nextBoolean() ? Long.MIN_VALUE : 0;
        return Double.longBitsToDouble(sign | magnitudeBits(random));
    }

    private static long magnitudeBits(SplittableRandom random) {
        return switch (random.nextInt(6)) {
            // A tiny subnormal, then k * 2^e, then 2^-70 to 2^71, and uniform bits half the time.
            case 0 -> random.nextLong(1L << random.nextInt(1, 53));
            case 1 -> Double.doubleToRawLongBits(Math.scalb(
                    (double) random.nextInt(1, 1 << random.nextInt(1, 12)), random.nextInt(-1074, 1013)));
            case 2 -> (long) (Double.MAX_EXPONENT + random.nextInt(-70, 71)) << 52 | random.nextLong(1L << 52);
            default -> random.nextLong() & Long.MAX_VALUE;
        };
    }

    /** Any finite double, drawn as {@link #anyBits}. */
    static double finiteBits(SplittableRandom random) {
        double x;
        do {
            x = anyBits(random);
        } while (!Double.isFinite(x));
        return x;
    }

    /** A double of either sign below 2^(maxExponent + 1) in magnitude, every binary exponent alike. */
    static double uniformExponent(SplittableRandom random, int maxExponent) {
        long sign = random.nextBoolean() ? Long.MIN_VALUE : 0;
        long exponentField = random.nextLong(Double.MAX_EXPONENT + maxExponent + 1);
        return Double.longBitsToDouble(sign | exponentField << 52 | random.nextLong(1L << 52));
    }
}
