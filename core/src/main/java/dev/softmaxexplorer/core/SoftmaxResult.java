package dev.softmaxexplorer.core;

/**
 * Everything the page shows for one set of logits, temperature, target and label smoothing,
 * computed in one pass by {@link Softmax#evaluate(double[], double, int, double)}. Immutable:
 * the array accessors return copies; the indexed accessors do not allocate.
 */
public final class SoftmaxResult {

    private final double[] probabilities;
    private final double[] logProbabilities;
    private final double[] gradient;
    private final double crossEntropy;
    private final double entropy;
    private final double perplexity;
    private final int predictedClass;

    SoftmaxResult(double[] probabilities, double[] logProbabilities, double[] gradient,
            double crossEntropy, double entropy, double perplexity, int predictedClass) {
        this.probabilities = probabilities;
        this.logProbabilities = logProbabilities;
        this.gradient = gradient;
        this.crossEntropy = crossEntropy;
        this.entropy = entropy;
        this.perplexity = perplexity;
        this.predictedClass = predictedClass;
    }

    /** The number of classes K. */
    public int size() {
        return probabilities.length;
    }

    /** Softmax probability p_i; 0 for a masked class. */
    public double probability(int i) {
        return probabilities[i];
    }

    /** log p_i; -Infinity for a masked class. */
    public double logProbability(int i) {
        return logProbabilities[i];
    }

    /** dL/dz_i = (p_i - y_i) / T. */
    public double gradient(int i) {
        return gradient[i];
    }

    /** A copy of all probabilities. */
    public double[] probabilities() {
        return probabilities.clone();
    }

    /** A copy of all log-probabilities. */
    public double[] logProbabilities() {
        return logProbabilities.clone();
    }

    /** A copy of the gradient with respect to the raw logits. */
    public double[] gradient() {
        return gradient.clone();
    }

    /** Cross-entropy with the requested label smoothing (nats); +Infinity if it weighs a mask. */
    public double crossEntropy() {
        return crossEntropy;
    }

    /** Entropy of p in nats. */
    public double entropy() {
        return entropy;
    }

    /**
     * exp(entropy): the effective number of classes, K for a uniform p, 1 for a certain one.
     * Within an ulp (DoubleDouble's exp, rounded once), identical on the JVM and in TeaVM.
     */
    public double effectiveClassCount() {
        DoubleDouble e = DoubleDouble.exp(DoubleDouble.of(entropy));
        return e.hi;
    }

    /** exp(crossEntropy). */
    public double perplexity() {
        return perplexity;
    }

    /** argmax of the logits, ties to the lowest index (independent of T). */
    public int predictedClass() {
        return predictedClass;
    }
}
