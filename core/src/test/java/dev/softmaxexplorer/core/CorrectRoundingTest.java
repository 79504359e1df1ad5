package dev.softmaxexplorer.core;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Issue 21: every result of {@link Softmax} is the correctly rounded double of the exact value
 * (0 ulp; within 1e-300 absolute below 1e-300), over rounding-cases.json
 * (make_rounding_references.py: 1,200 seeded random extreme inputs and inputs next to, or on,
 * the rounding midpoints of each quantity, from 200-digit mpmath) and every other reference set
 * of the repository.
 */
class CorrectRoundingTest {

    /** The reference files with the fields of reference-cases.json, values as plain numbers. */
    private static final String[] PLAIN_SETS = {
        "reference-cases.json", "more-reference-cases.json", "k4096-reference-case.json",
    };

    @Test
    void everyQuantityOfTheRoundingSetIsCorrectlyRounded() {
        Tally tally = new Tally();
        int slowBefore = Softmax.slowPathCount();
        int leftOutBefore = WideSoftmax.decidedByLeftOut;
        for (Object o : (List<?>) Json.resource("rounding-cases.json")) {
            check((Map<?, ?>) o, tally, true);
        }
        System.out.println("Slow path over rounding-cases.json: "
                + (Softmax.slowPathCount() - slowBefore) + " results, of which "
                + (WideSoftmax.decidedByLeftOut - leftOutBefore)
                + " decided at the last precision by the left-out terms");
        tally.assertNone("rounding-cases.json");
    }

    @Test
    void everyQuantityOfTheOtherReferenceSetsIsCorrectlyRounded() {
        Tally tally = new Tally();
        for (String set : PLAIN_SETS) {
            for (Object o : (List<?>) Json.resource(set)) {
                check((Map<?, ?>) o, tally, false);
            }
        }
        for (Object o : (List<?>) Json.resource("cancellation-cases.json")) {
            Map<?, ?> c = (Map<?, ?>) o;
            double[] z = Json.numbers(c.get("z"));
            double t = Json.number(c.get("t"));
            int target = (int) Json.number(c.get("c"));
            double eps = Json.number(c.get("eps"));
            String name = "cancellation " + c.get("name");
            tally.compare(name, "lse", Softmax.logSumExp(z), Json.number(c.get("lse")));
            tally.compare(name, "grad", Softmax.gradient(z, t, target, eps),
                    Json.numbers(c.get("grad")));
            tally.compare(name, "grad (evaluate)",
                    Softmax.evaluate(z, t, target, eps).gradient(), Json.numbers(c.get("grad")));
        }
        tally.assertNone("the other reference sets");
    }

    /** Every quantity of one case, from the single-purpose methods and from evaluate. */
    private static void check(Map<?, ?> c, Tally tally, boolean pairs) {
        String name = (String) c.get("name");
        double[] z = Json.numbers(c.get("z"));
        double t = Json.number(c.get("t"));
        int target = (int) Json.number(c.get("c"));
        double eps = Json.number(c.get("eps"));
        SoftmaxResult r = Softmax.evaluate(z, t, target, eps);
        SoftmaxResult plain = Softmax.evaluate(z, t, target, 0.0);
        double[] p = rounded(c.get("p"), pairs);
        double[] logp = rounded(c.get("logp"), pairs);
        double[] grad = rounded(c.get("grad"), pairs);
        tally.compare(name, "p", Softmax.softmax(z, t), p);
        tally.compare(name, "p (evaluate)", r.probabilities(), p);
        tally.compare(name, "logp", Softmax.logSoftmax(z, t), logp);
        tally.compare(name, "logp (evaluate)", r.logProbabilities(), logp);
        tally.compare(name, "grad", Softmax.gradient(z, t, target, eps), grad);
        tally.compare(name, "grad (evaluate)", r.gradient(), grad);
        tally.compare(name, "lse", Softmax.logSumExp(z), roundedOne(c.get("lse"), pairs));
        double ce = roundedOne(c.get("ce"), pairs);
        tally.compare(name, "ce", Softmax.crossEntropy(z, t, target, 0.0), ce);
        tally.compare(name, "ce (evaluate)", plain.crossEntropy(), ce);
        double ceSmooth = roundedOne(c.get("ceSmooth"), pairs);
        tally.compare(name, "ceSmooth", Softmax.crossEntropy(z, t, target, eps), ceSmooth);
        tally.compare(name, "ceSmooth (evaluate)", r.crossEntropy(), ceSmooth);
        if (c.containsKey("entropy")) {
            double h = roundedOne(c.get("entropy"), pairs);
            tally.compare(name, "entropy", Softmax.entropy(z, t), h);
            tally.compare(name, "entropy (evaluate)", r.entropy(), h);
            double pp = roundedOne(c.get("perplexity"), pairs);
            tally.compare(name, "perplexity", Softmax.perplexity(z, t, target, eps), pp);
            tally.compare(name, "perplexity (evaluate)", r.perplexity(), pp);
            tally.compare(name, "margin", Softmax.margin(z, t, target),
                    roundedOne(c.get("margin"), pairs));
        }
    }

    private static double[] rounded(Object values, boolean pairs) {
        if (!pairs) {
            return Json.numbers(values);
        }
        List<?> list = (List<?>) values;
        double[] out = new double[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = roundedOne(list.get(i), true);
        }
        return out;
    }

    private static double roundedOne(Object value, boolean pairs) {
        return pairs ? Json.number(((List<?>) value).get(0)) : Json.number(value);
    }

    /** Counts of compared and of misrounded values per quantity, and the first failures. */
    private static final class Tally {
        private final Map<String, int[]> counts = new TreeMap<>();
        private final List<String> failures = new ArrayList<>();

        void compare(String name, String quantity, double[] actual, double[] exact) {
            for (int i = 0; i < exact.length; i++) {
                compare(name + " [" + i + "]", quantity, actual[i], exact[i]);
            }
        }

        void compare(String name, String quantity, double actual, double exact) {
            int[] count = counts.computeIfAbsent(quantity, q -> new int[2]);
            count[0]++;
            if (Ulps.error(actual, exact) != 0) {
                count[1]++;
                if (failures.size() < 40) {
                    failures.add(name + " " + quantity + ": " + actual + " exact " + exact);
                }
            }
        }

        void assertNone(String set) {
            StringBuilder summary = new StringBuilder("Misrounded values over " + set + ":");
            counts.forEach((q, n) -> summary.append(' ').append(q).append(' ').append(n[1])
                    .append('/').append(n[0]).append(';'));
            System.out.println(summary);
            assertTrue(failures.isEmpty(), summary + "\n" + String.join("\n", failures));
        }
    }
}
