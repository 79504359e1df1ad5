package dev.softmaxexplorer.core;

/**
 * Label smoothing (Szegedy et al., "Rethinking the Inception architecture for computer vision",
 * 2016, in PyTorch's convention): the one-hot target of class c is replaced by
 * {@code y = (1 - eps) onehot(c) + eps / K}, i.e. {@code y_c = 1 - eps + eps/K} and
 * {@code y_i = eps/K} for {@code i != c}.
 *
 * <p>The smoothed cross-entropy {@code L(z) = -sum_i y_i log p_i} equals
 * {@code H(y) + KL(y || p)} (Gibbs' inequality), so its minimum over all logits is the entropy of
 * y, reached at {@code p = y} (logits {@code z = log y} up to a constant): for eps > 0 the loss can
 * no longer fall to 0, however confident the model gets.
 */
public final class LabelSmoothing {

    private LabelSmoothing() {
    }

    /**
     * The smoothed target y for class c (see the class comment); each entry the double nearest to
     * its exact value. They sum to 1 within a few ulp.
     *
     * @param classes K, at least 1
     * @param target c, in [0, K)
     * @param labelSmoothing eps, in [0, 1]
     * @return a new array of K weights
     * @throws IllegalArgumentException for K < 1, c outside [0, K) or eps NaN or outside [0, 1]
     */
    public static double[] target(int classes, int target, double labelSmoothing) {
        validate(classes, target, labelSmoothing);
        double[] y = new double[classes];
        double share = DoubleDouble.of(labelSmoothing).div(classes).value();
        for (int i = 0; i < classes; i++) {
            y[i] = share;
        }
        y[target] = onTarget(classes, labelSmoothing).value();
        return y;
    }

    /**
     * The least smoothed cross-entropy any logits can reach, the entropy of y in nats:
     * {@code H(y) = -a log a - (K - 1) b log b} with {@code a = 1 - eps + eps/K},
     * {@code b = eps/K} and {@code 0 log 0 = 0}. Independent of the target class; 0 for eps = 0,
     * log K for eps = 1 (y uniform). a, b and the logarithms are double-double (about 2^-100), the
     * result rounded once.
     *
     * @param classes K, at least 1
     * @param labelSmoothing eps, in [0, 1]
     * @throws IllegalArgumentException for K < 1 or eps NaN or outside [0, 1]
     */
    public static double minimumCrossEntropy(int classes, double labelSmoothing) {
        validate(classes, 0, labelSmoothing);
        if (labelSmoothing == 0.0) {
            return 0.0;
        }
        DoubleDouble a = onTarget(classes, labelSmoothing);
        DoubleDouble b = DoubleDouble.of(labelSmoothing).div(classes);
        DoubleDouble sum = a.mul(DoubleDouble.log(a));
        int others = classes - 1;
        // eps / K can underflow to 0 (eps = 5e-324, K > 1); then 0 log 0 = 0, not 0 * -Infinity.
        if (others > 0 && b.hi != 0.0) {
            sum = sum.add(b.mul(DoubleDouble.log(b)).mul(others));
        }
        // 0 - sum rather than -sum, so that K = 1 gives 0 and not -0.
        return DoubleDouble.ZERO.sub(sum).value();
    }

    /** {@code 1 - eps + eps/K} in double-double. */
    private static DoubleDouble onTarget(int classes, double eps) {
        DoubleDouble share = DoubleDouble.of(eps).div(classes);
        return DoubleDouble.twoSum(1.0, -eps).add(share);
    }

    private static void validate(int classes, int target, double eps) {
        if (classes < 1) {
            throw new IllegalArgumentException("classes: must be >= 1, was " + classes);
        }
        if (target < 0 || target >= classes) {
            int last = classes - 1;
            throw new IllegalArgumentException("target: must be 0 to " + last + ", was " + target);
        }
        if (!(eps >= 0.0 && eps <= 1.0)) {
            throw new IllegalArgumentException("labelSmoothing: must be in [0, 1], was "
                    + Format.shortest(eps));
        }
    }
}
