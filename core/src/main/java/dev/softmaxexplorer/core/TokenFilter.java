package dev.softmaxexplorer.core;

/**
 * Top-k, top-p (nucleus), min-p and typical filtering, the truncations a language model applies to
 * its next-token distribution before sampling (Fan, Lewis and Dauphin 2018 for top-k; Holtzman et
 * al., "The curious case of neural text degeneration", ICLR 2020, for top-p; Nguyen et al., "Turning
 * up the heat: min-p sampling", 2024, for min-p; Meister, Pimentel, Wiher and Cotterell, "Locally
 * typical sampling", TACL 2023, for typical). {@link SamplerChain} applies them in a chosen order.
 *
 * <p>Each filter keeps a set of classes, sets the others to 0 and renormalises the kept weights:
 * {@code p'_i = p_i / sum_{j kept} p_j}, the sum formed in double-double ({@link DoubleDouble})
 * and each quotient rounded once, so p' sums to 1 within a few ulp. A filter that is off returns
 * an unchanged copy of its input. Order among equal weights is always by lowest index first, so
 * the result is deterministic. Every filter costs O(K log K) at most: the orders are merge sorts.
 *
 * <p>Inputs are weights as {@link Sampling} accepts them: finite, >= 0, not all 0; they need not
 * sum to exactly 1.
 */
public final class TokenFilter {

    private TokenFilter() {
    }

    /**
     * Keeps the k largest weights (ties: the lowest indices), zeroes the rest, renormalises.
     * Exactly k classes are kept; Hugging Face's {@code TopKLogitsWarper} instead keeps every
     * class tied with the k-th largest. Classes of weight 0 among the k stay 0.
     *
     * @param probabilities weights, see the class comment
     * @param k how many to keep; 0, or k >= K, means "off" (as {@code top_k = 0} in Hugging Face's
     *     {@code generate}) and returns an unchanged copy
     * @return a new array of K filtered, renormalised weights
     * @throws IllegalArgumentException for bad weights or k < 0
     */
    public static double[] topK(double[] probabilities, int k) {
        Sampling.check(probabilities);
        if (k < 0) {
            throw new IllegalArgumentException("k: must be >= 0 (0 = off), was " + k);
        }
        int classes = probabilities.length;
        if (k == 0 || k >= classes) {
            return probabilities.clone();
        }
        return renormalised(probabilities, keptByTopK(probabilities, k));
    }

    /** The classes top-k keeps, for weights already checked and 0 < k < K. */
    static boolean[] keptByTopK(double[] probabilities, int k) {
        return keptByTopK(probabilities, k, descendingOrder(probabilities));
    }

    /** {@link #keptByTopK(double[], int)} with the weights' {@link #descendingOrder} given. */
    static boolean[] keptByTopK(double[] probabilities, int k, int[] order) {
        return keptByTopK(probabilities, k, order, null);
    }

    /** {@link #keptByTopK(double[], int, int[])} into {@code into} if it is K long (null: a new array). */
    static boolean[] keptByTopK(double[] probabilities, int k, int[] order, boolean[] into) {
        boolean[] kept = cleared(into, probabilities.length);
        for (int r = 0; r < k; r++) {
            kept[order[r]] = true;
        }
        return kept;
    }

    /**
     * Nucleus filtering: sorts the weights in descending order (ties: lowest index first) and
     * keeps the shortest prefix whose running sum reaches topP, at least one class; zeroes the
     * rest and renormalises. The running sum is in double and the weights are used as given
     * (normalise them first if they do not sum to 1), and it is compared with {@code >=}, so
     * [0.5, 0.3, 0.15, 0.05] at topP = 0.8 keeps {0.5, 0.3} because {@code 0.5 + 0.3} rounds to
     * the double 0.8 (NumPy's {@code cumsum(p) >= top_p} decides the same way).
     *
     * @param probabilities weights, see the class comment
     * @param topP the mass to cover, in [0, 1]; 1 means "off" (as {@code top_p = 1.0} in Hugging
     *     Face's {@code generate}) and returns an unchanged copy; 0 keeps only the top class
     * @return a new array of K filtered, renormalised weights
     * @throws IllegalArgumentException for bad weights or topP NaN or outside [0, 1]
     */
    public static double[] topP(double[] probabilities, double topP) {
        Sampling.check(probabilities);
        if (!(topP >= 0.0 && topP <= 1.0)) {
            throw new IllegalArgumentException("topP: must be in [0, 1] (1 = off), was "
                    + Format.shortest(topP));
        }
        if (topP == 1.0) {
            return probabilities.clone();
        }
        return renormalised(probabilities, keptByTopP(probabilities, topP));
    }

    /** The classes top-p keeps, for weights already checked and topP in [0, 1). */
    static boolean[] keptByTopP(double[] probabilities, double topP) {
        return keptByTopP(probabilities, topP, descendingOrder(probabilities));
    }

