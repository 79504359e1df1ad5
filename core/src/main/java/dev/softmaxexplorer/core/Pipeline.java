package dev.softmaxexplorer.core;

import java.util.Optional;

/**
 * Softmax computed step by step as a machine working in one {@link Precision} would, for the
 * page's table: every intermediate, the logits and the temperature included, is rounded to the
 * format, so overflow, underflow and NaN appear exactly where that machine would produce them.
 *
 * <p>Steps, with r() the rounding to the format:
 * <ul>
 * <li>both modes: z'_i = r(z_i), T' = r(T), x_i = r(z'_i / T');</li>
 * <li>{@link Mode#NAIVE}: e_i = r(exp(x_i)), sum = r(... r(r(e_0 + e_1) + e_2) ... + e_{K-1}),
 *     p_i = r(e_i / sum), log p_i = r(log(p_i));</li>
 * <li>{@link Mode#STABLE}: m = max x, s_i = r(x_i - m), e_i = r(exp(s_i)), sum as above,
 *     p_i = r(e_i / sum), L = r(log(sum)), log p_i = r(s_i - L).</li>
 * </ul>
 * The sum runs left to right in class order, so with [x, 0, ..., 0] the large term comes first;
 * in float16 at K = 1000 the ones added after exp(x) then vanish in its rounding, whereas adding
 * them first would overflow the sum from x = 11.078125 (docs/numerics.md, section 2).
 *
 * <p>Why this is correctly rounded: {@code + - * /} are done in double and then rounded to the
 * format; for formats of at most 24 significand bits, 53 >= 2p + 2 makes that double rounding
 * innocuous (Figueroa, "When is double rounding innocuous?", 1995), and for results in the
 * format's subnormal range the double quotient is still far from a midpoint. exp and log are
 * evaluated in double-double ({@link DoubleDouble}) and that pair is rounded once with
 * {@link Precision#round(double, double)}; {@code Math.exp}/{@code Math.log} are never used
 * because the browser's differ from the JVM's.
 *
 * <p>IEEE special cases follow the hardware: exp overflows to Infinity, Infinity/Infinity and
 * Infinity - Infinity are NaN, log 0 is -Infinity, exp(-Infinity) is 0.
 */
public final class Pipeline {

    /** Which formula the trace follows. */
    public enum Mode {
        /** exp of the scaled logits themselves: overflows for large logits. */
        NAIVE,
        /** exp of the scaled logits minus their maximum: never overflows. */
        STABLE;

        /** "naive" or "stable", the name used in links and menus. */
        public String displayName() {
            return this == NAIVE ? "naive" : "stable";
        }
    }

    /** The columns of the page's table, in the order the pipeline produces them. */
    public enum Step {
        LOGIT, TEMPERATURE, SCALED, MAX, SHIFTED, EXP, SUM, PROBABILITY, LOG_SUM, LOG_PROBABILITY
    }

    /** What went wrong at a break. */
    public enum Fault {
        POSITIVE_INFINITY, NEGATIVE_INFINITY, NAN;

        static Fault of(double value) {
            return value != value ? NAN : value > 0.0 ? POSITIVE_INFINITY : NEGATIVE_INFINITY;
        }
    }

    /**
     * The first non-finite value of a trace, in the order of {@link Step} and then of the class.
     *
     * @param step the step that produced it
     * @param index the class for per-class steps; for {@link Step#SUM} the class whose term made
     *     the running sum non-finite; -1 for {@link Step#TEMPERATURE}, {@link Step#MAX} and
     *     {@link Step#LOG_SUM}
     * @param fault Infinity of either sign, or NaN
     */
    public record Break(Step step, int index, Fault fault) {
    }

