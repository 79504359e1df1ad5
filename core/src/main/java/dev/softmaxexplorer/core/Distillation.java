package dev.softmaxexplorer.core;

/**
 * Knowledge distillation (Hinton, Vinyals and Dean, "Distilling the knowledge in a neural
 * network", 2015): a student is trained towards a teacher's softened distribution.
 *
 * <p>With teacher logits a, student logits b and temperature T: soft targets
 * {@code q = softmax(a / T)}, student {@code p = softmax(b / T)},
 * {@code KL(q || p) = sum_i q_i (log q_i - log p_i)}, the distillation loss {@code T^2 KL}, and its
 * gradient with respect to the raw student logits {@code dLoss/db_i = T^2 (p_i - q_i) / T =
 * T (p_i - q_i)}. The factor T^2 is Hinton et al.'s: it keeps the soft-target gradients the same
 * size as a hard-label loss's when T changes, and it is what PyTorch code writes as
 * {@code kl_div(log_softmax(b/T), softmax(a/T), reduction="sum") * T * T}.
 *
 * <p>Algorithm. log q and log p come from {@link Softmax} as double-double values, and
 * {@code r_i = log q_i - log p_i} is formed in double-double. Since {@code q_i e^{-r_i} = p_i}
 * and both distributions sum to 1, {@code KL = sum_i q_i phi(r_i)} with
 * {@code phi(r) = r - 1 + e^{-r} >= 0}: every term is nonnegative, so no digits cancel in the sum
 * even when the two distributions nearly agree (the plain sum of {@code q_i r_i} mixes signs and
 * loses everything when KL is much smaller than its terms). phi is a Taylor series for
 * {@code |r| <= 1/2}, where {@code e^{-r} - 1 + r} would cancel; for {@code r < -1/2} the term is
 * written {@code q_i (r_i - 1) + p_i}, so that a large {@code e^{-r}} cannot overflow. A class
 * the teacher masks ({@code q_i = 0}) contributes {@code p_i} in this form ({@code 0 log 0 = 0}
 * in the original one); a class the student masks while the teacher does not makes KL
 * +Infinity. Equal logits give exactly 0.
 */
public final class Distillation {

    private Distillation() {
    }

    /**
     * {@code KL(q || p) >= 0} in nats, q the teacher's and p the student's softmax at T (see the
     * class comment).
     *
     * @param teacher logits a; -Infinity masks a class
     * @param student logits b, as many as the teacher's
     * @param temperature T, finite and > 0
     * @return the divergence; 0 exactly for equal logits; +Infinity if the student masks a class
     *     the teacher does not
     * @throws IllegalArgumentException for null, empty, NaN, +Infinity or all--Infinity logits,
     *     arrays of different lengths, or a temperature that is not finite and > 0
     */
    public static double klDivergence(double[] teacher, double[] student, double temperature) {
        return divergence(teacher, student, temperature).value();
    }

    /**
     * Hinton et al.'s soft-target loss {@code T^2 KL(q || p)}; +Infinity when that overflows.
     *
     * @throws IllegalArgumentException as {@link #klDivergence}
     */
    public static double distillationLoss(double[] teacher, double[] student, double temperature) {
        return divergence(teacher, student, temperature).mul(temperature).mul(temperature).value();
    }

    /**
     * Hinton et al.'s factor {@code T^2} by which {@link #distillationLoss} scales the
     * divergence, rounded once (+Infinity when it overflows).
     *
     * @param temperature T, finite and > 0
     * @throws IllegalArgumentException if T is not finite and > 0
     */
    public static double lossFactor(double temperature) {
        if (!(temperature > 0.0 && temperature <= Double.MAX_VALUE)) {
            throw new IllegalArgumentException("temperature: must be finite and > 0, was "
                    + Format.shortest(temperature));
        }
        return temperature * temperature;
    }

    /**
     * Gradient of {@link #distillationLoss} with respect to the raw student logits:
     * {@code T (p_i - q_i)}, rounded once from double-double. Where p_i and q_i are close the
     * difference is formed as {@code -p_i expm1(log q_i - log p_i)}, so it keeps its digits even
     * when both are near 1. It sums to 0; a positive component pushes that student logit down.
     *
     * @throws IllegalArgumentException as {@link #klDivergence}
     */
    public static double[] gradient(double[] teacher, double[] student, double temperature) {
        validate(teacher, student, temperature);
        DoubleDouble[] logq = Softmax.logSoftmaxDoubleDouble(teacher, temperature);
        DoubleDouble[] logp = Softmax.logSoftmaxDoubleDouble(student, temperature);
        double[] g = new double[teacher.length];
        for (int i = 0; i < g.length; i++) {
            g[i] = difference(logp[i], logq[i]).mul(temperature).value();
        }
        return g;
    }

