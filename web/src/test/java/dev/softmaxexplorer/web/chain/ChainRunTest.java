package dev.softmaxexplorer.web.chain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.softmaxexplorer.core.SamplerChain;
import dev.softmaxexplorer.core.SamplerChain.Stage;
import dev.softmaxexplorer.core.SamplerChain.Step;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The chain view's run, as the page's thread and the worker do it, and its report as numbers
 * (what travels between them).
 */
class ChainRunTest {
    /** The example: z = 3, 2.5, ..., -1.5. */
    private static final double[] Z = {3, 2.5, 2, 1.5, 1, 0.5, 0, -0.5, -1, -1.5};
    private static final int[] ALL = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};

    private static ChainRequest llamaCpp(double t, double minP, int n, int seed) {
        return ChainRequest.of(SamplerChain.LLAMA_CPP_ORDER, t, 0, 1, minP, 1, ALL, n, seed, false);
    }

    /**
     * Entropy of p_j proportional to e^-j, j = 0 .. m - 1: H = ln Z + sum_j p_j j with
     * Z = sum_j e^-j (by hand: -ln p_j = j + ln Z).
     */
    private static double entropyOfGeometric(int m) {
        double z = 0;
        double weighted = 0;
        for (int j = 0; j < m; j++) {
            z += Math.exp(-j);
            weighted += j * Math.exp(-j);
        }
        return Math.log(z) + weighted / z;
    }

    @Test
    void llamaCppsOrderKeepsSixWhereTemperatureFirstWouldKeepThree() {
        ChainReport report = new ChainRun().run(SamplerChain.input(Z), Z.length, llamaCpp(0.5, 0.05, 1000, 7));
        // top-k, typical and top-p off; min-p 0.05 at T = 1 keeps z >= 3 + ln 0.05 = 0.0043: six
        // classes; at T = 0.5 (temperature first) z / T >= 6 + ln 0.05 keeps 6, 5, 4: three.
        StageNumbers[] stages = report.stages();
        assertEquals(6, stages.length);
        int[] survivors = new int[stages.length];
        for (int s = 0; s < stages.length; s++) {
            survivors[s] = stages[s].survivors();
        }
        assertArrayEquals(new int[] {10, 10, 10, 10, 6, 6}, survivors);
        assertEquals((1 - Math.exp(-3)) / (1 - Math.exp(-5)), stages[4].originalMass(), 1e-15);
        // After T = 0.5 the six survivors' z / T are 6, 5, ..., 1.
        assertEquals(entropyOfGeometric(6), report.last().entropy(), 1e-14);
        assertEquals(3, report.movedSurvivors());
        assertEquals(entropyOfGeometric(3), report.movedEntropy(), 1e-14);
        for (int j = 0; j < 10; j++) {
            assertEquals(j < 6, report.last().kept(j));
        }
        assertEquals(1 / (1 + Math.exp(-1) + Math.exp(-2) + Math.exp(-3) + Math.exp(-4) + Math.exp(-5)),
                report.last().probability(0), 1e-15);
        int drawn = 0;
        int raced = 0;
        for (int j = 0; j < 10; j++) {
            drawn += report.direct(j);
            raced += report.gumbel(j);
            if (j >= 6) {
                assertEquals(0, report.direct(j), "a removed class is never drawn");
                assertEquals(0, report.gumbel(j), "nor wins the race");
            }
        }
        assertEquals(1000, drawn);
        assertEquals(1000, raced);
    }

    @Test
    void theDrawsAreTheFinalStagesCountsForTheSeed() {
        ChainReport report = new ChainRun().run(SamplerChain.input(Z), Z.length, llamaCpp(0.5, 0.05, 500, 11));
        Stage[] plain = new SamplerChain(SamplerChain.LLAMA_CPP_ORDER, 0.5, 0, 1, 0.05, 1).stages(Z);
        int[] counts = plain[plain.length - 1].counts(500, 11);
        int[] gumbel = dev.softmaxexplorer.core.Sampling.gumbelMax(plain[plain.length - 1].logits(), 0.5, 500, 11);
        int most = 0;
        for (int j = 0; j < 10; j++) {
            assertEquals(counts[j], report.direct(j));
            assertEquals(gumbel[j], report.gumbel(j));
            most = counts[j] > counts[most] ? j : most;
        }
        assertEquals(most, report.mostDrawn());
        assertEquals(counts[most], report.mostDrawnCount());
        assertEquals(plain[plain.length - 1].probability(most), report.mostDrawnProbability());
    }

    @Test
    void gumbelMaxIsSkippedAboveItsBudget() {
        // 300,000 draws over the 6 survivors cost 1.8 million noise values: within 2,000,000.
        assertTrue(new ChainRun().run(SamplerChain.input(Z), 10, llamaCpp(0.5, 0.05, 300_000, 1)).hasGumbel());
        // On a workbench vector every class is visited: 300,000 x 10 is above.
        ChainRequest onVector = ChainRequest.of(SamplerChain.LLAMA_CPP_ORDER, 0.5, 0, 1, 0.05, 1, ALL, 300_000, 1, true);
        assertFalse(new ChainRun().run(SamplerChain.input(Z), 10, onVector).hasGumbel());
    }

    /** One run kept across requests (as the page and the worker keep it) reports what fresh runs do. */
    @Test
    void aRunTakingOverItsLastRunsReportsWhatAFreshRunDoes() {
        Random random = new Random(18);
        double[] z = new double[3000];
        for (int i = 0; i < z.length; i++) {
            z[i] = 4 * random.nextGaussian();
        }
        int[] listed = {0, 5, 17, 2999};
        Stage input = SamplerChain.input(z);
        ChainRun kept = new ChainRun();
        Step[][] orders = {SamplerChain.HUGGING_FACE_ORDER, SamplerChain.LLAMA_CPP_ORDER};
        for (int move = 0; move < 60; move++) {
            double t = 0.25 + 0.1 * (move % 23);
            double minP = move % 3 == 0 ? 0 : 0.01 * (move % 5);
            double topP = move % 4 == 0 ? 1 : 0.9;
            ChainRequest request = ChainRequest.of(orders[move / 30], t, move % 7 == 0 ? 40 : 0, topP, minP,
                    move % 11 == 0 ? 0.95 : 1, listed, 1000, move % 2, false);
            double[] fresh = new ChainRun().run(SamplerChain.input(z), z.length, request).numbers();
            assertArrayEquals(fresh, kept.run(input, z.length, request).numbers(), "move " + move);
        }
    }

    @Test
    void aReportKeepsEveryBitAsNumbers() {
        ChainReport report = new ChainRun().run(SamplerChain.input(Z), Z.length, llamaCpp(0.3, 0.02, 1000, 3));
        double[] numbers = report.numbers();
        ChainReport back = ChainReport.fromNumbers(numbers);
        assertArrayEquals(numbers, back.numbers());
        assertArrayEquals(report.stages(), back.stages());
        assertEquals(report.movedEntropy(), back.movedEntropy());
        assertThrows(IllegalArgumentException.class, () -> ChainReport.fromNumbers(new double[] {1, 2, 3}));
        assertThrows(IllegalArgumentException.class, () -> ChainReport.fromNumbers(new double[0]));
    }

    @Test
    void aRequestIsItsNumbers() {
        ChainRequest request = ChainRequest.of(SamplerChain.HUGGING_FACE_ORDER, 0.7, 40, 0.9, 0.05, 0.95,
                new int[] {3, 1, 4}, 250, -9, true);
        ChainRequest back = ChainRequest.fromNumbers(request.numbers());
        assertEquals(request, back);
        assertArrayEquals(SamplerChain.HUGGING_FACE_ORDER, back.order());
        assertEquals(0.7, back.temperature());
        assertEquals(40, back.topK());
        assertEquals(0.9, back.topP());
        assertEquals(0.05, back.minP());
        assertEquals(0.95, back.typicalMass());
        assertArrayEquals(new int[] {3, 1, 4}, back.listed());
        assertEquals(250, back.count());
        assertEquals(-9, back.seed());
        assertTrue(back.vector());
        assertNotEquals(request, ChainRequest.of(SamplerChain.HUGGING_FACE_ORDER, 0.7000000000000001, 40, 0.9, 0.05,
                0.95, new int[] {3, 1, 4}, 250, -9, true));
        assertThrows(IllegalArgumentException.class, () -> ChainRequest.fromNumbers(new double[] {9, 1}));
        assertThrows(IllegalArgumentException.class, () -> ChainRequest.fromNumbers(new double[0]));
    }
}
