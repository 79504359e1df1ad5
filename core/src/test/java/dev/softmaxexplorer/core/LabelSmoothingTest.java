package dev.softmaxexplorer.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class LabelSmoothingTest {

    @Test
    void smoothedTargetByHand() {
        // K = 3, eps = 0.1: eps/K = 0.0333..., y_c = 0.9 + 0.0333... = 0.9333...
        double[] y = LabelSmoothing.target(3, 1, 0.1);
        assertEquals(0.1 / 3, y[0]);
        assertEquals(0.1 / 3, y[2]);
        assertTrue(Ulps.between(28.0 / 30, y[1]) <= 1, "y_c = " + y[1]);
        // K = 4, eps = 0.5: 0.125 each, 0.5 + 0.125 = 0.625 on the target (all exact).
        assertArrayEquals(new double[] {0.125, 0.125, 0.125, 0.625}, LabelSmoothing.target(4, 3, 0.5));
        assertArrayEquals(new double[] {0, 1, 0}, LabelSmoothing.target(3, 1, 0));
        assertArrayEquals(new double[] {0.25, 0.25, 0.25, 0.25}, LabelSmoothing.target(4, 0, 1));
    }

    /**
     * teaching-references.json, "labelSmoothing": H(y) from 100-digit mpmath
     * (make_teaching_references.py).
     */
    @Test
    void minimumMatchesMpmath() {
        for (Object o : (List<?>) ((Map<?, ?>) Json.resource("teaching-references.json"))
                .get("labelSmoothing")) {
            Map<?, ?> c = (Map<?, ?>) o;
            int k = (int) Json.number(c.get("k"));
            double eps = Json.number(c.get("eps"));
            double expected = Json.number(c.get("minimum"));
            double actual = LabelSmoothing.minimumCrossEntropy(k, eps);
            assertTrue(Ulps.between(expected, actual) <= 1,
                    "K = " + k + ", eps = " + eps + ": " + actual + " vs " + expected);
        }
    }

    /**
     * The minimum is the smoothed cross-entropy at z = log y: there p equals y up to the rounding
     * of log y (relative 1e-16), and L = H(y) + KL(y || p) with KL of order 1e-32.
     */
    @Test
    void minimumIsTheLossAtLogitsLogY() {
        for (int k : new int[] {2, 3, 5, 10, 100}) {
            for (double eps : new double[] {0.01, 0.1, 0.25, 0.5, 0.9, 1.0}) {
                for (int c : new int[] {0, k - 1}) {
                    double[] y = LabelSmoothing.target(k, c, eps);
                    double[] z = new double[k];
                    for (int i = 0; i < k; i++) {
                        z[i] = Math.log(y[i]);
                    }
                    double loss = Softmax.crossEntropy(z, 1.0, c, eps);
                    double minimum = LabelSmoothing.minimumCrossEntropy(k, eps);
                    assertTrue(Ulps.between(loss, minimum) <= 4,
                            "K = " + k + ", eps = " + eps + ": loss " + loss + ", minimum " + minimum);
                    // Any other logits do worse.
                    z[c] += 1.0;
                    assertTrue(Softmax.crossEntropy(z, 1.0, c, eps) > minimum);
                }
            }
        }
    }

    @Test
    void limits() {
        assertEquals(0.0, LabelSmoothing.minimumCrossEntropy(3, 0.0));
        assertEquals(0.0, LabelSmoothing.minimumCrossEntropy(1, 0.3));
        // eps = 1: y uniform, H = log K; ln 3 = 1.0986122886681098 (mpmath, in the fixture too).
        assertEquals(1.0986122886681098, LabelSmoothing.minimumCrossEntropy(3, 1.0));
        // eps / K underflows to 0 for K = 3: the other classes add 0 log 0 = 0, the target
        // -(1 - 5e-324) log(1 - 5e-324), far below the smallest double, is 0.
        assertEquals(0.0, LabelSmoothing.minimumCrossEntropy(3, Double.MIN_VALUE));
    }

    private static void assertRejected(String message, Executable call) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, call).getMessage());
    }

    @Test
    void badArgumentsAreNamed() {
        assertRejected("classes: must be >= 1, was 0", () -> LabelSmoothing.target(0, 0, 0.1));
        assertRejected("target: must be 0 to 2, was 3", () -> LabelSmoothing.target(3, 3, 0.1));
        assertRejected("labelSmoothing: must be in [0, 1], was 1.5",
                () -> LabelSmoothing.minimumCrossEntropy(3, 1.5));
        assertRejected("labelSmoothing: must be in [0, 1], was NaN",
                () -> LabelSmoothing.target(3, 0, Double.NaN));
    }
}
