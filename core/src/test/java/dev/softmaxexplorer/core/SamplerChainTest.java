package dev.softmaxexplorer.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.softmaxexplorer.core.SamplerChain.Stage;
import dev.softmaxexplorer.core.SamplerChain.Step;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class SamplerChainTest {

    /** z = ln p for p = [0.5, 0.3, 0.15, 0.05]: at T = 1 the input stage is p. */
    private static final double[] Z = {Math.log(0.5), Math.log(0.3), Math.log(0.15), Math.log(0.05)};

    private static SamplerChain chain(Step[] order, double t, int k, double topP, double minP,
            double typical) {
        return new SamplerChain(order, t, k, topP, minP, typical);
    }

    private static int[] survivors(Stage[] stages) {
        int[] out = new int[stages.length];
        for (int s = 0; s < stages.length; s++) {
            out[s] = stages[s].survivors();
        }
        return out;
    }

    /**
     * The example in small: min-p 0.2 at T = 2. Hugging Face (T first) sees p^(1/2)
     * normalised: sqrt(p) = [0.7071, 0.5477, 0.3873, 0.2236], sum 1.8657, so [0.379, 0.294, 0.208,
     * 0.120]; the threshold 0.2 * 0.379 = 0.076 keeps all four. llama.cpp (T last) applies min-p
     * to p itself: 0.2 * 0.5 = 0.1 removes 0.05, three survive with original mass 0.95.
     */
    /**
     * Two logits an ulp apart at T = 1e6 round to one probability: d = -2^-52 / 1e6 makes
     * exp(d) differ from 1 by 2e-22, far below half an ulp of p = 1/3. Class 1 has the larger
     * logit, but top-p goes by probability with ties to the lower index, so at top-p 0.3 (one
     * class of 1/3 reaches it) class 0 is the one kept, as in Hugging Face's stable sort.
     */
    @Test
    void topPAfterTheTemperatureBreaksEqualProbabilitiesByIndexNotByLogit() {
        double[] z = {1.0, Math.nextUp(1.0), 0.5};
        SamplerChain chain = new SamplerChain(SamplerChain.HUGGING_FACE_ORDER, 1e6, 0, 0.3, 0.0, 1.0);
        Stage[] stages = chain.stages(z);
        assertEquals(stages[1].probability(0), stages[1].probability(1), 0.0, "one probability");
        assertTrue(stages[1].probability(2) < stages[1].probability(0));
        Stage topP = stages[3];
        assertEquals(1, topP.survivors());
        assertTrue(topP.kept(0));
        assertFalse(topP.kept(1));
    }

    /**
     * The temperature's stage over every class is read from the input's pass until formed: read
     * class by class before and after another chain moved that pass to another T, and whole,
     * it gives the plain softmax's bits.
     */
    @Test
    void aStageReadClassByClassAfterAnotherChainMovedThePassIsStillItsOwn() {
        double[] z = new double[500];
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        for (int i = 0; i < z.length; i++) {
            z[i] = random.nextGaussian() * 4;
        }
        Stage input = SamplerChain.input(z);
        SamplerChain cool = new SamplerChain(SamplerChain.HUGGING_FACE_ORDER, 0.7, 0, 0.9, 0.0, 1.0);
        Stage[] first = cool.stages(input);
        double[] expected = Softmax.softmax(z, 0.7);
        assertEquals(Double.doubleToLongBits(expected[3]), Double.doubleToLongBits(first[1].probability(3)));
        // Another chain on the same input at another T, not handed the first run.
        Stage[] other = new SamplerChain(SamplerChain.HUGGING_FACE_ORDER, 1.6, 0, 0.5, 0.0, 1.0).stages(input);
        for (int i = 0; i < z.length; i++) {
            assertEquals(Double.doubleToLongBits(expected[i]), Double.doubleToLongBits(first[1].probability(i)),
                    "class " + i);
        }
        assertArrayEquals(expected, first[1].probabilities(), 0.0);
        assertArrayEquals(Softmax.softmax(z, 1.6), other[1].probabilities(), 0.0);
        assertArrayEquals(expected, cool.stages(z)[1].probabilities(), 0.0);
    }

    @Test
    void minPKeepsMoreWhenTemperatureComesFirst() {
        Stage[] hf = chain(SamplerChain.HUGGING_FACE_ORDER, 2, 0, 1, 0.2, 1).stages(Z);
        Stage[] llama = chain(SamplerChain.LLAMA_CPP_ORDER, 2, 0, 1, 0.2, 1).stages(Z);
        assertArrayEquals(new int[] {4, 4, 4, 4, 4, 4}, survivors(hf));
        assertArrayEquals(new int[] {4, 4, 4, 4, 3, 3}, survivors(llama));
        assertEquals(0.95, llama[5].originalMass(), Math.ulp(0.95));
        assertEquals(1.0, hf[5].originalMass(), Math.ulp(1.0));
        // HF's final distribution is sqrt(p) / sum sqrt(p); its entropy, from the definition.
        double[] q = new double[4];
        double sum = 0;
        for (int i = 0; i < 4; i++) {
            q[i] = Math.sqrt(Math.exp(Z[i]));
            sum += q[i];
        }
        double h = 0;
        for (int i = 0; i < 4; i++) {
            h -= q[i] / sum * Math.log(q[i] / sum);
        }
        assertEquals(h, hf[5].entropy(), 1e-15);
        assertEquals(Math.exp(h), hf[5].effectiveClasses(), 1e-14);
        // llama.cpp's: sqrt of [0.5, 0.3, 0.15] normalised.
        double s3 = Math.sqrt(0.5) + Math.sqrt(0.3) + Math.sqrt(0.15);
        double h3 = 0;
        for (double p : new double[] {0.5, 0.3, 0.15}) {
            double r = Math.sqrt(p) / s3;
            h3 -= r * Math.log(r);
        }
        assertEquals(h3, llama[5].entropy(), 1e-15);
        assertEquals(0.0, llama[5].probabilities()[3]);
        assertFalse(llama[5].kept(3));
        // The moved chain is the other project's result for these two steps.
        assertEquals(4, chain(SamplerChain.LLAMA_CPP_ORDER, 2, 0, 1, 0.2, 1)
                .withTemperatureMoved().stages(Z)[5].survivors());
    }

    @Test
    void theInputStageIsTheSoftmaxAtTemperatureOne() {
        Stage input = chain(SamplerChain.LLAMA_CPP_ORDER, 0.5, 2, 1, 0, 1).stages(Z)[0];
        assertNull(input.step());
        assertEquals(1.0, input.temperature());
        double[] p = input.probabilities();
        double[] expected = {0.5, 0.3, 0.15, 0.05};
        for (int i = 0; i < 4; i++) {
            assertEquals(expected[i], p[i], 2 * Math.ulp(expected[i]));
        }
        // H = -(0.5 ln 0.5 + 0.3 ln 0.3 + 0.15 ln 0.15 + 0.05 ln 0.05) = 1.1448...
        double h = -(0.5 * Math.log(0.5) + 0.3 * Math.log(0.3) + 0.15 * Math.log(0.15)
                + 0.05 * Math.log(0.05));
        assertEquals(h, input.entropy(), 1e-15);
    }

    @Test
    void eachStageRecordsItsStepAndTheTemperatureSoFar() {
        Stage[] stages = chain(new Step[] {Step.TOP_K, Step.TEMPERATURE}, 0.5, 2, 1, 0, 1).stages(Z);
        assertEquals(Step.TOP_K, stages[1].step());
        assertEquals(1.0, stages[1].temperature());
        // Top-2 then T = 0.5: [0.5, 0.3]^2 normalised = [0.25, 0.09] / 0.34.
        assertEquals(0.5, stages[2].temperature());
        assertEquals(0.25 / 0.34, stages[2].probabilities()[0], 2e-16);
        assertEquals(0.09 / 0.34, stages[2].probabilities()[1], 2e-16);
        assertEquals(0.8, stages[2].originalMass(), Math.ulp(0.8));
        assertEquals(Double.NEGATIVE_INFINITY, stages[2].logits()[2]);
    }

    @Test
    void movingTheTemperatureSwapsItsEnd() {
        SamplerChain hf = chain(SamplerChain.HUGGING_FACE_ORDER, 2, 0, 1, 0.1, 1);
        assertTrue(hf.temperatureFirst());
        assertArrayEquals(new Step[] {Step.TOP_K, Step.TOP_P, Step.MIN_P, Step.TYPICAL,
            Step.TEMPERATURE}, hf.withTemperatureMoved().order());
        assertArrayEquals(new Step[] {Step.TEMPERATURE, Step.TOP_K, Step.TYPICAL, Step.TOP_P,
            Step.MIN_P}, chain(SamplerChain.LLAMA_CPP_ORDER, 2, 0, 1, 0.1, 1)
                .withTemperatureMoved().order());
        SamplerChain noTemperature = chain(new Step[] {Step.MIN_P}, 2, 0, 1, 0.1, 1);
        assertEquals(noTemperature, noTemperature.withTemperatureMoved());
    }

    /**
     * Every case of sampler-references.json (make_sampler_references.py: NumPy re-statements of
     * Hugging Face's warpers and llama.cpp's samplers on 2,000 seeded random vectors): the classes
     * kept after each step and the final entropy.
     */
    @Test
    void agreesWithTheReferenceImplementationsRules() {
        Map<?, ?> root = (Map<?, ?>) Json.resource("sampler-references.json");
        List<?> cases = (List<?>) root.get("cases");
        assertEquals(2000, cases.size());
        for (int n = 0; n < cases.size(); n++) {
            Map<?, ?> c = (Map<?, ?>) cases.get(n);
            double[] z = Json.numbers(c.get("z"));
            Step[] order = "hf".equals(c.get("order")) ? SamplerChain.HUGGING_FACE_ORDER
                    : SamplerChain.LLAMA_CPP_ORDER;
            Stage[] stages = chain(order, Json.number(c.get("t")), (int) Json.number(c.get("k")),
                    Json.number(c.get("top_p")), Json.number(c.get("min_p")),
                    Json.number(c.get("typical"))).stages(z);
            double[] kept = Json.numbers(c.get("kept"));
            for (int s = 0; s < kept.length; s++) {
                long mask = 0;
                for (int i = 0; i < z.length; i++) {
                    mask |= stages[s + 1].kept(i) ? 1L << i : 0;
                }
                assertEquals((long) kept[s], mask, "case " + n + ", step " + order[s]);
            }
            double h = Json.number(c.get("entropy"));
            assertEquals(h, stages[5].entropy(), 1e-12 * Math.max(h, 1e-3), "case " + n);
        }
    }

    private static void assertRejected(String message, Executable call) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, call).getMessage());
    }

    @Test
    void badChainsAreNamed() {
        assertRejected("order: must hold at least one step, was empty",
                () -> chain(new Step[0], 1, 0, 1, 0, 1));
        assertRejected("order: each step at most once, was [MIN_P, MIN_P]",
                () -> chain(new Step[] {Step.MIN_P, Step.MIN_P}, 1, 0, 1, 0, 1));
        assertRejected("minP: must be in [0, 1] (0 = off), was 1.5",
                () -> chain(SamplerChain.HUGGING_FACE_ORDER, 1, 0, 1, 1.5, 1));
        assertRejected("mass: must be in (0, 1] (1 = off), was 0",
                () -> chain(SamplerChain.HUGGING_FACE_ORDER, 1, 0, 1, 0, 0));
        assertRejected("temperature: must be finite and > 0, was 0",
                () -> chain(SamplerChain.HUGGING_FACE_ORDER, 0, 0, 1, 0, 1));
        assertRejected("k: must be >= 0 (0 = off), was -2",
                () -> chain(SamplerChain.HUGGING_FACE_ORDER, 1, -2, 1, 0, 1));
        assertRejected("topP: must be in [0, 1] (1 = off), was 2",
                () -> chain(SamplerChain.HUGGING_FACE_ORDER, 1, 0, 2, 0, 1));
    }

    /**
     * A chain run from an input stage computed once gives the stages of a chain run from the
     * logits, bit for bit, on seeded vectors, orders and parameters (what the page relies on when
     * it keeps a large vector's input stage while T moves).
     */
    @Test
    void aKeptInputStageGivesTheSameStages() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(18);
        Step[][] orders = {SamplerChain.HUGGING_FACE_ORDER, SamplerChain.LLAMA_CPP_ORDER, {Step.MIN_P, Step.TEMPERATURE}};
        for (int n = 0; n < 300; n++) {
            double[] z = new double[2 + random.nextInt(300)];
            for (int i = 0; i < z.length; i++) {
                z[i] = random.nextInt(20) == 0 ? Double.NEGATIVE_INFINITY : random.nextGaussian() * 4;
            }
            z[random.nextInt(z.length)] = 1;
            Stage input = SamplerChain.input(z);
            for (Step[] order : orders) {
                SamplerChain chain = chain(order, Math.exp(random.nextGaussian()), random.nextInt(5),
                        random.nextDouble(), random.nextDouble() * 0.3, 0.2 + 0.8 * random.nextDouble());
                Stage[] expected = chain.stages(z);
                Stage[] actual = chain.stages(input);
                assertEquals(expected.length, actual.length);
                for (int s = 0; s < expected.length; s++) {
                    assertEquals(expected[s].step(), actual[s].step());
                    assertArrayEquals(expected[s].probabilities(), actual[s].probabilities(), 0.0);
                    assertArrayEquals(expected[s].logits(), actual[s].logits(), 0.0);
                    assertEquals(expected[s].survivors(), actual[s].survivors());
                    assertEquals(Double.doubleToLongBits(expected[s].originalMass()),
                            Double.doubleToLongBits(actual[s].originalMass()));
                    assertEquals(Double.doubleToLongBits(expected[s].entropy()),
                            Double.doubleToLongBits(actual[s].entropy()));
                    for (int i = 0; i < z.length; i++) {
                        assertEquals(Double.doubleToLongBits(expected[s].probabilities()[i]),
                                Double.doubleToLongBits(actual[s].probability(i)));
                    }
                }
            }
        }
    }

    @Test
    void refusesAStageThatIsNotAnInputStage() {
        SamplerChain chain = chain(SamplerChain.HUGGING_FACE_ORDER, 2, 0, 1, 0.2, 1);
        Stage later = chain.stages(Z)[1];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> chain.stages(later));
        assertEquals("input: must be the input stage of SamplerChain.input, was the stage of TEMPERATURE",
                e.getMessage());
    }
}
