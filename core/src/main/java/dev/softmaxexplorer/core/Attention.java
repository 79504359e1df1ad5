package dev.softmaxexplorer.core;

import java.math.BigInteger;

/**
 * Scaled dot-product attention weights (Vaswani et al., "Attention Is All You Need", 2017):
 * {@code w_ij = softmax_j(scale * (q_i . k_j))}, optionally with a causal mask (key j > i
 * masked). With {@code scale = 1 / sqrt(d_k)} this is softmax at temperature {@code T = sqrt(d_k)}
 * of the raw dot products.
 *
 * <p>Exactness: each weight is the double nearest to the exact value of that function of the
 * given doubles (ties to even; a weight below 2^-1000 within 1e-300 absolute, the project's rule
 * for tiny results), as {@link Softmax} promises for its probabilities: the dot products are not
 * rounded before the scaling and the exponential. Fast path: each product is split exactly
 * (TwoProduct) and summed in double-double, within {@code d 2^-103 sum_l |q_l k_l|} (plus
 * {@code d 2^-1070} for products below the normal range); the shift
 * {@code d_j = scale (s_j - s_max)} in double-double adds {@code 2^-102 |d_j|}; an absolute error
 * E in d_j is a relative error of about E in {@code e^(d_j)} ({@link DoubleDouble#exp}, itself
 * within 2^-102); the sum S >= 1 of positive terms and the quotient add {@code K 2^-104} and
 * 2^-102. {@link CorrectRounding#decided} then tests whether every value within the bound
 * rounds to the same double. When it does not (or something overflows a double), the row is
 * recomputed exactly: the dot products as exact binary numbers (BigInteger significands),
 * {@code scale (s_j - s_max)} exactly, and the exponentials, sum and quotient as intervals of
 * growing precision ({@link WideExp}, from 128 to 4096 bits) until the interval rounds to one
 * double. Only integer and {@code + - * /} arithmetic is used, so the bits are the same on the
 * JVM and in JavaScript.
 */
public final class Attention {

    /** The most queries or keys accepted. */
    public static final int MAX_TOKENS = 1024;
    /** The largest key dimension d_k accepted. */
    public static final int MAX_DIMENSION = 65536;

    private static final int FIRST_PRECISION = 128;
    private static final int LAST_PRECISION = 4096;
    /** Below e^-750 a weight (a term over a sum >= 1) is below 2^-1076 and rounds to 0. */
    private static final double VANISHES = -750.0;

    /** Covers the roundings of the error bounds' own double arithmetic. */
    private static final double ROUNDING_SLACK = 1.0 + 0x1p-40;
    /** {@code e^E - 1 <= E (1 + 2^-19)} for the absolute errors E < 2^-20 the fast path accepts. */
    private static final double EXP_SLOPE = 1.0 + 0x1p-19;

    private Attention() {
    }

    /**
     * Attention weights: row i is softmax over j of {@code scale * (q_i . k_j)}, the dot product
     * exact; with {@code causal}, the keys j > i are masked and their weights are exactly 0.
     *
     * @param queries n query vectors q_i of length d_k (1 <= n <= {@link #MAX_TOKENS})
     * @param keys m key vectors k_j of the same length d_k (1 <= m <= {@link #MAX_TOKENS},
     *     1 <= d_k <= {@link #MAX_DIMENSION})
     * @param scale the factor applied to the dot products, finite and > 0 (1 / sqrt(d_k) in a
     *     transformer, 1 for no scaling)
     * @param causal whether query i sees only keys 0..i
     * @return n rows of m weights, each row summing to 1 within a few ulp
     * @throws IllegalArgumentException for null, empty, ragged or oversized arrays, a non-finite
     *     entry, or a scale that is NaN, infinite or <= 0
     */
    public static double[][] weights(double[][] queries, double[][] keys, double scale,
            boolean causal) {
        int d = validate(queries, keys, scale);
        double[][] w = new double[queries.length][];
        for (int i = 0; i < queries.length; i++) {
            int visible = causal ? Math.min(i + 1, keys.length) : keys.length;
            w[i] = row(queries[i], keys, visible, d, scale);
        }
        return w;
    }

