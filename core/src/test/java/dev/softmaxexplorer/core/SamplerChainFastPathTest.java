package dev.softmaxexplorer.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.softmaxexplorer.core.SamplerChain.Stage;
import dev.softmaxexplorer.core.SamplerChain.Step;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The chain's fast path (one sort of the logits, each filter's order derived from it in O(K),
 * each softmax over the survivors only) against the plain definition, bit for bit: every stage
 * the softmax over all K classes with -Infinity for the removed ones, every filter's classes
 * from its own merge sort of that stage's probabilities. The vectors are made to hit what the
 * derivation must get right: equal logits, different logits whose probabilities round to one
 * double (ties go to the lower index), classes masked at the input, classes whose probability
 * underflows to 0 while they survive, and a vocabulary of 50,257.
 */
class SamplerChainFastPathTest {

    private static final Step[][] ORDERS = {
        SamplerChain.HUGGING_FACE_ORDER, SamplerChain.LLAMA_CPP_ORDER,
        {Step.TYPICAL, Step.TEMPERATURE, Step.TOP_P, Step.TOP_K, Step.MIN_P},
        {Step.TOP_P, Step.TYPICAL, Step.TOP_K},
    };

    /** One stage as the plain definition gives it. */
    private record Plain(double[] logits, double temperature, double[] p, int survivors, double mass,
            double entropy, double effective) {
    }

    private static Plain[] plain(Step[] order, double t, int k, double topP, double minP, double typical,
            double[] z) {
        Plain[] out = new Plain[order.length + 1];
        double[] original = Softmax.softmax(z, 1.0);
        double[] masked = z.clone();
        out[0] = plainStage(masked, 1.0, original);
        double applied = 1.0;
        for (int s = 0; s < order.length; s++) {
            double[] current = out[s].p;
            boolean[] kept = switch (order[s]) {
                case TEMPERATURE -> null;
                case TOP_K -> k == 0 || k >= z.length ? null : TokenFilter.keptByTopK(current, k);
                case TOP_P -> topP == 1.0 ? null : TokenFilter.keptByTopP(current, topP);
                case MIN_P -> minP == 0.0 ? null : TokenFilter.keptByMinP(current, minP);
                case TYPICAL -> typical == 1.0 ? null : TokenFilter.keptByTypical(current, typical);
            };
            if (order[s] == Step.TEMPERATURE) {
                applied = t;
            }
            for (int i = 0; kept != null && i < z.length; i++) {
                if (!kept[i]) {
                    masked[i] = Double.NEGATIVE_INFINITY;
                }
            }
            out[s + 1] = plainStage(masked, applied, original);
        }
        return out;
    }

    private static Plain plainStage(double[] masked, double t, double[] original) {
        int survivors = 0;
        DoubleDouble mass = DoubleDouble.ZERO;
        for (int i = 0; i < masked.length; i++) {
            if (masked[i] != Double.NEGATIVE_INFINITY) {
                survivors++;
                mass = mass.add(original[i]);
            }
        }
        double entropy = Softmax.entropy(masked, t);
        return new Plain(masked.clone(), t, Softmax.softmax(masked, t), survivors, mass.value(), entropy,
                DoubleDouble.exp(DoubleDouble.of(entropy)).value());
    }

    private static void assertSameAsPlain(Step[] order, double t, int k, double topP, double minP,
            double typical, double[] z, Stage input) {
        Stage[] actual = new SamplerChain(order, t, k, topP, minP, typical).stages(input);
        assertSameAsPlain(actual, order, t, k, topP, minP, typical, z, input);
    }

