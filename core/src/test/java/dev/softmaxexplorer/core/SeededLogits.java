package dev.softmaxexplorer.core;

import java.util.SplittableRandom;

/** Seeded logits of the kinds that reach each branch of the exact pass, for the pass's tests. */
final class SeededLogits {

    /** How many kinds {@link #of} makes. */
    static final int KINDS = 7;

    private SeededLogits() {
    }

    /**
     * Logits of one of seven kinds: uniform in [-10, 10], small integers (equal largest
     * logits), Gaussian with a quarter masked (and one class at 0.5), a spread of 5,000 (terms
     * left out below e^-1600), near the overflow threshold, tiny, and of magnitude up to 1e20.
     */
    static double[] of(SplittableRandom random, int k, int kind) {
        double[] z = new double[k];
        for (int i = 0; i < k; i++) {
            z[i] = switch (kind) {
                case 0 -> random.nextDouble(-10, 10);
                case 1 -> random.nextInt(3);
                case 2 -> random.nextInt(4) == 0 ? Double.NEGATIVE_INFINITY : random.nextGaussian();
                case 3 -> random.nextDouble(-5000, 5);
                case 4 -> random.nextDouble(0.9, 1.0) * 1.7e308 * (random.nextBoolean() ? 1 : -1);
                case 5 -> random.nextGaussian() * 1e-300;
                default -> random.nextDouble(-1e20, 1e20);
            };
        }
        if (kind == 2) {
            z[random.nextInt(k)] = 0.5;
        }
        return z;
    }
}
