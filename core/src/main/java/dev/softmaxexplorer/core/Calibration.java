package dev.softmaxexplorer.core;

/**
 * Calibration of a classifier by temperature scaling (Guo, Pleiss, Sun and Weinberger, "On
 * Calibration of Modern Neural Networks", ICML 2017): on a validation set of N examples (row i
 * the K logits z_i of example i, label y_i its true class), the mean negative log-likelihood, the
 * expected calibration error with equal-width confidence bins, the accuracy, and the temperature
 * T that minimises the mean negative log-likelihood.
 *
 * <p>Definitions. {@code NLL(T) = (1/N) sum_i -log softmax(z_i / T)[y_i]}. The prediction of
 * example i is {@code argmax_j z_ij} (the lowest index on ties), which does not depend on T, so
 * neither does the accuracy. Its confidence {@code c_i} is the top probability
 * {@code max_j softmax(z_i / T)_j}, taken as {@link Softmax#softmax}'s correctly rounded double.
 * With M bins, example i falls in bin m (1 to M) when {@code (m - 1)/M < c_i <= m/M}, decided
 * exactly on the double c_i; {@code ECE = sum_m (|B_m| / N) |acc(B_m) - conf(B_m)|
 * = (1/N) sum_m |correct_m - sum_{i in B_m} c_i|}.
 *
 * <p>Accuracy. Each example's loss is Softmax's double-double cross-entropy (within
 * {@code 2 (1 + K 2^-14) 2^-89} relative, nonnegative); their compensated sum (N 3 2^-106
 * relative) and the division by N (2^-103) keep the mean within 2^-85 relative before its one
 * rounding for N below 2^20, so the NLL is faithful (one of the two doubles around the exact
 * mean: within 1 ulp) and correctly rounded unless the exact mean lies within 2^-85 of a midpoint
 * (the references found none). The ECE is that of the double confidences: the bin sums are
 * compensated (each within 3 2^-106 N of at most N), so the ECE is within 1 ulp plus N 2^-104
 * absolute of the exact value. The accuracy and a bin's accuracy are one division of exact
 * integers, correctly rounded; a bin's mean confidence is within 1 ulp. An example whose loss
 * exceeds the double range (a logit difference near 1e308 at a tiny T) makes the NLL +Infinity.
 *
 * <p>Bad input ({@link IllegalArgumentException} naming the argument and value): null or empty
 * sets, null or ragged rows, a non-finite logit (masks have no place in a validation set),
 * labels of another length or out of [0, K), a temperature not finite and > 0, bins < 1.
 */
public final class Calibration {

    /** Newton steps and bisections before giving up: far more than any double range needs. */
    private static final int MAX_STEPS = 400;
    /** The bracket around the minimiser is closed to this relative width (about 1.5e-11). */
    private static final double BRACKET_WIDTH = 0x1p-36;
    /** A Newton step is carried this much (relative) beyond its estimate to close the bracket. */
    private static final double OVERSHOOT = 0x1p-38;

    private Calibration() {
    }

    /**
     * The mean negative log-likelihood {@code (1/N) sum_i -log softmax(z_i / T)[y_i]} in nats:
     * faithful, and correctly rounded but within 2^-85 of a midpoint (see the class comment).
     *
     * @throws IllegalArgumentException for a bad set or temperature (see the class comment)
     */
    public static double negativeLogLikelihood(double[][] logits, int[] labels,
            double temperature) {
        return evaluate(logits, labels, temperature, 1).negativeLogLikelihood();
    }

    /**
     * The expected calibration error of Guo et al. (2017) with {@code bins} equal-width bins
     * {@code (m - 1)/M < confidence <= m/M} of the top probability, weighted by bin size: in
     * [0, 1], within 1 ulp plus N 2^-104 absolute.
     *
     * @throws IllegalArgumentException for a bad set or temperature, or bins < 1
     */
    public static double expectedCalibrationError(double[][] logits, int[] labels,
            double temperature, int bins) {
        return evaluate(logits, labels, temperature, bins).expectedCalibrationError();
    }

