package dev.softmaxexplorer.web.chain;

import dev.softmaxexplorer.core.SamplerChain;
import dev.softmaxexplorer.core.SamplerChain.Stage;
import dev.softmaxexplorer.core.Sampling;

/**
 * Runs the chain view's requests on one thread, the page's or a worker's, and keeps what the
 * next run takes over: the last runs of the chain and of the chain with the temperature moved
 * (handed to {@link SamplerChain#stages(Stage, Stage[])}) and the last draws, which depend on the
 * final distribution, N and the seed only.
 */
public final class ChainRun {
    /** Gumbel-max costs one noise value per class per draw; above this many the run skips it. */
    public static final int GUMBEL_BUDGET = 2_000_000;

    private Stage[] ran;
    private Stage[] ranMoved;
    private Stage drawnFrom;
    private int drawnCount;
    private int drawnSeed;
    private int[] direct;
    private int mostDrawn;
    private int[] gumbel;

    /**
     * @param input the input stage of the logits ({@link SamplerChain#input})
     * @param k how many classes the logits have
     * @throws IllegalArgumentException for a request whose chain {@link SamplerChain} refuses
     */
    public ChainReport run(Stage input, int k, ChainRequest request) {
        SamplerChain chain = request.chain();
        Stage[] stages = chain.stages(input, ran);
        ran = stages;
        Stage last = stages[stages.length - 1];
        int[] listed = request.listed();
        StageNumbers[] numbers = new StageNumbers[stages.length];
        for (int s = 0; s < stages.length; s++) {
            numbers[s] = numbersOf(stages[s], listed);
        }
        // Without a filter that can cut, both orders end with softmax(z / T) over every class.
        Stage otherLast = last;
        SamplerChain moved = chain.withTemperatureMoved();
        if (moved != chain && request.temperature() != 1 && chain.filters()) {
            // Its filters before T do not depend on T: a move of T takes them over from the last run.
            ranMoved = moved.stages(input, ranMoved);
            otherLast = ranMoved[ranMoved.length - 1];
        }
        draw(last, k, request);
        int[] directListed = new int[listed.length];
        int[] gumbelListed = gumbel == null ? null : new int[listed.length];
        for (int j = 0; j < listed.length; j++) {
            directListed[j] = direct[listed[j]];
            if (gumbelListed != null) {
                gumbelListed[j] = gumbel[listed[j]];
            }
        }
        return new ChainReport(numbers, otherLast.survivors(), otherLast.entropy(), directListed, mostDrawn,
                direct[mostDrawn], last.probability(mostDrawn), gumbelListed);
    }

    private static StageNumbers numbersOf(Stage stage, int[] listed) {
        double[] p = new double[listed.length];
        boolean[] kept = new boolean[listed.length];
        for (int j = 0; j < listed.length; j++) {
            p[j] = stage.probability(listed[j]);
            kept[j] = stage.kept(listed[j]);
        }
        return new StageNumbers(stage.survivors(), stage.originalMass(), stage.entropy(), stage.effectiveClasses(), p,
                kept);
    }

    private void draw(Stage last, int k, ChainRequest request) {
        int n = request.count();
        int seed = request.seed();
        // The draws depend on the final distribution, N and the seed only: a move that leaves the
        // distribution as it was (a filter's parameter that keeps the same classes) keeps them.
        if (last.sameDistributionAs(drawnFrom) && n == drawnCount && seed == drawnSeed) {
            return;
        }
        // Into the last draws' array: at K = 50,257 a new one a move cost more than the draws.
        direct = last.counts(n, seed, direct);
        mostDrawn = Sampling.mostFrequent(direct);
        // Gumbel-max scans every class for each draw (a removed one is skipped, but visited).
        double work = (double) n * (request.vector() ? k : last.survivors());
        gumbel = work <= GUMBEL_BUDGET ? Sampling.gumbelMax(last.logits(), last.temperature(), n, seed) : null;
        drawnFrom = last;
        drawnCount = n;
        drawnSeed = seed;
    }
}