    /**
     * The entropy {@code -sum_j w_j log w_j} (nats) of one row of weights, computed in
     * double-double from the given doubles and rounded once: nonnegative terms, so within 1 ulp of
     * the exact entropy of those doubles.
     *
     * @param weights probabilities, each in [0, 1]
     * @throws IllegalArgumentException for null or empty weights, or one NaN or outside [0, 1]
     */
    public static double entropy(double[] weights) {
        if (weights == null || weights.length == 0) {
            throw new IllegalArgumentException("weights must not be null or empty");
        }
        DoubleDouble sum = DoubleDouble.ZERO;
        for (int j = 0; j < weights.length; j++) {
            double p = weights[j];
            if (!(p >= 0.0 && p <= 1.0)) {
                throw new IllegalArgumentException(
                        "weights[" + j + "] must be in [0, 1], was " + Format.shortest(p));
            }
            if (p > 0.0) {
                sum = sum.sub(DoubleDouble.log(DoubleDouble.of(p)).mul(p));
            }
        }
        return sum.hi + 0.0;
    }

    private static double[] row(double[] q, double[][] keys, int visible, int d, double scale) {
        double[] w = new double[keys.length];
        double[] sHi = new double[visible];
        double[] sLo = new double[visible];
        double[] sErr = new double[visible];
        MutableDoubleDouble acc = new MutableDoubleDouble();
        int top = 0;
        for (int j = 0; j < visible; j++) {
            acc.set(0.0, 0.0);
            double magnitude = 0.0;
            double[] k = keys[j];
            for (int l = 0; l < d; l++) {
                double p = q[l] * k[l];
                acc.add(p, DoubleDouble.isFinite(p) ? DoubleDouble.productError(q[l], k[l], p) : 0.0);
                magnitude = magnitude + Math.abs(p);
            }
            sHi[j] = acc.hi;
            sLo[j] = acc.lo;
            sErr[j] = magnitude * d * 0x1p-103 + d * 0x1p-1070;
            if (!DoubleDouble.isFinite(sErr[j]) || !DoubleDouble.isFinite(acc.hi)) {
                return slowRow(q, keys, visible, scale, w, null);
            }
            if (sHi[j] > sHi[top] || sHi[j] == sHi[top] && sLo[j] > sLo[top]) {
                top = j;
            }
        }
        DoubleDouble[] e = new DoubleDouble[visible];
        double[] relative = new double[visible];
        DoubleDouble sum = DoubleDouble.ZERO;
        double worst = 0.0;
        for (int j = 0; j < visible; j++) {
            DoubleDouble shift = DoubleDouble.of(sHi[j], sLo[j]).sub(DoubleDouble.of(sHi[top], sLo[top]))
                    .mul(scale);
            double error = (sErr[j] + sErr[top]) * scale * ROUNDING_SLACK;
            error = error + Math.abs(shift.hi) * 0x1p-102;
            if (!DoubleDouble.isFinite(shift.hi) || !(error < 0x1p-20)) {
                return slowRow(q, keys, visible, scale, w, null);
            }
            if (shift.hi < VANISHES) {
                e[j] = DoubleDouble.ZERO;
            } else {
                e[j] = DoubleDouble.exp(shift);
                relative[j] = error * EXP_SLOPE + 0x1p-102;
                sum = sum.add(e[j]);
                worst = Math.max(worst, relative[j]);
            }
        }
        double sumError = worst + visible * 0x1p-104 + 0x1p-1000;
        boolean[] undecided = null;
        for (int j = 0; j < visible; j++) {
            if (e[j].hi == 0.0) {
                continue;
            }
            DoubleDouble p = e[j].div(sum);
            double bound = (relative[j] + sumError + 0x1p-102) * 1.125 * p.hi;
            if (CorrectRounding.decided(p.hi, p.lo, bound)) {
                w[j] = p.hi;
            } else {
                if (undecided == null) {
                    undecided = new boolean[visible];
                }
                undecided[j] = true;
            }
        }
        return undecided == null ? w : slowRow(q, keys, visible, scale, w, undecided);
    }