    /**
     * The fraction of examples whose predicted class (the largest logit, the lowest index on
     * ties) is the label; the same at every temperature.
     *
     * @throws IllegalArgumentException for a bad set
     */
    public static double accuracy(double[][] logits, int[] labels) {
        validateSet(logits, labels);
        int correct = 0;
        for (int i = 0; i < logits.length; i++) {
            if (Softmax.argmax(logits[i]) == labels[i]) {
                correct++;
            }
        }
        return (double) correct / logits.length;
    }

    /**
     * Everything a reliability diagram shows at one temperature, from one softmax per example:
     * the NLL, the ECE, the accuracy and, per bin, the count, the mean confidence and the
     * accuracy. Each value equals the one the single-purpose method returns.
     *
     * @throws IllegalArgumentException for a bad set or temperature, or bins < 1
     */
    public static CalibrationResult evaluate(double[][] logits, int[] labels, double temperature,
            int bins) {
        validateSet(logits, labels);
        return evaluate(new CalibrationPass(logits, labels), temperature, bins);
    }

    /** {@link #evaluate} of a set already checked, whose T-independent work the pass keeps. */
    static CalibrationResult evaluate(CalibrationPass pass, double temperature, int bins) {
        validateTemperature(temperature);
        if (bins < 1) {
            throw new IllegalArgumentException("bins must be >= 1, was " + bins);
        }
        return pass.evaluate(temperature, bins);
    }

    /**
     * The result from the per-example sums: the NLL already divided, N, the number of correct
     * predictions, and per bin the count, the correct predictions and the compensated sum of the
     * confidences (hi and lo).
     */
    static CalibrationResult result(double temperature, double nll, int n, int correctTotal, int[] counts,
            int[] correct, double[] confidenceHi, double[] confidenceLo) {
        int bins = counts.length;
        MutableDoubleDouble s = new MutableDoubleDouble();
        MutableDoubleDouble gap = new MutableDoubleDouble();
        MutableDoubleDouble gapSum = new MutableDoubleDouble();
        double[] meanConfidence = new double[bins];
        double[] binAccuracy = new double[bins];
        for (int m = 0; m < bins; m++) {
            s.set(confidenceHi[m], confidenceLo[m]);
            gap.set(correct[m], 0.0).sub(s.hi, s.lo);
            if (gap.hi < 0.0) {
                gap.set(-gap.hi, -gap.lo);
            }
            gapSum.add(gap.hi, gap.lo);
            if (counts[m] > 0) {
                binAccuracy[m] = (double) correct[m] / counts[m];
                meanConfidence[m] = s.div(counts[m]).hi;
            } else {
                binAccuracy[m] = Double.NaN;
                meanConfidence[m] = Double.NaN;
            }
        }
        double ece = gapSum.div(n).hi;
        return new CalibrationResult(temperature, nll, ece, (double) correctTotal / n, counts,
                correct, meanConfidence, binAccuracy);
    }

    /**
     * The bin (0 to bins - 1) of a confidence c in (0, 1]: m - 1 for {@code m - 1 < c M <= m},
     * i.e. {@code ceil(c M) - 1}, with the product c M exact as a double-double: when hi is an
     * integer the sign of lo decides, and otherwise no integer lies between hi and the exact
     * product (it would be a double nearer to the product than hi).
     */
    static int binOf(double confidence, int bins) {
        // c M is at most M, finite: its error term needs no check.
        double hi = confidence * bins;
        double lo = DoubleDouble.productError(confidence, bins, hi);
        double top = Math.ceil(hi);
        if (top == hi && lo > 0.0) {
            top = top + 1.0;
        }
        int m = (int) top;
        return Math.max(1, Math.min(bins, m)) - 1;
    }

