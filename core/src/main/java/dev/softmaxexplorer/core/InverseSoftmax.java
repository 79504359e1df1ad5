package dev.softmaxexplorer.core;

/**
 * The inverse of softmax for one class: the logit that gives class i a chosen probability, the
 * other logits and the temperature kept. It is what lets a person drag a probability bar: the page
 * asks for the logit under the pointer's probability and sets it.
 *
 * <p>With {@code q} the wanted probability, {@code m} the largest of the other logits and
 * {@code R = sum_{j != i, j != m} exp((z_j - m) / T)}:
 * {@code z_i = T (log q - log1p(-q)) + T logSumExp_{j != i}(z_j / T) = m + T (logit(q) + log1p(R))}.
 * Written with m outside the log-sum-exp, nothing overflows for tiny T. {@code logit(q)} and
 * {@code log1p(R)} are double-doubles (about 2^-104 relative, from {@link DoubleDouble} and
 * {@link Softmax}'s shifted exponentials); m and T are scaled by the same power of two, which
 * brings the larger to [1, 2), so neither a huge nor a subnormal temperature loses bits, and the
 * sum is rounded once.
 *
 * <p>Accuracy: within 1 ulp of the exact logit unless the three terms m, T logit(q) and
 * T log1p(R) cancel to below 2^-40 of the largest of them; there the error is below 2^-100 of
 * that largest term (a logit that is a difference of nearly equal numbers carries the error of
 * those numbers). A result of magnitude below 1e-300 is within 1e-300.
 */
public final class InverseSoftmax {

    private InverseSoftmax() {
    }

    /**
     * The logit of class {@code index} that gives it probability {@code probability} at
     * temperature T, the other logits unchanged ({@code logits[index]} itself is not used, except
     * as below).
     *
     * <p>Edges: probability 0 gives -Infinity (a masked class, p = 0 exactly). Probability 1 is
     * reachable only when every other class is masked; then any finite logit gives p = 1 and
     * {@code logits[index]} is returned when finite (nothing needs to change), else 0. An exact
     * logit beyond the double range (e.g. a huge T) gives the nearest finite double,
     * {@code +-Double.MAX_VALUE}, so the result is always a valid logit.
     *
     * @param logits raw scores z; -Infinity masks a class
     * @param temperature T, finite and > 0
     * @param index the class i, in [0, K)
     * @param probability q, in [0, 1]; 1 only when every other class is masked, below 1 only
     *     when some other class is not
     * @return the logit z_i
     * @throws IllegalArgumentException for null or empty logits, a NaN or +Infinity logit, a
     *     temperature that is NaN, infinite or <= 0, an index outside [0, K), or a probability
     *     that is NaN, outside [0, 1] or unreachable as above
     */
    public static double logitFor(double[] logits, double temperature, int index,
            double probability) {
        validate(logits, temperature, index, probability);
        double[] others = logits.clone();
        others[index] = Double.NEGATIVE_INFINITY;
        boolean othersMasked = allMasked(others);
        if (othersMasked != (probability == 1.0)) {
            throw new IllegalArgumentException(othersMasked
                    ? "probability must be 1 when every other class is masked, was "
                            + Format.shortest(probability)
                    : "probability must be < 1 while another class is unmasked (the logit would"
                            + " be +Infinity), was 1");
        }
        if (othersMasked) {
            double own = logits[index];
            return own == Double.NEGATIVE_INFINITY ? 0.0 : own;
        }
        if (probability == 0.0) {
            return Double.NEGATIVE_INFINITY;
        }
        int top = Softmax.argmax(others);
        // log p_top of the others is -log1p(R).
        DoubleDouble logRest = Softmax.logSoftmaxDoubleDouble(others, temperature)[top].negate();
        DoubleDouble q = DoubleDouble.of(probability);
        DoubleDouble logOdds = DoubleDouble.log(q).sub(DoubleDouble.log1p(q.negate()));
        DoubleDouble w = logOdds.add(logRest);
        double m = others[top];
        int e = DoubleDouble.exponent(Math.max(Math.abs(m), temperature));
        double scaledM = DoubleDouble.mulPow2(m, -e);
        double scaledT = DoubleDouble.mulPow2(temperature, -e);
        double z = w.mul(scaledT).add(scaledM).mulPow2(e).value();
        return Math.max(-Double.MAX_VALUE, Math.min(Double.MAX_VALUE, z));
    }

    private static boolean allMasked(double[] z) {
        for (double v : z) {
            if (v != Double.NEGATIVE_INFINITY) {
                return false;
            }
        }
        return true;
    }

    private static void validate(double[] logits, double temperature, int index,
            double probability) {
        if (logits == null) {
            throw new IllegalArgumentException("logits must not be null");
        }
        if (logits.length == 0) {
            throw new IllegalArgumentException("logits must not be empty (K = 0)");
        }
        for (int j = 0; j < logits.length; j++) {
            double v = logits[j];
            if (v != v || v == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("logits[" + j
                        + "] must be finite or -Infinity (masked), was " + Format.shortest(v));
            }
        }
        if (!(temperature > 0.0 && temperature < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(
                    "temperature must be finite and > 0, was " + Format.shortest(temperature));
        }
        if (index < 0 || index >= logits.length) {
            throw new IllegalArgumentException(
                    "index must be in [0, " + logits.length + "), was " + index);
        }
        if (!(probability >= 0.0 && probability <= 1.0)) {
            throw new IllegalArgumentException(
                    "probability must be in [0, 1], was " + Format.shortest(probability));
        }
    }
}
