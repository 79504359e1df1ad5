package dev.softmaxexplorer.core;

/**
 * What a page shows of a large vector at one temperature, without the K-long arrays of
 * {@link SoftmaxResult}: cross-entropy, entropy, perplexity and the predicted class, the
 * probability and log-probability of a few chosen classes, and the total probability of all the
 * other classes. Made by {@link Softmax#summarize}; every value but {@link #restMass()} is bit for
 * bit the one {@link Softmax#evaluate} returns for the same input (the same computation, the
 * per-class results formed only for the chosen classes).
 */
public final class SoftmaxSummary {

    private final int size;
    private final int[] classes;
    private final double[] probabilities;
    private final double[] logProbabilities;
    private final double restMass;
    private final double crossEntropy;
    private final double entropy;
    private final double perplexity;
    private final int predictedClass;

    SoftmaxSummary(int size, int[] classes, double[] probabilities, double[] logProbabilities,
            double restMass, double crossEntropy, double entropy, double perplexity,
            int predictedClass) {
        this.size = size;
        this.classes = classes;
        this.probabilities = probabilities;
        this.logProbabilities = logProbabilities;
        this.restMass = restMass;
        this.crossEntropy = crossEntropy;
        this.entropy = entropy;
        this.perplexity = perplexity;
        this.predictedClass = predictedClass;
    }

    /** The number of classes K of the vector. */
    public int size() {
        return size;
    }

    /** How many classes were chosen. */
    public int chosen() {
        return classes.length;
    }

    /** The class chosen j-th (the order of the request). */
    public int chosenClass(int j) {
        return classes[j];
    }

    /** p of the class chosen j-th, as {@link SoftmaxResult#probability}. */
    public double probability(int j) {
        return probabilities[j];
    }

    /** log p of the class chosen j-th, as {@link SoftmaxResult#logProbability}. */
    public double logProbability(int j) {
        return logProbabilities[j];
    }

    /**
     * The total probability of the classes not chosen, summed in double-double from the
     * unrounded p_i and rounded once: within {@code 2 errorScale + K 2^-104} relative (see
     * {@link Softmax}), never formed as 1 minus the chosen (which would cancel); 0 if every class
     * was chosen.
     */
    public double restMass() {
        return restMass;
    }

    /** As {@link SoftmaxResult#crossEntropy()}. */
    public double crossEntropy() {
        return crossEntropy;
    }

    /** As {@link SoftmaxResult#entropy()}. */
    public double entropy() {
        return entropy;
    }

    /** As {@link SoftmaxResult#effectiveClassCount()}. */
    public double effectiveClassCount() {
        return DoubleDouble.exp(DoubleDouble.of(entropy)).hi;
    }

    /** As {@link SoftmaxResult#perplexity()}. */
    public double perplexity() {
        return perplexity;
    }

    /** As {@link SoftmaxResult#predictedClass()}. */
    public int predictedClass() {
        return predictedClass;
    }
}