    /**
     * The temperature T > 0 that minimises {@link #negativeLogLikelihood}, within 1e-9 relative
     * of the exact minimiser.
     *
     * <p>Why there is one and how it is found. With {@code b = 1/T},
     * {@code N NLL = sum_i (logsumexp_j(b z_ij) - b z_iy)} is a sum of log-sum-exps of functions
     * linear in b, so it is convex in b: its derivative
     * {@code g(b) = sum_i (E_p[z_i] - z_iy)} (E_p the mean under softmax(b z_i)) has derivative
     * {@code sum_i Var_p(z_i) >= 0}, so g increases with b. As b goes to 0, p becomes uniform
     * and g tends to {@code sum_i (mean_j z_ij - z_iy)}; as b grows, p concentrates on the top
     * logits and g tends to {@code sum_i (max_j z_ij - z_iy) >= 0}. A minimiser with
     * 0 < T < Infinity exists exactly when the first limit is negative (the labels score above
     * their row's mean, in sum) and the second positive (some label is not among its row's top
     * logits); it is then unique, the root of g, and those two conditions are checked first.
     *
     * <p>The root is found by a safeguarded Newton iteration on g in b: each step evaluates g and
     * its derivative (one softmax per example, g summed as double-doubles), narrows a bracket
     * [T_lo, T_hi] by the sign of g (g < 0 means T is too large), and takes the Newton step
     * {@code b - g / g'}; a step outside the bracket, or a zero derivative, is replaced by a
     * geometric bisection of the bracket, or while one end is still open by a move of growing
     * factor (16, 256, 65536, ...) toward it, so any double range is crossed in a dozen steps.
     * Newton from one side converges quadratically but closes the bracket only from that side,
     * so a small step is carried 2^-38 relative past its estimate, which puts the bracket around
     * the root; the iteration stops when the bracket is narrower than 2^-36 relative and returns
     * the last Newton estimate in it. Its error is the quadratic error of that step (far below
     * 1e-12) plus the uncertainty of g's sign: g is summed with an error below
     * {@code 2^-52 sum_ij p_ij |z_ij - z_iy|}, which moves the root by that over g', a few
     * parts in 10^15 for sets whose logits do not all agree.
     *
     * @throws IllegalArgumentException for a bad set (see the class comment), or a set without
     *     a finite positive minimiser: every label already the (tied) top logit, so that the NLL
     *     falls toward T = 0, or labels no better than their row's mean, so that it falls toward
     *     T = Infinity; or a minimiser beyond the range of doubles
     */
    public static double fitTemperature(double[][] logits, int[] labels) {
        validateSet(logits, labels);
        checkMinimiserExists(logits, labels);
        double lo = 0.0;
        double hi = Double.POSITIVE_INFINITY;
        double t = 1.0;
        double grow = 16.0;
        double estimate = t;
        for (int step = 0; step < MAX_STEPS; step++) {
            Slope s = slope(logits, labels, t);
            if (s.value == 0.0) {
                return t;
            }
            if (s.value > 0.0) {
                lo = t;
            } else {
                hi = t;
            }
            double b = 1.0 / t;
            double next = 1.0 / (b - s.value / s.derivative);
            boolean inside = next > lo && next < hi;
            if (inside) {
                estimate = next;
                if (hi - lo <= lo * BRACKET_WIDTH) {
                    return estimate;
                }
                double carry = OVERSHOOT * next;
                if (Math.abs(next - t) <= carry) {
                    next = s.value > 0.0 ? next + carry : next - carry;
                    next = Math.max(lo, Math.min(hi, next));
                }
            } else if (hi == Double.POSITIVE_INFINITY) {
                next = t * grow;
                grow = grow * grow;
            } else if (lo == 0.0) {
                next = t / grow;
                grow = grow * grow;
            } else {
                next = Math.sqrt(lo) * Math.sqrt(hi);
                estimate = next;
                if (hi - lo <= lo * BRACKET_WIDTH) {
                    return estimate;
                }
            }
            if (!(next > 0x1p-1000 && next < 0x1p1000)) {
                throw new IllegalArgumentException("logits: the minimising temperature lies "
                        + "outside [2^-1000, 2^1000] (the search reached T = "
                        + Format.shortest(next) + ")");
            }
            t = next;
        }
        return estimate;
    }

