package dev.softmaxexplorer.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A pass over a subset of the classes that takes its exponentials from a kept pass over all of
 * them ({@code Softmax.Exponentials.over}) against a pass of its own over the subset's logits,
 * bit for bit: every probability and the entropy. The vectors hit what sharing must get right:
 * equal largest logits (the top class is the first of them), masked classes, terms below e^-1600
 * that are left out, logits near the overflow threshold (slow path), and K = 50,257.
 */
class KeptPassTest {

    private static final double[] TEMPERATURES = {1e-3, 0.1, 0.7, 1.0, 2.5, 40.0, 1e6};

    @Test
    void subsetsOfRandomVectorsAreBitIdenticalToTheirOwnPass() {
        SplittableRandom random = new SplittableRandom(18);
        for (int vector = 0; vector < 300; vector++) {
            int k = 1 + random.nextInt(vector < 280 ? 40 : 3000);
            double[] z = SeededLogits.of(random, k, vector % SeededLogits.KINDS);
            // Each temperature's pass reuses the arrays of the one before.
            Softmax.Exponentials full = null;
            for (double t : TEMPERATURES) {
                full = Softmax.Exponentials.kept(z, t, full);
                for (int subset = 0; subset < 6; subset++) {
                    check(z, t, full, classes(random, z, full.top, subset));
                }
            }
        }
    }

    @Test
    void aVocabularyOfGpt2SizeKeepingItsTopTenPercent() {
        SplittableRandom random = new SplittableRandom(50_257);
        double[] z = new double[50_257];
        for (int i = 0; i < z.length; i++) {
            z[i] = Math.round(random.nextGaussian() * 3.0 * 1e4) / 1e4;
        }
        for (double t : new double[] {0.3, 1.0, 1.7, 20.0}) {
            try (Softmax.Exponentials full = Softmax.Exponentials.kept(z, t, null)) {
                int[] classes = java.util.stream.IntStream.range(0, z.length)
                        .filter(i -> i == full.top || z[i] > 3.8).toArray();
                check(z, t, full, classes);
                // Most classes, as top-p keeps them at a high T: the sums by what is left out.
                int[] most = java.util.stream.IntStream.range(0, z.length)
                        .filter(i -> i == full.top || z[i] > -2.0).toArray();
                check(z, t, full, most);
            }
        }
    }

    @Test
    void aSubsetWithoutTheTopClassHasNoSharedPass() {
        double[] z = {1.0, 3.0, 2.0, 3.0};
        try (Softmax.Exponentials full = Softmax.Exponentials.kept(z, 1.0, null)) {
            // The top class is the first of the two largest logits, class 1.
            assertEquals(1, full.top);
            assertNull(full.over(new int[] {0, 2, 3}, 3));
            // What follows the count is not among the classes, the top class there included.
            assertNull(full.over(new int[] {0, 2, 3, 1}, 3));
            check(z, 1.0, full, new int[] {1, 3});
        }
    }

    private static void check(double[] z, double t, Softmax.Exponentials full, int[] classes) {
        double[] own = new double[classes.length];
        for (int j = 0; j < classes.length; j++) {
            own[j] = z[classes[j]];
        }
        double[] expected = new double[classes.length];
        double expectedEntropy = Softmax.softmaxAndEntropy(own, t, expected);
        double[] actual = new double[z.length];
        double actualEntropy;
        // The classes at the start of a longer array, as a sampler chain keeps them: what
        // follows (here the other classes, then the top class) must not be read.
        int[] roomy = Arrays.copyOf(classes, z.length + 1);
        int next = classes.length;
        for (int i = 0; i < z.length && next < z.length; i++) {
            if (Arrays.binarySearch(classes, i) < 0) {
                roomy[next++] = i;
            }
        }
        roomy[next] = full.top;
        try (Softmax.Exponentials subset = full.over(roomy, classes.length)) {
            actualEntropy = Softmax.probabilitiesAndEntropy(subset, roomy, actual);
        }
        for (int i = 0; i < z.length; i++) {
            if (Arrays.binarySearch(classes, i) < 0) {
                assertEquals(0L, Double.doubleToRawLongBits(actual[i]), "p of class " + i + " outside the subset");
            }
        }
        String where = "K = " + z.length + ", T = " + t + ", classes " + Arrays.toString(classes).substring(0,
                Math.min(80, Arrays.toString(classes).length()));
        assertEquals(Double.doubleToRawLongBits(expectedEntropy), Double.doubleToRawLongBits(actualEntropy),
                "entropy, " + where);
        for (int j = 0; j < classes.length; j++) {
            assertEquals(Double.doubleToRawLongBits(expected[j]), Double.doubleToRawLongBits(actual[classes[j]]),
                    "p of class " + classes[j] + ", " + where);
        }
    }

