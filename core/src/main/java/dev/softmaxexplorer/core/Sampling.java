package dev.softmaxexplorer.core;

/**
 * Drawing classes (tokens) from a categorical distribution, as a language model samples its next
 * token, and the greedy choice it is contrasted with.
 *
 * <p>Inverse-CDF sampling: with the running sums {@code c_i = fl(c_{i-1} + w_i)} taken left to
 * right in class order ({@code c_{-1} = 0}) and {@code S = c_{K-1}}, a uniform {@code u} in
 * [0, 1) from {@link SeededGenerator#nextDouble()} selects the first class i with
 * {@code u S < c_i}. The search starts from a guide table (Chen and Asau, 1974; Devroye,
 * "Non-uniform random variate generation", 1986, section III.2.4): K buckets of equal width on
 * [0, S), each holding the first class whose running sum exceeds the bucket's lower edge, so a
 * draw costs O(1) comparisons on average. The table is only a starting point; the search then
 * walks down and up to the first i with {@code u S < c_i}, so the result is exactly the inverse
 * CDF's whatever the table's rounding. Round-off:
 * <ul>
 * <li>a class with {@code w_i = 0} has {@code c_i = c_{i-1}} exactly, so it is never the first
 *     index where {@code c_i} exceeds {@code u S}: it is never drawn;</li>
 * <li>{@code u S} can round up to S itself (u is at most 1 - 2^-53); no c_i exceeds it then, and
 *     the last class with {@code w > 0} is drawn. That class thus absorbs the round-off at the
 *     top, and the weights need not sum to exactly 1 (they are used relative to S);</li>
 * <li>a weight below half an ulp of the running sum leaves {@code c_i} unchanged and is never
 *     drawn, as on any machine that samples in double precision.</li>
 * </ul>
 * Each draw uses two generator outputs (one {@code nextDouble}), so the k-th uniform depends only
 * on the seed and k: changing the temperature or a filter redraws with the same uniforms, and a
 * link with the seed reproduces the draws.
 */
public final class Sampling {

    /**
     * Upper bound on the number of draws per call, a limit on memory and time (100,000 draws
     * take a few ms in the browser, so this is well under a second).
     */
    public static final int MAX_DRAWS = 1_000_000;

    private Sampling() {
    }

    /**
     * The classes of n draws from the distribution, in the order drawn.
     *
     * @param probabilities weights w_i, finite and >= 0 with a positive sum (a softmax output, or
     *     a filtered one from {@link TokenFilter})
     * @param n the number of draws, 0 to {@link #MAX_DRAWS}
     * @param seed the generator's seed ({@link SeededGenerator#SeededGenerator(int)})
     * @return n class indices in [0, K), each with {@code w_i > 0}
     * @throws IllegalArgumentException for null or empty weights, a NaN, infinite or negative
     *     weight, weights that are all 0, or n outside [0, MAX_DRAWS]
     */
    public static int[] draws(double[] probabilities, int n, int seed) {
        Inverse inverse = new Inverse(probabilities);
        checkCount(n);
        SeededGenerator generator = new SeededGenerator(seed);
        int[] drawn = new int[n];
        for (int j = 0; j < n; j++) {
            drawn[j] = inverse.draw(generator.nextDouble());
        }
        return drawn;
    }

    /**
     * How often each class comes up in n draws: the histogram of
     * {@link #draws(double[], int, int)} with the same arguments, without storing the draws.
     *
     * @return K counts summing to n; {@code counts[i] == 0} wherever {@code w_i == 0}
     * @throws IllegalArgumentException as {@link #draws(double[], int, int)}
     */
    public static int[] counts(double[] probabilities, int n, int seed) {
        check(probabilities);
        return counts(probabilities, null, n, seed, null);
    }

    /**
     * {@link #counts(double[], int, int)} for weights already checked that are 0 outside
     * {@code support} (ascending class indices; null for every class): a sampler chain's stage,
     * whose running sums need only the classes it kept. The counts go into {@code reuse} if it
     * holds K ints (what it held is overwritten), else into a new array. With fewer draws than classes,
     * or with a support, the uniforms are sorted and one sweep of the running sums meets each in
     * turn ({@link Swept}), without the K-long guide table a few draws would not pay back.
     */
    static int[] counts(double[] probabilities, int[] support, int n, int seed, int[] reuse) {
        return counts(probabilities, support, support == null ? probabilities.length : support.length, n, seed, reuse);
    }

