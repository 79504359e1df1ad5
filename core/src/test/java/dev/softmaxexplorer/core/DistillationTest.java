package dev.softmaxexplorer.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DistillationTest {

    /**
     * teaching-references.json, "distillation": KL, T^2 KL and T (p - q) from 100-digit mpmath
     * (make_teaching_references.py), including nearly equal distributions where KL is 1e-19 and
     * its terms 1e-10, and a class the teacher masks.
     */
    static Stream<Arguments> references() {
        List<Arguments> out = new ArrayList<>();
        Map<?, ?> all = (Map<?, ?>) Json.resource("teaching-references.json");
        for (Object o : (List<?>) all.get("distillation")) {
            Map<?, ?> c = (Map<?, ?>) o;
            out.add(Arguments.of(c.get("name"), c));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("references")
    void matchesMpmathWithinTwoUlp(String name, Map<?, ?> c) {
        double[] teacher = Json.numbers(c.get("teacher"));
        double[] student = Json.numbers(c.get("student"));
        double t = Json.number(c.get("t"));
        assertUlps(Json.number(c.get("kl")), Distillation.klDivergence(teacher, student, t), 2, "kl");
        assertUlps(Json.number(c.get("loss")), Distillation.distillationLoss(teacher, student, t), 2,
                "loss");
        double[] expected = Json.numbers(c.get("gradient"));
        double[] g = Distillation.gradient(teacher, student, t);
        for (int i = 0; i < g.length; i++) {
            assertUlps(expected[i], g[i], 2, "gradient[" + i + "]");
        }
    }

    private static void assertUlps(double expected, double actual, long ulps, String what) {
        long error = Ulps.error(actual, expected);
        assertTrue(error <= ulps, what + ": expected " + expected + ", was " + actual + " (" + error
                + " ulp)");
    }

    @Test
    void equalDistributionsHaveExactlyZeroDivergence() {
        double[][] cases = {{2, 1, 0}, {1000, 999, 998}, {4.5, -1.2, 0.8}, {0}, {-1e300, 1e300},
            {Double.NEGATIVE_INFINITY, 3, 3}};
        for (double[] z : cases) {
            for (double t : new double[] {0.05, 1, 4, 20}) {
                assertEquals(0.0, Distillation.klDivergence(z, z.clone(), t));
                assertEquals(0.0, Distillation.distillationLoss(z, z.clone(), t));
                for (double g : Distillation.gradient(z, z.clone(), t)) {
                    assertEquals(0.0, g);
                }
            }
        }
        // Shifting all logits by a constant does not change the softmax.
        assertEquals(0.0, Distillation.klDivergence(new double[] {2, 1, 0}, new double[] {12, 11, 10}, 1));
    }

    /**
     * Property over seeded random logits: KL >= 0 (Gibbs), the loss is T^2 KL within an ulp, and
     * the gradient sums to 0 and matches a central difference of the loss.
     */
    @Test
    void divergenceIsNonnegativeAndTheGradientIsTheLossSlope() {
        Random random = new Random(1505);
        for (int trial = 0; trial < 400; trial++) {
            int classes = 2 + random.nextInt(9);
            double[] teacher = new double[classes];
            double[] student = new double[classes];
            for (int i = 0; i < classes; i++) {
                teacher[i] = random.nextGaussian() * 3;
                student[i] = random.nextBoolean() ? teacher[i] + random.nextGaussian() * 1e-4
                        : random.nextGaussian() * 3;
            }
            double t = Math.exp(random.nextDouble() * 6 - 3);
            double kl = Distillation.klDivergence(teacher, student, t);
            assertTrue(kl >= 0.0, "KL = " + kl);
            double loss = Distillation.distillationLoss(teacher, student, t);
            assertTrue(Ulps.between(kl * t * t, loss) <= 2, loss + " vs " + kl * t * t);

            double[] g = Distillation.gradient(teacher, student, t);
            double sum = 0.0;
            double scale = 0.0;
            for (double v : g) {
                sum += v;
                scale += Math.abs(v);
            }
            assertEquals(0.0, sum, 1e-14 * Math.max(scale, 1e-300));
            int i = random.nextInt(classes);
            double h = 1e-6 * t;
            double[] up = student.clone();
            double[] down = student.clone();
            up[i] += h;
            down[i] -= h;
            double slope = (Distillation.distillationLoss(teacher, up, t)
                    - Distillation.distillationLoss(teacher, down, t)) / (up[i] - down[i]);
            assertEquals(g[i], slope, 1e-6 * Math.max(Math.abs(g[i]), t) + 1e-9 * t,
                    "component " + i + " at T = " + t);
        }
    }

    @Test
    void theTemperatureSquaredFactor() {
        double[] teacher = {2, 1, 0.1};
        double[] student = {1, 1.5, 0};
        for (double t : new double[] {0.5, 1, 2, 4, 10}) {
            double kl = Distillation.klDivergence(teacher, student, t);
            assertTrue(Ulps.between(kl * t * t, Distillation.distillationLoss(teacher, student, t)) <= 1);
        }
        // At T = 1 the loss is the KL itself.
        assertEquals(Distillation.klDivergence(teacher, student, 1),
                Distillation.distillationLoss(teacher, student, 1));
    }

    @Test
    void studentMaskingATeacherClassIsInfinite() {
        double ninf = Double.NEGATIVE_INFINITY;
        assertEquals(Double.POSITIVE_INFINITY,
                Distillation.klDivergence(new double[] {1, 0, 0}, new double[] {1, ninf, 0}, 1));
        // Both mask the same class: it plays no part.
        assertEquals(Distillation.klDivergence(new double[] {1, 0}, new double[] {0, 1}, 1),
                Distillation.klDivergence(new double[] {1, ninf, 0}, new double[] {0, ninf, 1}, 1));
    }

    @Test
    void lossIsTheFactorTimesTheDivergence() {
        assertEquals(16.0, Distillation.lossFactor(4));
        assertEquals(0.0025000000000000005, Distillation.lossFactor(0.05));
        assertEquals(Double.POSITIVE_INFINITY, Distillation.lossFactor(1e200));
        double[] teacher = {4, 2, 0};
        double[] student = {2, 1, 0};
        for (double t : new double[] {0.5, 1, 4}) {
            double expected = Distillation.klDivergence(teacher, student, t) * Distillation.lossFactor(t);
            assertTrue(Ulps.between(expected, Distillation.distillationLoss(teacher, student, t)) <= 2, "T = " + t);
        }
        assertRejected("temperature: must be finite and > 0, was -1", () -> Distillation.lossFactor(-1));
    }

    private static void assertRejected(String message, Executable call) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, call).getMessage());
    }

    @Test
    void badArgumentsAreNamed() {
        double[] z = {1, 0};
        assertRejected("teacher: must hold at least one logit, was null",
                () -> Distillation.klDivergence(null, z, 1));
        assertRejected("student: must hold at least one logit, was empty",
                () -> Distillation.gradient(z, new double[0], 1));
        assertRejected("student: must have as many logits as teacher (2), had 3",
                () -> Distillation.distillationLoss(z, new double[] {1, 2, 3}, 1));
        assertRejected("teacher[1]: must be finite or -Infinity (masked), was NaN",
                () -> Distillation.klDivergence(new double[] {0, Double.NaN}, z, 1));
        assertRejected("student[0]: must be finite or -Infinity (masked), was Infinity",
                () -> Distillation.klDivergence(z, new double[] {Double.POSITIVE_INFINITY, 0}, 1));
        assertRejected("student: must not all be -Infinity",
                () -> Distillation.klDivergence(z, new double[] {Double.NEGATIVE_INFINITY,
                    Double.NEGATIVE_INFINITY}, 1));
        assertRejected("temperature: must be finite and > 0, was 0",
                () -> Distillation.klDivergence(z, z, 0));
    }
}