    /**
     * A subset's sums formed as the pass's minus those left out agree with the subset's own sums
     * within the two passes' bounds (each is within its errorScale of the exact sum), and the
     * bound is the wider one: a class left out twice or not at all would miss by far more.
     */
    @Test
    void sumsByWhatIsLeftOutAgreeWithTheSubsetsOwnWithinBothBounds() {
        SplittableRandom random = new SplittableRandom(1765);
        int complements = 0;
        for (int vector = 0; vector < 200; vector++) {
            double[] z = SeededLogits.of(random, 2 + random.nextInt(2000), vector % SeededLogits.KINDS);
            for (double t : TEMPERATURES) {
                try (Softmax.Exponentials full = Softmax.Exponentials.kept(z, t, null)) {
                    int[] classes = classes(random, z, full.top, 4);
                    double[] own = new double[classes.length];
                    for (int j = 0; j < classes.length; j++) {
                        own[j] = z[classes[j]];
                    }
                    try (Softmax.Exponentials subset = full.over(classes, classes.length);
                            Softmax.Exponentials alone = Softmax.Exponentials.withEntropy(own, t, -1)) {
                        if (subset.errorScale > alone.errorScale) {
                            complements++;
                        }
                        double bound = subset.errorScale + alone.errorScale;
                        assertWithin(alone.restScaled.mulPow2(alone.restExponent),
                                subset.restScaled.mulPow2(subset.restExponent), bound, "R");
                        assertWithin(alone.entropyTermsScaled.mulPow2(alone.restExponent),
                                subset.entropyTermsScaled.mulPow2(subset.restExponent), bound, "entropy's sum");
                    }
                }
            }
        }
        assertTrue(complements > 100, "sums by what is left out: " + complements);
    }

    private static void assertWithin(DoubleDouble expected, DoubleDouble actual, double relative, String what) {
        double scale = Math.abs(expected.hi);
        double gap = Math.abs(actual.sub(expected).hi);
        assertTrue(gap <= relative * scale, what + ": " + actual.hi + " vs " + expected.hi + ", gap "
                + gap / scale + " relative, bound " + relative);
    }

    /**
     * Ascending classes holding top: all, top alone, a random half, those near the top, all but a
     * few, or all but the lowest logits (the last two, and many halves, keep most classes: their
     * sums are the pass's minus those left out).
     */
    private static int[] classes(SplittableRandom random, double[] z, int top, int kind) {
        java.util.stream.IntStream all = java.util.stream.IntStream.range(0, z.length);
        double[] sorted = z.clone();
        Arrays.sort(sorted);
        double low = sorted[z.length / 4];
        return switch (kind) {
            case 0 -> all.toArray();
            case 1 -> new int[] {top};
            case 2 -> all.filter(i -> i == top || random.nextBoolean()).toArray();
            case 3 -> all.filter(i -> i == top || z[i] >= z[top] - 1.5).toArray();
            case 4 -> all.filter(i -> i == top || random.nextInt(12) > 0).toArray();
            default -> all.filter(i -> i == top || z[i] > low).toArray();
        };
    }
}
