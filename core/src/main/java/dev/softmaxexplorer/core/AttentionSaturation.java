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
     * from {@code new SeededGenerator(seed)} ({@link SeededGenerator#nextGaussian}) entry by entry:
     * entry 0 of every query and then every key, then entry 1, and so on, so that the vectors at a
     * smaller d_k are the first entries of those at a larger one (growing d_k adds dimensions to
     * the same tokens). The page's attention example for one seed.
     *
     * @return {queries, keys}
     */
    public static double[][][] queriesAndKeys(int seed, int tokens, int dimension) {
        SeededGenerator generator = new SeededGenerator(seed);
        double[][][] qk = new double[2][tokens][dimension];
        for (int l = 0; l < dimension; l++) {
            for (int which = 0; which < 2; which++) {
                for (int i = 0; i < tokens; i++) {
                    qk[which][i][l] = generator.nextGaussian();
                }
            }
        }
        return qk;
    }

    /** The first {@code dimension} entries of each vector. */
    private static double[][] prefix(double[][] vectors, int dimension) {
        double[][] cut = new double[vectors.length][];
        for (int i = 0; i < vectors.length; i++) {
            cut[i] = java.util.Arrays.copyOf(vectors[i], dimension);
        }
        return cut;
    }

    /**
     * The sweep over d_k = 1, 2, 4, ..., 1024: for each, {@link Attention#weights} of
     * {@link #queriesAndKeys} (drawn once a seed at 1024 and cut) for the seeds {@code seed, seed + 1, ..., seed + seeds - 1}, scaled
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
        double[][] totals = new double[DIMENSIONS.length][4];
        int largest = DIMENSIONS[DIMENSIONS.length - 1];
        for (int s = 0; s < seeds; s++) {
            // One draw a seed at the largest d_k: every smaller one is a prefix of it.
            double[][][] qk = queriesAndKeys(seed + s, tokens, largest);
            for (int p = 0; p < DIMENSIONS.length; p++) {
                int d = DIMENSIONS[p];
                double[][] q = prefix(qk[0], d);
                double[][] k = prefix(qk[1], d);
                add(totals[p], 0, Attention.weights(q, k, 1.0 / Math.sqrt(d), causal));
                add(totals[p], 1, Attention.weights(q, k, 1.0, causal));
            }
        }
        for (int p = 0; p < DIMENSIONS.length; p++) {
            double[] t = totals[p];
            points[p] = new Point(DIMENSIONS[p], t[0] / rows, t[1] / rows, t[2] / rows, t[3] / rows);
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