    /**
     * {@link #counts(double[], int[], int, int, int[])} with the support the first
     * {@code supportSize} elements of {@code support} (what follows is not read).
     */
    static int[] counts(double[] probabilities, int[] support, int supportSize, int n, int seed, int[] reuse) {
        int classes = support == null ? probabilities.length : supportSize;
        // Over a support, one sweep of its running sums costs O(n + support) whatever n is,
        // where the guide table would cost O(K): a chain's last stage may keep 290 of 50,257.
        if (n <= classes || support != null) {
            return new Swept(probabilities, support, classes).counts(n, seed, reuse);
        }
        Inverse inverse = new Inverse(probabilities);
        checkCount(n);
        SeededGenerator generator = new SeededGenerator(seed);
        int[] counts = cleared(reuse, probabilities.length);
        for (int j = 0; j < n; j++) {
            counts[inverse.draw(generator.nextDouble())]++;
        }
        return counts;
    }

    /**
     * The share of the draws each class got, {@code counts[i] / n} with n the sum of the counts,
     * each quotient rounded once: the histogram's bar heights. All 0 when there were no draws.
     *
     * @param counts how often each class came up, as {@link #counts} returns them
     * @return K frequencies in [0, 1]
     * @throws IllegalArgumentException for null or empty counts, or a negative count
     */
    public static double[] frequencies(int[] counts) {
        checkCounts(counts);
        // A double, not a long (BigInt in TeaVM's JavaScript): sums of ints stay exact below 2^53.
        double total = 0.0;
        for (int count : counts) {
            total = total + count;
        }
        double[] shares = new double[counts.length];
        if (total == 0.0) {
            return shares;
        }
        for (int i = 0; i < counts.length; i++) {
            shares[i] = counts[i] / total;
        }
        return shares;
    }