    /**
     * The weights of one row computed exactly (those marked undecided, or all when undecided is
     * null) into w.
     */
    private static double[] slowRow(double[] q, double[][] keys, int visible, double scale,
            double[] w, boolean[] undecided) {
        WideExp.Wide[] s = new WideExp.Wide[visible];
        int top = 0;
        for (int j = 0; j < visible; j++) {
            WideExp.Wide dot = new WideExp.Wide(BigInteger.ZERO, 0);
            for (int l = 0; l < q.length; l++) {
                dot = dot.plus(WideExp.exact(q[l]).times(WideExp.exact(keys[j][l])));
            }
            s[j] = dot;
            if (j > 0 && dot.minus(s[top]).m.signum() > 0) {
                top = j;
            }
        }
        WideExp.Wide factor = WideExp.exact(scale);
        WideExp.Wide[] shift = new WideExp.Wide[visible];
        for (int j = 0; j < visible; j++) {
            shift[j] = factor.times(s[j].minus(s[top]));
        }
        for (int j = 0; j < visible; j++) {
            if (undecided == null || undecided[j]) {
                CorrectRounding.countSlowPath();
                w[j] = exactWeight(shift, j);
            }
        }
        return w;
    }

    /** e^(shift_j) / sum_l e^(shift_l) (every shift <= 0, one of them 0), correctly rounded. */
    private static double exactWeight(WideExp.Wide[] shift, int j) {
        WideExp.Wide v = null;
        for (int precision = FIRST_PRECISION; precision <= LAST_PRECISION; precision *= 2) {
            WideExp exp = new WideExp(precision);
            WideExp.Wide sum = new WideExp.Wide(BigInteger.ZERO, 0);
            WideExp.Wide term = null;
            for (int l = 0; l < shift.length; l++) {
                WideExp.Wide e = exp.exp(shift[l]);
                // A term left out is below 2^-5900: within the interval's error at every precision.
                WideExp.Wide counted = e == null ? new WideExp.Wide(BigInteger.ZERO, 0, -5000) : e;
                sum = sum.plus(counted).trim(precision + 64);
                if (l == j) {
                    term = e;
                }
            }
            if (term == null) {
                return 0.0;
            }
            v = term.divide(sum, precision + 64);
            double r = CorrectRounding.round(v);
            if (r == r) {
                return r;
            }
        }
        return CorrectRounding.roundDyadic(v.m, v.e, 0);
    }

    /** The common key dimension d_k, after checking every argument. */
    private static int validate(double[][] queries, double[][] keys, double scale) {
        checkVectors("queries", queries, -1);
        int d = queries[0].length;
        checkVectors("keys", keys, d);
        if (!(scale > 0.0 && scale < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(
                    "scale must be finite and > 0, was " + Format.shortest(scale));
        }
        return d;
    }

    /** Checks one array of vectors (each of length d, or of one length in range when d < 0). */
    private static void checkVectors(String name, double[][] vectors, int d) {
        if (vectors == null || vectors.length == 0) {
            throw new IllegalArgumentException(name + " must not be null or empty");
        }
        if (vectors.length > MAX_TOKENS) {
            throw new IllegalArgumentException(name + " must have at most " + MAX_TOKENS
                    + " vectors, had " + vectors.length);
        }
        for (int i = 0; i < vectors.length; i++) {
            double[] v = vectors[i];
            if (v == null) {
                throw new IllegalArgumentException(name + "[" + i + "] must not be null");
            }
            if (d < 0 && (v.length < 1 || v.length > MAX_DIMENSION)) {
                throw new IllegalArgumentException(name + "[" + i + "] must have 1 to "
                        + MAX_DIMENSION + " entries (d_k), had " + v.length);
            }
            int expected = d < 0 ? vectors[0].length : d;
            if (v.length != expected) {
                throw new IllegalArgumentException(name + "[" + i + "] must have " + expected
                        + " entries (d_k), had " + v.length);
            }
            for (int l = 0; l < v.length; l++) {
                if (!DoubleDouble.isFinite(v[l])) {
                    throw new IllegalArgumentException(name + "[" + i + "][" + l
                            + "] must be finite, was " + Format.shortest(v[l]));
                }
            }
        }
    }
}
