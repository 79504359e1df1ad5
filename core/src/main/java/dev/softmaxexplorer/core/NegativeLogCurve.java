package dev.softmaxexplorer.core;

/**
 * The curve {@code -log p} that cross-entropy puts on the true class's probability: 0 at p = 1,
 * rising without bound as p falls to 0, so a confident wrong answer costs far more than a hesitant
 * one. The page draws it and marks the current p and the classic table points.
 */
public final class NegativeLogCurve {

    /** The probabilities of the classic table: 0.99, 0.9, 0.5, 0.1, 0.01. */
    private static final double[] REFERENCE_PROBABILITIES = {0.99, 0.9, 0.5, 0.1, 0.01};

    private NegativeLogCurve() {
    }

    /**
     * {@code -ln p} in nats, the double nearest to the exact value but for rare ties (a
     * double-double logarithm rounded once; {@code Math.log} is not used because the browser's
     * differs by an ulp); +Infinity at p = 0, 0 at p = 1.
     *
     * @param p a probability in [0, 1]
     * @throws IllegalArgumentException if p is NaN or outside [0, 1]
     */
    public static double negativeLog(double p) {
        if (!(p >= 0.0 && p <= 1.0)) {
            throw new IllegalArgumentException("p: must be in [0, 1], was " + Format.shortest(p));
        }
        // 0 - log p rather than -(log p), so that p = 1 gives 0 and not -0.
        return DoubleDouble.ZERO.sub(DoubleDouble.log(DoubleDouble.of(p))).value();
    }

    /** A copy of the classic table's probabilities: 0.99, 0.9, 0.5, 0.1, 0.01. */
    public static double[] referenceProbabilities() {
        return REFERENCE_PROBABILITIES.clone();
    }

    /**
     * {@link #negativeLog} of each {@link #referenceProbabilities()}: about 0.01005, 0.10536,
     * 0.69315, 2.30259, 4.60517.
     */
    public static double[] referenceValues() {
        double[] values = new double[REFERENCE_PROBABILITIES.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = negativeLog(REFERENCE_PROBABILITIES[i]);
        }
        return values;
    }
}
