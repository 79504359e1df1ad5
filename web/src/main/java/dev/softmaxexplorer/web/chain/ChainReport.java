package dev.softmaxexplorer.web.chain;

/**
 * What one run of the chain gives the chain view, and nothing K-long: every stage's
 * {@link StageNumbers}, the last stage of the chain with the temperature moved (for the sentence
 * on the order), and the draws from the final distribution at the listed classes. It travels from
 * a worker as numbers ({@link #numbers}); every double keeps its bits on the way.
 */
public final class ChainReport {
    private final StageNumbers[] stages;
    private final int movedSurvivors;
    private final double movedEntropy;
    private final int[] direct;
    private final int mostDrawn;
    private final int mostDrawnCount;
    private final double mostDrawnProbability;
    private final int[] gumbel;

    /**
     * @param movedSurvivors the survivors of the last stage of the chain with the temperature moved
     * @param movedEntropy its entropy
     * @param direct the direct draws' counts of the listed classes
     * @param mostDrawn the most drawn class of all, by index
     * @param gumbel the Gumbel-max draws' counts of the listed classes, or null if they were skipped
     */
    ChainReport(StageNumbers[] stages, int movedSurvivors, double movedEntropy, int[] direct, int mostDrawn,
            int mostDrawnCount, double mostDrawnProbability, int[] gumbel) {
        this.stages = stages;
        this.movedSurvivors = movedSurvivors;
        this.movedEntropy = movedEntropy;
        this.direct = direct;
        this.mostDrawn = mostDrawn;
        this.mostDrawnCount = mostDrawnCount;
        this.mostDrawnProbability = mostDrawnProbability;
        this.gumbel = gumbel;
    }

    /** The input stage and one stage per running step, in order. */
    public StageNumbers[] stages() {
        return stages.clone();
    }

    public StageNumbers last() {
        return stages[stages.length - 1];
    }

    public int movedSurvivors() {
        return movedSurvivors;
    }

    public double movedEntropy() {
        return movedEntropy;
    }

    /** How often the j-th listed class was drawn directly. */
    public int direct(int j) {
        return direct[j];
    }

    /** The most drawn class of all, by index (not only among the listed). */
    public int mostDrawn() {
        return mostDrawn;
    }

    public int mostDrawnCount() {
        return mostDrawnCount;
    }

    /** The final distribution's probability of the most drawn class. */
    public double mostDrawnProbability() {
        return mostDrawnProbability;
    }

    /** Whether the Gumbel-max draws ran (they cost a noise value per class per draw). */
    public boolean hasGumbel() {
        return gumbel != null;
    }

    /** How often the j-th listed class won the Gumbel-max race. */
    public int gumbel(int j) {
        return gumbel[j];
    }

    /** The report as numbers, for another thread. */
    public double[] numbers() {
        int listed = stages[0].listed();
        double[] out = new double[2 + stages.length * (4 + 2 * listed) + 6 + 2 * listed];
        int at = 0;
        out[at++] = stages.length;
        out[at++] = listed;
        for (StageNumbers s : stages) {
            out[at++] = s.survivors();
            out[at++] = s.originalMass();
            out[at++] = s.entropy();
            out[at++] = s.effectiveClasses();
            for (int j = 0; j < listed; j++) {
                out[at++] = s.probability(j);
                out[at++] = s.kept(j) ? 1 : 0;
            }
        }
        out[at++] = movedSurvivors;
        out[at++] = movedEntropy;
        out[at++] = mostDrawn;
        out[at++] = mostDrawnCount;
        out[at++] = mostDrawnProbability;
        out[at++] = gumbel != null ? 1 : 0;
        for (int j = 0; j < listed; j++) {
            out[at++] = direct[j];
            out[at++] = gumbel != null ? gumbel[j] : 0;
        }
        return out;
    }

    /**
     * A report from its numbers, as another thread sent them.
     *
     * @throws IllegalArgumentException if they are not a report's
     */
    public static ChainReport fromNumbers(double[] in) {
        int count = in.length >= 2 ? (int) in[0] : 0;
        int listed = in.length >= 2 ? (int) in[1] : -1;
        if (count < 1 || listed < 0 || in.length != 2 + count * (4 + 2 * listed) + 6 + 2 * listed) {
            throw new IllegalArgumentException("not a chain report: " + in.length + " numbers");
        }
        int at = 2;
        StageNumbers[] stages = new StageNumbers[count];
        for (int s = 0; s < count; s++) {
            int survivors = (int) in[at++];
            double mass = in[at++];
            double entropy = in[at++];
            double effective = in[at++];
            double[] p = new double[listed];
            boolean[] kept = new boolean[listed];
            for (int j = 0; j < listed; j++) {
                p[j] = in[at++];
                kept[j] = in[at++] == 1;
            }
            stages[s] = new StageNumbers(survivors, mass, entropy, effective, p, kept);
        }
        int movedSurvivors = (int) in[at++];
        double movedEntropy = in[at++];
        int most = (int) in[at++];
        int mostCount = (int) in[at++];
        double mostP = in[at++];
        boolean withGumbel = in[at++] == 1;
        int[] direct = new int[listed];
        int[] gumbel = withGumbel ? new int[listed] : null;
        for (int j = 0; j < listed; j++) {
            direct[j] = (int) in[at++];
            double g = in[at++];
            if (gumbel != null) {
                gumbel[j] = (int) g;
            }
        }
        return new ChainReport(stages, movedSurvivors, movedEntropy, direct, most, mostCount, mostP, gumbel);
    }
}
