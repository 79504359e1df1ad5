package dev.softmaxexplorer.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.softmaxexplorer.core.SamplerChain.Stage;
import dev.softmaxexplorer.core.SamplerChain.Step;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * An earlier run handed to {@link SamplerChain#stages(Stage, Stage[])}: the stages it does not
 * return are retired (their arrays may carry the new run's numbers), so reading one throws, it is
 * never taken over again, and every stage of every later run is the one a fresh run gives, bit
 * for bit, while the arrays go round from run to run.
 */
class SamplerChainHandOverTest {

    /** Logits with masked classes and ties: removed and masked classes must read 0 in a reused array. */
    private static double[] logits(SplittableRandom random, int k) {
        double[] z = new double[k];
        for (int i = 0; i < k; i++) {
            z[i] = random.nextInt(12) == 0 ? Double.NEGATIVE_INFINITY : random.nextInt(40) / 8.0 - 2;
        }
        z[random.nextInt(k)] = 3;
        return z;
    }

    private static void assertSameAsFresh(Stage[] actual, SamplerChain chain, double[] z) {
        Stage[] fresh = chain.stages(z);
        assertEquals(fresh.length, actual.length);
        for (int s = 0; s < fresh.length; s++) {
            assertArrayEquals(fresh[s].probabilities(), actual[s].probabilities(), 0.0, "stage " + s);
            assertEquals(fresh[s].survivors(), actual[s].survivors(), "stage " + s);
            assertArrayEquals(fresh[s].logits(), actual[s].logits(), 0.0, "the survivors of stage " + s);
            assertEquals(Double.doubleToLongBits(fresh[s].entropy()), Double.doubleToLongBits(actual[s].entropy()),
                    "stage " + s);
        }
    }

    @Test
    void stagesNotReturnedAreRetiredAndTheRestStayExact() {
        SplittableRandom random = new SplittableRandom(1811);
        double[] z = logits(random, 400);
        Stage input = SamplerChain.input(z);
        SamplerChain first = new SamplerChain(SamplerChain.HUGGING_FACE_ORDER, 2, 0, 0.9, 0.05, 1);
        Stage[] a = first.stages(input);
        SamplerChain warmer = new SamplerChain(SamplerChain.HUGGING_FACE_ORDER, 3, 0, 0.9, 0.05, 1);
        Stage[] b = warmer.stages(input, a);
        assertSameAsFresh(b, warmer, z);
        List<Stage> returned = Arrays.asList(b);
        assertSame(input, b[0]);
        for (int s = 1; s < a.length; s++) {
            Stage old = a[s];
            assertFalse(returned.contains(old), "a new T recomputes every stage after the input");
            assertThrows(IllegalStateException.class, () -> old.probability(0));
            assertThrows(IllegalStateException.class, old::probabilities);
            assertThrows(IllegalStateException.class, () -> old.counts(10, 1));
            assertThrows(IllegalStateException.class, () -> old.kept(0));
            // What does not read the distribution still answers.
            assertEquals(a[s].survivors(), old.survivors());
            for (Stage now : b) {
                assertFalse(old.sameDistributionAs(now), "a retired stage is no stage of a later run");
            }
        }
        assertTrue(b[2].sameDistributionAs(b[1]), "top-k off passes the temperature's distribution on");

        // The retired run handed over again: nothing of it is taken over, the numbers are fresh.
        Stage[] c = first.stages(input, a);
        assertSameAsFresh(c, first, z);
        for (int s = 1; s < c.length; s++) {
            assertFalse(c[s] == a[s], "a retired stage taken over");
        }
        // b was not handed over, so it still reads.
        assertSameAsFresh(b, warmer, z);
    }

    /**
     * A later run that took a stage over and passed its distribution on under another step; the
     * older run handed over again gives that stage's array away, and the later run's stage that
     * shares it throws rather than read another stage's numbers.
     */
    @Test
    void aStagePassingOnARetiredDistributionThrows() {
        double[] z = {2, 1, 0, -1, Double.NEGATIVE_INFINITY};
        Stage input = SamplerChain.input(z);
        Stage[] older = new SamplerChain(new Step[] {Step.TEMPERATURE, Step.TOP_K}, 2, 0, 1, 0, 1).stages(input);
        Stage[] later = new SamplerChain(new Step[] {Step.TEMPERATURE, Step.TOP_P}, 2, 0, 1, 0, 1).stages(input, older);
        assertSame(older[1], later[1], "the temperature's stage taken over");
        assertTrue(later[2].sameDistributionAs(later[1]), "top-p off passes it on");
        Stage[] newest = new SamplerChain(new Step[] {Step.TEMPERATURE, Step.TOP_K}, 4, 0, 1, 0, 1).stages(input, older);
        assertSameAsFresh(newest, new SamplerChain(new Step[] {Step.TEMPERATURE, Step.TOP_K}, 4, 0, 1, 0, 1), z);
        assertThrows(IllegalStateException.class, () -> later[1].probability(0));
        assertThrows(IllegalStateException.class, () -> later[2].probability(0));
        assertEquals(0.0, later[0].probability(4), 0.0, "the input is never handed out");
    }

    @Test
    void aRunFromAnotherInputLeavesTheEarlierOneAlone() {
        SplittableRandom random = new SplittableRandom(1812);
        double[] z = logits(random, 300);
        SamplerChain chain = new SamplerChain(SamplerChain.LLAMA_CPP_ORDER, 0.7, 50, 0.8, 0.02, 0.9);
        Stage[] a = chain.stages(SamplerChain.input(z));
        Stage[] other = chain.stages(SamplerChain.input(z), a);
        assertSameAsFresh(other, chain, z);
        assertSameAsFresh(a, chain, z);
    }

    /** Many moves of every parameter and order, each run handed the last: arrays recycled throughout. */
    @Test
    void handedOverRunsStayExactAcrossManyMoves() {
        SplittableRandom random = new SplittableRandom(1813);
        Step[][] orders = {SamplerChain.HUGGING_FACE_ORDER, SamplerChain.LLAMA_CPP_ORDER,
            {Step.MIN_P, Step.TEMPERATURE, Step.TOP_P}};
        for (int n = 0; n < 40; n++) {
            double[] z = logits(random, 2 + random.nextInt(200));
            Stage input = SamplerChain.input(z);
            Stage[] previous = null;
            SamplerChain previousChain = null;
            Stage[] beforePrevious = null;
            for (int move = 0; move < 15; move++) {
                SamplerChain chain = new SamplerChain(orders[random.nextInt(orders.length)],
                        Math.exp(random.nextGaussian()), random.nextInt(3) == 0 ? 0 : 1 + random.nextInt(z.length),
                        random.nextInt(3) == 0 ? 1 : random.nextDouble(), random.nextInt(3) == 0 ? 0 : random.nextDouble() * 0.3,
                        random.nextInt(3) == 0 ? 1 : 0.1 + 0.9 * random.nextDouble());
                // Now and then a run gets an older, partly retired run: the retired stages are skipped.
                Stage[] handed = random.nextInt(4) == 0 && beforePrevious != null ? beforePrevious : previous;
                Stage[] stages = chain.stages(input, handed);
                assertSameAsFresh(stages, chain, z);
                if (handed != previous) {
                    // The last run was not handed over: its stages that are not the older run's
                    // (nor pass an older stage's distribution on) keep their arrays.
                    Stage[] fresh = previousChain.stages(z);
                    for (int s = 1; s < previous.length; s++) {
                        Stage kept = previous[s];
                        if (java.util.Arrays.stream(handed).noneMatch(h -> kept.sameDistributionAs(h))) {
                            assertArrayEquals(fresh[s].probabilities(), kept.probabilities(), 0.0, "stage " + s);
                            assertArrayEquals(fresh[s].logits(), kept.logits(), 0.0, "the survivors of stage " + s);
                        }
                    }
                }
                beforePrevious = previous;
                previous = stages;
                previousChain = chain;
            }
        }
    }
}
