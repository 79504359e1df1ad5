package dev.softmaxexplorer.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class GradientStepTest {

    /**
     * Property over seeded random cases: the Hessian of the loss in z is
     * {@code (diag(p) - p p^T) / T^2}, whose eigenvalues are at most 1 / (2 T^2), so any
     * learning rate up to T^2 (below 2 / L = 4 T^2) cannot raise the loss; it falls strictly
     * unless the expected decrease lr |g|^2 is below the loss's own rounding.
     */
    @Test
    void smallStepsLowerTheLoss() {
        Random random = new Random(42);
        for (int trial = 0; trial < 1000; trial++) {
            int classes = 2 + random.nextInt(9);
            double[] z = new double[classes];
            for (int i = 0; i < classes; i++) {
                z[i] = random.nextGaussian() * 3;
            }
            double t = Math.exp(random.nextDouble() * 4 - 2);
            int target = random.nextInt(classes);
            double eps = random.nextBoolean() ? 0.0 : 0.1;
            double lr = random.nextDouble() * t * t;
            double before = Softmax.crossEntropy(z, t, target, eps);
            double[] next = GradientStep.step(z, t, target, eps, lr);
            double after = Softmax.crossEntropy(next, t, target, eps);
            assertTrue(after <= before, "loss rose from " + before + " to " + after);
            double squaredNorm = 0.0;
            for (double g : Softmax.gradient(z, t, target, eps)) {
                squaredNorm += g * g;
            }
            if (lr * squaredNorm > 1e-10 * before) {
                assertTrue(after < before, "loss stayed at " + before);
            }
        }
    }

    @Test
    void eachLogitIsRoundedOnce() {
        double[] z = {2, 1, 0.1};
        double lr = 0.3;
        double[] g = Softmax.gradient(z, 0.7, 0, 0.1);
        double[] next = GradientStep.step(z, 0.7, 0, 0.1, lr);
        for (int i = 0; i < z.length; i++) {
            // z - lr g in exact decimal arithmetic, then one correctly rounded parse.
            BigDecimal exact = new BigDecimal(z[i]).subtract(new BigDecimal(lr).multiply(new BigDecimal(g[i])));
            assertEquals(Double.parseDouble(exact.toString()), next[i], "component " + i);
        }
    }

    @Test
    void zeroLearningRateReturnsAnEqualCopy() {
        double[] z = {4.5, -1.2, 0.8};
        double[] next = GradientStep.step(z, 1, 0, 0, 0);
        assertArrayEquals(z, next);
        assertNotSame(z, next);
    }

    @Test
    void maskedLogitsStayMasked() {
        double[] next = GradientStep.step(new double[] {1, Double.NEGATIVE_INFINITY, 0}, 1, 0, 0, 1);
        assertEquals(Double.NEGATIVE_INFINITY, next[1]);
        assertTrue(next[0] > 1 && next[2] < 0);
    }

    private static void assertRejected(String message, Executable call) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, call).getMessage());
    }

    @Test
    void refusesToProduceAnInfiniteLogit() {
        // p = [1, 0] (e^-1e307 is 0), target 1: g_1 = (0 - 1) / 1 = -1, 1.6e308 + 1e308 overflows.
        assertRejected("learningRate: the step would take logits[1] = 1.6e308 to Infinity"
                + " (gradient -1, learning rate 1e308)",
                () -> GradientStep.step(new double[] {1.7e308, 1.6e308}, 1, 1, 0, 1e308));
        // At T = 1e-300, z / T = [1e300, 0] gives p = [1, 0]; with target 1, g_0 = (1 - 0) / T,
        // 1 / 1e-300 = 9.999999999999999e299 in doubles (the double 1e-300 is a little above
        // 1e-300); a learning rate of 1e10 takes z_0 far below -1.8e308.
        assertRejected("learningRate: the step would take logits[0] = 1 to -Infinity"
                + " (gradient 9.999999999999999e299, learning rate 10000000000)",
                () -> GradientStep.step(new double[] {1, 0}, 1e-300, 1, 0, 1e10));
    }

    @Test
    void badLearningRatesAreNamed() {
        double[] z = {1, 0};
        assertRejected("learningRate: must be finite and >= 0, was -0.1",
                () -> GradientStep.step(z, 1, 0, 0, -0.1));
        assertRejected("learningRate: must be finite and >= 0, was NaN",
                () -> GradientStep.step(z, 1, 0, 0, Double.NaN));
        assertRejected("learningRate: must be finite and >= 0, was Infinity",
                () -> GradientStep.step(z, 1, 0, 0, Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> GradientStep.step(z, 1, 2, 0, 0.1));
    }
}
