package dev.softmaxexplorer.core;

/**
 * How attention saturates as the key dimension grows: for random queries and keys with
 * independent N(0, 1) entries, the dot products have standard deviation sqrt(d_k), so unscaled
 * rows of weights collapse towards one-hot as d_k grows, while the scaling by 1 / sqrt(d_k)
 * (softmax at temperature sqrt(d_k)) keeps the scores' spread at about 1 whatever d_k. This
 * measures it: the mean row entropy and the mean largest weight, with and without the scaling,
 * averaged over the rows of several seeded draws.
 */
public final class AttentionSaturation {

    /** The key dimensions of the sweep, 1 to 1024 by powers of two. */
    private static final int[] DIMENSIONS = {1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024};

    /** One key dimension's averages. */
    public record Point(int dimension, double scaledEntropy, double unscaledEntropy,
            double scaledLargest, double unscaledLargest) {
    }

    private AttentionSaturation() {
    }

    /**
     * Queries then keys, {@code tokens} vectors each of {@code dimension} N(0, 1) entries, drawn
     * from {@code new SeededGenerator(seed)}: the page's attention example for one seed.
     *
     * @return {queries, keys}
     */
    public static double[][][] queriesAndKeys(int seed, int tokens, int dimension) {
        SeededGenerator generator = new SeededGenerator(seed);
        double[][] queries = Attention.gaussianVectors(generator, tokens, dimension);
        double[][] keys = Attention.gaussianVectors(generator, tokens, dimension);
        return new double[][][] {queries, keys};
    }

    /**
     * The sweep over d_k = 1, 2, 4, ..., 1024: for each, {@link Attention#weights} of
     * {@link #queriesAndKeys} for the seeds {@code seed, seed + 1, ..., seed + seeds - 1}, scaled
     * by 1 / sqrt(d_k) and unscaled, the row entropies ({@link Attention#entropy}) and largest
     * weights averaged over all rows of all seeds.
     *
     * @param tokens n, 1 to {@link Attention#MAX_TOKENS}
     * @param causal whether the rows are causally masked
     * @param seed the first seed
     * @param seeds how many seeds, at least 1
     * @throws IllegalArgumentException for tokens out of range or seeds < 1
     */
    public static Point[] sweep(int tokens, boolean causal, int seed, int seeds) {
        if (tokens < 1 || tokens > Attention.MAX_TOKENS) {
            throw new IllegalArgumentException(
                    "tokens must be in [1, " + Attention.MAX_TOKENS + "], was " + tokens);
        }
        if (seeds < 1) {
            throw new IllegalArgumentException("seeds must be at least 1, was " + seeds);
        }
        Point[] points = new Point[DIMENSIONS.length];
        double rows = (double) tokens * seeds;
        for (int p = 0; p < DIMENSIONS.length; p++) {
            int d = DIMENSIONS[p];
            double[] totals = new double[4];
            for (int s = 0; s < seeds; s++) {
                double[][][] qk = queriesAndKeys(seed + s, tokens, d);
                add(totals, 0, Attention.weights(qk[0], qk[1], 1.0 / Math.sqrt(d), causal));
                add(totals, 1, Attention.weights(qk[0], qk[1], 1.0, causal));
            }
            points[p] = new Point(d, totals[0] / rows, totals[1] / rows, totals[2] / rows,
                    totals[3] / rows);
        }
        return points;
    }

    /** Adds the rows' entropies to totals[which] and their largest weights to totals[which + 2]. */
    private static void add(double[] totals, int which, double[][] weights) {
        for (double[] row : weights) {
            totals[which] = totals[which] + Attention.entropy(row);
            double largest = 0.0;
            for (double w : row) {
                largest = Math.max(largest, w);
            }
            totals[which + 2] = totals[which + 2] + largest;
        }
    }
}
