package dev.softmaxexplorer.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class InverseSoftmaxTest {

    /**
     * inverse-references.json (make_inverse_references.py, 400-digit mpmath): within 1 ulp, or,
     * where the three terms cancel to below 2^-40 of the largest, within 2^-100 of it.
     */
    @Test
    void matchesHighPrecisionReferences() {
        List<String> failures = new ArrayList<>();
        long worst = 0;
        int cancelling = 0;
        List<?> cases = (List<?>) Json.resource("inverse-references.json");
        for (Object o : cases) {
            Map<?, ?> c = (Map<?, ?>) o;
            double[] z = Json.numbers(c.get("z"));
            double t = Json.number(c.get("t"));
            int i = (int) Json.number(c.get("i"));
            double q = Json.number(c.get("q"));
            double exact = Json.number(c.get("logit"));
            double scale = Json.number(c.get("scale"));
            double actual = InverseSoftmax.logitFor(z, t, i, q);
            String where = "z[" + z.length + "]=" + (z.length <= 10 ? java.util.Arrays.toString(z) : "...")
                    + " t=" + t + " i=" + i + " q=" + q + ": got " + actual + ", exact " + exact;
            if (Math.abs(exact) < scale * 0x1p-40) {
                cancelling++;
                if (!(Math.abs(actual - exact) <= scale * 0x1p-100)) {
                    failures.add(where + " (cancelling)");
                }
            } else {
                long err = Ulps.error(actual, exact);
                worst = Math.max(worst, err);
                if (err > 1) {
                    failures.add(where + " (" + err + " ulp)");
                }
            }
        }
        System.out.println("InverseSoftmax.logitFor: " + cases.size() + " cases, worst " + worst
                + " ulp; " + cancelling + " cancelling");
        assertEquals(List.of(), failures);
    }

    @Test
    void theLogitItGivesHasTheProbabilityAsked() {
        double[] z = {2, 1, 0};
        for (double q : new double[] {0.01, 0.2, 0.5, 0.8, 0.99}) {
            z[1] = InverseSoftmax.logitFor(z, 0.7, 1, q);
            double p = Softmax.softmax(z, 0.7)[1];
            assertEquals(q, p, 4 * Math.ulp(q), "q = " + q);
        }
    }

    @Test
    void edgesOfTheProbability() {
        assertEquals(Double.NEGATIVE_INFINITY, InverseSoftmax.logitFor(new double[] {2, 1, 0}, 1, 0, 0.0));
        assertEquals(3.5, InverseSoftmax.logitFor(new double[] {3.5, Double.NEGATIVE_INFINITY}, 1, 0, 1.0));
        assertEquals(0.0, InverseSoftmax.logitFor(
                new double[] {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY}, 1, 0, 1.0));
        assertEquals(Double.MAX_VALUE, InverseSoftmax.logitFor(new double[] {0, 0}, 1e308, 0, 0.9));
        assertEquals(-Double.MAX_VALUE, InverseSoftmax.logitFor(new double[] {0, 0}, 1e308, 0, 0.1));
    }

    @Test
    void badInputNamesTheArgument() {
        double[] z = {2, 1, 0};
        expect("logits must not be null", () -> InverseSoftmax.logitFor(null, 1, 0, 0.5));
        expect("logits must not be empty", () -> InverseSoftmax.logitFor(new double[0], 1, 0, 0.5));
        expect("logits[1] must be finite", () -> InverseSoftmax.logitFor(new double[] {0, Double.NaN}, 1, 0, 0.5));
        expect("logits[0] must be finite",
                () -> InverseSoftmax.logitFor(new double[] {Double.POSITIVE_INFINITY, 0}, 1, 1, 0.5));
        expect("temperature must be finite and > 0, was 0", () -> InverseSoftmax.logitFor(z, 0, 0, 0.5));
        expect("temperature must be finite and > 0, was Infinity",
                () -> InverseSoftmax.logitFor(z, Double.POSITIVE_INFINITY, 0, 0.5));
        expect("index must be in [0, 3), was 3", () -> InverseSoftmax.logitFor(z, 1, 3, 0.5));
        expect("index must be in [0, 3), was -1", () -> InverseSoftmax.logitFor(z, 1, -1, 0.5));
        expect("probability must be in [0, 1], was NaN", () -> InverseSoftmax.logitFor(z, 1, 0, Double.NaN));
        expect("probability must be in [0, 1], was 1.5", () -> InverseSoftmax.logitFor(z, 1, 0, 1.5));
        expect("probability must be < 1", () -> InverseSoftmax.logitFor(z, 1, 0, 1.0));
        expect("probability must be 1 when every other class is masked",
                () -> InverseSoftmax.logitFor(new double[] {0, Double.NEGATIVE_INFINITY}, 1, 0, 0.5));
    }

    private static void expect(String start, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().startsWith(start), e.getMessage());
    }
}
