package dev.softmaxexplorer.core;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Softmax with temperature, log-softmax, log-sum-exp, cross-entropy (with label smoothing) and its
 * gradient, entropy, perplexity and margin, in float64, each result correctly rounded: the double
 * nearest to the exact value (ties to even) for every finite input.
 *
 * <p>Definitions (PyTorch conventions): {@code x = z / T}; {@code p_i = exp(x_i) / sum_j exp(x_j)};
 * {@code log p_i = x_i - log sum_j exp(x_j)}; label-smoothed target
 * {@code y = (1 - eps) onehot(c) + eps / K}; cross-entropy {@code L = -sum_i y_i log p_i}; gradient
 * with respect to the raw logits {@code dL/dz_i = (p_i - y_i) / T}.
 *
 * <p>Masked classes: a logit of -Infinity is allowed and means "this class is impossible", as in
 * an attention mask: {@code p = 0}, {@code log p = -Infinity}, and the class is left out of every
 * sum. A cross-entropy that weighs a masked class (the target, or any class when eps > 0) is
 * +Infinity; the gradient stays finite ({@code -y_i / T} for a masked class). At least one logit
 * must be finite. +Infinity and NaN logits are rejected.
 *
 * <p>Algorithm. With m the (first) largest logit, {@code d_i = (z_i - z_m) / T <= 0} is formed
 * exactly as a double-double (TwoSum for the difference, which is computed from halved logits
 * when it overflows, and a multiplication by 1 / T in double-double, or for a T or difference
 * beyond 2^+-60 a scaled double-double division by T). {@code e_i = exp(d_i)} is kept
 * as a double-double mantissa and a separate binary exponent, so nothing underflows;
 * {@code R = sum_{i != m} e_i} has only positive terms, {@code S = 1 + R} and
 * {@code log S = log1p(R)}. Then {@code p_i = e_i (1 / S)}, {@code log p_i = d_i - log1p(R)},
 * {@code L = log1p(R) + (1 - eps)(-d_c) + (eps / K) sum_i (-d_i)} (three nonnegative terms, the
 * last two scaled by a power of two when the {@code d_i} are too large to sum), and the target's
 * gradient uses {@code 1 - p_c = (sum_{j != c} e_j) / S}, never {@code 1 - p_c}. The gradient's
 * numerator and T are both scaled by a power of two that brings T to [1, 2), so tiny and
 * subnormal temperatures lose nothing. exp, log and log1p are {@link DoubleDouble}'s, made only of
 * {@code + - * /} and {@code floor}, so the JVM and TeaVM's JavaScript give the same bits.
 *
 * <p>Correct rounding (issue 21), in the manner of CRlibm and CORE-MATH (Ziv's strategy). Every
 * result is first a double-double {@code hi + lo} with a proven error bound, and
 * {@link CorrectRounding#decided} tests whether every value within the bound rounds to hi; if it
 * does (it did for all of 3.35 million results of seeded random inputs, and for 97% of those of
 * the adversarial rounding-cases.json of the tests), hi is returned. If not, the result is
 * recomputed by {@link WideSoftmax} as an interval of growing precision until it rounds to one
 * double; values exactly on a midpoint (the margin, a gradient with equal logits) are exact there
 * and rounded to even. Components whose exact value
 * is below 1e-300 in magnitude are within 1e-300 absolute (the documented rule; below 2^-1000 the
 * test passes without more work).
 *
 * <p>The fast path's bounds, relative to the result unless said otherwise, with
 * {@code errorScale = (1 + K 2^-14) 2^-89} (set in Exponentials; a sampler chain's subset that
 * takes its sums as a pass's minus those it leaves out has a wider one, see
 * {@code Exponentials.Complement}): the double-double division,
 * product and accurate sum err by at most 2^-103, 2^-104 and 3 * 2^-106 (Joldes, Muller and
 * Popescu 2017), exp by 2^-100 (its polynomial and tables, DoubleDouble), log1p by 2^-100; the
 * shift {@code d_i} by 2^-102, which exp turns into an absolute error below 1600 * 2^-102 <
 * 2^-91, so each {@code e_i} is within 2^-90; the sum R of K positive terms adds K * 3 * 2^-106.
 * So R, S, 1 / S and log S are within errorScale. From these: p_i within 2 errorScale
 * ({@code Exponentials.probability}); log p_i, a sum of two non-positive terms, within
 * 2 errorScale ({@code Exponentials.logProbability}); the loss (nonnegative terms) within
 * 2 errorScale ({@code roundedLoss}); the entropy within 3 errorScale ({@code Exponentials.entropy});
 * perplexity's mantissa within {@code 4 errorScale |L| + 2^-99} ({@code roundedPerplexity}); the
 * margin within 2^-101 ({@code margin}); log-sum-exp, which can cancel, within
 * {@code 2 errorScale log S} absolute plus 2^-103 ({@code logSumExp}); a gradient component
 * {@code p_i - y_i}, which can cancel, within {@code 3 errorScale (|p_i| + |y_i|) / T} absolute
 * plus 2^-101 ({@code Gradient.component}). Terms left out for being below e^-1600 change
 * nothing at these bounds. Every rounding test also allows 2^-1065 absolute for subnormal lo
 * parts. An infinite double-double result goes to the slow path too unless it is exact (a
 * masked class) or surely beyond the threshold ({@code overflowsSurely}, for log p): the slow
 * path's intervals do not overflow, and round at the overflow threshold as IEEE 754 does. ErrorBoundTest checks each bound against 200-digit references; the slow
 * path's bounds are WideSoftmax's.
 */
public final class Softmax {

    private Softmax() {
    }

    /**
     * Probabilities {@code p_i = exp(z_i / T) / sum_j exp(z_j / T)}.
     *
     * @param logits raw scores z; -Infinity masks a class (p = 0)
     * @param temperature T, finite and > 0
     * @return a new array of K probabilities summing to 1 within a few ulp
     * @throws IllegalArgumentException for null, empty, NaN, +Infinity or all--Infinity logits,
     *     or a temperature that is NaN, infinite or <= 0
     */
    public static double[] softmax(double[] logits, double temperature) {
        validateLogits(logits);
        validateTemperature(temperature);
        try (Exponentials ex = new Exponentials(logits, temperature, -1)) {
            double[] p = new double[logits.length];
            for (int i = 0; i < p.length; i++) {
                p[i] = ex.probability(i);
            }
            return p;
        }
    }

    /**
     * {@link #softmax(double[], double)} written into {@code p}, returning
     * {@link #entropy(double[], double)}: both from one set of exponentials, for the temperature
     * sweep, which needs both at a hundred temperatures per frame. Bit-identical to the two calls.
     */
    static double softmaxAndEntropy(double[] logits, double temperature, double[] p) {
        validateLogits(logits);
        validateTemperature(temperature);
        try (Exponentials ex = Exponentials.withEntropy(logits, temperature, -1)) {
            return probabilitiesAndEntropy(ex, null, p);
        }
    }

    /**
     * The probabilities of a pass with the entropy's sum written into p, at {@code classes[j]}
     * for the pass's class j (at j itself for null classes), returning the entropy.
     */
    static double probabilitiesAndEntropy(Exponentials ex, int[] classes, double[] p) {
        ex.probabilities(classes, p);
        return ex.entropy();
    }

    /**
     * Log-probabilities {@code log p_i = x_i - max x - log1p(sum_{j != argmax} exp(x_j - max x))}
     * with {@code x = z / T}; exact to the last digit also where {@code log p} is close to 0.
     *
     * @param logits raw scores z; -Infinity masks a class (log p = -Infinity)
     * @param temperature T, finite and > 0
     * @return a new array of K values <= 0
     * @throws IllegalArgumentException as {@link #softmax(double[], double)}
     */
    public static double[] logSoftmax(double[] logits, double temperature) {
        validateLogits(logits);
        validateTemperature(temperature);
        try (Exponentials ex = new Exponentials(logits, temperature, -1)) {
            double[] logp = new double[logits.length];
            for (int i = 0; i < logp.length; i++) {
                logp[i] = ex.logProbability(i);
            }
            return logp;
        }
    }

    /**
     * {@link #logSoftmax(double[], double)} before its final rounding: each {@code log p_i} as a
     * double-double (about 2^-104 relative; -Infinity for a masked class), for callers that
     * subtract log-probabilities of two distributions and must not lose the digits that cancel.
     *
     * @throws IllegalArgumentException as {@link #softmax(double[], double)}
     */
    static DoubleDouble[] logSoftmaxDoubleDouble(double[] logits, double temperature) {
        validateLogits(logits);
        validateTemperature(temperature);
        try (Exponentials ex = new Exponentials(logits, temperature, -1)) {
            DoubleDouble[] logp = new DoubleDouble[logits.length];
            for (int i = 0; i < logp.length; i++) {
                logp[i] = ex.shifted(i).sub(ex.logDenominator);
            }
            return logp;
        }
    }

    /**
     * {@code log sum_i exp(z_i)} of the raw logits (no temperature), computed as
     * {@code z_m + log1p(sum_{i != m} exp(z_i - z_m))}; finite for every finite input (e.g.
     * about 1e308 for {@code [1e308, 0, -1e308]}).
     *
     * @param logits raw scores z; -Infinity terms contribute nothing
     * @return the log-sum-exp
     * @throws IllegalArgumentException for null, empty, NaN, +Infinity or all--Infinity logits
     */
    public static double logSumExp(double[] logits) {
        validateLogits(logits);
        try (Exponentials ex = new Exponentials(logits, 1.0, -1)) {
            double zTop = logits[ex.top];
            DoubleDouble lse = DoubleDouble.of(zTop).add(ex.logDenominator);
            // log S to (2 errorScale) relative; the accurate sum adds 2^-104 of the result,
            // which cancellation (z_top near -log S) can make as small as the inputs allow.
            double bound = ex.errorScale * 2.0 * ex.logDenominator.hi
                    + Math.abs(lse.hi) * 0x1p-103;
            if (CorrectRounding.decided(lse.hi, lse.lo, bound)) {
                return lse.hi;
            }
            return ex.slow(WideSoftmax::logSumExp);
        }
    }

    /**
     * Cross-entropy {@code L = -sum_i y_i log p_i} with {@code y = (1 - eps) onehot(c) + eps / K}
     * (PyTorch's {@code CrossEntropyLoss(label_smoothing = eps)}); eps = 0 gives {@code -log p_c}.
     * Finite whenever the exact value is, even where the shifted logits {@code (z_i - z_max)/T}
     * overflow a double. +Infinity if the target is masked, or eps > 0 and any class is masked.
     *
     * @param logits raw scores z
     * @param temperature T, finite and > 0
     * @param target the true class c, in [0, K)
     * @param labelSmoothing eps, in [0, 1]
     * @return the loss in nats, >= 0
     * @throws IllegalArgumentException for bad logits or temperature (see
     *     {@link #softmax(double[], double)}), a target outside [0, K), or eps NaN or outside
     *     [0, 1]
     */
    public static double crossEntropy(double[] logits, double temperature, int target,
            double labelSmoothing) {
        validateAll(logits, temperature, target, labelSmoothing);
        try (Exponentials ex = new Exponentials(logits, temperature, target)) {
            return roundedLoss(ex, crossEntropy(ex, target, labelSmoothing), target,
                    labelSmoothing);
        }
    }

    /**
     * Gradient of {@link #crossEntropy} with respect to the raw logits:
     * {@code dL/dz_i = (p_i - y_i) / T}. The target component is formed from the sum of the other
     * classes' exponentials, so it keeps full precision when p_c is close to 1.
     *
     * @param logits raw scores z
     * @param temperature T, finite and > 0
     * @param target the true class c, in [0, K)
     * @param labelSmoothing eps, in [0, 1]
     * @return a new array of K components summing to 0 within rounding
     * @throws IllegalArgumentException as {@link #crossEntropy}
     */
    public static double[] gradient(double[] logits, double temperature, int target,
            double labelSmoothing) {
        validateAll(logits, temperature, target, labelSmoothing);
        try (Exponentials ex = new Exponentials(logits, temperature, target)) {
            Gradient gradient = new Gradient(ex, target, labelSmoothing);
            double[] g = new double[logits.length];
            for (int i = 0; i < g.length; i++) {
                g[i] = gradient.component(i);
            }
            return g;
        }
    }

    /**
     * Entropy {@code H = -sum_i p_i log p_i} in nats, computed as
     * {@code log1p(R) + sum_i p_i (-d_i)} (nonnegative terms); masked classes add 0.
     *
     * @param logits raw scores z
     * @param temperature T, finite and > 0
     * @return H in [0, log K]
     * @throws IllegalArgumentException as {@link #softmax(double[], double)}
     */
    public static double entropy(double[] logits, double temperature) {
        validateLogits(logits);
        validateTemperature(temperature);
        try (Exponentials ex = Exponentials.streamed(logits, temperature, new int[0])) {
            return ex.entropy();
        }
    }

    /**
     * Perplexity {@code exp(L)} of the (label-smoothed) cross-entropy L, from L's double-double
     * value; +Infinity where exp(L) overflows or L is infinite.
     *
     * @throws IllegalArgumentException as {@link #crossEntropy}
     */
    public static double perplexity(double[] logits, double temperature, int target,
            double labelSmoothing) {
        validateAll(logits, temperature, target, labelSmoothing);
        try (Exponentials ex = new Exponentials(logits, temperature, target)) {
            return roundedPerplexity(ex, crossEntropy(ex, target, labelSmoothing), target,
                    labelSmoothing);
        }
    }

    /**
     * How many results the slow path has computed since the class was loaded (in this thread's
     * JVM or this page; wraps after 2^31): those whose double-double approximation did not pass
     * its rounding test and were recomputed with wider arithmetic, for the benchmark.
     */
    public static int slowPathCount() {
        return CorrectRounding.slowPathCount();
    }

    /**
     * The predicted class: the index of the largest logit, the lowest index on ties. Independent
     * of the temperature.
     *
     * @throws IllegalArgumentException as for the logits of {@link #softmax(double[], double)}
     */
    public static int argmax(double[] logits) {
        validateLogits(logits);
        return indexOfMax(logits, -1);
    }

    /**
     * Margin {@code x_c - max_{j != c} x_j} with {@code x = z / T}: positive when the target wins
     * (by that many units of scaled logit), negative when another class scores higher, 0 on a tie.
     * Computed as one rounding of the exact {@code (z_c - z_j) / T}. +Infinity when no other
     * class competes (K = 1 or all others masked), -Infinity when the target is masked.
     *
     * @throws IllegalArgumentException for bad logits, temperature or target
     */
    public static double margin(double[] logits, double temperature, int target) {
        validateLogits(logits);
        validateTemperature(temperature);
        validateTarget(target, logits.length);
        if (logits[target] == Double.NEGATIVE_INFINITY) {
            return Double.NEGATIVE_INFINITY;
        }
        if (logits.length == 1) {
            return Double.POSITIVE_INFINITY;
        }
        int rival = indexOfMax(logits, target);
        if (logits[rival] == Double.NEGATIVE_INFINITY) {
            return Double.POSITIVE_INFINITY;
        }
        DoubleDouble q = scaledQuotient(logits[target], logits[rival], temperature, 0);
        // One double-double division: within 2^-103 of the exact quotient.
        // An overflow goes to the slow path, whose exact quotient rounds at the threshold.
        if (CorrectRounding.decided(q.hi, q.lo, Math.abs(q.hi) * 0x1p-101)
                && ErrorFree.isFinite(q.hi)) {
            return q.hi;
        }
        double zc = logits[target];
        double zj = logits[rival];
        return WideSoftmax.rounded(logits, temperature, target, level -> level.quotient(zc, zj));
    }

    /**
     * The logistic function {@code 1 / (1 + exp(-x))}, correctly rounded but for rare ties; equal
     * to {@code softmax([a, b], 1)[0]} for {@code x = a - b}. {@code sigmoid(+Infinity) = 1},
     * {@code sigmoid(-Infinity) = 0}.
     *
     * @throws IllegalArgumentException if x is NaN
     */
    public static double sigmoid(double x) {
        if (x != x) {
            throw new IllegalArgumentException("x must not be NaN, was NaN");
        }
        if (x >= 0.0) {
            DoubleDouble.Scaled e = DoubleDouble.expScaled(DoubleDouble.of(-x));
            return DoubleDouble.ONE.div(e.value().add(1.0)).value();
        }
        DoubleDouble.Scaled e = DoubleDouble.expScaled(DoubleDouble.of(x));
        DoubleDouble denominator = e.value().add(1.0);
        return e.mantissa.div(denominator).mulPow2(e.exponent).value();
    }

    /**
     * Probabilities, log-probabilities, cross-entropy, gradient, entropy, perplexity and predicted
     * class in one pass (one exp per class and one log1p), as the page needs them each frame.
     * Each value equals the one the single-purpose method returns.
     *
     * @throws IllegalArgumentException as {@link #crossEntropy}
     */
    public static SoftmaxResult evaluate(double[] logits, double temperature, int target,
            double labelSmoothing) {
        validateAll(logits, temperature, target, labelSmoothing);
        try (Exponentials ex = Exponentials.withEntropy(logits, temperature, target)) {
            Gradient gradient = new Gradient(ex, target, labelSmoothing);
            int k = logits.length;
            double[] p = new double[k];
            double[] logp = new double[k];
            double[] g = new double[k];
            // One pass for every per-class result: at K = 50257 separate passes cost more in
            // loading the classes' values than in arithmetic.
            for (int i = 0; i < k; i++) {
                p[i] = ex.probability(i);
                logp[i] = ex.logProbability(i);
                g[i] = gradient.component(i);
            }
            DoubleDouble loss = crossEntropy(ex, target, labelSmoothing);
            return new SoftmaxResult(p, logp, g, roundedLoss(ex, loss, target, labelSmoothing),
                    ex.entropy(), roundedPerplexity(ex, loss, target, labelSmoothing), ex.top);
        }
    }

    /**
     * What {@link #evaluate} gives for the target and a few chosen classes, without its three
     * K-long arrays: one exp per class and one log1p as there, then p and log p only for the
     * chosen classes. At K = 131,072 this is what a page can afford on every frame; the loss,
     * entropy, perplexity and each chosen p and log p are bit for bit {@code evaluate}'s (the
     * same computation on the same intermediate values).
     *
     * @param classes the classes whose p and log p are wanted (copied), each in [0, K)
     * @throws IllegalArgumentException as {@link #crossEntropy}, or for a chosen class out of range
     */
    public static SoftmaxSummary summarize(double[] logits, double temperature, int target,
            double labelSmoothing, int[] classes) {
        validateAll(logits, temperature, target, labelSmoothing);
        int k = logits.length;
        int[] chosen = classes.clone();
        int lastClass = k - 1;
        for (int c : chosen) {
            if (c < 0 || c >= k) {
                throw new IllegalArgumentException("classes: each must be in [0, " + lastClass
                        + "], was " + c);
            }
        }
        // The chosen classes in index order, set apart from the rest's sum as the pass goes.
        int[] apart = chosen.clone();
        java.util.Arrays.sort(apart);
        try (Exponentials ex = Exponentials.streamed(logits, temperature, apart)) {
            double[] probabilities = new double[chosen.length];
            double[] logProbabilities = new double[chosen.length];
            boolean topChosen = false;
            for (int j = 0; j < chosen.length; j++) {
                probabilities[j] = ex.probability(chosen[j]);
                logProbabilities[j] = ex.logProbability(chosen[j]);
                topChosen |= chosen[j] == ex.top;
            }
            DoubleDouble loss = crossEntropy(ex, target, labelSmoothing);
            return new SoftmaxSummary(k, chosen, probabilities, logProbabilities,
                    ex.restApartMass(topChosen), roundedLoss(ex, loss, target, labelSmoothing),
                    ex.entropy(),
                    roundedPerplexity(ex, loss, target, labelSmoothing), ex.top);
        }
    }

    /**
     * The loss L, correctly rounded: its terms log S (errorScale), (1 - eps)(-d_c) and
     * (eps / K) sum_i (-d_i) (2^-101 + K 2^-104) are nonnegative, so L is within 2 errorScale
     * relative.
     */
    private static double roundedLoss(Exponentials ex, DoubleDouble loss, int target,
            double eps) {
        if (CorrectRounding.decided(loss.hi, loss.lo, Math.abs(loss.hi) * 2.0 * ex.errorScale)
                && (ErrorFree.isFinite(loss.hi) || weighsMask(ex.logits, target, eps))) {
            return loss.hi;
        }
        return ex.slow(level -> level.crossEntropy(target, eps));
    }

    /**
     * exp(L), correctly rounded: L's absolute error (2 errorScale |L|) becomes a relative one,
     * doubled for safety, and exp adds 2^-100; the test runs on the mantissa of
     * {@code e^L = M 2^k}, so near the overflow threshold too (scaling by 2^k commutes with
     * rounding, and M rounding to 2 at k = 1023 is the overflow to +Infinity).
     */
    private static double roundedPerplexity(Exponentials ex, DoubleDouble loss, int target,
            double eps) {
        if (!(loss.hi <= 710.0)) {
            return Double.POSITIVE_INFINITY;
        }
        DoubleDouble.Scaled e = DoubleDouble.expScaled(loss);
        double relative = Math.abs(loss.hi) * 4.0 * ex.errorScale + 0x1p-99;
        double bound = relative * Math.abs(e.mantissa.hi);
        if (CorrectRounding.decided(e.mantissa.hi, e.mantissa.lo, bound)) {
            return e.value().value();
        }
        return ex.slow(level -> level.perplexity(target, eps));
    }

    /**
     * True when the loss weighs a masked class (the target, or any class when eps > 0), so that
     * it is +Infinity exactly, not by overflow.
     */
    private static boolean weighsMask(double[] z, int target, double eps) {
        if (z[target] == Double.NEGATIVE_INFINITY) {
            return true;
        }
        if (eps > 0.0) {
            for (double v : z) {
                if (v == Double.NEGATIVE_INFINITY) {
                    return true;
                }
            }
        }
        return false;
    }

    static DoubleDouble crossEntropy(Exponentials ex, int target, double eps) {
        double[] z = ex.logits;
        int k = z.length;
        if (z[target] == Double.NEGATIVE_INFINITY) {
            return DoubleDouble.of(Double.POSITIVE_INFINITY);
        }
        DoubleDouble targetTerm = ex.shifted(target).negate();
        if (eps == 0.0) {
            return ex.logDenominator.add(targetTerm);
        }
        for (double v : z) {
            if (v == Double.NEGATIVE_INFINITY) {
                return DoubleDouble.of(Double.POSITIVE_INFINITY);
            }
        }
        DoubleDouble oneMinusEps = DoubleDouble.twoSum(1.0, -eps);
        int scale = smoothingScale(ex);
        DoubleDouble spread = DoubleDouble.ZERO;
        if (scale == 0) {
            MutableDoubleDouble sum = new MutableDoubleDouble();
            MutableDoubleDouble d = new MutableDoubleDouble();
            for (int i = 0; i < k; i++) {
                ex.shifted(d, i);
                sum.sub(d.hi, d.lo);
            }
            spread = sum.toDoubleDouble();
        } else {
            double zTop = z[ex.top];
            for (int i = 0; i < k; i++) {
                spread = spread.add(scaledQuotient(zTop, z[i], ex.temperature, -scale));
            }
            targetTerm = scaledQuotient(zTop, z[target], ex.temperature, -scale);
        }
        // eps * spread before / K: eps / K alone can underflow (eps = 5e-324) where the term
        // is not tiny.
        DoubleDouble smoothing = spread.mul(eps).div(k);
        DoubleDouble weighted = oneMinusEps.mul(targetTerm).add(smoothing);
        return ex.logDenominator.add(weighted.mulPow2(scale));
    }

    /**
     * The power of two by which the smoothed loss's terms -d_i must be scaled down so that K of
     * them sum without overflow: 0 unless the largest |d_i| exceeds about 2^1000 / K.
     */
    private static int smoothingScale(Exponentials ex) {
        double[] z = ex.logits;
        double zMin = z[ex.top];
        for (double v : z) {
            if (v < zMin) {
                zMin = v;
            }
        }
        DoubleDouble widest = scaledQuotient(z[ex.top], zMin, ex.temperature, -1100);
        if (widest.hi == 0.0) {
            return 0;
        }
        int bitsOfK = 32 - Integer.numberOfLeadingZeros(z.length);
        int exponentOfWidest = DoubleDouble.exponent(widest.hi) + 1100;
        return Math.max(0, exponentOfWidest + bitsOfK + 3 - 1000);
    }

    /**
     * The components {@code dL/dz_i = (p_i - y_i) / T}, one at a time, so that {@link #evaluate}
     * forms them in its single pass. The numerator and T are scaled by the power of two that
     * brings T to [1, 2) (at most 2^1000), so that a tiny T loses nothing.
     */
    private static final class Gradient {
        private final Exponentials ex;
        private final int target;
        private final double eps;
        private final int scale;
        private final double tScaled;
        private final DoubleDouble offTargetScaled;
        private final DoubleDouble onTargetScaled;
        private final DoubleDouble targetComplement;
        private final MutableDoubleDouble numerator = new MutableDoubleDouble();

        Gradient(Exponentials ex, int target, double eps) {
            this.ex = ex;
            this.target = target;
            this.eps = eps;
            scale = Math.min(1000, -DoubleDouble.exponent(ex.temperature));
            tScaled = DoubleDouble.mulPow2(ex.temperature, scale);
            // Scaled before dividing by K, so that eps / K does not underflow for a subnormal
            // eps.
            DoubleDouble epsScaled = DoubleDouble.of(DoubleDouble.mulPow2(eps, scale));
            offTargetScaled = epsScaled.div(ex.logits.length);
            onTargetScaled = epsScaled.sub(offTargetScaled);
            targetComplement = ex.complementScaled(target, scale).div(ex.denominator);
        }

        double component(int i) {
            DoubleDouble b;
            if (i == target) {
                numerator.set(onTargetScaled);
                b = targetComplement;
            } else {
                ex.probabilityScaled(numerator, i, scale);
                b = offTargetScaled;
            }
            double operands = Math.abs(numerator.hi) + Math.abs(b.hi);
            numerator.sub(b.hi, b.lo);
            if (tScaled != 1.0) {
                numerator.div(tScaled);
            }
            // p_i (or 1 - p_c) to 2 errorScale relative and y_i to 2^-102, so the difference is
            // within 3 errorScale of the operands; the subtraction and the division by T add
            // 2^-102 of the result. Cancellation of p_i against y_i shows as a large bound.
            double bound = ex.errorScale * 3.0 * operands / tScaled
                    + Math.abs(numerator.hi) * 0x1p-101;
            if (CorrectRounding.decided(numerator.hi, numerator.lo, bound)
                    && ErrorFree.isFinite(numerator.hi)) {
                return numerator.hi;
            }
            return ex.slow(level -> level.gradient(i, target, eps));
        }
    }

    /** Index of the largest logit other than {@code skip}, the lowest index on ties. */
    private static int indexOfMax(double[] z, int skip) {
        return indexOfMax(z, z.length, skip);
    }

    /** {@link #indexOfMax(double[], int)} over the first k elements. */
    private static int indexOfMax(double[] z, int k, int skip) {
        int best = -1;
        for (int i = 0; i < k; i++) {
            if (i != skip && (best < 0 || z[i] > z[best])) {
                best = i;
            }
        }
        return best;
    }

    /**
     * {@code ((a - b) / t) * 2^shift} for finite a, b and t > 0, rounded once into a
     * double-double: the difference is exact (from halved operands if it overflows), and both it
     * and t are scaled to [1, 2) before dividing, so neither subnormal nor huge operands lose
     * bits; the result overflows to an infinity only if the exact value does.
     */
    static DoubleDouble scaledQuotient(double a, double b, double t, int shift) {
        MutableDoubleDouble q = new MutableDoubleDouble();
        scaledQuotient(q, a, b, new Divisor(t), shift);
        return q.toDoubleDouble();
    }

    /** {@link #scaledQuotient(double, double, double, int)} into {@code q}. */
    private static void scaledQuotient(MutableDoubleDouble q, double a, double b, Divisor t,
            int shift) {
        q.twoSum(a, -b);
        int extra = shift;
        if (q.hi - q.hi != 0.0) {
            q.twoSum(a * 0.5, b * -0.5);
            extra++;
        }
        if (q.hi == 0.0) {
            q.set(0.0, 0.0);
            return;
        }
        if (extra == 0 && t.moderate && isModerate(q.hi, q.lo)) {
            t.divideUnscaled(q);
            return;
        }
        int eh = DoubleDouble.exponent(q.hi);
        q.mulPow2(-eh).div(t.mantissa).mulPow2(eh - t.exponent + extra);
    }

    /**
     * True for a pair whose division by a moderate t (see {@link Divisor}) keeps every
     * intermediate, down to the error terms of the error terms (about 2^-160 of the operands),
     * far from the subnormal range and from overflow: hi in [2^-60, 2^60] and lo 0 or at least
     * 2^-600.
     */
    private static boolean isModerate(double hi, double lo) {
        double h = Math.abs(hi);
        double l = Math.abs(lo);
        return h >= 0x1p-60 && h <= 0x1p60 && (l == 0.0 || l >= 0x1p-600);
    }

    /**
     * A temperature split once for a loop of divisions: {@code t = mantissa * 2^exponent} with
     * the mantissa in [1, 2), and for a moderate t its reciprocal.
     */
    private static final class Divisor {
        final double value;
        final double mantissa;
        final int exponent;
        /** t in [2^-60, 2^60]. */
        final boolean moderate;
        /** 1 / t in double-double (within 2^-103), for a moderate t. */
        private final DoubleDouble reciprocal;

        Divisor(double t) {
            value = t;
            exponent = DoubleDouble.exponent(t);
            mantissa = DoubleDouble.mulPow2(t, -exponent);
            moderate = t >= 0x1p-60 && t <= 0x1p60;
            reciprocal = moderate ? DoubleDouble.ONE.div(t) : null;
        }

        /**
         * {@code q / t} for moderate q and t, as q times 1 / t: a product costs a third of a
         * division, and the quotient is within 2^-103 (the reciprocal) + 2^-104 (the product)
         * < 2^-102, the bound the class comment gives the shift d_i. Moderate operands keep
         * every partial product far from underflow and overflow (|q|, |t| in [2^-60, 2^60],
         * lo parts above 2^-600). Dividing by exactly 1 returns the pair itself; only a zero lo
         * comes out as +0.
         */
        void divideUnscaled(MutableDoubleDouble q) {
            if (value == 1.0) {
                q.set(q.hi, q.lo == 0.0 ? 0.0 : q.lo);
            } else {
                q.mul(reciprocal.hi, reciprocal.lo);
            }
        }
    }

    /**
     * The shared first half of every function: shifted logits d_i and their exponentials, kept
     * as mantissa and exponent, their sum with and without some classes, S and log S, and for the
     * entropy {@code sum_i e_i (-d_i)}, all in one pass over the classes.
     *
     * <p>The sums run at a moving scale: each term is multiplied by 2 to the power of minus the
     * largest exponent seen so far, and the sums are rescaled when a larger one comes. Scaling by
     * a power of two commutes with every rounding here (nothing underflows that is not negligible
     * next to the 1 of class top), so the sums equal those formed at the largest exponent in a
     * second pass, without that pass.
     *
     * <p>Per-class values, when kept, live in few primitive arrays, hi and lo parts interleaved
     * (hi at 2i, lo at 2i + 1), not in arrays of objects: at K = 50257 the objects outlived the
     * young generation of the browser's garbage collector and their promotion cost more than the
     * arithmetic. The arrays are {@link Storage}'s, reused by the next call: closing gives them
     * back. Without them ({@link #streamed}) a class's d_i and e_i are formed again when asked,
     * by the same operations, so with the same bits.
     */
    static final class Exponentials implements AutoCloseable {
        private static final int[] NONE = {};

        /** The classes' logits: the first {@link #size} elements (longer only in a pass of {@link #over}). */
        final double[] logits;
        /** K, the number of classes. */
        final int size;
        final double temperature;
        final int top;
        private final Divisor divisor;
        /** d_i = (z_i - z_top) / T; -Infinity for masked classes. Null when not kept. */
        private final double[] shifted;
        /**
         * The mantissa of exp(d_i) for i != top, 0 (the mantissa never is) where the term is 0 or
         * negligible next to the 1 of class top.
         * Null when not kept.
         */
        private final double[] mantissas;
        /** e_i and p_i are their mantissa times 2^termExponent. Null when not kept. */
        private final int[] termExponent;
        /** R = sum_{i != top} e_i is restScaled * 2^restExponent. */
        final DoubleDouble restScaled;
        /** The sum of e_i over the classes other than top and those set apart, same exponent. */
        final DoubleDouble restApartScaled;
        /** {@code sum_i e_i (-d_i)}, same exponent; null when the entropy was not asked for. */
        final DoubleDouble entropyTermsScaled;
        final int restExponent;
        final DoubleDouble denominator;
        final DoubleDouble logDenominator;
        /**
         * The relative error bound of R, S, 1 / S and log S: {@code (1 + K 2^-14) 2^-89}, see
         * the class comment.
         */
        final double errorScale;
        private DoubleDouble topProbability;
        /** Work space of the methods that return a double. */
        private final MutableDoubleDouble scratch = new MutableDoubleDouble();
        private final Storage storage;
        private WideSoftmax.Levels slowLevels;

        /** Every class's values kept; the target (if >= 0) set apart, for its complement. */
        Exponentials(double[] z, double t, int target) {
            this(z, t, target < 0 ? NONE : new int[] {target}, true, false);
        }

        /** As the constructor, with the entropy's sum. */
        static Exponentials withEntropy(double[] z, double t, int target) {
            return new Exponentials(z, t, target < 0 ? NONE : new int[] {target}, true, true);
        }

        /**
         * Without per-class arrays, for results of a few classes at any K, with the entropy's
         * sum; {@code apart} (ascending) are the classes left out of {@link #restApartScaled}.
         */
        static Exponentials streamed(double[] z, double t, int[] apart) {
            return new Exponentials(z, t, apart, false, true);
        }

        /**
         * A pass over every class, with the entropy's sum, that keeps its per-class values in
         * arrays of its own, not the shared spare, for {@link #over} to read later (closing it
         * gives nothing back): those of {@code previous}, a kept pass over as many classes that
         * its owner no longer needs, else new ones. The logits and T must be valid.
         */
        static Exponentials kept(double[] z, double t, Exponentials previous) {
            Storage arrays = previous != null && !previous.storage.pooled
                    && previous.storage.termExponent.length == z.length ? previous.storage : Storage.owned(z.length);
            return new Exponentials(z, z.length, t, NONE, arrays, true, null, null);
        }

        /**
         * The pass {@link #kept} would make over the logits {@code z_c} of the classes c in the
         * first {@code count} of {@code classes} (ascending), with each d_i and e_i taken from
         * this kept pass: the same operations on the same operands (the same top class and T)
         * formed them, so every result has the bits of a pass of its own. Null when the top class is not among them
         * (then the top of the subset is another class, and every d_i another number).
         */
        Exponentials over(int[] classes, int count) {
            if (shifted == null || java.util.Arrays.binarySearch(classes, 0, count, top) < 0) {
                return null;
            }
            // Arrays as long as this pass's, so that the one spare fits every subset of it: a
            // chain's subsets grow and shrink as T moves, and new arrays cost more than the pass.
            Storage arrays = Storage.take(count, size);
            double[] z = arrays.logits();
            for (int j = 0; j < count; j++) {
                z[j] = logits[classes[j]];
            }
            return new Exponentials(z, count, temperature, NONE, arrays, true, this, classes);
        }

        private Exponentials(double[] z, double t, int[] apart, boolean keep,
                boolean withEntropy) {
            this(z, z.length, t, apart, keep ? Storage.take(z.length, z.length) : null, withEntropy, null, null);
        }

        /**
         * The pass; with a {@code source}, a kept pass at T over logits of which z holds the
         * classes {@code classes}, top among them, each class's d_i and e_i come from the source.
         */
        private Exponentials(double[] z, int k, double t, int[] apart, Storage storage, boolean withEntropy,
                Exponentials source, int[] classes) {
            logits = z;
            size = k;
            top = indexOfMax(z, k, -1);
            divisor = source == null ? new Divisor(t) : source.divisor;
            boolean keep = storage != null;
            this.storage = storage;
            shifted = keep ? storage.shifted : null;
            mantissas = keep ? storage.mantissas : null;
            termExponent = keep ? storage.termExponent : null;
            MutableDoubleDouble d = new MutableDoubleDouble();
            MutableDoubleDouble e = new MutableDoubleDouble();
            MutableDoubleDouble rest = new MutableDoubleDouble();
            MutableDoubleDouble entropyTerms = new MutableDoubleDouble();
            int scale = Integer.MIN_VALUE;
            int nextApart = 0;
            // The double-double steps of shift (twoSum, the product by 1 / T), mulPow2, add and
            // mul are written out on locals below, each the operations of the method named in
            // its comment in the same order, so the bits are theirs: this loop runs over every
            // class on every move of T, and in the browser each call of those methods that is
            // not inlined passes its doubles as new boxes and the pairs' fields cost a memory
            // round trip per step. Anything outside the common case calls the method itself.
            double negTop = -z[top];
            double inverseHi = divisor.moderate ? divisor.reciprocal.hi : 0.0;
            double inverseLo = divisor.moderate ? divisor.reciprocal.lo : 0.0;
            double inverseHigh = ErrorFree.splitHigh(inverseHi);
            double inverseLow = inverseHi - inverseHigh;
            double restHi = 0.0;
            double restLo = 0.0;
            double termsHi = 0.0;
            double termsLo = 0.0;
            // The loop reads fields only through these locals, once per pass, not per class.
            int topClass = top;
            boolean moderateT = divisor.moderate;
            boolean unit = divisor.value == 1.0;
            double[] shiftedOut = shifted;
            double[] mantissasOut = mantissas;
            int[] exponentsOut = termExponent;
            double[] sourceShifted = source == null ? null : source.shifted;
            double[] sourceMantissas = source == null ? null : source.mantissas;
            int[] sourceExponents = source == null ? null : source.termExponent;
            // A subset keeping most of its source's classes takes its sums as the source's minus
            // those of the classes it leaves out (see Complement): fewer terms, a wider bound.
            Complement complement = source != null && source.entropyTermsScaled != null && 2 * k > source.size
                    ? Complement.of(source, classes, k) : null;
            boolean summing = complement == null;
            // Every element is written: the arrays hold the previous call's values.
            for (int i = 0; i < k; i++) {
                double dHi;
                double dLo;
                if (source != null) {
                    dHi = sourceShifted[2 * classes[i]];
                    dLo = sourceShifted[2 * classes[i] + 1];
                } else if (z[i] == Double.NEGATIVE_INFINITY || i == topClass) {
                    dHi = i == topClass ? 0.0 : Double.NEGATIVE_INFINITY;
                    dLo = 0.0;
                } else {
                    // scaledQuotient: twoSum(z_i, -z_top), then for a moderate pair and T the
                    // divisor's divideUnscaled.
                    double zi = z[i];
                    double s = zi + negTop;
                    dHi = 0.0;
                    dLo = 0.0;
                    // A flag, not NaN in dHi: with a NaN constant in its branches V8 keeps
                    // dHi boxed (measured: 12 bytes a class).
                    boolean formed = false;
                    if (s - s == 0.0) {
                        double bb = s - zi;
                        double err = (zi - (s - bb)) - (bb - negTop);
                        if (s == 0.0) {
                            formed = true;
                        } else if (moderateT && isModerate(s, err)) {
                            formed = true;
                            if (unit) {
                                dHi = s;
                                dLo = err == 0.0 ? 0.0 : err;
                            } else {
                                // mul(1 / T): |s| <= 2^60, so s splits without scaling.
                                double p = s * inverseHi;
                                if (p - p == 0.0 && p != 0.0) {
                                    double c = ErrorFree.SPLITTER * s;
                                    double sHigh = c - (c - s);
                                    double sLow = s - sHigh;
                                    double pe = sHigh * inverseHigh - p;
                                    pe = pe + sHigh * inverseLow;
                                    pe = pe + sLow * inverseHigh;
                                    pe = pe + sLow * inverseLow;
                                    pe = pe + s * inverseLo;
                                    pe = pe + err * inverseHi;
                                    // fastTwoSum(p, pe)
                                    dHi = p + pe;
                                    if (dHi - dHi == 0.0) {
                                        dLo = pe - (dHi - p);
                                    }
                                } else {
                                    dHi = p;
                                }
                            }
                        }
                    }
                    if (!formed) {
                        shift(d, i);
                        dHi = d.hi;
                        dLo = d.lo;
                    }
                }
                if (keep) {
                    shiftedOut[2 * i] = dHi;
                    shiftedOut[2 * i + 1] = dLo;
                }
                boolean isApart = false;
                while (nextApart < apart.length && apart[nextApart] == i) {
                    nextApart++;
                    isApart = true;
                }
                if (i != topClass && dHi >= DoubleDouble.EXP_NEGLIGIBLE) {
                    int exponent;
                    double eHi;
                    double eLo;
                    if (source == null) {
                        d.hi = dHi;
                        d.lo = dLo;
                        exponent = e.exp(d);
                        eHi = e.hi;
                        eLo = e.lo;
                    } else {
                        eHi = sourceMantissas[2 * classes[i]];
                        eLo = sourceMantissas[2 * classes[i] + 1];
                        exponent = sourceExponents[classes[i]];
                    }
                    if (keep) {
                        exponentsOut[i] = exponent;
                        mantissasOut[2 * i] = eHi;
                        mantissasOut[2 * i + 1] = eLo;
                    }
                    if (!summing) {
                        continue;
                    }
                    if (exponent > scale) {
                        if (scale != Integer.MIN_VALUE) {
                            rest.set(restHi, restLo).mulPow2(scale - exponent);
                            restHi = rest.hi;
                            restLo = rest.lo;
                            entropyTerms.set(termsHi, termsLo).mulPow2(scale - exponent);
                            termsHi = entropyTerms.hi;
                            termsLo = entropyTerms.lo;
                        }
                        scale = exponent;
                    }
                    // mulPow2(exponent - scale): by 2^0 it changes nothing (the mantissa is
                    // finite and not 0).
                    int n = exponent - scale;
                    if (n < -1022) {
                        e.set(eHi, eLo).mulPow2(n);
                        eHi = e.hi;
                        eLo = e.lo;
                    } else if (n != 0) {
                        double factor = DoubleDouble.powerOfTwo(n);
                        eHi = eHi * factor;
                        eLo = eHi - eHi == 0.0 && eHi != 0.0 ? eLo * factor : 0.0;
                    }
                    if (!isApart) {
                        // rest.add(eHi, eLo)
                        double s = restHi + eHi;
                        if (s - s == 0.0) {
                            double sb = s - restHi;
                            double err = (restHi - (s - sb)) - (sb - eHi);
                            double lo = restLo + eLo;
                            double tb = lo - restLo;
                            double negF = (tb - eLo) - (restLo - (lo - tb));
                            err = err + lo;
                            double s2 = s + err;
                            double e2 = err - (s2 - s);
                            e2 = e2 - negF;
                            // fastTwoSum(s2, e2)
                            restHi = s2 + e2;
                            restLo = restHi - restHi == 0.0 ? e2 - (restHi - s2) : 0.0;
                        } else {
                            restHi = s;
                            restLo = 0.0;
                        }
                    }
                    if (withEntropy) {
                        // mul(-dHi, -dLo): eHi <= 2 and |dHi| <= 1600 split without scaling.
                        double mHi = -dHi;
                        double mLo = -dLo;
                        double p = eHi * mHi;
                        double pHi = p;
                        double pLo = 0.0;
                        if (p - p == 0.0 && p != 0.0) {
                            double c = ErrorFree.SPLITTER * eHi;
                            double aHigh = c - (c - eHi);
                            double aLow = eHi - aHigh;
                            c = ErrorFree.SPLITTER * mHi;
                            double bHigh = c - (c - mHi);
                            double bLow = mHi - bHigh;
                            double pe = aHigh * bHigh - p;
                            pe = pe + aHigh * bLow;
                            pe = pe + aLow * bHigh;
                            pe = pe + aLow * bLow;
                            pe = pe + eHi * mLo;
                            pe = pe + eLo * mHi;
                            // fastTwoSum(p, pe)
                            pHi = p + pe;
                            pLo = pHi - pHi == 0.0 ? pe - (pHi - p) : 0.0;
                        }
                        // entropyTerms.add(pHi, pLo)
                        double s = termsHi + pHi;
                        if (s - s == 0.0) {
                            double sb = s - termsHi;
                            double err = (termsHi - (s - sb)) - (sb - pHi);
                            double lo = termsLo + pLo;
                            double tb = lo - termsLo;
                            double negF = (tb - pLo) - (termsLo - (lo - tb));
                            err = err + lo;
                            double s2 = s + err;
                            double e2 = err - (s2 - s);
                            e2 = e2 - negF;
                            // fastTwoSum(s2, e2)
                            termsHi = s2 + e2;
                            termsLo = termsHi - termsHi == 0.0 ? e2 - (termsHi - s2) : 0.0;
                        } else {
                            termsHi = s;
                            termsLo = 0.0;
                        }
                    }
                } else if (keep) {
                    mantissasOut[2 * i] = 0.0;
                    mantissasOut[2 * i + 1] = 0.0;
                }
            }
            rest.set(restHi, restLo);
            entropyTerms.set(termsHi, termsLo);
            if (complement != null) {
                rest.set(complement.rest);
                entropyTerms.set(complement.entropyTerms);
                scale = source.restExponent;
            }
            // Set after the loop, so that TeaVM keeps t live through it: otherwise it reuses the
            // parameter's variable for the loop's doubles, and V8 boxes each double written to a
            // parameter (some 50 bytes a class, measured with a sampling heap profile).
            temperature = t;
            restApartScaled = rest.toDoubleDouble();
            int previous = -1;
            for (int i : apart) {
                if (i != previous && i != top) {
                    shift(d, i);
                    if (d.hi >= DoubleDouble.EXP_NEGLIGIBLE) {
                        int exponent = e.exp(d);
                        e.mulPow2(exponent - scale);
                        rest.add(e.hi, e.lo);
                    }
                }
                previous = i;
            }
            restExponent = scale == Integer.MIN_VALUE ? 0 : scale;
            restScaled = rest.toDoubleDouble();
            entropyTermsScaled = withEntropy ? entropyTerms.toDoubleDouble() : null;
            DoubleDouble r = restScaled.mulPow2(restExponent);
            denominator = r.add(1.0);
            logDenominator = DoubleDouble.log1p(r);
            errorScale = complement != null ? complement.errorScale : errorScaleOf(k);
        }

        /** The relative error bound of the sums of a pass over k classes: {@code (1 + k 2^-14) 2^-89}. */
        static double errorScaleOf(int k) {
            return (k * 0x1p-14 + 1.0) * 0x1p-89;
        }

        @Override
        public void close() {
            if (storage != null) {
                storage.giveBack();
            }
        }

        /**
         * The sums of a subset of a kept pass formed as the pass's sums minus those of the
         * classes the subset leaves out, at the pass's scale: for a subset holding most of the
         * classes (top-p 0.9 at a high T keeps 42,000 of 50,257) that adds the few left out
         * instead of the many kept. Each of R_pass and R_out is within errorScale(K) of its exact
         * value (K terms at most, see the class comment of Softmax) and the difference adds
         * 3 2^-106 of itself, so {@code R = R_pass - R_out} is within
         * {@code F errorScale(K) + 2^-104} with {@code F = (R_pass + R_out) / R}, and the
         * entropy's sum likewise with {@code G = (T_pass + T_out) / T}. With
         * {@code errorScale = (max(F, G) + 1) errorScale(K)}, R, S, 1 / S and log S are within
         * errorScale, the slack of one errorScale(K) >= 2^-89 covering the addition of 1, the
         * division and log1p as it does for a pass of its own, and every bound derived from them
         * holds. Every result is correctly rounded, so the subset's results are the bits of a
         * pass of its own. Null (the subset sums its own terms) when the difference cancels: F
         * or G above 16, or R or T not positive.
         */
        private static final class Complement {
            final DoubleDouble rest;
            final DoubleDouble entropyTerms;
            final double errorScale;

            private Complement(DoubleDouble rest, DoubleDouble entropyTerms, double errorScale) {
                this.rest = rest;
                this.entropyTerms = entropyTerms;
                this.errorScale = errorScale;
            }

            /** The subset of the first {@code k} of {@code classes} (ascending, the top among them). */
            static Complement of(Exponentials source, int[] classes, int k) {
                MutableDoubleDouble out = new MutableDoubleDouble();
                MutableDoubleDouble outTerms = new MutableDoubleDouble();
                MutableDoubleDouble e = new MutableDoubleDouble();
                MutableDoubleDouble d = new MutableDoubleDouble();
                int scale = source.restExponent;
                int next = 0;
                for (int c = 0; c < source.size; c++) {
                    if (next < k && classes[next] == c) {
                        next++;
                        continue;
                    }
                    // A class left out: its term as the pass added it (none for a 0 mantissa).
                    double h = source.mantissas[2 * c];
                    if (h == 0.0) {
                        continue;
                    }
                    e.set(h, source.mantissas[2 * c + 1]).mulPow2(source.termExponent[c] - scale);
                    out.add(e.hi, e.lo);
                    load(source.shifted, c, d);
                    e.mul(-d.hi, -d.lo);
                    outTerms.add(e.hi, e.lo);
                }
                MutableDoubleDouble rest = new MutableDoubleDouble().set(source.restScaled).sub(out.hi, out.lo);
                MutableDoubleDouble terms = new MutableDoubleDouble().set(source.entropyTermsScaled)
                        .sub(outTerms.hi, outTerms.lo);
                if (!(rest.hi > 0.0 && terms.hi > 0.0)) {
                    return null;
                }
                // The hi parts are within far less than 1 % of the exact sums.
                double f = (source.restScaled.hi + out.hi) / rest.hi * 1.01;
                double g = (source.entropyTermsScaled.hi + outTerms.hi) / terms.hi * 1.01;
                double factor = Math.max(f, g);
                if (!(factor <= 16.0)) {
                    return null;
                }
                return new Complement(rest.toDoubleDouble(), terms.toDoubleDouble(),
                        (factor + 1.0) * errorScaleOf(source.size));
            }
        }

        /** d_i into {@code d}: -Infinity for a masked class, 0 for top. */
        private void shift(MutableDoubleDouble d, int i) {
            if (logits[i] == Double.NEGATIVE_INFINITY) {
                d.set(Double.NEGATIVE_INFINITY, 0.0);
            } else if (i == top) {
                d.set(0.0, 0.0);
            } else {
                scaledQuotient(d, logits[i], logits[top], divisor, 0);
            }
        }

        /**
         * True when d_i - log S surely rounds to -Infinity, without the slow path (which a
         * thousand classes of logits near 1e308 at a small T would otherwise all take): d_i / 2,
         * formed without overflow to 2^-101, beyond -2^1023 (by an ulp, 2^971) puts d_i below
         * -(2^1024 - 2^970), the midpoint above which the rounding overflows, by far more than
         * log S (below 2^5) and the error.
         */
        private boolean overflowsSurely(int i) {
            DoubleDouble half = scaledQuotient(logits[i], logits[top], temperature, -1);
            return half.hi < -0x1p1023;
        }

        /** A result of this call from the slow path, whose levels all results share. */
        double slow(WideSoftmax.Quantity q) {
            if (slowLevels == null) {
                double[] z = logits.length == size ? logits : java.util.Arrays.copyOf(logits, size);
                slowLevels = new WideSoftmax.Levels(z, temperature, top);
            }
            return WideSoftmax.rounded(slowLevels, q);
        }

        private static void store(double[] pairs, int i, MutableDoubleDouble x) {
            pairs[2 * i] = x.hi;
            pairs[2 * i + 1] = x.lo;
        }

        private static MutableDoubleDouble load(double[] pairs, int i, MutableDoubleDouble into) {
            return into.set(pairs[2 * i], pairs[2 * i + 1]);
        }

        /** d_i into {@code into}. */
        MutableDoubleDouble shifted(MutableDoubleDouble into, int i) {
            if (shifted == null) {
                shift(into, i);
                return into;
            }
            return load(shifted, i, into);
        }

        /** d_i. */
        DoubleDouble shifted(int i) {
            return shifted(new MutableDoubleDouble(), i).toDoubleDouble();
        }

        /**
         * The mantissa of p_i = e_i / S into {@code into}, whose exponent this returns, for i
         * other than top with a term; {@code into} becomes 0 for the others.
         */
        private int quotient(MutableDoubleDouble into, int i) {
            if (i == top) {
                into.set(0.0, 0.0);
                return 0;
            }
            int exponent;
            if (mantissas != null) {
                load(mantissas, i, into);
                exponent = termExponent[i];
            } else {
                shift(into, i);
                if (into.hi < DoubleDouble.EXP_NEGLIGIBLE) {
                    into.set(0.0, 0.0);
                    return 0;
                }
                exponent = into.exp(into);
            }
            if (into.hi != 0.0) {
                // e_i times 1 / S: a multiplication costs a third of a division.
                DoubleDouble inverse = topProbability();
                into.mul(inverse.hi, inverse.lo);
            }
            return exponent;
        }

        private DoubleDouble topProbability() {
            if (topProbability == null) {
                topProbability = DoubleDouble.ONE.div(denominator);
            }
            return topProbability;
        }

        /** p_i * 2^scale, into {@code into}. */
        MutableDoubleDouble probabilityScaled(MutableDoubleDouble into, int i, int scale) {
            if (i == top) {
                return into.set(topProbability()).mulPow2(scale);
            }
            int exponent = quotient(into, i);
            if (into.hi == 0.0) {
                return into;
            }
            return into.mulPow2(exponent + scale);
        }

        /**
         * {@link #probability} of every class j of a pass that kept its arrays, into
         * {@code p[classes[j]]} (into p[j] for null classes). For a class with a term whose
         * mantissa times 1 / S needs no scaling beyond the range of a double's exponent (all
         * but the smallest), the steps of {@link #quotient}, {@link MutableDoubleDouble#mul},
         * {@link MutableDoubleDouble#mulPow2} and the rounding test run here on local variables,
         * the same operations in the same order, so with the same bits: at K = 50,257 this loop
         * runs on every move of T in the sampler chain, and in the browser each call of those
         * methods that is not inlined passes its doubles as new boxes. 1 / S is split once.
         */
        void probabilities(int[] classes, double[] p) {
            if (mantissas == null) {
                throw new IllegalStateException("a pass without its arrays");
            }
            DoubleDouble inverse = topProbability();
            double bh = inverse.hi;
            double bl = inverse.lo;
            double bSplitHigh = ErrorFree.splitHigh(bh);
            double bSplitLow = bh - bSplitHigh;
            // Fields in locals, read once per pass, not per class.
            double[] ms = mantissas;
            int[] exponents = termExponent;
            int topClass = top;
            double relativeError = errorScale;
            int k = size;
            for (int j = 0; j < k; j++) {
                double h = ms[2 * j];
                int n = exponents[j];
                boolean done = false;
                if (j != topClass && h != 0.0 && n >= -1022 && n <= 1023) {
                    double l = ms[2 * j + 1];
                    // mul(bh, bl): bh is 1 / S below 1 and h a mantissa in [1/2, 2), so the
                    // product is finite and not 0, and h needs no scaling to be split.
                    double q = h * bh;
                    double c = ErrorFree.SPLITTER * h;
                    double hHigh = c - (c - h);
                    double hLow = h - hHigh;
                    double e = hHigh * bSplitHigh - q;
                    e = e + hHigh * bSplitLow;
                    e = e + hLow * bSplitHigh;
                    e = e + hLow * bSplitLow;
                    e = e + h * bl;
                    e = e + l * bh;
                    // fastTwoSum(q, e), then mulPow2(n)
                    double sum = q + e;
                    double factor = DoubleDouble.powerOfTwo(n);
                    double ph = sum * factor;
                    double pl = 0.0;
                    if (ph != 0.0 && ph - ph == 0.0) {
                        pl = (e - (sum - q)) * factor;
                    }
                    double bound = Math.abs(ph) * 2.0 * relativeError;
                    if (CorrectRounding.decided(ph, pl, bound)) {
                        p[classes == null ? j : classes[j]] = ph;
                        done = true;
                    }
                }
                if (!done) {
                    p[classes == null ? j : classes[j]] = probability(j);
                }
            }
        }

        /** p_i, correctly rounded: e_i and 1 / S each within errorScale, their product 2^-104. */
        double probability(int i) {
            probabilityScaled(scratch, i, 0);
            double bound = Math.abs(scratch.hi) * 2.0 * errorScale;
            if (CorrectRounding.decided(scratch.hi, scratch.lo, bound)) {
                return scratch.hi;
            }
            return slow(level -> level.probability(i));
        }

        /**
         * log p_i, correctly rounded: d_i (2^-102) and -log S (errorScale) have one sign, so
         * their sum is within errorScale + 2^-101 of its magnitude.
         */
        double logProbability(int i) {
            shifted(scratch, i).sub(logDenominator.hi, logDenominator.lo);
            double bound = Math.abs(scratch.hi) * 2.0 * errorScale;
            boolean exactOrFinite = ErrorFree.isFinite(scratch.hi)
                    || logits[i] == Double.NEGATIVE_INFINITY;
            if (CorrectRounding.decided(scratch.hi, scratch.lo, bound) && exactOrFinite) {
                return scratch.hi;
            }
            if (!exactOrFinite && overflowsSurely(i)) {
                return Double.NEGATIVE_INFINITY;
            }
            return slow(level -> level.logProbability(i));
        }

        /**
         * H, correctly rounded, as {@code log S + (sum_i e_i (-d_i)) / S}: each term e_i (-d_i)
         * is within 2^-90 (e_i) + 2^-102 (d_i) + 2^-104 (their product), their sum adds
         * K 3 2^-106, so it is within errorScale; divided by S (errorScale, 2^-103) within
         * 2 errorScale + 2^-103; log S within errorScale; both are nonnegative.
         */
        double entropy() {
            MutableDoubleDouble h = new MutableDoubleDouble().set(entropyTermsScaled)
                    .div(denominator.hi, denominator.lo).mulPow2(restExponent)
                    .add(logDenominator.hi, logDenominator.lo);
            double bound = Math.abs(h.hi) * 3.0 * errorScale;
            if (CorrectRounding.decided(h.hi, h.lo, bound)) {
                return h.hi;
            }
            return slow(WideSoftmax::entropy);
        }

        /**
         * The total probability of the classes set apart's complement: those other than the
         * ones set apart, top's 1 / S included unless top is set apart. Not rounded correctly
         * (within 2 errorScale + K 2^-104 relative).
         */
        double restApartMass(boolean topApart) {
            DoubleDouble inverse = topProbability();
            MutableDoubleDouble mass = new MutableDoubleDouble().set(restApartScaled)
                    .mulPow2(restExponent).mul(inverse.hi, inverse.lo);
            if (!topApart) {
                mass.add(inverse.hi, inverse.lo);
            }
            return mass.hi;
        }

        /** (sum_{j != c} e_j) * 2^scale for the class c set apart, formed without cancellation. */
        DoubleDouble complementScaled(int c, int scale) {
            if (c == top) {
                return restScaled.mulPow2(restExponent + scale);
            }
            return restApartScaled.mulPow2(restExponent).add(1.0).mulPow2(scale);
        }
    }

    /**
     * The per-class arrays of {@link Exponentials}, kept for the next call: in Chromium at
     * K = 50257, allocating these 1.8 MB afresh on every call made {@link #evaluate} about a
     * third slower than reusing them (measured). The one spare is taken out of its slot
     * atomically while in use, so no two calls (nested, or on two threads of the JVM) ever share
     * it; a call that finds the slot empty allocates its own. An AtomicReference, not a
     * ThreadLocal, whose emulation in TeaVM adds 2 KB of gzipped script.
     */
    private static final class Storage {
        /** The largest K whose arrays are kept (4.7 MB); larger ones are left to the collector. */
        private static final int MAX_KEPT = 1 << 17;
        private static final AtomicReference<Storage> SPARE = new AtomicReference<>();

        final double[] shifted;
        final double[] mantissas;
        final int[] termExponent;
        private double[] logits;

        /** Whether closing its pass makes it the spare; not for a {@link Exponentials#kept} pass's. */
        private final boolean pooled;

        private Storage(int k, boolean pooled) {
            shifted = new double[2 * k];
            mantissas = new double[2 * k];
            termExponent = new int[k];
            this.pooled = pooled;
        }

        /** Arrays for at least k classes: the spare if it fits, else new ones for {@code capacity} >= k. */
        static Storage take(int k, int capacity) {
            Storage spare = SPARE.getAndSet(null);
            return spare != null && spare.termExponent.length >= k ? spare : new Storage(capacity, true);
        }

        /** An array for a subset's logits, as long as the others; made on first use, then kept. */
        double[] logits() {
            if (logits == null) {
                logits = new double[termExponent.length];
            }
            return logits;
        }

        /** Arrays for k classes that no other pass will take. */
        static Storage owned(int k) {
            return new Storage(k, false);
        }

        void giveBack() {
            if (pooled && termExponent.length <= MAX_KEPT) {
                SPARE.set(this);
            }
        }
    }

    private static void validateAll(double[] logits, double temperature, int target,
            double labelSmoothing) {
        validateLogits(logits);
        validateTemperature(temperature);
        validateTarget(target, logits.length);
        if (!(labelSmoothing >= 0.0 && labelSmoothing <= 1.0)) {
            throw new IllegalArgumentException(
                    "labelSmoothing must be in [0, 1], was " + Format.shortest(labelSmoothing));
        }
    }

    static void validateLogits(double[] logits) {
        if (logits == null) {
            throw new IllegalArgumentException("logits must not be null");
        }
        if (logits.length == 0) {
            throw new IllegalArgumentException("logits must not be empty (K = 0)");
        }
        boolean anyFinite = false;
        for (int i = 0; i < logits.length; i++) {
            double v = logits[i];
            if (v != v) {
                throw new IllegalArgumentException("logits[" + i + "] must not be NaN, was NaN");
            }
            if (v == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("logits[" + i
                        + "] must be finite or -Infinity (masked), was Infinity");
            }
            anyFinite |= v != Double.NEGATIVE_INFINITY;
        }
        if (!anyFinite) {
            throw new IllegalArgumentException("logits must not all be -Infinity (all "
                    + logits.length + " classes masked)");
        }
    }

    static void validateTemperature(double temperature) {
        if (!(temperature > 0.0 && temperature < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(
                    "temperature must be finite and > 0, was " + Format.shortest(temperature));
        }
    }

    private static void validateTarget(int target, int k) {
        if (target < 0 || target >= k) {
            throw new IllegalArgumentException(
                    "target must be in [0, " + k + "), was " + target);
        }
    }
}
