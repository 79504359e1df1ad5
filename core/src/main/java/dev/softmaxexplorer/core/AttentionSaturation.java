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

    /** The key dimensions of a sweep, in increasing order (a copy). */
    public static int[] dimensions() {
        return DIMENSIONS.clone();
    }

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
     * weights averaged over all rows of all seeds. The same as {@link Sweep} run to its end.
     *
     * @param tokens n, 1 to {@link Attention#MAX_TOKENS}
     * @param causal whether the rows are causally masked
     * @param seed the first seed
     * @param seeds how many seeds, at least 1
     * @throws IllegalArgumentException for tokens out of range or seeds < 1
     */
    public static Point[] sweep(int tokens, boolean causal, int seed, int seeds) {
        Sweep sweep = new Sweep(tokens, causal, seed, seeds);
        while (sweep.advance()) {
            // Each step is one d_k and one seed.
        }
        return sweep.points();
    }

    /**
     * {@link #sweep} in steps, so that a page can spread it over idle moments and draw the points
     * as they come: each {@link #advance} computes one d_k for one seed (two attention matrices,
     * at d_k = 1024 about 130,000 products), d_k in increasing order, the seeds of a d_k in order,
     * so every point's sums run in the same order as in one go and the points are identical.
     */
    public static final class Sweep {
        private final int tokens;
        private final boolean causal;
        private final int seed;
        private final int seeds;
        /** Each seed's queries and keys at the largest d_k, drawn when first needed. */
        private final double[][][][] draws;
        private final double[][] totals = new double[DIMENSIONS.length][4];
        private final Point[] points = new Point[DIMENSIONS.length];
        private int point;
        private int seedStep;

        /**
         * A sweep not yet started; arguments as {@link #sweep}.
         *
         * @throws IllegalArgumentException for tokens out of range or seeds < 1
         */
        public Sweep(int tokens, boolean causal, int seed, int seeds) {
            if (tokens < 1 || tokens > Attention.MAX_TOKENS) {
                throw new IllegalArgumentException(
                        "tokens must be in [1, " + Attention.MAX_TOKENS + "], was " + tokens);
            }
            if (seeds < 1) {
                throw new IllegalArgumentException("seeds must be at least 1, was " + seeds);
            }
            this.tokens = tokens;
            this.causal = causal;
            this.seed = seed;
            this.seeds = seeds;
            draws = new double[seeds][][][];
        }

        /** Computes the next step; false once every point is done (and then does nothing). */
        public boolean advance() {
            if (point == DIMENSIONS.length) {
                return false;
            }
            int s = seedStep;
            if (draws[s] == null) {
                // One draw a seed at the largest d_k: every smaller one is a prefix of it.
                draws[s] = queriesAndKeys(seed + s, tokens, DIMENSIONS[DIMENSIONS.length - 1]);
            }
            int d = DIMENSIONS[point];
            double[][] q = prefix(draws[s][0], d);
            double[][] k = prefix(draws[s][1], d);
            double[] t = totals[point];
            add(t, 0, Attention.weights(q, k, 1.0 / Math.sqrt(d), causal));
            add(t, 1, Attention.weights(q, k, 1.0, causal));
            seedStep++;
            if (seedStep == seeds) {
                double rows = (double) tokens * seeds;
                points[point] = new Point(d, t[0] / rows, t[1] / rows, t[2] / rows, t[3] / rows);
                point++;
                seedStep = 0;
            }
            return point < DIMENSIONS.length;
        }

        /** The points finished so far, in increasing d_k. */
        public Point[] points() {
            return java.util.Arrays.copyOf(points, point);
        }
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