    /**
     * g and g' of {@link #fitTemperature} at T, both halved (the logits are halved so that no
     * difference of two of them overflows; the Newton step g / g' is unchanged).
     */
    private static Slope slope(double[][] logits, int[] labels, double temperature) {
        MutableDoubleDouble total = new MutableDoubleDouble();
        MutableDoubleDouble example = new MutableDoubleDouble();
        MutableDoubleDouble term = new MutableDoubleDouble();
        MutableDoubleDouble p = new MutableDoubleDouble();
        double variance = 0.0;
        int k = logits[0].length;
        double[] probability = new double[k];
        double[] difference = new double[k];
        for (int i = 0; i < logits.length; i++) {
            double[] z = logits[i];
            double zy = z[labels[i]] * 0.5;
            example.set(0.0, 0.0);
            try (Softmax.Exponentials ex = new Softmax.Exponentials(z, temperature, labels[i])) {
                for (int j = 0; j < k; j++) {
                    ex.probabilityScaled(p, j, 0);
                    term.twoSum(z[j] * 0.5, -zy);
                    difference[j] = term.hi;
                    probability[j] = p.hi;
                    term.mul(p.hi, p.lo);
                    example.add(term.hi, term.lo);
                }
            }
            double mean = example.hi;
            for (int j = 0; j < k; j++) {
                double d = difference[j] - mean;
                double w = probability[j] * d;
                variance = variance + w * d;
            }
            total.add(example.hi, example.lo);
        }
        // d/db of sum_i E[z/2 - z_y/2] is sum_i Var(z) / 2 = 2 sum_i Var(z/2).
        return new Slope(total.hi, variance * 2.0);
    }

    /** Halved g and g' at one temperature. */
    private static final class Slope {
        final double value;
        final double derivative;

        Slope(double value, double derivative) {
            this.value = value;
            this.derivative = derivative;
        }
    }

    /**
     * The limits of g at b -> 0 and b -> Infinity (halved, see {@link #slope}) must be negative
     * and positive.
     */
    private static void checkMinimiserExists(double[][] logits, int[] labels) {
        MutableDoubleDouble uniform = new MutableDoubleDouble();
        boolean someLabelBelowTop = false;
        for (int i = 0; i < logits.length; i++) {
            double[] z = logits[i];
            double zy = z[labels[i]];
            for (double v : z) {
                uniform.add(v * 0.5);
                uniform.add(-zy * 0.5);
                someLabelBelowTop |= v > zy;
            }
        }
        if (!someLabelBelowTop) {
            throw new IllegalArgumentException("labels: every label's logit is the largest of its"
                    + " row (accuracy 1 without ties), so the NLL falls toward T = 0 and has no"
                    + " minimiser at T > 0");
        }
        if (!(uniform.hi < 0.0)) {
            throw new IllegalArgumentException("labels: the labels' logits are on average no"
                    + " higher than their rows' means (the sum of mean - label logit is "
                    + Format.shortest(uniform.hi * 2.0 / logits[0].length)
                    + "), so the NLL falls toward T = Infinity and has no finite minimiser");
        }
    }

    /** Checks the set; returns K. */
    static int validateSet(double[][] logits, int[] labels) {
        if (logits == null) {
            throw new IllegalArgumentException("logits must not be null");
        }
        if (logits.length == 0) {
            throw new IllegalArgumentException("logits must not be empty (N = 0)");
        }
        if (labels == null) {
            throw new IllegalArgumentException("labels must not be null");
        }
        if (labels.length != logits.length) {
            throw new IllegalArgumentException("labels must have one entry per row of logits ("
                    + logits.length + "), had " + labels.length);
        }
        if (logits[0] == null || logits[0].length == 0) {
            String was = logits[0] == null ? "null" : "empty";
            throw new IllegalArgumentException("logits[0] must have at least one class, was " + was);
        }
        int k = logits[0].length;
        for (int i = 0; i < logits.length; i++) {
            double[] row = logits[i];
            if (row == null) {
                throw new IllegalArgumentException("logits[" + i + "] must not be null");
            }
            if (row.length != k) {
                throw new IllegalArgumentException("logits[" + i + "] must have " + k
                        + " classes like logits[0], had " + row.length);
            }
            for (int j = 0; j < k; j++) {
                if (!DoubleDouble.isFinite(row[j])) {
                    throw new IllegalArgumentException("logits[" + i + "][" + j
                            + "] must be finite, was " + Format.shortest(row[j]));
                }
            }
            if (labels[i] < 0 || labels[i] >= k) {
                throw new IllegalArgumentException("labels[" + i + "] must be in [0, " + k
                        + "), was " + labels[i]);
            }
        }
        return k;
    }

    private static void validateTemperature(double temperature) {
        if (!(temperature > 0.0 && temperature < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(
                    "temperature must be finite and > 0, was " + Format.shortest(temperature));
        }
    }
}