    /**
     * Every intermediate of one pipeline run. Arrays are indexed by class and copied on access.
     * Values a mode does not compute ({@link #uses}) are NaN (scalars) or empty (arrays):
     * NAIVE has no max, shifted values or log-sum.
     *
     * @param logits z' = r(z)
     * @param temperature T' = r(T)
     * @param scaled x = r(z' / T')
     * @param max m = max x (STABLE)
     * @param shifted s = r(x - m) (STABLE)
     * @param exps e = r(exp(x)) (NAIVE) or r(exp(s)) (STABLE)
     * @param sum the rounded left-to-right sum of e
     * @param probabilities p = r(e / sum)
     * @param logSum r(log(sum)) (STABLE)
     * @param logProbabilities r(log p) (NAIVE) or r(s - logSum) (STABLE)
     * @param firstBreak where the first Infinity or NaN arose, if anywhere
     */
    public record Trace(Precision precision, Mode mode, double[] logits, double temperature,
            double[] scaled, double max, double[] shifted, double[] exps, double sum,
            double[] probabilities, double logSum, double[] logProbabilities,
            Optional<Break> firstBreak) {

        /** Whether this trace's mode computes the step (NAIVE skips MAX, SHIFTED, LOG_SUM). */
        public boolean uses(Step step) {
            return mode == Mode.STABLE
                    || step != Step.MAX && step != Step.SHIFTED && step != Step.LOG_SUM;
        }

        /**
         * The cross-entropy this machine computes from its own log-probabilities: -log p_c without
         * label smoothing (one entry is picked, as PyTorch's nll_loss does, so a -Infinity
         * elsewhere cannot turn into 0 * -Infinity = NaN); with smoothing eps,
         * -r(sum_i r(y_i * log p_i)) left to right, with y_c = r(r(1 - eps) + r(eps / K)) and
         * y_i = r(eps / K) otherwise.
         *
         * @throws IllegalArgumentException if target is not a class index or labelSmoothing is
         *     not in [0, 1]
         */
        public double crossEntropy(int target, double labelSmoothing) {
            int classes = logProbabilities.length;
            if (target < 0 || target >= classes) {
                int last = classes - 1;
                throw new IllegalArgumentException("target: must be 0 to " + last + ", was " + target);
            }
            if (!(labelSmoothing >= 0.0 && labelSmoothing <= 1.0)) {
                throw new IllegalArgumentException("labelSmoothing: must be in [0, 1], was "
                        + Format.shortest(labelSmoothing));
            }
            if (labelSmoothing == 0.0) {
                return -logProbabilities[target];
            }
            double share = precision.round(labelSmoothing / classes);
            double onTarget = precision.round(precision.round(1.0 - labelSmoothing) + share);
            double sum = 0.0;
            for (int i = 0; i < classes; i++) {
                double weight = i == target ? onTarget : share;
                sum = precision.round(sum + precision.round(weight * logProbabilities[i]));
            }
            return -sum;
        }

        /**
         * The check the table's sum row shows: {@code r(... r(r(p_0 + p_1) + p_2) ... + p_{K-1})},
         * the probabilities added left to right in class order with each partial sum rounded to
         * this trace's precision, as the machine itself would add them. It is 1 or within a few
         * units in the last place of 1 (e.g. ten float64 p = 0.1 add up to 0.9999999999999999);
         * NaN or Infinity where a probability is.
         */
        public double probabilitySum() {
            double sum = 0.0;
            for (double p : probabilities) {
                sum = precision.round(sum + p);
            }
            return sum;
        }

        @Override
        public double[] logits() {
            return logits.clone();
        }

        @Override
        public double[] scaled() {
            return scaled.clone();
        }

        @Override
        public double[] shifted() {
            return shifted.clone();
        }

        @Override
        public double[] exps() {
            return exps.clone();
        }

        @Override
        public double[] probabilities() {
            return probabilities.clone();
        }

        @Override
        public double[] logProbabilities() {
            return logProbabilities.clone();
        }
    }

    private static final double[] NOT_USED = new double[0];

    private Pipeline() {
    }