    /** {@link #keptByTopP(double[], double)} with the weights' {@link #descendingOrder} given. */
    static boolean[] keptByTopP(double[] probabilities, double topP, int[] order) {
        return keptByTopP(probabilities, topP, order, null);
    }

    /** {@link #keptByTopP(double[], double, int[])} into {@code into} if it is K long (null: a new array). */
    static boolean[] keptByTopP(double[] probabilities, double topP, int[] order, boolean[] into) {
        return shortestPrefix(probabilities, order, topP, into);
    }

    /**
     * Min-p filtering: keeps every class with {@code p_i >= minP * max_j p_j}, the product rounded
     * once and compared in double, zeroes the rest and renormalises as {@link #topP} does. The top
     * class always stays, so at least one class is kept. The threshold scales with the model's
     * confidence: 0.1 keeps classes within a factor 10 of the top one, whatever the top's weight.
     *
     * @param probabilities weights, see the class comment
     * @param minP the fraction of the top weight a class needs, in [0, 1]; 0 means "off" (as
     *     {@code min_p = 0.0} in llama.cpp) and returns an unchanged copy
     * @return a new array of K filtered, renormalised weights
     * @throws IllegalArgumentException for bad weights or minP NaN or outside [0, 1]
     */
    public static double[] minP(double[] probabilities, double minP) {
        Sampling.check(probabilities);
        checkMinP(minP);
        if (minP == 0.0) {
            return probabilities.clone();
        }
        return renormalised(probabilities, keptByMinP(probabilities, minP));
    }

    static void checkMinP(double minP) {
        if (!(minP >= 0.0 && minP <= 1.0)) {
            throw new IllegalArgumentException("minP: must be in [0, 1] (0 = off), was "
                    + Format.shortest(minP));
        }
    }

    /** The classes min-p keeps, for weights already checked. */
    static boolean[] keptByMinP(double[] probabilities, double minP) {
        double top = 0.0;
        for (double p : probabilities) {
            top = Math.max(top, p);
        }
        double threshold = minP * top;
        boolean[] kept = new boolean[probabilities.length];
        for (int i = 0; i < kept.length; i++) {
            kept[i] = probabilities[i] >= threshold && probabilities[i] > 0.0;
        }
        return kept;
    }

    /**
     * {@link #keptByMinP(double[], double)}'s classes among the first {@code count} of
     * {@code among} (ascending), for weights that are 0 outside them (such a class neither raises
     * the top weight nor passes): a chain's stage after a filter, without a pass over all K. They
     * go, ascending, into {@code into}, which has room for {@code count}; returns how many.
     */
    static int keptByMinP(double[] probabilities, int[] among, int count, double minP, int[] into) {
        double top = 0.0;
        for (int j = 0; j < count; j++) {
            top = Math.max(top, probabilities[among[j]]);
        }
        double threshold = minP * top;
        int n = 0;
        for (int j = 0; j < count; j++) {
            int i = among[j];
            if (probabilities[i] >= threshold && probabilities[i] > 0.0) {
                into[n++] = i;
            }
        }
        return n;
    }

    /**
     * Locally typical filtering, the rule of Hugging Face's {@code TypicalLogitsWarper} on
     * probabilities: with the entropy {@code H = -sum p_i ln p_i} of the weights normalised to sum
     * 1, each class's surprisal distance {@code d_i = |(-ln p_i) - H|}; the classes sorted by d
     * ascending (ties: lowest index first), it keeps the shortest prefix whose running sum of
     * normalised weights reaches mass ({@code >=}, at least one class), zeroes the rest and
     * renormalises. It keeps the tokens whose information content is close to the expected one, so
     * it may drop the most probable token when that one is far more predictable than the average.
     * H and each {@code ln p_i} come from double-double logarithms ({@link DoubleDouble#log}),
     * each d rounded once; a class of weight 0 has d = +Infinity.
     *
     * @param probabilities weights, see the class comment
     * @param mass the mass to cover, in (0, 1]; 1 means "off" (as {@code typical_p = 1.0} in both
     *     Hugging Face and llama.cpp) and returns an unchanged copy
     * @return a new array of K filtered, renormalised weights
     * @throws IllegalArgumentException for bad weights or mass NaN or outside (0, 1]
     */
    public static double[] typical(double[] probabilities, double mass) {
        Sampling.check(probabilities);
        checkTypicalMass(mass);
        if (mass == 1.0) {
            return probabilities.clone();
        }
        return renormalised(probabilities, keptByTypical(probabilities, mass));
    }

    static void checkTypicalMass(double mass) {
        if (!(mass > 0.0 && mass <= 1.0)) {
            throw new IllegalArgumentException("mass: must be in (0, 1] (1 = off), was "
                    + Format.shortest(mass));
        }
    }

    /** The classes typical filtering keeps, for weights already checked and mass in (0, 1). */
    static boolean[] keptByTypical(double[] probabilities, double mass) {
        return keptByTypical(probabilities, mass, null);
    }