    /**
     * {@code p - q} from {@code log p} and {@code log q}. Where the two are within a factor
     * e^(1/2) of each other, {@code p - q = -p expm1(r)} with {@code r = log q - log p}, so that
     * two probabilities both close to 1 (or both tiny) keep the digits of their difference.
     */
    private static DoubleDouble difference(DoubleDouble logp, DoubleDouble logq) {
        if (logq.hi == Double.NEGATIVE_INFINITY || logp.hi == Double.NEGATIVE_INFINITY) {
            return DoubleDouble.exp(logp).sub(DoubleDouble.exp(logq));
        }
        DoubleDouble r = logq.sub(logp);
        if (r.hi >= -0.5 && r.hi <= 0.5) {
            // e^r - 1 = phi(-r) + r, phi(x) = x - 1 + e^-x.
            DoubleDouble expm1 = phiSeries(r.negate()).add(r);
            // 0 - x rather than -x: equal distributions give +0, not -0.
            return DoubleDouble.ZERO.sub(DoubleDouble.exp(logp).mul(expm1));
        }
        return DoubleDouble.exp(logp).sub(DoubleDouble.exp(logq));
    }

    private static DoubleDouble divergence(double[] teacher, double[] student, double temperature) {
        validate(teacher, student, temperature);
        DoubleDouble[] logq = Softmax.logSoftmaxDoubleDouble(teacher, temperature);
        DoubleDouble[] logp = Softmax.logSoftmaxDoubleDouble(student, temperature);
        DoubleDouble sum = DoubleDouble.ZERO;
        for (int i = 0; i < logq.length; i++) {
            if (logq[i].hi == Double.NEGATIVE_INFINITY) {
                sum = sum.add(DoubleDouble.exp(logp[i]));
                continue;
            }
            if (logp[i].hi == Double.NEGATIVE_INFINITY) {
                return DoubleDouble.of(Double.POSITIVE_INFINITY);
            }
            DoubleDouble r = logq[i].sub(logp[i]);
            DoubleDouble.Scaled q = DoubleDouble.expScaled(logq[i]);
            DoubleDouble term;
            if (r.hi >= -0.5 && r.hi <= 0.5) {
                term = q.mantissa.mul(phiSeries(r)).mulPow2(q.exponent);
            } else if (r.hi > 0.0) {
                DoubleDouble phi = r.add(-1.0).add(DoubleDouble.exp(r.negate()));
                term = q.mantissa.mul(phi).mulPow2(q.exponent);
            } else {
                DoubleDouble below = q.mantissa.mul(r.add(-1.0)).mulPow2(q.exponent);
                term = below.add(DoubleDouble.exp(logp[i]));
            }
            sum = sum.add(term);
        }
        return sum;
    }

    /**
     * {@code phi(r) = e^{-r} - 1 + r = sum_{n >= 2} (-r)^n / n!} for {@code |r| <= 1/2}: the terms
     * shrink by at least a factor 6 each, so at most 40 reach 2^-110 of the sum.
     */
    private static DoubleDouble phiSeries(DoubleDouble r) {
        DoubleDouble negR = r.negate();
        DoubleDouble term = r.mul(r).mulPow2(-1);
        DoubleDouble sum = term;
        for (int n = 3; n <= 40 && term.hi != 0.0; n++) {
            term = term.mul(negR).div(n);
            sum = sum.add(term);
            if (Math.abs(term.hi) < Math.abs(sum.hi) * 0x1p-110) {
                break;
            }
        }
        return sum;
    }

    private static void validate(double[] teacher, double[] student, double temperature) {
        validateLogits("teacher", teacher);
        validateLogits("student", student);
        if (teacher.length != student.length) {
            throw new IllegalArgumentException("student: must have as many logits as teacher ("
                    + teacher.length + "), had " + student.length);
        }
        if (!(temperature > 0.0 && temperature <= Double.MAX_VALUE)) {
            throw new IllegalArgumentException("temperature: must be finite and > 0, was "
                    + Format.shortest(temperature));
        }
    }

    private static void validateLogits(String name, double[] logits) {
        if (logits == null || logits.length == 0) {
            String was = logits == null ? "null" : "empty";
            throw new IllegalArgumentException(name + ": must hold at least one logit, was " + was);
        }
        boolean anyFinite = false;
        for (int i = 0; i < logits.length; i++) {
            double v = logits[i];
            if (v != v || v == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException(name + "[" + i
                        + "]: must be finite or -Infinity (masked), was " + Format.shortest(v));
            }
            anyFinite |= v != Double.NEGATIVE_INFINITY;
        }
        if (!anyFinite) {
            throw new IllegalArgumentException(name + ": must not all be -Infinity");
        }
    }
}
