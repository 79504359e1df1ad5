package dev.softmaxexplorer.core;

/**
 * Top-k and top-p (nucleus) filtering, the truncations a language model applies to its next-token
 * distribution before sampling (Fan, Lewis and Dauphin 2018 for top-k; Holtzman et al., "The
 * curious case of neural text degeneration", ICLR 2020, for top-p).
 *
 * <p>Each filter keeps a set of classes, sets the others to 0 and renormalises the kept weights:
 * {@code p'_i = p_i / sum_{j kept} p_j}, the sum formed in double-double ({@link DoubleDouble})
 * and each quotient rounded once, so p' sums to 1 within a few ulp. A filter that is off returns
 * an unchanged copy of its input. Order among equal weights is always by lowest index first, so
 * the result is deterministic.
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
        int[] order = descendingOrder(probabilities);
        boolean[] kept = new boolean[classes];
        for (int r = 0; r < k; r++) {
            kept[order[r]] = true;
        }
        return renormalised(probabilities, kept);
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
        int[] order = descendingOrder(probabilities);
        boolean[] kept = new boolean[probabilities.length];
        double mass = 0.0;
        for (int r = 0; r < order.length; r++) {
            kept[order[r]] = true;
            mass = mass + probabilities[order[r]];
            if (mass >= topP) {
                break;
            }
        }
        return renormalised(probabilities, kept);
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

    /** Class indices by descending weight, ties by ascending index (a stable insertion sort). */
    private static int[] descendingOrder(double[] w) {
        int[] order = new int[w.length];
        for (int i = 0; i < w.length; i++) {
            int j = i;
            while (j > 0 && w[order[j - 1]] < w[i]) {
                order[j] = order[j - 1];
                j--;
            }
            order[j] = i;
        }
        return order;
    }

    private static double[] renormalised(double[] w, boolean[] kept) {
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
