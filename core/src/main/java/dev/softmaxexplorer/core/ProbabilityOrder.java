package dev.softmaxexplorer.core;

import java.util.Arrays;

/**
 * The orders the filters sort by, derived in O(K) from one order of the logits instead of a sort
 * per filter and per stage (a sampler chain on a vocabulary of 50,257 re-runs every time T moves).
 *
 * <p>Every stage of {@link SamplerChain} is the softmax of its surviving logits over T, correctly
 * rounded, so along the logits' descending order its probabilities never increase: the classes
 * with p > 0 in that order are in descending order of p, except that a run of equal p (two
 * different logits rounding to one probability) must go by index. Each derived order is checked
 * as it is made; should the check ever fail, the plain merge sort of {@link TokenFilter} decides,
 * so the result is always the plain one, bit for bit.
 */
final class ProbabilityOrder {

    private ProbabilityOrder() {
    }

    /**
     * Class indices by descending weight, ties by ascending index: {@link TokenFilter#descendingOrder}'s
     * result, for weights that are (up to runs of equal weight) non-increasing along {@code logitOrder}
     * where positive.
     *
     * @param w weights, checked as {@link Sampling} does
     * @param logitOrder every class index once, by descending logit
     */
    static int[] descending(double[] w, int[] logitOrder) {
        return descending(w, logitOrder, null);
    }

    /** {@link #descending(double[], int[])}, into {@code into} (K long) where the order is derived; null for a new array. */
    static int[] descending(double[] w, int[] logitOrder, int[] into) {
        int[] derived = derivedDescending(w, logitOrder, into);
        return derived != null ? derived : TokenFilter.descendingOrder(w);
    }

    /** {@link #descending}'s order if the weights follow the logits' order, else null. */
    static int[] derivedDescending(double[] w, int[] logitOrder) {
        return derivedDescending(w, logitOrder, null);
    }

    private static int[] derivedDescending(double[] w, int[] logitOrder, int[] into) {
        int classes = w.length;
        if (logitOrder.length != classes) {
            return null;
        }
        int[] order = into != null && into.length == classes ? into : new int[classes];
        int n = 0;
        for (int i : logitOrder) {
            if (w[i] > 0.0) {
                if (n > 0 && w[i] > w[order[n - 1]]) {
                    return null;
                }
                order[n++] = i;
            }
        }
        // The classes of weight 0 (removed, or too improbable to show in a double), by index.
        for (int i = 0; i < classes && n < classes; i++) {
            if (w[i] == 0.0) {
                order[n++] = i;
            }
        }
        if (n != classes) {
            return null;
        }
        byIndexWithinEqualRuns(order, w);
        return order;
    }

    /**
     * Class indices by ascending distance, ties by ascending index: {@link TokenFilter#ascendingOrder}'s
     * result for typical filtering's distances {@code d_i = |(-ln p_i) - H|}. Along the descending
     * order of p the surprisal -ln p grows, so d first falls (to the classes whose surprisal is near
     * H) and then rises: the two arms, the first reversed, merge into the ascending order.
     *
     * @param distance d, +Infinity for a class of weight 0, no NaN
     * @param descending the classes by descending weight, as {@link #descending} gives them
     */
    static int[] ascendingDistance(double[] distance, int[] descending) {
        int[] derived = derivedAscendingDistance(distance, descending);
        return derived != null ? derived : TokenFilter.ascendingOrder(distance);
    }

    /** {@link #ascendingDistance}'s order if the distances fall and then rise along p's order, else null. */
    static int[] derivedAscendingDistance(double[] distance, int[] descending) {
        int classes = distance.length;
        int split = 0;
        while (split + 1 < classes && distance[descending[split + 1]] <= distance[descending[split]]) {
            split++;
        }
        for (int r = split + 1; r < classes; r++) {
            if (distance[descending[r]] < distance[descending[r - 1]]) {
                return null;
            }
        }
        int[] order = new int[classes];
        int falling = split;
        int rising = split + 1;
        for (int out = 0; out < classes; out++) {
            boolean takeFalling = rising >= classes
                    || falling >= 0 && distance[descending[falling]] <= distance[descending[rising]];
            order[out] = takeFalling ? descending[falling--] : descending[rising++];
        }
        byIndexWithinEqualRuns(order, distance);
        return order;
    }

    /** Sorts each run of equal keys in {@code order} by ascending index; keys equal only within runs. */
    private static void byIndexWithinEqualRuns(int[] order, double[] key) {
        int start = 0;
        while (start < order.length) {
            int end = start + 1;
            boolean ascending = true;
            while (end < order.length && key[order[end]] == key[order[start]]) {
                ascending &= order[end] > order[end - 1];
                end++;
            }
            if (!ascending) {
                Arrays.sort(order, start, end);
            }
            start = end;
        }
    }
}