    private static void assertSameAsPlain(Stage[] actual, Step[] order, double t, int k, double topP,
            double minP, double typical, double[] z, Stage input) {
        Plain[] expected = plain(order, t, k, topP, minP, typical, z);
        assertEquals(expected.length, actual.length);
        for (int s = 0; s < expected.length; s++) {
            String where = "stage " + s + " of " + java.util.Arrays.toString(order) + " at T = " + t + ", k = " + k
                    + ", top-p " + topP + ", min-p " + minP + ", typical " + typical + ", K = " + z.length;
            assertArrayEquals(expected[s].logits, actual[s].logits(), 0.0, where);
            assertArrayEquals(expected[s].p, actual[s].probabilities(), 0.0, where);
            assertEquals(expected[s].temperature, actual[s].temperature(), 0.0, where);
            assertEquals(expected[s].survivors, actual[s].survivors(), where);
            assertEquals(Double.doubleToLongBits(expected[s].mass), Double.doubleToLongBits(actual[s].originalMass()),
                    where);
            assertEquals(Double.doubleToLongBits(expected[s].entropy), Double.doubleToLongBits(actual[s].entropy()),
                    where);
            assertEquals(Double.doubleToLongBits(expected[s].effective),
                    Double.doubleToLongBits(actual[s].effectiveClasses()), where);
            assertOrdersDerived(actual[s].probabilities(), input.logitOrder(), where);
        }
        // The draws from the last stage, over its survivors only, both ways of counting.
        Stage last = actual[actual.length - 1];
        for (int n : new int[] {100, last.survivors() + 1}) {
            int[] counts = Sampling.counts(expected[expected.length - 1].p, n, 7);
            assertArrayEquals(counts, last.counts(n, 7), "counts of " + n + " draws");
            // Into an array handed back: what it held is overwritten; one of another length is not used.
            int[] reuse = new int[z.length];
            java.util.Arrays.fill(reuse, 3);
            int[] into = last.counts(n, 7, reuse);
            assertTrue(into == reuse, "the array of K ints handed back is used");
            assertArrayEquals(counts, into, "counts of " + n + " draws into a used array");
            assertArrayEquals(counts, last.counts(n, 7, new int[z.length + 1]), "counts beside an array too long");
        }
    }

    /**
     * The premise of the fast path holds, so it did not fall back to sorting: the stage's
     * probabilities follow the logits' order, and typical's distances fall, then rise, along them.
     */
    private static void assertOrdersDerived(double[] p, int[] logitOrder, String where) {
        int[] descending = ProbabilityOrder.derivedDescending(p, logitOrder);
        assertTrue(descending != null, where + ": probabilities out of the logits' order");
        double[] distance = TokenFilter.typicalDistances(p, new double[p.length]);
        assertTrue(ProbabilityOrder.derivedAscendingDistance(distance, descending) != null,
                where + ": typical's distances are not V-shaped");
    }

    /** Random chains on one vector, its input stage computed once as the page keeps it. */
    private static void assertChainsSameAsPlain(double[] z, SplittableRandom random, int chains) {
        Stage input = SamplerChain.input(z);
        for (int c = 0; c < chains; c++) {
            Step[] order = ORDERS[c % ORDERS.length];
            double t = c % 3 == 0 ? 1.0 : Math.exp(1.5 * random.nextGaussian());
            int k = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(Math.min(z.length, 200));
            double topP = random.nextInt(4) == 0 ? 1.0 : random.nextDouble();
            double minP = random.nextInt(3) == 0 ? 0.0 : random.nextDouble() * 0.2;
            double typical = random.nextInt(3) == 0 ? 1.0 : 0.05 + 0.95 * random.nextDouble();
            assertSameAsPlain(order, t, k, topP, minP, typical, z, input);
        }
    }

    @Test
    void gaussianLogitsWithMaskedClasses() {
        SplittableRandom random = new SplittableRandom(1801);
        for (int n = 0; n < 200; n++) {
            double[] z = new double[2 + random.nextInt(400)];
            for (int i = 0; i < z.length; i++) {
                z[i] = random.nextInt(15) == 0 ? Double.NEGATIVE_INFINITY : random.nextGaussian() * 3;
            }
            z[random.nextInt(z.length)] = 2;
            assertChainsSameAsPlain(z, random, 8);
        }
    }

