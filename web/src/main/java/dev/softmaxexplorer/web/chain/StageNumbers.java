package dev.softmaxexplorer.web.chain;

import java.util.Arrays;

/**
 * What the chain view shows of one stage: how many classes survive, their original mass, the
 * entropy and exp(H), and the listed classes' probabilities (0 where removed) and whether each is
 * kept. Equal when every number is, so that a view formats a stage's texts only when they change.
 */
public final class StageNumbers {
    private final int survivors;
    private final double originalMass;
    private final double entropy;
    private final double effectiveClasses;
    private final double[] probabilities;
    private final boolean[] kept;

    StageNumbers(int survivors, double originalMass, double entropy, double effectiveClasses, double[] probabilities,
            boolean[] kept) {
        this.survivors = survivors;
        this.originalMass = originalMass;
        this.entropy = entropy;
        this.effectiveClasses = effectiveClasses;
        this.probabilities = probabilities;
        this.kept = kept;
    }

    public int survivors() {
        return survivors;
    }

    public double originalMass() {
        return originalMass;
    }

    public double entropy() {
        return entropy;
    }

    public double effectiveClasses() {
        return effectiveClasses;
    }

    /** The probability of the j-th listed class (0 if the stage removed it). */
    public double probability(int j) {
        return probabilities[j];
    }

    /** Whether the stage keeps the j-th listed class. */
    public boolean kept(int j) {
        return kept[j];
    }

    /** How many classes are listed. */
    public int listed() {
        return probabilities.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StageNumbers s && survivors == s.survivors
                && Double.compare(originalMass, s.originalMass) == 0 && Double.compare(entropy, s.entropy) == 0
                && Double.compare(effectiveClasses, s.effectiveClasses) == 0
                && Arrays.equals(probabilities, s.probabilities) && Arrays.equals(kept, s.kept);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(probabilities) + Double.hashCode(entropy);
    }
}
