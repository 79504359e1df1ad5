package dev.softmaxexplorer.core;

import java.math.BigInteger;

/**
 * The slow path of {@link Softmax}: each quantity as an interval ({@link WideExp.Wide}) at a
 * working precision P, raised from 128 bits by doubling until the interval rounds to one double
 * ({@link CorrectRounding#round}), Ziv's strategy. Taken only when the double-double result fails
 * its rounding test.
 *
 * <p>Error bounds (absolute, each an upper bound that the interval carries): every exponential
 * within 2^-(P + 21) relative ({@link WideExp}), the sum S within 2^-(P + 20) relative, log S by
 * Newton's iteration within about 2^-(P + 9), the shifts {@code d_i = (z_i - z_top) / T} to
 * P + 64 significant bits from the exact difference; sums, products and quotients add their
 * operands' bounds as {@link WideExp.Wide} says. Exact inputs give exact intervals where the
 * value is rational (ties: the margin, a gradient with all logits equal), rounded with ties to
 * even.
 *
 * <p>Where the loop stops: at P = 4096 every term that the sums leave out (below 2^-5900) is
 * within the bounds. An interval that still straddles a midpoint there is decided by the
 * direction in which those left-out terms (all positive) move the quantity, each quantity method
 * records it: exact when the included terms put the value exactly on the midpoint (log p_1 of
 * [DBL_MAX, -2^970], on the midpoint between -DBL_MAX and -2^1024 but for e^(-2^1024)); any other
 * input would need a value within about 2^-4000 of a midpoint without being on it, which none of
 * the test sets comes near.
 */
final class WideSoftmax {

    private static final int FIRST_PRECISION = 128;
    private static final int LAST_PRECISION = 4096;
    /** A bound (2^-5000) on what the terms below 2^-5900 that exp leaves out can add. */
    private static final int LEFT_OUT = -5000;

    /** Results decided at LAST_PRECISION by the left-out terms' direction (for the tests). */
    static int decidedByLeftOut;

    /** One quantity at the precision of {@code level}. */
    interface Quantity {
        WideExp.Wide at(WideSoftmax level);
    }

    private final double[] z;
    private final double t;
    private final int top;
    private final int precision;
    private final WideExp w;
    private WideExp.Wide sum;
    private WideExp.Wide logSum;
    /**
     * The sign of the change that the terms left out of the sums (positive, below 2^-5900) make
     * to the last quantity computed: +1 up, -1 down, 0 none.
     */
    private int leftOut;

    private WideSoftmax(double[] z, double t, int top, int precision) {
        this.z = z;
        this.t = t;
        this.top = top;
        this.precision = precision;
        w = new WideExp(precision);
    }

    /**
     * The levels of precision of one call of {@link Softmax}, each made once and shared by all
     * its slow results (S and log S are computed once per level, not once per component).
     */
    static final class Levels {
        private final double[] z;
        private final double t;
        private final int top;
        private final WideSoftmax[] made = new WideSoftmax[6];

        Levels(double[] z, double t, int top) {
            this.z = z;
            this.t = t;
            this.top = top;
        }

        /** The level of precision FIRST_PRECISION * 2^index. */
        WideSoftmax at(int index) {
            if (made[index] == null) {
                made[index] = WideSoftmax.at(z, t, top, FIRST_PRECISION << index);
            }
            return made[index];
        }
    }

    /**
     * The correctly rounded value of {@code q} for logits z at temperature t (z[top] the largest
     * logit), and one more count of the slow path.
     */
    static double rounded(double[] z, double t, int top, Quantity q) {
        return rounded(new Levels(z, t, top), q);
    }

    /** {@link #rounded(double[], double, int, Quantity)} on a call's shared levels. */
    static double rounded(Levels levels, Quantity q) {
        CorrectRounding.countSlowPath();
        for (int index = 0;; index++) {
            WideSoftmax level = levels.at(index);
            WideExp.Wide v = q.at(level);
            double r = CorrectRounding.round(v);
            if (r == r) {
                return r;
            }
            if (level.precision >= LAST_PRECISION) {
                decidedByLeftOut++;
                return CorrectRounding.roundDyadic(v.m, v.e, level.leftOut);
            }
        }
    }

    /** The quantities of logits z at temperature t (z[top] the largest) at one precision. */
    static WideSoftmax at(double[] z, double t, int top, int precision) {
        return new WideSoftmax(z, t, top, precision);
    }

    private int bits() {
        return precision + 64;
    }

    /** S = sum_i e^(d_i). */
    WideExp.Wide sum() {
        if (sum == null) {
            sum = w.sum(z, top, t);
        }
        return sum;
    }

    /** log S. */
    WideExp.Wide logSum() {
        if (logSum == null) {
            logSum = w.log(sum());
        }
        return logSum;
    }