    /** Logits on a coarse grid: long runs of equal logits, hence of equal probabilities. */
    @Test
    void equalLogits() {
        SplittableRandom random = new SplittableRandom(1802);
        for (int n = 0; n < 150; n++) {
            double[] z = new double[2 + random.nextInt(300)];
            for (int i = 0; i < z.length; i++) {
                z[i] = random.nextInt(6) - 3;
            }
            assertChainsSameAsPlain(z, random, 8);
        }
    }

    /**
     * Different logits with one probability: neighbouring doubles (an ulp apart changes p by
     * less than its ulp, mostly), and at T = 1e6 logits up to about 1e-10 apart. The ties must
     * go by index, not by logit; the vectors check that such runs occur.
     */
    @Test
    void equalProbabilitiesFromDifferentLogits() {
        SplittableRandom random = new SplittableRandom(1803);
        int runs = 0;
        for (int n = 0; n < 150; n++) {
            double[] z = new double[2 + random.nextInt(300)];
            for (int i = 0; i < z.length; i++) {
                double base = random.nextInt(4) * 0.5;
                for (int u = random.nextInt(4); u > 0; u--) {
                    base = Math.nextUp(base);
                }
                z[i] = random.nextInt(3) == 0 ? base + random.nextInt(1000) * 1e-13 : base;
            }
            double[] p = Softmax.softmax(z, 1.0);
            for (int i = 0; i < z.length; i++) {
                for (int j = i + 1; j < z.length && runs < 1; j++) {
                    if (z[i] != z[j] && p[i] == p[j]) {
                        runs++;
                    }
                }
            }
            Stage input = SamplerChain.input(z);
            for (Step[] order : ORDERS) {
                assertSameAsPlain(order, 1.0, 1 + random.nextInt(z.length), random.nextDouble(), 0.5, 0.5, z, input);
                assertSameAsPlain(order, 1e6, 1 + random.nextInt(z.length), random.nextDouble(), 0.99, 0.3, z, input);
            }
            assertChainsSameAsPlain(z, random, 4);
        }
        assertTrue(runs > 0, "no two different logits had one probability");
    }

    /** Classes that survive with p = 0 (e^-1000 underflows) among masked ones, and huge logits. */
    @Test
    void underflowingAndHugeLogits() {
        SplittableRandom random = new SplittableRandom(1804);
        for (int n = 0; n < 100; n++) {
            double[] z = new double[2 + random.nextInt(200)];
            for (int i = 0; i < z.length; i++) {
                z[i] = switch (random.nextInt(5)) {
                    case 0 -> Double.NEGATIVE_INFINITY;
                    case 1 -> -1000 - random.nextInt(3);
                    case 2 -> 1e308 * random.nextDouble();
                    default -> random.nextGaussian();
                };
            }
            z[random.nextInt(z.length)] = 0;
            assertChainsSameAsPlain(z, random, 6);
        }
    }

    /** A GPT-2-sized vocabulary: logits on a 1e-4 grid as a pasted vector has them, some repeated. */
    @Test
    void aVocabularyOf50257() {
        SplittableRandom random = new SplittableRandom(1805);
        double[] z = new double[50_257];
        for (int i = 0; i < z.length; i++) {
            z[i] = Math.round(random.nextGaussian() * 2.5 * 1e4) / 1e4;
        }
        z[random.nextInt(z.length)] = Double.NEGATIVE_INFINITY;
        Stage input = SamplerChain.input(z);
        assertSameAsPlain(SamplerChain.HUGGING_FACE_ORDER, 0.7, 40, 0.9, 0.05, 0.95, z, input);
        assertSameAsPlain(SamplerChain.LLAMA_CPP_ORDER, 1.3, 0, 0.9, 0.05, 1.0, z, input);
        assertSameAsPlain(ORDERS[2], 2.0, 50, 0.95, 0.0, 0.8, z, input);
        assertSameAsPlain(SamplerChain.HUGGING_FACE_ORDER, 3.0, 0, 1.0, 0.0, 1.0, z, input);
    }