    /**
     * {@link #keptByTypical(double[], double)}, with the weights' {@link #descendingOrder} given
     * to sort the distances in O(K) ({@link ProbabilityOrder#ascendingDistance}), or null.
     */
    static boolean[] keptByTypical(double[] probabilities, double mass, int[] descending) {
        double[] normalised = new double[probabilities.length];
        double[] distance = typicalDistances(probabilities, normalised);
        int[] order = descending == null ? ascendingOrder(distance)
                : ProbabilityOrder.ascendingDistance(distance, descending);
        return shortestPrefix(normalised, order, mass, null);
    }

    /**
     * Typical filtering's distances {@code d_i = |(-ln p_i) - H|} (+Infinity for a class of weight
     * 0), writing the weights normalised to sum 1 into {@code normalised}.
     */
    static double[] typicalDistances(double[] probabilities, double[] normalised) {
        int classes = probabilities.length;
        // Classes of weight 0 are skipped: adding 0 leaves a double-double as it was.
        DoubleDouble total = DoubleDouble.ZERO;
        for (double p : probabilities) {
            if (p > 0.0) {
                total = total.add(p);
            }
        }
        DoubleDouble[] surprisal = new DoubleDouble[classes];
        DoubleDouble entropy = DoubleDouble.ZERO;
        for (int i = 0; i < classes; i++) {
            if (probabilities[i] > 0.0) {
                DoubleDouble share = DoubleDouble.of(probabilities[i]).div(total);
                normalised[i] = share.value();
                surprisal[i] = DoubleDouble.log(share).negate();
                entropy = entropy.add(surprisal[i].mul(normalised[i]));
            }
        }
        double[] distance = new double[classes];
        for (int i = 0; i < classes; i++) {
            distance[i] = surprisal[i] == null ? Double.POSITIVE_INFINITY
                    : Math.abs(surprisal[i].sub(entropy).value());
        }
        return distance;
    }

    /**
     * The classes of the shortest prefix of {@code order} whose running sum of w, in double, is
     * {@code >= mass}; at least the first class; all of them if the sum never gets there.
     */
    private static boolean[] shortestPrefix(double[] w, int[] order, double mass, boolean[] into) {
        boolean[] kept = cleared(into, w.length);
        double sum = 0.0;
        for (int r = 0; r < order.length; r++) {
            kept[order[r]] = true;
            sum = sum + w[order[r]];
            if (sum >= mass) {
                break;
            }
        }
        return kept;
    }

    /** {@code into} all false if it is k long, else a new array. */
    private static boolean[] cleared(boolean[] into, int k) {
        if (into == null || into.length != k) {
            return new boolean[k];
        }
        java.util.Arrays.fill(into, false);
        return into;
    }

    /**
     * Top-k, then top-p on the renormalised top-k result: the order of Hugging Face's
     * {@code generate} (in {@code transformers/generation/utils.py}, the temperature warper, then
     * {@code TopKLogitsWarper}, then {@code TopPLogitsWarper}, which takes the softmax of what
     * top-k left). The temperature has been applied before, in the softmax that made p.
     *
     * @throws IllegalArgumentException as {@link #topK} and {@link #topP}
     */
    public static double[] topKTopP(double[] probabilities, int k, double topP) {
        return topP(topK(probabilities, k), topP);
    }

    /** Class indices by descending weight, ties by ascending index. */
    static int[] descendingOrder(double[] w) {
        return stableOrder(w, true);
    }

    /** Class indices by ascending key (no NaN), ties by ascending index. */
    static int[] ascendingOrder(double[] key) {
        return stableOrder(key, false);
    }

    /**
     * A bottom-up merge sort of the indices, O(K log K) comparisons in every case: stable, and
     * the indices start in ascending order, so equal keys stay by ascending index.
     */
    private static int[] stableOrder(double[] key, boolean descending) {
        int n = key.length;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        int[] buffer = new int[n];
        for (int width = 1; width < n; width = width * 2) {
            for (int left = 0; left < n; left = left + 2 * width) {
                int middle = Math.min(left + width, n);
                int right = Math.min(left + 2 * width, n);
                int a = left;
                int b = middle;
                int out = left;
                while (a < middle && b < right) {
                    // Take from the right run only when strictly before: equal keys keep their order.
                    boolean rightFirst = descending ? key[order[b]] > key[order[a]]
                            : key[order[b]] < key[order[a]];
                    buffer[out++] = rightFirst ? order[b++] : order[a++];
                }
                while (a < middle) {
                    buffer[out++] = order[a++];
                }
                while (b < right) {
                    buffer[out++] = order[b++];
                }
            }
            int[] swap = order;
            order = buffer;
            buffer = swap;
        }
        return order;
    }

    static double[] renormalised(double[] w, boolean[] kept) {
        DoubleDouble sum = DoubleDouble.ZERO;
        for (int i = 0; i < w.length; i++) {
            if (kept[i]) {
                sum = sum.add(w[i]);
            }
        }
        double[] out = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            if (kept[i]) {
                out[i] = DoubleDouble.of(w[i]).div(sum).value();
            }
        }
        return out;
    }
}
