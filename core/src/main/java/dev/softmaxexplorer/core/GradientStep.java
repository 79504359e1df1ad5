package dev.softmaxexplorer.core;

/**
 * One step of plain gradient descent on the logits, {@code z' = z - lr * dL/dz}, with the
 * (label-smoothed) cross-entropy gradient {@code dL/dz_i = (p_i - y_i) / T} of
 * {@link Softmax#gradient(double[], double, int, double)}: what one optimiser step does to the
 * scores of one example when the logits themselves are the parameters.
 *
 * <p>Each new logit is {@code z_i - lr * g_i} rounded once: the product is formed exactly
 * (Dekker's TwoProduct) and subtracted in double-double, so the step adds no error beyond that of
 * the rounded gradient g_i. For a small enough learning rate the loss falls (the gradient is a
 * descent direction); a large one can overshoot. A masked logit (-Infinity) stays masked.
 */
public final class GradientStep {

    private GradientStep() {
    }

    /**
     * The logits after one gradient-descent step.
     *
     * @param logits raw scores z
     * @param temperature T, finite and > 0
     * @param target the true class c, in [0, K)
     * @param labelSmoothing eps, in [0, 1]
     * @param learningRate lr, finite and >= 0 (0 returns an equal copy)
     * @return a new array of K logits, finite wherever z_i is finite
     * @throws IllegalArgumentException for arguments {@link Softmax#gradient} rejects, a learning
     *     rate that is NaN, infinite or negative, or a step that would take a finite logit to an
     *     infinity (the message names the class, the logit, its gradient and the learning rate)
     */
    public static double[] step(double[] logits, double temperature, int target,
            double labelSmoothing, double learningRate) {
        double[] g = Softmax.gradient(logits, temperature, target, labelSmoothing);
        if (!(learningRate >= 0.0 && learningRate <= Double.MAX_VALUE)) {
            throw new IllegalArgumentException("learningRate: must be finite and >= 0, was "
                    + Format.shortest(learningRate));
        }
        double[] next = new double[logits.length];
        for (int i = 0; i < logits.length; i++) {
            double z = logits[i];
            if (z == Double.NEGATIVE_INFINITY) {
                next[i] = z;
                continue;
            }
            double moved = DoubleDouble.of(z).sub(DoubleDouble.twoProduct(learningRate, g[i]))
                    .value();
            if (!(Math.abs(moved) <= Double.MAX_VALUE)) {
                throw new IllegalArgumentException("learningRate: the step would take logits["
                        + i + "] = " + Format.shortest(z) + " to " + Format.shortest(moved)
                        + " (gradient " + Format.shortest(g[i]) + ", learning rate "
                        + Format.shortest(learningRate) + ")");
            }
            next[i] = moved;
        }
        return next;
    }
}