    /**
     * Re-runs that take over an earlier run's stages give the plain stages: a sequence of chains
     * on one vector, each differing from the one before in one thing (T, a filter's parameter,
     * the order), each run from the one before. Where the earlier stage must be taken over, it
     * is: with the temperature last, a move of T keeps every stage before it, and a filter's
     * parameter moved by an ulp (which keeps the same classes here) keeps the very stage objects.
     */
    @Test
    void reRunsFromAnEarlierRunGiveThePlainStages() {
        SplittableRandom random = new SplittableRandom(1807);
        int keptObjects = 0;
        for (int n = 0; n < 60; n++) {
            double[] z = new double[2 + random.nextInt(300)];
            for (int i = 0; i < z.length; i++) {
                z[i] = random.nextInt(15) == 0 ? Double.NEGATIVE_INFINITY
                        : n % 2 == 0 ? random.nextGaussian() * 3 : random.nextInt(6) - 3;
            }
            z[random.nextInt(z.length)] = 2;
            Stage input = SamplerChain.input(z);
            Step[] order = ORDERS[n % ORDERS.length];
            double t = Math.exp(random.nextGaussian());
            int k = 1 + random.nextInt(z.length);
            double topP = random.nextDouble();
            double minP = random.nextDouble() * 0.2;
            double typical = 0.05 + 0.95 * random.nextDouble();
            Stage[] previous = new SamplerChain(order, t, k, topP, minP, typical).stages(input);
            for (int move = 0; move < 12; move++) {
                switch (random.nextInt(7)) {
                    case 0, 1 -> t = Math.exp(random.nextGaussian());
                    case 2 -> k = random.nextInt(3) == 0 ? 0 : 1 + random.nextInt(z.length);
                    case 3 -> topP = random.nextInt(3) == 0 ? 1.0 : random.nextDouble();
                    case 4 -> minP = random.nextInt(3) == 0 ? 0.0 : random.nextDouble() * 0.2;
                    case 5 -> typical = random.nextInt(3) == 0 ? 1.0 : 0.05 + 0.95 * random.nextDouble();
                    default -> order = ORDERS[random.nextInt(ORDERS.length)];
                }
                Stage[] stages = new SamplerChain(order, t, k, topP, minP, typical).stages(input, previous);
                assertSameAsPlain(stages, order, t, k, topP, minP, typical, z, input);
                previous = stages;
            }
            // The temperature last: a new T keeps every stage before it.
            Step[] llama = SamplerChain.LLAMA_CPP_ORDER;
            Stage[] before = new SamplerChain(llama, t, k, topP, minP, typical).stages(input, previous);
            Stage[] after = new SamplerChain(llama, t * 1.5, k, topP, minP, typical).stages(input, before);
            assertSameAsPlain(after, llama, t * 1.5, k, topP, minP, typical, z, input);
            for (int s = 0; s < llama.length; s++) {
                assertTrue(after[s] == before[s], "stage " + s + " before the temperature kept");
            }
            // Min-p moved by an ulp keeps its classes here, and so the stage and every one after it.
            Step[] hf = SamplerChain.HUGGING_FACE_ORDER;
            double minPOn = 0.01 + minP;
            Stage[] first = new SamplerChain(hf, t, k, topP, minPOn, typical).stages(input);
            Stage[] moved = new SamplerChain(hf, t, k, topP, Math.nextUp(minPOn), typical).stages(input, first);
            assertSameAsPlain(moved, hf, t, k, topP, Math.nextUp(minPOn), typical, z, input);
            boolean sameClasses = first[4].survivors() == moved[4].survivors();
            if (sameClasses) {
                for (int s = 0; s < hf.length + 1; s++) {
                    assertTrue(moved[s] == first[s], "stage " + s + " kept");
                }
                assertTrue(moved[hf.length].sameDistributionAs(first[hf.length]));
                keptObjects++;
            }
            // A run from another input is not taken over.
            Stage other = SamplerChain.input(z);
            Stage[] elsewhere = new SamplerChain(hf, t, k, topP, minPOn, typical).stages(other, first);
            assertSameAsPlain(elsewhere, hf, t, k, topP, minPOn, typical, z, other);
            assertTrue(elsewhere[1] != first[1], "a stage of another input taken over");
        }
        assertTrue(keptObjects > 30, "min-p moved by an ulp kept its classes only " + keptObjects + " times");
    }

