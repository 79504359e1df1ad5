package dev.softmaxexplorer.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class SamplingTest {

    private static final double[][] DISTRIBUTIONS = {
        {0.5, 0.3, 0.15, 0.05},
        {1.0 / 3, 1.0 / 3, 1.0 / 3},
        {0.9, 0.0, 0.1},
        {0.001, 0.009, 0.09, 0.9},
        Softmax.softmax(new double[] {2, 1, 0.1}, 1.0),
        Softmax.softmax(new double[] {4.5, -1.2, 0.8, 0, 0, 0, 1, 2, 3, -3}, 2.0),
    };

    /**
     * Each count is Binomial(n, p_i): mean n p, standard deviation sqrt(n p (1 - p)). A bound of
     * 5 standard deviations (+1 for the discreteness) fails with probability below 6e-7 per
     * count for a fair generator; the seeds are fixed, so the test is deterministic.
     */
    @Test
    void frequenciesLieWithinBinomialBounds() {
        int n = 100_000;
        for (int seed : new int[] {0, 1, 42, -7, 123456789}) {
            for (double[] p : DISTRIBUTIONS) {
                int[] counts = Sampling.counts(p, n, seed);
                assertEquals(n, Arrays.stream(counts).sum());
                for (int i = 0; i < p.length; i++) {
                    double mean = n * p[i];
                    double bound = 5 * Math.sqrt(mean * (1 - p[i])) + 1;
                    assertTrue(Math.abs(counts[i] - mean) <= bound, "seed " + seed + ", p = "
                            + Arrays.toString(p) + ": class " + i + " drawn " + counts[i]
                            + " times, expected " + mean + " +- " + bound);
                }
            }
        }
    }

    @Test
    void sameSeedSameCountsAndDifferentSeedsDiffer() {
        double[] p = DISTRIBUTIONS[0];
        assertArrayEquals(Sampling.counts(p, 10_000, 99), Sampling.counts(p, 10_000, 99));
        assertArrayEquals(Sampling.draws(p, 50, 99), Sampling.draws(p, 50, 99));
        assertFalse(Arrays.equals(Sampling.counts(p, 10_000, 99), Sampling.counts(p, 10_000, 100)));
        assertFalse(Arrays.equals(Sampling.draws(p, 50, 99), Sampling.draws(p, 50, 100)));
    }

    @Test
    void countsAreTheHistogramOfTheDraws() {
        double[] p = DISTRIBUTIONS[5];
        int[] drawn = Sampling.draws(p, 5000, 3);
        int[] histogram = new int[p.length];
        for (int c : drawn) {
            histogram[c]++;
        }
        assertArrayEquals(histogram, Sampling.counts(p, 5000, 3));
    }

    @Test
    void zeroProbabilityIsNeverDrawn() {
        double[][] cases = {
            {0.0, 1.0, 0.0},
            {0.0, 0.0, 1.0},
            {1.0, 0.0, 0.0},
            {0.0, 0.25, 0.0, 0.75, 0.0, 0.0},
            {1e-300, 0.0, 1.0, 0.0},
        };
        for (double[] p : cases) {
            for (int seed = 0; seed < 20; seed++) {
                int[] counts = Sampling.counts(p, 2000, seed);
                for (int i = 0; i < p.length; i++) {
                    if (p[i] == 0.0) {
                        assertEquals(0, counts[i], Arrays.toString(p) + " class " + i);
                    }
                }
            }
        }
        // A single positive class takes every draw, wherever it sits.
        assertArrayEquals(new int[] {0, 0, 1000, 0}, Sampling.counts(new double[] {0, 0, 7, 0}, 1000, 5));
    }

    /**
     * The guide table only speeds up the search: every draw equals a plain linear inverse-CDF
     * search (first i with u S < c_i, the running sums c in double, S = c_{K-1}; the last
     * positive class when u S rounds up to S) on the generator's uniforms, over seeded random
     * distributions with zeros, very skewed weights and a subnormal total.
     */
    @Test
    void drawsAreExactlyTheInverseCdfOfTheUniforms() {
        java.util.Random random = new java.util.Random(77);
        for (int trial = 0; trial < 300; trial++) {
            int classes = 1 + random.nextInt(trial % 2 == 0 ? 12 : 1500);
            double[] w = new double[classes];
            for (int i = 0; i < classes; i++) {
                int kind = random.nextInt(4);
                w[i] = kind == 0 ? 0.0 : kind == 1 ? Math.exp(random.nextGaussian() * 20)
                        : random.nextDouble();
            }
            if (trial % 7 == 0) {
                for (int i = 0; i < classes; i++) {
                    w[i] = w[i] * Double.MIN_VALUE;
                }
            }
            w[random.nextInt(classes)] = trial % 7 == 0 ? Double.MIN_VALUE : 1.0;
            int seed = random.nextInt();
            int[] drawn = Sampling.draws(w, 2000, seed);
            SeededGenerator g = new SeededGenerator(seed);
            for (int j = 0; j < drawn.length; j++) {
                assertEquals(linearInverseCdf(w, g.nextDouble()), drawn[j], "trial " + trial + ", draw " + j);
            }
        }
    }

    /**
     * Counts are the histogram of the same plain inverse-CDF search, whichever way they are
     * formed: the uniforms sorted and one sweep of the running sums (fewer draws than classes, or
     * any number over a support outside which the weights are 0, a sampler chain's stage) or the
     * guide table (more draws than classes over every class), on the distributions of the test
     * above.
     */
    @Test
    void countsAreTheHistogramOfTheInverseCdfWithOrWithoutASupport() {
        java.util.Random random = new java.util.Random(78);
        boolean swept = false;
        boolean guided = false;
        for (int trial = 0; trial < 400; trial++) {
            int classes = 1 + random.nextInt(trial % 2 == 0 ? 12 : 3000);
            double[] w = new double[classes];
            int[] support = new int[classes];
            int size = 0;
            for (int i = 0; i < classes; i++) {
                if (random.nextInt(3) > 0) {
                    support[size++] = i;
                    int kind = random.nextInt(4);
                    w[i] = kind == 0 ? 0.0 : kind == 1 ? Math.exp(random.nextGaussian() * 20) : random.nextDouble();
                }
            }
            if (size == 0) {
                support[size++] = random.nextInt(classes);
            }
            support = Arrays.copyOf(support, size);
            if (trial % 7 == 0) {
                for (int i = 0; i < classes; i++) {
                    w[i] = w[i] * Double.MIN_VALUE;
                }
            }
            w[support[random.nextInt(size)]] = trial % 7 == 0 ? Double.MIN_VALUE : 1.0;
            int n = random.nextInt(3) == 0 ? random.nextInt(2 * size + 2) : random.nextInt(size + 1);
            swept |= n > size;
            guided |= n > classes;
            int seed = random.nextInt();
            int[] histogram = new int[classes];
            SeededGenerator g = new SeededGenerator(seed);
            for (int j = 0; j < n; j++) {
                histogram[linearInverseCdf(w, g.nextDouble())]++;
            }
            String where = "trial " + trial + ", K = " + classes + ", support " + size + ", n = " + n;
            assertArrayEquals(histogram, Sampling.counts(w, n, seed), where);
            assertArrayEquals(histogram, Sampling.counts(w, support, n, seed, null), where);
            int[] used = new int[w.length];
            java.util.Arrays.fill(used, trial + 1);
            assertArrayEquals(histogram, Sampling.counts(w, support, n, seed, used), where + ", into a used array");
            // The support at the start of a longer array, as a chain's stage keeps it: the rest is not read.
            int[] roomy = Arrays.copyOf(support, classes + 1);
            Arrays.fill(roomy, size, roomy.length, classes - 1);
            assertArrayEquals(histogram, Sampling.counts(w, roomy, size, n, seed, null), where + ", support in a longer array");
        }
        assertTrue(swept && guided, "more draws than classes over a support, and over every class");
    }

    private static int linearInverseCdf(double[] w, double u) {
        double[] c = new double[w.length];
        double sum = 0.0;
        int last = 0;
        for (int i = 0; i < w.length; i++) {
            sum += w[i];
            c[i] = sum;
            if (w[i] > 0) {
                last = i;
            }
        }
        double target = u * sum;
        for (int i = 0; i < w.length; i++) {
            if (target < c[i]) {
                return i;
            }
        }
        return last;
    }

    @Test
    void weightsNeedNotSumToOne() {
        // [2, 6] is [0.25, 0.75] scaled by 8: the same uniform picks the same class.
        assertArrayEquals(Sampling.draws(new double[] {0.25, 0.75}, 1000, 11),
                Sampling.draws(new double[] {2, 6}, 1000, 11));
    }

    @Test
    void zeroDrawsGiveZeroCounts() {
        assertArrayEquals(new int[] {0, 0}, Sampling.counts(new double[] {0.5, 0.5}, 0, 1));
        assertEquals(0, Sampling.draws(new double[] {0.5, 0.5}, 0, 1).length);
    }


    /** -ln(-ln 0.5) = -ln(ln 2) = 0.36651292058166432701...; u = 0 gives -Infinity. */
    @Test
    void gumbelNoiseIsMinusLogMinusLogU() {
        assertTrue(Ulps.between(0.36651292058166432701, Sampling.gumbel(0.5)) <= 1);
        // u = e^-1 would give 0; u = 0.25: -ln(ln 4) = -0.32663425997828098238...
        assertTrue(Ulps.between(-0.32663425997828098238, Sampling.gumbel(0.25)) <= 1);
        assertEquals(Double.NEGATIVE_INFINITY, Sampling.gumbel(0.0));
    }

    /** Gumbel-max counts are Binomial(n, softmax(z / T)_i), as the direct draws' are. */
    @Test
    void gumbelMaxDrawsFollowTheSoftmax() {
        int n = 50_000;
        double[][] logits = {{2, 1, 0.1}, {0, 0, 0, 0}, {4.5, -1.2, 0.8, 0, 1, 2, 3, -3}};
        for (double t : new double[] {0.5, 1, 3}) {
            for (double[] z : logits) {
                double[] p = Softmax.softmax(z, t);
                int[] counts = Sampling.gumbelMax(z, t, n, 17);
                assertEquals(n, Arrays.stream(counts).sum());
                for (int i = 0; i < p.length; i++) {
                    double mean = n * p[i];
                    double bound = 5 * Math.sqrt(mean * (1 - p[i])) + 1;
                    assertTrue(Math.abs(counts[i] - mean) <= bound, "T " + t + ", class " + i
                            + ": " + counts[i] + " vs " + mean);
                }
            }
        }
    }

    @Test
    void gumbelMaxNeverPicksAMaskedClassAndIsSeeded() {
        double[] z = {1, Double.NEGATIVE_INFINITY, 0.5};
        int[] counts = Sampling.gumbelMax(z, 1, 2000, 3);
        assertEquals(0, counts[1]);
        assertArrayEquals(counts, Sampling.gumbelMax(z, 1, 2000, 3));
        assertFalse(Arrays.equals(counts, Sampling.gumbelMax(z, 1, 2000, 4)));
        // The noise of draw j is the generator's uniforms 2j, 2j + 1 (one per unmasked class).
        SeededGenerator g = new SeededGenerator(3);
        int[] again = new int[3];
        for (int j = 0; j < 2000; j++) {
            double a = 1 + Sampling.gumbel(g.nextDouble());
            double b = 0.5 + Sampling.gumbel(g.nextDouble());
            again[b > a ? 2 : 0]++;
        }
        assertArrayEquals(again, counts);
        assertThrows(IllegalArgumentException.class, () -> Sampling.gumbelMax(z, 0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> Sampling.gumbelMax(z, 1, -1, 1));
    }

    @Test
    void greedyTakesTheLargestWithTiesToTheLowestIndex() {
        assertEquals(0, Sampling.greedy(new double[] {0.5, 0.3, 0.2}));
        assertEquals(2, Sampling.greedy(new double[] {0.2, 0.3, 0.5}));
        assertEquals(1, Sampling.greedy(new double[] {0.2, 0.4, 0.4}));
        assertEquals(0, Sampling.greedy(new double[] {0.25, 0.25, 0.25, 0.25}));
        assertEquals(1, Sampling.greedy(new double[] {0.0, 1e-300, 0.0}));
    }

    @Test
    void theMostFrequentClassIsGreedyOnTheShares() {
        assertEquals(0, Sampling.mostFrequent(new int[] {620, 300, 80}));
        assertEquals(1, Sampling.mostFrequent(new int[] {0, 7, 0}));
        assertEquals(1, Sampling.mostFrequent(new int[] {3, 5, 5}));
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        for (int n = 0; n < 200; n++) {
            int[] counts = new int[1 + random.nextInt(50)];
            for (int i = 0; i < counts.length; i++) {
                counts[i] = random.nextInt(4);
            }
            counts[random.nextInt(counts.length)]++;
            assertEquals(Sampling.greedy(Sampling.frequencies(counts)), Sampling.mostFrequent(counts));
        }
        assertThrows(IllegalArgumentException.class, () -> Sampling.mostFrequent(new int[] {0, 0}));
        assertThrows(IllegalArgumentException.class, () -> Sampling.mostFrequent(new int[] {1, -1}));
    }

    @Test
    void frequenciesAreCountsOverTheirTotal() {
        assertArrayEquals(new double[] {0.62, 0.3, 0.08}, Sampling.frequencies(new int[] {620, 300, 80}));
        assertArrayEquals(new double[] {0, 1, 0}, Sampling.frequencies(new int[] {0, 7, 0}));
        assertArrayEquals(new double[] {0, 0}, Sampling.frequencies(new int[] {0, 0}));
        // The largest totals an int array of counts can have still divide exactly.
        assertArrayEquals(new double[] {0.5, 0.5},
                Sampling.frequencies(new int[] {Integer.MAX_VALUE, Integer.MAX_VALUE}));
        int[] counts = Sampling.counts(new double[] {0.5, 0.3, 0.2}, 10_000, 42);
        double[] shares = Sampling.frequencies(counts);
        for (int i = 0; i < counts.length; i++) {
            assertEquals(counts[i] / 10_000.0, shares[i]);
        }
        assertRejected("counts: must hold at least one count, was empty", () -> Sampling.frequencies(new int[0]));
        assertRejected("counts[1]: must be >= 0, was -1", () -> Sampling.frequencies(new int[] {1, -1}));
    }

    private static void assertRejected(String message, Executable call) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, call).getMessage());
    }

    @Test
    void badArgumentsAreNamed() {
        assertRejected("probabilities: must hold at least one value, was null",
                () -> Sampling.counts(null, 1, 0));
        assertRejected("probabilities: must hold at least one value, was empty",
                () -> Sampling.greedy(new double[0]));
        assertRejected("probabilities[1]: must be finite and >= 0, was NaN",
                () -> Sampling.draws(new double[] {1, Double.NaN}, 1, 0));
        assertRejected("probabilities[0]: must be finite and >= 0, was -0.5",
                () -> Sampling.counts(new double[] {-0.5, 1}, 1, 0));
        assertRejected("probabilities[2]: must be finite and >= 0, was Infinity",
                () -> Sampling.counts(new double[] {0, 1, Double.POSITIVE_INFINITY}, 1, 0));
        assertRejected("probabilities: must not all be 0 (2 values)",
                () -> Sampling.counts(new double[] {0, 0}, 1, 0));
        assertRejected("probabilities: sum must be finite, was Infinity",
                () -> Sampling.counts(new double[] {Double.MAX_VALUE, Double.MAX_VALUE}, 1, 0));
        assertRejected("n: must be 0 to 1000000, was -1",
                () -> Sampling.counts(new double[] {1}, -1, 0));
    }
}