    /**
     * Runs the pipeline on the raw logits z at temperature T (see the class comment).
     *
     * @param logits z, any doubles but NaN (a huge or infinite logit is how overflow is shown)
     * @param temperature T, finite and positive (it may still round to 0 or Infinity)
     * @throws IllegalArgumentException if logits is null, empty or holds a NaN, if temperature
     *     is not finite or not positive, or if precision or mode is null
     */
    public static Trace trace(double[] logits, double temperature, Precision precision, Mode mode) {
        checkArguments(logits, temperature, precision, mode);
        Breaks breaks = new Breaks();
        int classes = logits.length;

        double[] z = new double[classes];
        for (int i = 0; i < classes; i++) {
            z[i] = breaks.check(precision.round(logits[i]), Step.LOGIT, i);
        }
        double t = breaks.check(precision.round(temperature), Step.TEMPERATURE, -1);
        double[] x = new double[classes];
        for (int i = 0; i < classes; i++) {
            x[i] = breaks.check(precision.round(z[i] / t), Step.SCALED, i);
        }

        boolean stable = mode == Mode.STABLE;
        double m = stable ? breaks.check(max(x), Step.MAX, -1) : Double.NaN;
        double[] s = NOT_USED;
        if (stable) {
            s = new double[classes];
            for (int i = 0; i < classes; i++) {
                s[i] = breaks.check(precision.round(x[i] - m), Step.SHIFTED, i);
            }
        }
        double[] exponents = stable ? s : x;
        double[] e = new double[classes];
        for (int i = 0; i < classes; i++) {
            e[i] = breaks.check(exp(exponents[i], precision), Step.EXP, i);
        }
        double sum = 0.0;
        for (int i = 0; i < classes; i++) {
            sum = breaks.check(precision.round(sum + e[i]), Step.SUM, i);
        }
        double[] p = new double[classes];
        for (int i = 0; i < classes; i++) {
            p[i] = breaks.check(precision.round(e[i] / sum), Step.PROBABILITY, i);
        }
        double logSum = stable ? breaks.check(log(sum, precision), Step.LOG_SUM, -1) : Double.NaN;
        double[] logp = new double[classes];
        for (int i = 0; i < classes; i++) {
            double value = stable ? precision.round(s[i] - logSum) : log(p[i], precision);
            logp[i] = breaks.check(value, Step.LOG_PROBABILITY, i);
        }
        return new Trace(precision, mode, z, t, x, m, s, e, sum, p, logSum, logp, breaks.first());
    }

    private static void checkArguments(double[] logits, double temperature, Precision precision, Mode mode) {
        if (logits == null || logits.length == 0) {
            String was = logits == null ? "null" : "empty";
            throw new IllegalArgumentException("logits: must hold at least one value, was " + was);
        }
        for (int i = 0; i < logits.length; i++) {
            if (logits[i] != logits[i]) {
                throw new IllegalArgumentException("logits[" + i + "]: must be a number, was NaN");
            }
        }
        if (!(temperature > 0.0 && temperature <= Double.MAX_VALUE)) {
            throw new IllegalArgumentException("temperature: must be finite and > 0, was "
                    + Format.shortest(temperature));
        }
        if (precision == null || mode == null) {
            throw new IllegalArgumentException((precision == null ? "precision" : "mode") + ": must not be null");
        }
    }

    /** The largest value; NaN if any value is NaN (a machine max would not skip it silently). */
    private static double max(double[] values) {
        double max = values[0];
        for (double value : values) {
            if (value != value || value > max) {
                max = value;
            }
        }
        return max;
    }

    private static double exp(double x, Precision precision) {
        DoubleDouble e = DoubleDouble.exp(DoubleDouble.of(x));
        return precision.round(e.hi, e.lo);
    }

    private static double log(double x, Precision precision) {
        DoubleDouble l = DoubleDouble.log(DoubleDouble.of(x));
        return precision.round(l.hi, l.lo);
    }

    /** Remembers the first non-finite value passed through {@link #check}. */
    private static final class Breaks {
        private Break first;

        double check(double value, Step step, int index) {
            if (first == null && !(Math.abs(value) <= Double.MAX_VALUE)) {
                first = new Break(step, index, Fault.of(value));
            }
            return value;
        }

        Optional<Break> first() {
            return Optional.ofNullable(first);
        }
    }
}
