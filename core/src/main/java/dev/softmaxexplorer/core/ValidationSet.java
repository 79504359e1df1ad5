package dev.softmaxexplorer.core;

/**
 * A validation set for {@link Calibration}: N examples, each K logits and a label. Immutable:
 * the constructor copies and checks its arguments, and {@link #evaluate} and
 * {@link #fitTemperature} work on the set without copying it again (the page evaluates it every
 * frame).
 */
public final class ValidationSet {

    /** The seeded set's size and number of classes. */
    public static final int SEEDED_SIZE = 1000;
    public static final int SEEDED_CLASSES = 10;
    /**
     * How much sharper than calibrated the seeded model is: it reports this multiple of logits
     * whose softmax at T = 1 is calibrated, so the best temperature is near it.
     */
    public static final double OVERCONFIDENCE = 2.5;
    /** The extra logit of the class each seeded example favours. */
    private static final double SIGNAL = 3.0;

    private final double[][] logits;
    private final int[] labels;
    /** What an evaluation needs that does not depend on T, found once. */
    private final CalibrationPass pass;

    /**
     * A set of rows of logits and their labels (copied).
     *
     * @throws IllegalArgumentException as {@link Calibration#evaluate} for a bad set
     */
    public ValidationSet(double[][] logits, int[] labels) {
        Calibration.validateSet(logits, labels);
        this.logits = new double[logits.length][];
        for (int i = 0; i < logits.length; i++) {
            this.logits[i] = logits[i].clone();
        }
        this.labels = labels.clone();
        pass = new CalibrationPass(this.logits, this.labels);
    }

    /**
     * The seeded set of a deliberately over-confident model, the same on every platform for a
     * seed. Each example draws a favoured class f uniformly, logits
     * {@code w_j = n_j + SIGNAL [j = f]} with n_j approximately N(0, 1) (the sum of twelve
     * uniform draws minus 6, exact arithmetic only, so the bits do not depend on a platform's
     * exp or log), and its label from softmax(w): so softmax(w) is calibrated by construction.
     * The model then reports {@code OVERCONFIDENCE * w}, whose softmax is that calibrated
     * distribution at T = 1 / OVERCONFIDENCE, sharpened: its confidences exceed its accuracy,
     * and temperature scaling should find a T near OVERCONFIDENCE (not exactly, since the
     * labels are a finite sample).
     *
     * @param seed the seed of {@link SeededGenerator}
     * @param size N, at least 1
     * @param classes K, at least 2
     * @throws IllegalArgumentException for size < 1 or classes < 2
     */
    public static ValidationSet overconfident(int seed, int size, int classes) {
        if (size < 1) {
            throw new IllegalArgumentException("size must be >= 1, was " + size);
        }
        if (classes < 2) {
            throw new IllegalArgumentException("classes must be >= 2, was " + classes);
        }
        SeededGenerator random = new SeededGenerator(seed);
        double[][] z = new double[size][classes];
        int[] y = new int[size];
        double[] w = new double[classes];
        for (int i = 0; i < size; i++) {
            int favoured = Math.min(classes - 1, (int) Math.floor(random.nextDouble() * classes));
            for (int j = 0; j < classes; j++) {
                double sum = 0.0;
                for (int u = 0; u < 12; u++) {
                    sum = sum + random.nextDouble();
                }
                w[j] = sum - 6.0;
                if (j == favoured) {
                    w[j] = w[j] + SIGNAL;
                }
                z[i][j] = w[j] * OVERCONFIDENCE;
            }
            y[i] = drawn(Softmax.softmax(w, 1.0), random.nextDouble());
        }
        return new ValidationSet(z, y);
    }

    /** The first class whose cumulative probability exceeds u (the last if rounding leaves u). */
    private static int drawn(double[] p, double u) {
        double cumulative = 0.0;
        for (int j = 0; j < p.length; j++) {
            cumulative = cumulative + p[j];
            if (u < cumulative) {
                return j;
            }
        }
        return p.length - 1;
    }

    /** The number of examples N. */
    public int size() {
        return labels.length;
    }

    /** The number of classes K. */
    public int classes() {
        return logits[0].length;
    }

    /** Example i's label. */
    public int label(int i) {
        return labels[i];
    }

    /** Example i's logit of class j. */
    public double logit(int i, int j) {
        return logits[i][j];
    }

    /** {@link Calibration#evaluate} of this set. */
    public CalibrationResult evaluate(double temperature, int bins) {
        return Calibration.evaluate(pass, temperature, bins);
    }

    /** {@link Calibration#fitTemperature} of this set. */
    public double fitTemperature() {
        return Calibration.fitTemperature(logits, labels);
    }
}
