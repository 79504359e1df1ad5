package dev.softmaxexplorer.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SoftmaxTest {

    /** Worst error in ulps per function over all reference cases, printed once at the end. */
    private static final Map<String, Long> WORST = new TreeMap<>();
    private static final Map<String, String> WORST_CASE = new TreeMap<>();

    /**
     * reference-cases.json: the shared fixtures (make_reference.py, 100-digit mpmath).
     * more-reference-cases.json: extreme inputs from make_more_references.py (same method),
     * beside it in src/test/resources.
     */
    static Stream<Arguments> referenceCases() {
        List<Arguments> out = new ArrayList<>();
        for (String file : new String[] {"reference-cases.json", "more-reference-cases.json"}) {
            for (Object o : (List<?>) Json.resource(file)) {
                Map<?, ?> c = (Map<?, ?>) o;
                out.add(Arguments.of(file + ": " + c.get("name"), c));
            }
        }
        return out.stream();
    }

    private static void check(String function, String name, double actual, double exact,
            List<String> failures) {
        long err = Ulps.error(actual, exact);
        synchronized (WORST) {
            if (err > WORST.getOrDefault(function, -1L)) {
                WORST.put(function, err);
                WORST_CASE.put(function, name);
            }
        }
        if (err > 1) {
            failures.add(function + ": got " + actual + ", exact " + exact + " (" + err + " ulp)");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("referenceCases")
    void matchesReferenceWithinOneUlp(String name, Map<?, ?> c) {
        double[] z = Json.numbers(c.get("z"));
        double t = Json.number(c.get("t"));
        int target = (int) Json.number(c.get("c"));
        double eps = Json.number(c.get("eps"));
        List<String> failures = new ArrayList<>();

        double[] p = Softmax.softmax(z, t);
        double[] logp = Softmax.logSoftmax(z, t);
        double[] grad = Softmax.gradient(z, t, target, eps);
        double[] expP = Json.numbers(c.get("p"));
        double[] expLogp = Json.numbers(c.get("logp"));
        double[] expGrad = Json.numbers(c.get("grad"));
        for (int i = 0; i < z.length; i++) {
            check("softmax", name, p[i], expP[i], failures);
            check("logSoftmax", name, logp[i], expLogp[i], failures);
            check("gradient", name, grad[i], expGrad[i], failures);
        }
        check("logSumExp", name, Softmax.logSumExp(z), Json.number(c.get("lse")), failures);
        check("crossEntropy(eps=0)", name, Softmax.crossEntropy(z, t, target, 0.0),
                Json.number(c.get("ce")), failures);
        double ceSmooth = Json.number(c.get("ceSmooth"));
        check("crossEntropy(eps)", name, Softmax.crossEntropy(z, t, target, eps), ceSmooth,
                failures);

        SoftmaxResult r = Softmax.evaluate(z, t, target, eps);
        for (int i = 0; i < z.length; i++) {
            assertEquals(p[i], r.probability(i), name);
            assertEquals(logp[i], r.logProbability(i), name);
            assertEquals(grad[i], r.gradient(i), name);
        }
        assertEquals(Softmax.crossEntropy(z, t, target, eps), r.crossEntropy(), name);
        assertEquals(Softmax.entropy(z, t), r.entropy(), name);
        assertEquals(Softmax.perplexity(z, t, target, eps), r.perplexity(), name);
        assertEquals(Softmax.argmax(z), r.predictedClass(), name);
        if (c.containsKey("entropy")) {
            check("entropy", name, r.entropy(), Json.number(c.get("entropy")), failures);
            check("perplexity", name, r.perplexity(), Json.number(c.get("perplexity")), failures);
            check("margin", name, Softmax.margin(z, t, target), Json.number(c.get("margin")),
                    failures);
        }
        assertTrue(failures.isEmpty(), name + ": " + failures);
    }

    @AfterAll
    static void printWorstErrors() {
        StringBuilder sb = new StringBuilder("Worst error in ulps over all reference cases:");
        for (Map.Entry<String, Long> e : WORST.entrySet()) {
            sb.append(' ').append(e.getKey()).append('=').append(e.getValue())
                    .append(" [").append(WORST_CASE.get(e.getKey())).append(']');
            sb.append(';');
        }
        System.out.println(sb);
    }
}
