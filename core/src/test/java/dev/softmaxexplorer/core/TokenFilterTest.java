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
    }
}
