package dev.softmaxexplorer.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class TemperatureSweepTest {

    /**
     * teaching-references.json, "temperatures": exp(log 0.05 + i/8 log(20 / 0.05)) for i = 0..8
     * in 100-digit mpmath (make_teaching_references.py). The middle point is the geometric mean
     * sqrt(0.05 * 20) = 1.
     */
    @Test
    void pageSweepMatchesMpmath() {
        Map<?, ?> ref = (Map<?, ?>) ((Map<?, ?>) Json.resource("teaching-references.json"))
                .get("temperatures");
        double[] expected = Json.numbers(ref.get("values"));
        double[] t = TemperatureSweep.temperatures(TemperatureSweep.PAGE_MIN, TemperatureSweep.PAGE_MAX,
                expected.length);
        for (int i = 0; i < t.length; i++) {
            assertTrue(Ulps.between(expected[i], t[i]) <= 1, i + ": " + t[i] + " vs " + expected[i]);
        }
        assertEquals(1.0, t[4]);
    }

    @Test
    void endpointsAreExactAndPointsIncrease() {
        for (int points : new int[] {2, 3, 10, 101, 400}) {
            double[] t = TemperatureSweep.temperatures(0.05, 20, points);
            assertEquals(points, t.length);
            assertEquals(0.05, t[0]);
            assertEquals(20.0, t[points - 1]);
            for (int i = 1; i < points; i++) {
                assertTrue(t[i] > t[i - 1], points + " points: t[" + i + "] = " + t[i]);
            }
        }
        // Equal steps on the log axis: 1, 10, 100, 1000.
        assertArrayEquals(new double[] {1, 10, 100, 1000}, TemperatureSweep.temperatures(1, 1000, 4));
        assertArrayEquals(new double[] {3, 3, 3}, TemperatureSweep.temperatures(3, 3, 3));
    }

    @Test
    void rowsAreTheSoftmaxAtEachTemperature() {
        double[] z = {2, 1, 0.1};
        double[] t = TemperatureSweep.temperatures(0.05, 20, 50);
        double[][] p = TemperatureSweep.probabilities(z, t);
        assertEquals(50, p.length);
        for (int j = 0; j < t.length; j++) {
            assertArrayEquals(Softmax.softmax(z, t[j]), p[j]);
        }
        // T = 0.05 is nearly one-hot on the argmax; T = 20 nearly uniform (e^(2/20) / ... ).
        assertTrue(p[0][0] > 1 - 1e-8);
        assertEquals(1.0 / 3, p[49][1], 0.05);
    }

    /** Entropy lies in [0, log K] and grows with T for these logits (it is monotone in T). */
    @Test
    void entropiesRiseFromNearZeroToNearLogK() {
        double[][] cases = {{2, 1, 0.1}, {4.5, -1.2, 0.8}, {10, 9, 9}, {1000, 999, 998},
            {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}};
        double[] t = TemperatureSweep.temperatures(0.05, 20, 60);
        for (double[] z : cases) {
            double logK = Math.log(z.length);
            double[] h = TemperatureSweep.entropies(z, t);
            for (int j = 0; j < h.length; j++) {
                assertTrue(h[j] >= 0 && h[j] <= logK * (1 + 1e-15), "H = " + h[j]);
                if (j > 0) {
                    assertTrue(h[j] >= h[j - 1], "entropy fell at T = " + t[j]);
                }
            }
        }
        double[] uniform = TemperatureSweep.entropies(new double[] {5, 5, 5, 5}, t);
        for (double v : uniform) {
            assertEquals(Math.log(4), v, 1e-15);
        }
    }

    /**
     * log K, the top of the entropy axis: log 2 and log 10 as Python's math.log gives them
     * (correctly rounded), and equal to the entropy of equal logits, whose softmax is uniform.
     */
    @Test
    void maxEntropyIsLogK() {
        assertEquals(0.0, TemperatureSweep.maxEntropy(1));
        assertEquals(0.6931471805599453, TemperatureSweep.maxEntropy(2));
        assertEquals(2.302585092994046, TemperatureSweep.maxEntropy(10));
        for (int k = 2; k <= 1000; k = k * 3) {
            double uniform = Softmax.entropy(new double[k], 1);
            assertTrue(Ulps.between(uniform, TemperatureSweep.maxEntropy(k)) <= 1, k + ": " + uniform);
        }
        double[] h = TemperatureSweep.entropies(new double[] {2, 1, 0}, new double[] {0.05, 1, 20});
        for (double value : h) {
            assertTrue(value >= 0 && value <= TemperatureSweep.maxEntropy(3), "H = " + value);
        }
        assertRejected("classes: must be >= 1, was 0", () -> TemperatureSweep.maxEntropy(0));
    }

    @Test
    void curvesAreTheProbabilitiesAndEntropiesBitForBit() {
        double[] t = TemperatureSweep.temperatures(0.05, 20, 37);
        double[][] cases = {{2, 1, 0}, {1e6, 0, 0, 0}, {4.5, -1.2, 0.8}, {10, 9, 9, Double.NEGATIVE_INFINITY}, {0, 0}};
        for (double[] z : cases) {
            TemperatureSweep.Curves curves = TemperatureSweep.curves(z, t);
            double[][] p = TemperatureSweep.probabilities(z, t);
            double[] h = TemperatureSweep.entropies(z, t);
            for (int j = 0; j < t.length; j++) {
                assertArrayEquals(p[j], curves.probabilities()[j]);
                assertEquals(h[j], curves.entropies()[j]);
            }
        }
        assertRejected("temperatures: must not be null", () -> TemperatureSweep.curves(new double[] {1}, null));
    }

    private static void assertRejected(String message, Executable call) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, call).getMessage());
    }

    @Test
    void badArgumentsAreNamed() {
        assertRejected("min: must be finite and > 0, was 0", () -> TemperatureSweep.temperatures(0, 1, 5));
        assertRejected("max: must be finite and >= min (2), was 1",
                () -> TemperatureSweep.temperatures(2, 1, 5));
        assertRejected("max: must be finite and >= min (1), was Infinity",
                () -> TemperatureSweep.temperatures(1, Double.POSITIVE_INFINITY, 5));
        assertRejected("points: must be >= 2, was 1", () -> TemperatureSweep.temperatures(1, 2, 1));
        assertRejected("temperatures: must not be null",
                () -> TemperatureSweep.entropies(new double[] {1}, null));
        assertThrows(IllegalArgumentException.class,
                () -> TemperatureSweep.probabilities(new double[] {1, 0}, new double[] {1, -1}));
    }
}
