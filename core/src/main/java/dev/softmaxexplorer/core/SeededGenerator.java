package dev.softmaxexplorer.core;

/**
 * A seeded pseudo-random generator that gives the same numbers on the JVM and in TeaVM's
 * JavaScript: xoshiro128** 1.1 (Blackman and Vigna, "Scrambled linear pseudorandom number
 * generators", ACM TOMS 47(4), 2021; reference code at https://prng.di.unimi.it/xoshiro128starstar.c),
 * a 128-bit state of four 32-bit words with period 2^128 - 1. Mutable: each call advances it.
 *
 * <p>Only 32-bit {@code int} arithmetic is used: Java's {@code int *} wraps modulo 2^32 exactly as
 * TeaVM's {@code Math.imul} does, and {@code >>>}, {@code <<}, {@code |} and {@code ^} compile
 * to the same bit operations, whereas {@code long} would
 * become a slow BigInt and {@code java.util.Random} is not reproducible across the two platforms.
 *
 * <p>Seeding: the state words are MurmurHash3's 32-bit finalizer fmix32 (Appleby) applied to
 * {@code seed + j * 0x9E3779B9} for j = 1..4 (the golden-ratio increment of SplitMix). fmix32 is a
 * bijection and the four inputs are distinct, so the four words are distinct and the state is
 * never all zero; nearby seeds give unrelated streams. {@code make_teaching_references.py} holds an
 * independent Python implementation and the first outputs for a few seeds.
 */
public final class SeededGenerator {

    private static final int GOLDEN_GAMMA = 0x9E3779B9;

    private int s0;
    private int s1;
    private int s2;
    private int s3;

    /** A generator whose whole output sequence is determined by {@code seed} (any int). */
    public SeededGenerator(int seed) {
        s0 = mix(seed + GOLDEN_GAMMA);
        s1 = mix(seed + GOLDEN_GAMMA * 2);
        s2 = mix(seed + GOLDEN_GAMMA * 3);
        s3 = mix(seed + GOLDEN_GAMMA * 4);
    }

    /** MurmurHash3's fmix32: a bijection of the 32-bit words with full avalanche. */
    private static int mix(int h) {
        int x = h ^ (h >>> 16);
        x = x * 0x85EBCA6B;
        x = x ^ (x >>> 13);
        x = x * 0xC2B2AE35;
        return x ^ (x >>> 16);
    }

    /** The next 32-bit output of xoshiro128**, as a signed int (all 2^32 values occur). */
    public int nextInt() {
        int result = rotateLeft(s1 * 5, 7) * 9;
        int t = s1 << 9;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = rotateLeft(s3, 11);
        return result;
    }

    private static int rotateLeft(int x, int distance) {
        int complement = 32 - distance;
        return (x << distance) | (x >>> complement);
    }

    /**
     * A uniform double in [0, 1) with 53 random bits, {@code (a 2^26 + b) 2^-53} from the top 27
     * bits a of one output and the top 26 bits b of the next (Matsumoto and Nishimura's
     * {@code genrand_res53} construction); the arithmetic is exact, so no rounding can differ.
     */
    public double nextDouble() {
        int a = nextInt() >>> 5;
        int b = nextInt() >>> 6;
        return (a * 67108864.0 + b) * 0x1p-53;
    }

    /**
     * A standard normal deviate (mean 0, variance 1) by Marsaglia's polar method ("A convenient
     * method for generating normal variables", SIAM Review 6(3), 1964): uniform (u, v) in the
     * square (-1, 1)^2 until {@code 0 < s = u^2 + v^2 < 1}, then {@code u sqrt(-2 log(s) / s)}
     * (the second deviate, v's, is not kept, so each call starts afresh). The logarithm is
     * {@link #log}, made of {@code + - * /} only, and the square root is IEEE's, so the JVM and
     * TeaVM's JavaScript give the same bits.
     */
    public double nextGaussian() {
        while (true) {
            double u = nextDouble() * 2.0 - 1.0;
            double v = nextDouble() * 2.0 - 1.0;
            double s = u * u + v * v;
            if (s < 1.0 && s > 0.0) {
                return u * Math.sqrt(-2.0 * log(s) / s);
            }
        }
    }

    /**
     * log x for x in (0, 1), within a few ulp (ample for a random deviate, and much cheaper than
     * {@link DoubleDouble#log}): {@code x = 2^e m} with m in [sqrt(1/2), sqrt(2)),
     * {@code log x = e ln2 + 2 atanh(f)}, {@code f = (m - 1) / (m + 1)}, |f| < 0.1716, and the
     * atanh series to f^23 (the next term is below 2^-60 of the sum).
     */
    static double log(double x) {
        int e = DoubleDouble.exponent(x);
        double m = DoubleDouble.mulPow2(x, -e);
        if (m > 1.4142135623730951) {
            m = m * 0.5;
            e++;
        }
        double f = (m - 1.0) / (m + 1.0);
        double f2 = f * f;
        double series = 1.0 / 23;
        for (int k = 21; k >= 1; k -= 2) {
            series = 1.0 / k + f2 * series;
        }
        double atanh = f * series;
        return e * 0.6931471805599453 + 2.0 * atanh;
    }
}