    /** On the vocabulary of 50,257, T moving in both orders, as the page's drag does. */
    @Test
    void temperatureMovesOnAVocabularyOf50257() {
        SplittableRandom random = new SplittableRandom(1808);
        double[] z = new double[50_257];
        for (int i = 0; i < z.length; i++) {
            z[i] = Math.round(random.nextGaussian() * 2.5 * 1e4) / 1e4;
        }
        Stage input = SamplerChain.input(z);
        for (Step[] order : new Step[][] {SamplerChain.HUGGING_FACE_ORDER, SamplerChain.LLAMA_CPP_ORDER}) {
            Stage[] previous = null;
            for (double t : new double[] {1.0, 1.26, 0.5, 3.0}) {
                Stage[] stages = new SamplerChain(order, t, 0, 0.9, 0.05, 1.0).stages(input, previous);
                assertSameAsPlain(stages, order, t, 0, 0.9, 0.05, 1.0, z, input);
                previous = stages;
            }
        }
    }

    /**
     * The derived orders on their own, against the merge sorts, also where the premise fails (an
     * order that is not the logits', weights that are not a softmax): the check falls back.
     */
    @Test
    void derivedOrdersEqualTheSortedOnes() {
        SplittableRandom random = new SplittableRandom(1806);
        for (int n = 0; n < 500; n++) {
            int classes = 1 + random.nextInt(100);
            double[] z = new double[classes];
            for (int i = 0; i < classes; i++) {
                z[i] = random.nextInt(10) == 0 ? Double.NEGATIVE_INFINITY : random.nextInt(8) * 0.25;
            }
            z[random.nextInt(classes)] = 1;
            int[] logitOrder = TokenFilter.descendingOrder(z);
            double[] p = Softmax.softmax(z, Math.exp(random.nextGaussian()));
            assertArrayEquals(TokenFilter.descendingOrder(p), ProbabilityOrder.descending(p, logitOrder));
            double[] scrambled = p.clone();
            int a = random.nextInt(classes);
            int b = random.nextInt(classes);
            scrambled[a] = p[b];
            scrambled[b] = p[a];
            assertArrayEquals(TokenFilter.descendingOrder(scrambled), ProbabilityOrder.descending(scrambled,
                    logitOrder));
            double[] w = new double[classes];
            for (int i = 0; i < classes; i++) {
                w[i] = random.nextInt(3) * random.nextDouble();
            }
            w[random.nextInt(classes)] = 1;
            assertArrayEquals(TokenFilter.descendingOrder(w), ProbabilityOrder.descending(w, logitOrder));
            int[] descending = TokenFilter.descendingOrder(p);
            double[] distance = new double[classes];
            for (int i = 0; i < classes; i++) {
                distance[i] = p[i] == 0 ? Double.POSITIVE_INFINITY : Math.abs(-Math.log(p[i]) - 1.0);
            }
            assertArrayEquals(TokenFilter.ascendingOrder(distance), ProbabilityOrder.ascendingDistance(distance,
                    descending));
            for (int i = 0; i < classes; i++) {
                distance[i] = random.nextInt(4);
            }
            assertArrayEquals(TokenFilter.ascendingOrder(distance), ProbabilityOrder.ascendingDistance(distance,
                    descending));
        }
    }
}
