package dev.softmaxexplorer.core;

/**
 * What a reliability diagram shows for one validation set at one temperature, computed in one
 * pass by {@link Calibration#evaluate}: the mean negative log-likelihood, the expected
 * calibration error, the accuracy, and per confidence bin m (0 to bins - 1, covering
 * {@code (m/M, (m + 1)/M]}) the number of examples, how many of them were predicted correctly,
 * their mean confidence and their accuracy. Immutable; the indexed accessors do not allocate.
 */
public final class CalibrationResult {

    private final double temperature;
    private final double negativeLogLikelihood;
    private final double expectedCalibrationError;
    private final double accuracy;
    private final int[] counts;
    private final int[] correct;
    private final double[] confidence;
    private final double[] binAccuracy;

    CalibrationResult(double temperature, double negativeLogLikelihood,
            double expectedCalibrationError, double accuracy, int[] counts, int[] correct,
            double[] confidence, double[] binAccuracy) {
        this.temperature = temperature;
        this.negativeLogLikelihood = negativeLogLikelihood;
        this.expectedCalibrationError = expectedCalibrationError;
        this.accuracy = accuracy;
        this.counts = counts;
        this.correct = correct;
        this.confidence = confidence;
        this.binAccuracy = binAccuracy;
    }

    /** The temperature T these values are for. */
    public double temperature() {
        return temperature;
    }

    /** The mean negative log-likelihood in nats, as {@link Calibration#negativeLogLikelihood}. */
    public double negativeLogLikelihood() {
        return negativeLogLikelihood;
    }

    /** The ECE, as {@link Calibration#expectedCalibrationError}. */
    public double expectedCalibrationError() {
        return expectedCalibrationError;
    }

    /** The fraction of examples predicted correctly, as {@link Calibration#accuracy}. */
    public double accuracy() {
        return accuracy;
    }

    /** The number of bins M. */
    public int bins() {
        return counts.length;
    }

    /** The number of examples whose confidence lies in bin m, {@code (m/M, (m + 1)/M]}. */
    public int count(int m) {
        return counts[m];
    }

    /** How many of bin m's examples were predicted correctly. */
    public int correct(int m) {
        return correct[m];
    }

    /** The mean confidence of bin m's examples; NaN for an empty bin. */
    public double confidence(int m) {
        return confidence[m];
    }

    /** The fraction of bin m's examples predicted correctly; NaN for an empty bin. */
    public double accuracy(int m) {
        return binAccuracy[m];
    }
}