    /**
     * The Gumbel-max trick (Gumbel 1954; Maddison, Tarlow and Minka, "A* sampling", 2014): n
     * draws, each the class maximising {@code z_i / T + g_i} with fresh Gumbel noise
     * {@code g_i = -ln(-ln u_i)}, which is distributed exactly as the softmax of z / T. The
     * uniforms come from {@link SeededGenerator#nextDouble()}, one per unmasked class per draw in
     * class order (a class with logit -Infinity cannot win and takes no noise, so a draw costs one
     * uniform per unmasked class); both logarithms are {@link DoubleDouble#log} rounded once, and
     * {@code z_i / T + g_i} is two roundings, so the counts are the same on every platform. u = 0
     * gives g = -Infinity (that class loses the draw); ties go to the lowest index.
     *
     * @param logits raw scores z, as {@link Softmax#softmax} accepts them
     * @param temperature T, finite and > 0
     * @param n the number of draws, 0 to {@link #MAX_DRAWS}
     * @param seed the generator's seed
     * @return K counts summing to n, the histogram of the draws
     * @throws IllegalArgumentException for logits or T {@link Softmax#softmax} rejects, or n out
     *     of range
     */
    public static int[] gumbelMax(double[] logits, double temperature, int n, int seed) {
        Softmax.softmax(logits, temperature);
        checkCount(n);
        SeededGenerator generator = new SeededGenerator(seed);
        int[] counts = new int[logits.length];
        for (int j = 0; j < n; j++) {
            int best = -1;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < logits.length; i++) {
                if (logits[i] == Double.NEGATIVE_INFINITY) {
                    continue;
                }
                double score = logits[i] / temperature + gumbel(generator.nextDouble());
                if (best < 0 || score > bestScore) {
                    best = i;
                    bestScore = score;
                }
            }
            counts[best]++;
        }
        return counts;
    }

    /** Standard Gumbel noise {@code -ln(-ln u)} for a uniform u in [0, 1); -Infinity for u = 0. */
    static double gumbel(double u) {
        DoubleDouble logU = DoubleDouble.log(DoubleDouble.of(u));
        return DoubleDouble.log(logU.negate()).negate().value();
    }

    /**
     * Greedy decoding: the class of the largest weight, the lowest index on ties (as
     * {@code torch.argmax} and {@link Softmax#argmax(double[])} do).
     *
     * @throws IllegalArgumentException as {@link #draws(double[], int, int)} for the weights
     */
    public static int greedy(double[] probabilities) {
        check(probabilities);
        int best = 0;
        for (int i = 1; i < probabilities.length; i++) {
            if (probabilities[i] > probabilities[best]) {
                best = i;
            }
        }
        return best;
    }

    /**
     * The class drawn most often, the lowest index on ties: {@code greedy(frequencies(counts))}
     * without forming a share per class (a page with 50,257 classes asks on every move of T).
     *
     * @param counts how often each class came up, as {@link #counts} returns them, not all 0
     * @throws IllegalArgumentException for null or empty counts, a negative count, or all 0
     */
    public static int mostFrequent(int[] counts) {
        checkCounts(counts);
        int best = 0;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > counts[best]) {
                best = i;
            }
        }
        if (counts[best] == 0) {
            throw new IllegalArgumentException("counts: must not all be 0 (" + counts.length + " values)");
        }
        return best;
    }

    /** Counts as {@link #counts} returns them: at least one, none negative. */
    private static void checkCounts(int[] counts) {
        if (counts == null || counts.length == 0) {
            String was = counts == null ? "null" : "empty";
            throw new IllegalArgumentException("counts: must hold at least one count, was " + was);
        }
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] < 0) {
                throw new IllegalArgumentException("counts[" + i + "]: must be >= 0, was " + counts[i]);
            }
        }
    }

    /** The running sums, the last class with positive weight, and the guide table. */
    private static final class Inverse {
        private final double[] cumulative;
        private final double total;
        private final int last;
        private final int[] guide;
        private final double bucketsPerUnit;

        Inverse(double[] probabilities) {
            check(probabilities);
            int classes = probabilities.length;
            cumulative = new double[classes];
            double sum = 0.0;
            for (int i = 0; i < classes; i++) {
                sum = sum + probabilities[i];
                cumulative[i] = sum;
            }
            if (!(sum <= Double.MAX_VALUE)) {
                throw new IllegalArgumentException("probabilities: sum must be finite, was "
                        + Format.shortest(sum));
            }
            total = sum;
            int lastIndex = classes - 1;
            while (probabilities[lastIndex] == 0.0) {
                lastIndex--;
            }
            last = lastIndex;
            guide = new int[classes];
            bucketsPerUnit = classes / total;
            int i = 0;
            for (int b = 0; b < classes; b++) {
                double edge = b / bucketsPerUnit;
                while (i < lastIndex && cumulative[i] <= edge) {
                    i++;
                }
                guide[b] = i;
            }
        }

        /** The first class i with {@code u S < c_i}; the last positive class if there is none. */
        int draw(double u) {
            double target = u * total;
            if (!(target < total)) {
                return last;
            }
            // Compared before the cast: a NaN or infinite position (S subnormal, so K / S
            // overflows) must not reach (int), which throws or wraps in TeaVM's JavaScript.
            double position = target * bucketsPerUnit;
            int i = position < guide.length ? guide[(int) position] : last;
            while (i > 0 && cumulative[i - 1] > target) {
                i--;
            }
            while (cumulative[i] <= target) {
                i++;
            }
            return i;
        }
    }

    /**
     * The inverse CDF of the class comment for a batch of draws whose order does not matter:
     * the uniforms in ascending order give nondecreasing targets {@code u S}, so one pointer
     * moving up the running sums finds, for each, the first i with {@code u S < c_i}. The sums
     * are formed as {@link Inverse} forms them (a class outside the support has weight 0, and
     * adding 0 leaves a sum as it was), so every draw lands on the class Inverse gives it.
     */
    private static final class Swept {
        private final double[] weights;
        private final int[] support;
        private final int classes;
        private final double total;
        private final int last;

        Swept(double[] weights, int[] support, int classes) {
            this.weights = weights;
            this.support = support;
            this.classes = classes;
            double sum = 0.0;
            int lastPositive = -1;
            for (int r = 0; r < classes; r++) {
                int i = classAt(r);
                sum = sum + weights[i];
                if (weights[i] != 0.0) {
                    lastPositive = i;
                }
            }
            if (!(sum <= Double.MAX_VALUE)) {
                throw new IllegalArgumentException("probabilities: sum must be finite, was "
                        + Format.shortest(sum));
            }
            total = sum;
            last = lastPositive;
        }

        private int classAt(int r) {
            return support == null ? r : support[r];
        }

        int[] counts(int n, int seed, int[] reuse) {
            checkCount(n);
            int[] counts = cleared(reuse, weights.length);
            double[] uniforms = sortedUniforms(n, seed);
            int r = 0;
            int i = classAt(0);
            double cumulative = 0.0 + weights[i];
            for (double u : uniforms) {
                double target = u * total;
                if (!(target < total)) {
                    counts[last]++;
                    continue;
                }
                while (cumulative <= target) {
                    r++;
                    i = classAt(r);
                    cumulative = cumulative + weights[i];
                }
                counts[i]++;
            }
            return counts;
        }

        /**
         * The first n uniforms of the seed's generator (those the draws use, one each), in
         * ascending order: a bucket sort into n buckets of equal width, about one uniform each
         * since they are uniform, then an insertion sort, which only moves values within their
         * bucket. O(n) in all, where a comparison sort takes O(n log n).
         */
        private static double[] sortedUniforms(int n, int seed) {
            SeededGenerator generator = new SeededGenerator(seed);
            double[] drawn = new double[n];
            int[] start = new int[n + 1];
            for (int j = 0; j < n; j++) {
                drawn[j] = generator.nextDouble();
                start[bucket(drawn[j], n) + 1]++;
            }
            for (int b = 0; b < n; b++) {
                start[b + 1] = start[b + 1] + start[b];
            }
            double[] sorted = new double[n];
            for (double u : drawn) {
                sorted[start[bucket(u, n)]++] = u;
            }
            for (int a = 1; a < n; a++) {
                double u = sorted[a];
                int b = a - 1;
                while (b >= 0 && sorted[b] > u) {
                    sorted[b + 1] = sorted[b];
                    b--;
                }
                sorted[b + 1] = u;
            }
            return sorted;
        }

        /** The bucket of u in [0, 1) among n: nondecreasing in u, so buckets keep the uniforms' order. */
        private static int bucket(double u, int n) {
            return Math.min(n - 1, (int) (u * n));
        }
    }

    /**
     * {@code reuse} all 0 if it holds k ints, else a new array: in the browser a new array of
     * K = 50,257 ints, written at the draws' classes, cost more than the draws themselves.
     */
    private static int[] cleared(int[] reuse, int k) {
        if (reuse == null || reuse.length != k) {
            return new int[k];
        }
        java.util.Arrays.fill(reuse, 0);
        return reuse;
    }

    private static void checkCount(int n) {
        if (n < 0 || n > MAX_DRAWS) {
            throw new IllegalArgumentException("n: must be 0 to " + MAX_DRAWS + ", was " + n);
        }
    }

    /**
     * Rejects what no distribution can be: null, empty, NaN, infinite or negative weights, and
     * all zeros.
     */
    static void check(double[] probabilities) {
        if (probabilities == null || probabilities.length == 0) {
            String was = probabilities == null ? "null" : "empty";
            throw new IllegalArgumentException("probabilities: must hold at least one value, was "
                    + was);
        }
        boolean anyPositive = false;
        for (int i = 0; i < probabilities.length; i++) {
            double w = probabilities[i];
            if (!(w >= 0.0 && w <= Double.MAX_VALUE)) {
                throw new IllegalArgumentException("probabilities[" + i
                        + "]: must be finite and >= 0, was " + Format.shortest(w));
            }
            anyPositive |= w > 0.0;
        }
        if (!anyPositive) {
            throw new IllegalArgumentException("probabilities: must not all be 0 ("
                    + probabilities.length + " values)");
        }
    }
}
