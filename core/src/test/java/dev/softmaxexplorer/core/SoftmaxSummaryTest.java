package dev.softmaxexplorer.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link Softmax#summarize} against {@link Softmax#evaluate} on the same inputs: every value it
 * shares with evaluate has the same bits (evaluate's values are checked against mpmath in
 * SoftmaxTest and ErrorBoundTest), and the mass of the classes not chosen agrees with evaluate's
 * probabilities summed.
 */
class SoftmaxSummaryTest {

    /** A vector, a temperature, a target, a label smoothing and the chosen classes. */
    record Case(double[] logits, double temperature, int target, double eps, int[] classes) {
        @Override
        public String toString() {
            return java.util.Arrays.toString(logits) + " T=" + temperature + " c=" + target + " eps=" + eps
                    + " classes=" + java.util.Arrays.toString(classes);
        }
    }

    @Test
    void sharesEvaluatesBitsOnSeededVectors() {
        List<Case> edges = List.of(
                new Case(new double[] {2, 1, 0.1}, 1, 0, 0, new int[] {0}),
                new Case(new double[] {2, Double.NEGATIVE_INFINITY, 0.1}, 0.5, 1, 0, new int[] {1, 2}),
                new Case(new double[] {2, Double.NEGATIVE_INFINITY, 0.1}, 0.5, 0, 0.1, new int[] {}),
                new Case(new double[] {1e308, -1e308, 0}, 1e-300, 2, 0, new int[] {0, 1, 2}),
                new Case(new double[] {5, 5, 5, 5}, 3, 3, 0.2, new int[] {3, 0}),
                new Case(new double[] {0, Double.MIN_VALUE, -Double.MIN_VALUE}, Double.MIN_VALUE, 1, 0,
                        new int[] {2}));
        SeededCases.forAll(edges, 3000, SoftmaxSummaryTest::randomCase, SoftmaxSummaryTest::check);
    }

    @Test
    void sharesEvaluatesBitsAtVocabularySize() {
        SplittableRandom random = new SplittableRandom(50_257);
        double[] z = new double[50_257];
        for (int i = 0; i < z.length; i++) {
            z[i] = random.nextGaussian() * 3;
        }
        int[] top = {7, 100, 50_256};
        for (double t : new double[] {0.05, 0.7, 1, 2.5, 40}) {
            check(new Case(z, t, 100, 0, top));
            check(new Case(z, t, 3, 0.1, top));
        }
    }

    private static Case randomCase(SplittableRandom random) {
        int k = 2 + random.nextInt(random.nextBoolean() ? 8 : 400);
        double scale = Math.pow(10, random.nextInt(-3, 6));
        double[] z = new double[k];
        for (int i = 0; i < k; i++) {
            z[i] = random.nextInt(10) == 0 ? Double.NEGATIVE_INFINITY
                    : random.nextInt(10) == 0 ? SeededCases.finiteBits(random) : random.nextGaussian() * scale;
        }
        z[random.nextInt(k)] = random.nextGaussian() * scale;
        double t = Math.abs(SeededCases.uniformExponent(random, 30));
        t = t == 0 ? 1 : t;
        double eps = random.nextBoolean() ? 0 : random.nextDouble();
        int[] classes = new int[random.nextInt(Math.min(k, 25) + 1)];
        for (int j = 0; j < classes.length; j++) {
            classes[j] = random.nextInt(k);
        }
        return new Case(z, t, random.nextInt(k), eps, classes);
    }

    private static void check(Case c) {
        SoftmaxResult full = Softmax.evaluate(c.logits, c.temperature, c.target, c.eps);
        SoftmaxSummary lean = Softmax.summarize(c.logits, c.temperature, c.target, c.eps, c.classes);
        assertEquals(c.logits.length, lean.size());
        assertBits(full.crossEntropy(), lean.crossEntropy(), "loss");
        assertBits(full.entropy(), lean.entropy(), "entropy");
        assertBits(full.perplexity(), lean.perplexity(), "perplexity");
        assertBits(full.effectiveClassCount(), lean.effectiveClassCount(), "exp(H)");
        assertEquals(full.predictedClass(), lean.predictedClass());
        boolean[] chosen = new boolean[c.logits.length];
        for (int j = 0; j < c.classes.length; j++) {
            int i = c.classes[j];
            chosen[i] = true;
            assertEquals(i, lean.chosenClass(j));
            assertBits(full.probability(i), lean.probability(j), "p of " + i);
            assertBits(full.logProbability(i), lean.logProbability(j), "log p of " + i);
        }
        // The rest against evaluate's rounded probabilities summed exactly (BigDecimal): each
        // differs from the exact p_i by half an ulp, below 2^-53 relative.
        java.math.BigDecimal sum = java.math.BigDecimal.ZERO;
        for (int i = 0; i < chosen.length; i++) {
            if (!chosen[i]) {
                sum = sum.add(new java.math.BigDecimal(full.probability(i)));
            }
        }
        double expected = sum.doubleValue();
        double allowed = Math.abs(expected) * 0x1p-50 + 1e-297;
        assertEquals(expected, lean.restMass(), allowed, "rest");
    }

    private static void assertBits(double expected, double actual, String what) {
        assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(actual),
                what + ": " + expected + " vs " + actual);
    }

    @Test
    void refusesAClassOutOfRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Softmax.summarize(new double[] {1, 2}, 1, 0, 0, new int[] {2}));
        assertEquals("classes: each must be in [0, 1], was 2", e.getMessage());
    }
}