    /** e^(d_i); 0 within 2^-5000 where exp leaves the term out. */
    WideExp.Wide term(int i) {
        WideExp.Wide e = z[i] == Double.NEGATIVE_INFINITY ? null : w.exp(z[i], z[top], t);
        return e == null ? new WideExp.Wide(BigInteger.ZERO, 0, LEFT_OUT) : e;
    }

    /** d_i = (z_i - z_top) / T to P + 64 bits. */
    WideExp.Wide shifted(int i) {
        return difference(z[i], z[top]).divide(WideExp.exact(t), bits());
    }

    private static WideExp.Wide difference(double a, double b) {
        return WideExp.exact(a).minus(WideExp.exact(b));
    }

    /** p_i = e^(d_i) / S. */
    WideExp.Wide probability(int i) {
        WideExp.Wide e = term(i);
        // S up makes p_i down, unless p_i is itself left out (then it is the whole value).
        leftOut = e.isExact() || e.m.signum() != 0 ? -1 : 1;
        return e.divide(sum(), bits());
    }

    /** log p_i = d_i - log S. */
    WideExp.Wide logProbability(int i) {
        leftOut = -1;
        return shifted(i).minus(logSum());
    }

    /** log-sum-exp of the raw logits (a level made with t = 1): z_top + log S. */
    WideExp.Wide logSumExp() {
        leftOut = 1;
        return WideExp.exact(z[top]).plus(logSum());
    }

    /**
     * The smoothed loss less log S: {@code A = ((1 - eps) K (z_top - z_c) + eps sum_i (z_top -
     * z_i)) / (K T)}, exact but for the division's last bit.
     */
    private WideExp.Wide lossShift(int c, double eps) {
        int k = z.length;
        WideExp.Wide kWide = new WideExp.Wide(BigInteger.valueOf(k), 0);
        WideExp.Wide epsWide = WideExp.exact(eps);
        WideExp.Wide spread = new WideExp.Wide(BigInteger.ZERO, 0);
        for (int i = 0; i < k; i++) {
            spread = spread.plus(difference(z[top], z[i]));
        }
        WideExp.Wide oneMinusEps = new WideExp.Wide(BigInteger.ONE, 0).minus(epsWide);
        WideExp.Wide numerator = oneMinusEps.times(kWide).times(difference(z[top], z[c]))
                .plus(epsWide.times(spread));
        return numerator.divide(kWide.times(WideExp.exact(t)), bits());
    }

    /** Cross-entropy {@code log S + A}. */
    WideExp.Wide crossEntropy(int c, double eps) {
        leftOut = 1;
        return logSum().plus(lossShift(c, eps));
    }

    /** Perplexity {@code e^L = S e^A}. */
    WideExp.Wide perplexity(int c, double eps) {
        leftOut = 1;
        WideExp.Wide e = w.exp(lossShift(c, eps));
        return sum().times(e);
    }

    /** Entropy {@code log S - (sum_i e^(d_i) d_i) / S}. */
    WideExp.Wide entropy() {
        // A left-out term adds p_j (1 - d_j + sum_i p_i d_i) > 0: -d_j > 4096 exceeds every
        // other |d_i| that counts.
        leftOut = 1;
        WideExp.Wide weighted = new WideExp.Wide(BigInteger.ZERO, 0);
        for (int i = 0; i < z.length; i++) {
            if (i != top && z[i] != Double.NEGATIVE_INFINITY) {
                WideExp.Wide e = w.exp(z[i], z[top], t);
                if (e == null) {
                    weighted = weighted.plus(new WideExp.Wide(BigInteger.ZERO, 0, LEFT_OUT));
                } else {
                    weighted = weighted.plus(e.times(shifted(i)).trim(bits()));
                }
            }
        }
        return logSum().minus(weighted.divide(sum(), bits()));
    }

    /**
     * The gradient component {@code (p_i - y_i) / T = (K e^(d_i) - (K y_i) S) / (K S T)}, with
     * {@code K y_i} exact: eps off the target, {@code K - (K - 1) eps} on it.
     */
    WideExp.Wide gradient(int i, int c, double eps) {
        WideExp.Wide k = new WideExp.Wide(BigInteger.valueOf(z.length), 0);
        WideExp.Wide epsWide = WideExp.exact(eps);
        WideExp.Wide ky = epsWide;
        if (i == c) {
            ky = k.minus(new WideExp.Wide(BigInteger.valueOf(z.length - 1), 0).times(epsWide));
        }
        WideExp.Wide e = term(i);
        leftOut = e.isExact() || e.m.signum() != 0 ? -1 : 1;
        WideExp.Wide numerator = k.times(e).minus(ky.times(sum()));
        return numerator.divide(sum().times(k).times(WideExp.exact(t)), bits());
    }

    /** The margin {@code (a - b) / T}, exact but for the division's last bit. */
    WideExp.Wide quotient(double a, double b) {
        leftOut = 0;
        return difference(a, b).divide(WideExp.exact(t), bits());
    }
}
