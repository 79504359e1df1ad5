package dev.softmaxexplorer.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The adversarial inputs of cancellation-cases.json (make_cancellation_references.py, mpmath at
 * 1500 digits): log-sum-exp near 0 and gradient components where p_i is close to y_i, down to
 * differences of 2^-900 between operands of order 1. Every value within 1 ulp (1e-300 absolute
 * below 1e-300).
 */
class CancellationTest {

    private static long worstLse = -1;
    private static long worstGradient = -1;
    private static String worstLseCase = "";
    private static String worstGradientCase = "";

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (Object o : (List<?>) Json.resource("cancellation-cases.json")) {
            Map<?, ?> c = (Map<?, ?>) o;
            out.add(Arguments.of(c.get("name"), c));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void withinOneUlp(String name, Map<?, ?> c) {
        double[] z = Json.numbers(c.get("z"));
        double t = Json.number(c.get("t"));
        int target = (int) Json.number(c.get("c"));
        double eps = Json.number(c.get("eps"));
        List<String> failures = new ArrayList<>();
        double lse = Softmax.logSumExp(z);
        double lseExact = Json.number(c.get("lse"));
        long err = Ulps.error(lse, lseExact);
        record(true, err, name);
        if (err > 1) {
            failures.add("logSumExp " + lse + " exact " + lseExact + " (" + err + " ulp)");
        }
        double[] g = Softmax.gradient(z, t, target, eps);
        double[] gExact = Json.numbers(c.get("grad"));
        for (int i = 0; i < z.length; i++) {
            long e = Ulps.error(g[i], gExact[i]);
            record(false, e, name);
            if (e > 1) {
                failures.add("gradient[" + i + "] " + g[i] + " exact " + gExact[i] + " (" + e + " ulp)");
            }
        }
        assertArrayEquals(g, Softmax.evaluate(z, t, target, eps).gradient(), name);
        assertTrue(failures.isEmpty(), name + ": " + failures);
    }

    private static synchronized void record(boolean lse, long err, String name) {
        if (lse && err > worstLse) {
            worstLse = err;
            worstLseCase = name;
        } else if (!lse && err > worstGradient) {
            worstGradient = err;
            worstGradientCase = name;
        }
    }

    @AfterAll
    static void printWorstErrors() {
        System.out.println("Worst error in ulps over the cancellation cases: logSumExp=" + worstLse
                + " [" + worstLseCase + "]; gradient=" + worstGradient + " [" + worstGradientCase
                + "]");
    }
}
