package dev.softmaxexplorer.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Expected values are worked by hand in the comments; rational ones are checked to 1 ulp. */
class TokenFilterTest {

    private static final double[] P = {0.5, 0.3, 0.15, 0.05};

    private static void assertWithinOneUlp(double[] expected, double[] actual) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertTrue(Ulps.between(expected[i], actual[i]) <= 1,
                    "index " + i + ": expected " + expected[i] + ", was " + actual[i]);
        }
    }

    @Test
    void topPKeepsTheSmallestPrefixReachingTheMass() {
        // 0.5 < 0.8; 0.5 + 0.3 rounds to the double 0.8 >= 0.8: keep {0.5, 0.3}, divide by 0.8.
        assertArrayEquals(new double[] {0.625, 0.375, 0, 0}, TokenFilter.topP(P, 0.8));
        // 0.8 < 0.81; 0.8 + 0.15 = 0.95 >= 0.81: keep three, divide by 0.95 = 19/20.
        assertWithinOneUlp(new double[] {10.0 / 19, 6.0 / 19, 3.0 / 19, 0},
                TokenFilter.topP(P, 0.81));
        // The top class alone reaches 0.5.
        assertArrayEquals(new double[] {1, 0, 0, 0}, TokenFilter.topP(P, 0.5));
        // 0 keeps at least one class: greedy.
        assertArrayEquals(new double[] {1, 0, 0, 0}, TokenFilter.topP(P, 0.0));
        // Unsorted input: sorted it is 0.6 (index 2), 0.3 (index 0), 0.1; 0.6 + 0.3 >= 0.85.
        assertWithinOneUlp(new double[] {1.0 / 3, 0, 2.0 / 3},
                TokenFilter.topP(new double[] {0.3, 0.1, 0.6}, 0.85));
    }

    @Test
    void topPOfOneIsOffAndReturnsACopy() {
        double[] out = TokenFilter.topP(P, 1.0);
        assertArrayEquals(P, out);
        assertNotSame(P, out);
    }

    @Test
    void topPBreaksTiesByLowestIndex() {
        double[] uniform = {0.25, 0.25, 0.25, 0.25};
        // 0.25 < 0.5; 0.5 >= 0.5: the first two indices, each 0.25 / 0.5.
        assertArrayEquals(new double[] {0.5, 0.5, 0, 0}, TokenFilter.topP(uniform, 0.5));
        // 0.5 < 0.6; 0.75 >= 0.6: indices 0..2, each 0.25 / 0.75 = 1/3.
        assertWithinOneUlp(new double[] {1.0 / 3, 1.0 / 3, 1.0 / 3, 0},
                TokenFilter.topP(uniform, 0.6));
        // Three-way tie of 0.3 at indices 1..3: 0.3 < 0.5, 0.3 + 0.3 = 0.6 >= 0.5, so indices
        // 1 and 2 are kept, each 0.3 / 0.6.
        assertArrayEquals(new double[] {0, 0.5, 0.5, 0},
                TokenFilter.topP(new double[] {0.1, 0.3, 0.3, 0.3}, 0.5));
    }

    @Test
    void topKKeepsExactlyKWithTiesToTheLowestIndex() {
        // The two largest, 0.5 and 0.3, divided by 0.8.
        assertArrayEquals(new double[] {0.625, 0.375, 0, 0}, TokenFilter.topK(P, 2));
        assertArrayEquals(new double[] {1, 0, 0, 0}, TokenFilter.topK(P, 1));
        assertArrayEquals(new double[] {0, 1, 0}, TokenFilter.topK(new double[] {0.2, 0.4, 0.4}, 1));
        assertArrayEquals(new double[] {0, 0.5, 0.5}, TokenFilter.topK(new double[] {0.2, 0.4, 0.4}, 2));
        assertArrayEquals(new double[] {0.5, 0.5, 0, 0},
                TokenFilter.topK(new double[] {0.25, 0.25, 0.25, 0.25}, 2));
        // A zero weight among the k stays zero.
        assertArrayEquals(new double[] {1, 0, 0}, TokenFilter.topK(new double[] {1, 0, 0}, 2));
    }

    @Test
    void topKOfZeroOrAtLeastKIsOff() {
        for (int k : new int[] {0, 4, 5, 1000}) {
            double[] out = TokenFilter.topK(P, k);
            assertArrayEquals(P, out, "k = " + k);
            assertNotSame(P, out);
        }
    }

    @Test
    void topKRunsBeforeTopPOnTheRenormalisedResult() {
        // Top-2 gives [0.625, 0.375]; 0.625 >= 0.6 alone, so only the top class survives.
        assertArrayEquals(new double[] {1, 0, 0, 0}, TokenFilter.topKTopP(P, 2, 0.6));
        // The other order would keep {0.5, 0.3} (0.5 < 0.6 <= 0.8): the order matters.
        assertArrayEquals(new double[] {0.625, 0.375, 0, 0},
                TokenFilter.topK(TokenFilter.topP(P, 0.6), 2));
        // Both off: an unchanged copy.
        assertArrayEquals(P, TokenFilter.topKTopP(P, 0, 1.0));
    }

    /** Property, over seeded random distributions: filtered weights sum to 1 within 4 ulp. */
    @Test
    void filteredDistributionsSumToOne() {
        Random random = new Random(20250101);
        for (int trial = 0; trial < 500; trial++) {
            int classes = 2 + random.nextInt(40);
            double[] z = new double[classes];
            for (int i = 0; i < classes; i++) {
                z[i] = random.nextGaussian() * 5;
            }
            double[] p = Softmax.softmax(z, 1.0);
            int k = 1 + random.nextInt(classes - 1);
            double[] filtered = TokenFilter.topKTopP(p, k, random.nextDouble());
            double sum = 0.0;
            int kept = 0;
            for (double v : filtered) {
                sum += v;
                kept += v > 0 ? 1 : 0;
            }
            assertTrue(kept >= 1 && kept <= k, "kept " + kept + " of k = " + k);
            assertEquals(1.0, sum, 4 * Math.ulp(1.0));
        }
    }


    @Test
    void minPKeepsWhatReachesAFractionOfTheTop() {
        // 0.2 * 0.5 = 0.1: keep 0.5, 0.3, 0.15, divide by 0.95 = 19/20.
        assertWithinOneUlp(new double[] {10.0 / 19, 6.0 / 19, 3.0 / 19, 0}, TokenFilter.minP(P, 0.2));
        // 0.1 * 0.5 rounds to the double 0.05, and 0.05 >= 0.05: all four stay.
        assertWithinOneUlp(P, TokenFilter.minP(P, 0.1));
        // 0.7 * 0.5 = 0.35: the top alone.
        assertArrayEquals(new double[] {1, 0, 0, 0}, TokenFilter.minP(P, 0.7));
        // 1 keeps exactly the classes tied with the top.
        assertArrayEquals(new double[] {0, 0.5, 0.5}, TokenFilter.minP(new double[] {0.2, 0.4, 0.4}, 1));
        // Unnormalised weights: 0.5 * 6 = 3 keeps {6, 3}, each over 9.
        assertWithinOneUlp(new double[] {2.0 / 3, 1.0 / 3, 0}, TokenFilter.minP(new double[] {6, 3, 1}, 0.5));
        double[] off = TokenFilter.minP(P, 0.0);
        assertArrayEquals(P, off);
        assertNotSame(P, off);
    }

    /**
     * p = [0.4, 0.15, 0.15, 0.15, 0.15]: H = 0.4 ln 2.5 + 0.6 ln(1/0.15) = 0.3665 + 1.1383 =
     * 1.5048; -ln 0.4 = 0.9163 is 0.5885 from H, -ln 0.15 = 1.8971 only 0.3923. So the four 0.15
     * come first (ties by index) and the top class last: typical drops the most probable token.
     */
    @Test
    void typicalKeepsTheClassesClosestToTheEntropy() {
        double[] p = {0.4, 0.15, 0.15, 0.15, 0.15};
        // 0.15 < 0.5, 0.3 < 0.5, 0.45 < 0.5, 0.6 >= 0.5: four, each 0.15 / 0.6.
        assertWithinOneUlp(new double[] {0, 0.25, 0.25, 0.25, 0.25}, TokenFilter.typical(p, 0.5));
        // 0.15 + 0.15 rounds to the double 0.3 >= 0.3: indices 1 and 2.
        assertArrayEquals(new double[] {0, 0.5, 0.5, 0, 0}, TokenFilter.typical(p, 0.3));
        // A tiny mass still keeps one class.
        assertArrayEquals(new double[] {0, 1, 0, 0, 0}, TokenFilter.typical(p, 1e-9));
        // [0.7, 0.2, 0.1]: H = 0.8018; distances 0.445, 0.808, 1.501: the typical order is the
        // descending one here, and 0.7 + 0.2 >= 0.8 keeps two.
        assertWithinOneUlp(new double[] {0.7 / 0.9, 0.2 / 0.9, 0}, TokenFilter.typical(new double[] {0.7, 0.2, 0.1}, 0.8));
        // A weight of 0 is never kept while the others cover the mass.
        assertArrayEquals(new double[] {0, 0, 1}, TokenFilter.typical(new double[] {0, 0, 1}, 0.5));
        double[] off = TokenFilter.typical(p, 1.0);
        assertArrayEquals(p, off);
        assertNotSame(p, off);
    }

    /** The merge sort against a plain stable sort, on many ties and on K = 50,257. */
    @Test
    void theOrderIsStableAndDescending() {
        Random random = new Random(5);
        for (int trial = 0; trial < 200; trial++) {
            int classes = trial == 0 ? 50_257 : 1 + random.nextInt(300);
            double[] w = new double[classes];
            for (int i = 0; i < classes; i++) {
                w[i] = random.nextInt(trial % 2 == 0 ? 5 : 1_000_000);
            }
            Integer[] expected = new Integer[classes];
            for (int i = 0; i < classes; i++) {
                expected[i] = i;
            }
            java.util.Arrays.sort(expected, (a, b) -> Double.compare(w[b], w[a]));
            int[] order = TokenFilter.descendingOrder(w);
            for (int i = 0; i < classes; i++) {
                assertEquals(expected[i].intValue(), order[i], "trial " + trial + ", rank " + i);
            }
        }
    }

    private static void assertRejected(String message, Executable call) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, call).getMessage());
    }

    @Test
    void badArgumentsAreNamed() {
        assertRejected("k: must be >= 0 (0 = off), was -1", () -> TokenFilter.topK(P, -1));
        assertRejected("topP: must be in [0, 1] (1 = off), was 1.5", () -> TokenFilter.topP(P, 1.5));
        assertRejected("topP: must be in [0, 1] (1 = off), was NaN",
                () -> TokenFilter.topP(P, Double.NaN));
        assertRejected("probabilities[0]: must be finite and >= 0, was -1",
                () -> TokenFilter.topK(new double[] {-1, 2}, 1));
        assertRejected("minP: must be in [0, 1] (0 = off), was -0.1", () -> TokenFilter.minP(P, -0.1));
        assertRejected("minP: must be in [0, 1] (0 = off), was NaN",
                () -> TokenFilter.minP(P, Double.NaN));
        assertRejected("mass: must be in (0, 1] (1 = off), was 0", () -> TokenFilter.typical(P, 0));
        assertRejected("mass: must be in (0, 1] (1 = off), was 1.01", () -> TokenFilter.typical(P, 1.01));
    }
}
