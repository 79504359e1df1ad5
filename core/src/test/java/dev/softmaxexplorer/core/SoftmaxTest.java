package dev.softmaxexplorer.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SoftmaxTest {

    /** Worst error in ulps per function over all reference cases, printed once at the end. */
    private static final Map<String, Long> WORST = new TreeMap<>();
    private static final Map<String, String> WORST_CASE = new TreeMap<>();

    /**
     * reference-cases.json: from make_reference.py (100-digit mpmath), beside it.
     * more-reference-cases.json and k4096-reference-case.json: extreme inputs from
     * make_more_references.py (same method), beside them in src/test/resources.
     */
    static Stream<Arguments> referenceCases() {
        List<Arguments> out = new ArrayList<>();
        for (String file : new String[] {"reference-cases.json", "more-reference-cases.json", "k4096-reference-case.json"}) {
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

    /** The logistic points of double-double-references.json (make_more_references.py, mpmath). */
    static Stream<Arguments> sigmoidReferences() {
        List<Arguments> out = new ArrayList<>();
        for (Object o : (List<?>) Json.resource("double-double-references.json")) {
            Map<?, ?> point = (Map<?, ?>) o;
            if (point.get("f").equals("sigmoid")) {
                out.add(Arguments.of(Json.number(point.get("x")),
                        Json.numbers(point.get("y"))[0]));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "sigmoid({0})")
    @MethodSource("sigmoidReferences")
    void sigmoidIsCorrectlyRounded(double x, double exact) {
        assertEquals(exact, Softmax.sigmoid(x));
    }

    @Test
    void sigmoidLimitsAndTwoClassIdentity() {
        assertEquals(1.0, Softmax.sigmoid(Double.POSITIVE_INFINITY));
        assertEquals(0.0, Softmax.sigmoid(Double.NEGATIVE_INFINITY));
        assertEquals(0.5, Softmax.sigmoid(0.0));
        for (double[] ab : new double[][] {{1, 0}, {0, 1}, {3.25, -2.5}, {-700, 30}, {40, 2}}) {
            assertEquals(Softmax.sigmoid(ab[0] - ab[1]), Softmax.softmax(ab, 1.0)[0]);
        }
    }

    /**
     * Property over seeded random pairs whose difference a - b is exact (checked in BigDecimal):
     * two-class softmax is the logistic function of the difference,
     * bit for bit, for both classes.
     */
    @Test
    void twoClassSoftmaxIsTheSigmoidOfTheDifferenceBitForBit() {
        java.util.Random random = new java.util.Random(2024);
        int checked = 0;
        for (int trial = 0; trial < 5000; trial++) {
            double a = random.nextGaussian() * Math.pow(10, random.nextInt(7) - 2);
            double b = switch (trial % 3) {
                case 0 -> a * (0.5 + 1.5 * random.nextDouble());
                case 1 -> Math.rint(random.nextGaussian() * 50) / 8;
                default -> a + Math.rint(random.nextGaussian() * 1000) / 64;
            };
            double d = a - b;
            if (new java.math.BigDecimal(a).subtract(new java.math.BigDecimal(b))
                    .compareTo(new java.math.BigDecimal(d)) != 0) {
                continue;
            }
            double[] p = Softmax.softmax(new double[] {a, b}, 1.0);
            assertEquals(Softmax.sigmoid(d), p[0], "a = " + a + ", b = " + b);
            assertEquals(Softmax.sigmoid(b - a), p[1], "a = " + a + ", b = " + b);
            checked++;
        }
        assertTrue(checked > 3000, "only " + checked + " exact differences");
    }

    private static void assertRejected(String expectedMessage, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertEquals(expectedMessage, e.getMessage());
    }

    @Test
    void badLogitsNameTheArgumentAndValue() {
        assertRejected("logits must not be null", () -> Softmax.softmax(null, 1.0));
        assertRejected("logits must not be empty (K = 0)",
                () -> Softmax.logSoftmax(new double[0], 1.0));
        assertRejected("logits[1] must not be NaN, was NaN",
                () -> Softmax.logSumExp(new double[] {0, Double.NaN}));
        assertRejected("logits[2] must be finite or -Infinity (masked), was Infinity",
                () -> Softmax.argmax(new double[] {0, 1, Double.POSITIVE_INFINITY}));
        assertRejected("logits must not all be -Infinity (all 2 classes masked)",
                () -> Softmax.entropy(new double[] {Double.NEGATIVE_INFINITY,
                    Double.NEGATIVE_INFINITY}, 1.0));
    }

    @Test
    void badTemperatureTargetAndSmoothingNameTheArgumentAndValue() {
        double[] z = {2, 1, 0};
        assertRejected("temperature must be finite and > 0, was -1",
                () -> Softmax.softmax(z, -1.0));
        assertRejected("temperature must be finite and > 0, was 0",
                () -> Softmax.softmax(z, 0.0));
        assertRejected("temperature must be finite and > 0, was NaN",
                () -> Softmax.softmax(z, Double.NaN));
        assertRejected("temperature must be finite and > 0, was Infinity",
                () -> Softmax.margin(z, Double.POSITIVE_INFINITY, 0));
        assertRejected("target must be in [0, 3), was 3",
                () -> Softmax.crossEntropy(z, 1.0, 3, 0.0));
        assertRejected("target must be in [0, 3), was -1",
                () -> Softmax.gradient(z, 1.0, -1, 0.0));
        assertRejected("labelSmoothing must be in [0, 1], was 1.5",
                () -> Softmax.evaluate(z, 1.0, 0, 1.5));
        assertRejected("labelSmoothing must be in [0, 1], was -0.1",
                () -> Softmax.perplexity(z, 1.0, 0, -0.1));
        assertRejected("labelSmoothing must be in [0, 1], was NaN",
                () -> Softmax.crossEntropy(z, 1.0, 0, Double.NaN));
        assertRejected("x must not be NaN, was NaN", () -> Softmax.sigmoid(Double.NaN));
    }

    @Test
    void negativeInfinityMasksAClass() {
        double inf = Double.POSITIVE_INFINITY;
        double[] z = {1.0, Double.NEGATIVE_INFINITY, 0.5};
        double[] p = Softmax.softmax(z, 0.7);
        assertEquals(0.0, p[1]);
        assertArrayEquals(Softmax.softmax(new double[] {1.0, 0.5}, 0.7),
                new double[] {p[0], p[2]});
        assertEquals(Double.NEGATIVE_INFINITY, Softmax.logSoftmax(z, 0.7)[1]);
        assertEquals(Softmax.logSumExp(new double[] {1.0, 0.5}), Softmax.logSumExp(z));
        assertEquals(Softmax.crossEntropy(new double[] {1.0, 0.5}, 0.7, 0, 0.0),
                Softmax.crossEntropy(z, 0.7, 0, 0.0));
        assertEquals(inf, Softmax.crossEntropy(z, 0.7, 1, 0.0), "masked target");
        assertEquals(inf, Softmax.crossEntropy(z, 0.7, 0, 0.1), "smoothing weighs the mask");
        assertEquals(inf, Softmax.perplexity(z, 0.7, 1, 0.0));
        double[] g = Softmax.gradient(z, 0.7, 0, 0.3);
        assertEquals(-(0.3 / 3) / 0.7, g[1], 1e-16);
        assertEquals(Softmax.entropy(new double[] {1.0, 0.5}, 0.7), Softmax.entropy(z, 0.7));
        assertEquals(Double.NEGATIVE_INFINITY, Softmax.margin(z, 0.7, 1));
        assertEquals(inf, Softmax.margin(new double[] {2.0, Double.NEGATIVE_INFINITY}, 1.0, 0));
        assertEquals(0, Softmax.argmax(new double[] {Double.NEGATIVE_INFINITY, 3, 3}) - 1);
    }

    @Test
    void argmaxAndMarginConventions() {
        assertEquals(1, Softmax.argmax(new double[] {1, 5, 5, 2}));
        assertEquals(0.0, Softmax.margin(new double[] {1, 5, 5, 2}, 1.0, 2));
        assertEquals(3.0, Softmax.margin(new double[] {1, 5, 2}, 1.0, 1));
        assertEquals(-30.0, Softmax.margin(new double[] {1, 5, 2}, 0.1, 2));
        assertEquals(Double.POSITIVE_INFINITY, Softmax.margin(new double[] {4}, 1.0, 0));
        assertEquals(Double.NEGATIVE_INFINITY,
                Softmax.margin(new double[] {-1e308, 1e308}, 1e-300, 0));
    }

    @Test
    void resultAccessorsCopy() {
        SoftmaxResult r = Softmax.evaluate(new double[] {2, 1, 0}, 1.0, 0, 0.0);
        assertEquals(3, r.size());
        double[] p = r.probabilities();
        p[0] = 7;
        assertEquals(0.6652409557748219, r.probabilities()[0]);
        assertEquals(r.logProbability(2), r.logProbabilities()[2]);
        assertEquals(r.gradient(1), r.gradient()[1]);
    }

    /**
     * The per-class work arrays are reused from call to call: whether the previous call had more
     * classes, masked ones or negligible terms (e^-2000) must not change a single bit.
     */
    @Test
    void resultsDoNotDependOnThePreviousCall() {
        double[][] inputs = {
            {3, Double.NEGATIVE_INFINITY, 1, -2000, 0.5},
            {0.25, 0.25},
            {-1e300, 1e300, 7, Double.NEGATIVE_INFINITY, -3, 2, 2},
            {1},
            {-2000, 0, Double.NEGATIVE_INFINITY},
        };
        List<String> forward = new ArrayList<>();
        for (double[] z : inputs) {
            forward.add(bits(Softmax.evaluate(z, 0.7, 0, 0.1)));
        }
        for (int i = inputs.length - 1; i >= 0; i--) {
            assertEquals(forward.get(i), bits(Softmax.evaluate(inputs[i], 0.7, 0, 0.1)));
        }
    }

    private static String bits(SoftmaxResult r) {
        return Arrays.toString(r.probabilities())
                + Arrays.toString(r.logProbabilities())
                + Arrays.toString(r.gradient()) + r.crossEntropy() + " " + r.entropy();
    }

    /** One input of the properties below; each property reads the parameters it needs. */
    private record Input(double[] z, double t, int shift, double eps) {
        @Override
        public String toString() {
            return "z = " + Arrays.toString(z) + ", t = " + t + ", shift = " + shift + ", eps = " + eps;
        }
    }

    /** Every combination of the given edge cases of each parameter. */
    private static List<Input> edges(List<double[]> logits, List<Double> temperatures, List<Integer> shifts,
            List<Double> smoothings) {
        List<Input> out = new ArrayList<>();
        for (double[] z : logits) {
            for (double t : temperatures) {
                for (int shift : shifts) {
                    for (double eps : smoothings) {
                        out.add(new Input(z, t, shift, eps));
                    }
                }
            }
        }
        return out;
    }

    /**
     * 1 to maxSize elements; a fifth of them repeat an earlier element, so that ties (equal
     * logits, the argmax's and the gradient's hard case) are common.
     */
    private static double[] array(SplittableRandom random, int maxSize, ToDoubleFunction<SplittableRandom> element) {
        double[] z = new double[random.nextInt(1, maxSize + 1)];
        for (int i = 0; i < z.length; i++) {
            z[i] = i > 0 && random.nextInt(5) == 0 ? z[random.nextInt(i)] : element.applyAsDouble(random);
        }
        return z;
    }

    /**
     * Arrays of the given values: each alone and each tied with itself, the values in order (one
     * array per maxSize of them), the largest array filled with min, with 0 and with max, and
     * min and max both ways round.
     */
    private static List<double[]> arrayEdges(List<Double> values, int maxSize, double min, double max) {
        List<double[]> out = new ArrayList<>();
        for (double v : values) {
            out.add(new double[] {v});
            out.add(new double[] {v, v});
        }
        for (double v : new double[] {min, 0, max}) {
            double[] full = new double[maxSize];
            Arrays.fill(full, v);
            out.add(full);
        }
        for (int from = 0; from < values.size(); from += maxSize) {
            out.add(values.subList(from, Math.min(from + maxSize, values.size())).stream()
                    .mapToDouble(Double::doubleValue).toArray());
        }
        out.add(new double[] {min, max});
        out.add(new double[] {max, min});
        return out;
    }

    private static final double LOGIT_BOUND = 50;

    /** Logits in [-50, 50], 1 to 40 of them. */
    private static double[] logits(SplittableRandom random) {
        return array(random, 40, r -> r.nextDouble(-LOGIT_BOUND, LOGIT_BOUND));
    }

    private static final List<double[]> LOGIT_EDGES =
            arrayEdges(SeededCases.specialDoublesBetween(-LOGIT_BOUND, LOGIT_BOUND), 40, -LOGIT_BOUND, LOGIT_BOUND);

    /** Temperatures 10^-3 to 10^3, every decade alike. */
    private static double temperature(SplittableRandom random) {
        return Math.pow(10, random.nextDouble(-3, 3));
    }

    private static final List<Double> TEMPERATURE_EDGES = SeededCases.distinct(
            SeededCases.specialDoublesBetween(-3, 3).stream().map(e -> Math.pow(10, e)).toList());

    private static final List<Double> SMOOTHING_EDGES = SeededCases.specialDoublesBetween(0, 1);

    /** Label smoothing in [0, 1]; nextDouble leaves out 1, which is among the edge cases. */
    private static double smoothing(SplittableRandom random) {
        return random.nextDouble();
    }

    private static final List<Integer> NO_SHIFT = List.of(0);
    private static final List<Double> NO_SMOOTHING = List.of(0.0);

    @Test
    void probabilitiesSumToOne() {
        SeededCases.forAll(edges(LOGIT_EDGES, TEMPERATURE_EDGES, NO_SHIFT, NO_SMOOTHING), 300,
                random -> new Input(logits(random), temperature(random), 0, 0.0), c -> {
                    double sum = 0;
                    for (double p : Softmax.softmax(c.z(), c.t())) {
                        sum += p;
                    }
                    assertEquals(1.0, sum, c.z().length * 0x1p-52);
                });
    }

    @Test
    void invariantUnderAddingAConstant() {
        List<Input> edges = edges(LOGIT_EDGES, TEMPERATURE_EDGES, SeededCases.specialIntsBetween(-64, 64), NO_SMOOTHING);
        SeededCases.forAll(edges, 300,
                random -> new Input(logits(random), temperature(random), random.nextInt(-64, 65), 0.0), input -> {
                    double[] z = input.z();
                    double t = input.t();
                    int c = input.shift();
                    // Integers scaled to multiples of 2^-20 with a small constant: every z_i + c is exact.
                    double[] a = new double[z.length];
                    double[] b = new double[z.length];
                    for (int i = 0; i < z.length; i++) {
                        a[i] = Math.rint(z[i] * 0x1p20) * 0x1p-20;
                        b[i] = a[i] + c;
                    }
                    assertArrayEquals(Softmax.softmax(a, t), Softmax.softmax(b, t));
                    assertArrayEquals(Softmax.logSoftmax(a, t), Softmax.logSoftmax(b, t));
                    double lseA = Softmax.logSumExp(a);
                    double lseB = Softmax.logSumExp(b);
                    // Both are correctly rounded, so they differ from the exact shift by half an ulp each.
                    assertEquals(lseA + c, lseB, Math.ulp(lseA) + Math.ulp(lseB));
                });
    }

    @Test
    void argmaxIgnoresTemperature() {
        SeededCases.forAll(edges(LOGIT_EDGES, TEMPERATURE_EDGES, NO_SHIFT, NO_SMOOTHING), 300,
                random -> new Input(logits(random), temperature(random), 0, 0.0), c -> {
                    double[] p = Softmax.softmax(c.z(), c.t());
                    int best = Softmax.argmax(c.z());
                    for (double v : p) {
                        assertTrue(v <= p[best]);
                    }
                    assertEquals(best, Softmax.evaluate(c.z(), c.t(), 0, 0.0).predictedClass());
                });
    }

    @Test
    void gradientSumsToZeroAndMatchesFiniteDifferences() {
        SeededCases.forAll(edges(LOGIT_EDGES, TEMPERATURE_EDGES, NO_SHIFT, SMOOTHING_EDGES), 300,
                random -> new Input(logits(random), temperature(random), 0, smoothing(random)), input -> {
                    double[] z = input.z();
                    double t = input.t();
                    double eps = input.eps();
                    int c = z.length / 2;
                    double[] g = Softmax.gradient(z, t, c, eps);
                    double sum = 0;
                    double size = 0;
                    for (double v : g) {
                        sum += v;
                        size += Math.abs(v);
                    }
                    assertEquals(0.0, sum, 1e-14 * size + 1e-300);
                    int i = z.length - 1;
                    double h = 1e-5 * Math.max(t, 1e-3);
                    double[] up = z.clone();
                    double[] down = z.clone();
                    up[i] += h;
                    down[i] -= h;
                    double fd = (Softmax.crossEntropy(up, t, c, eps) - Softmax.crossEntropy(down, t, c, eps))
                            / (up[i] - down[i]);
                    assertEquals(g[i], fd, 1e-5 * Math.max(1.0, Math.abs(g[i])) + 1e-6 / t);
                });
    }

    @Test
    void logSoftmaxIsLogOfSoftmax() {
        SeededCases.forAll(edges(LOGIT_EDGES, TEMPERATURE_EDGES, NO_SHIFT, NO_SMOOTHING), 300,
                random -> new Input(logits(random), temperature(random), 0, 0.0), c -> {
                    double[] p = Softmax.softmax(c.z(), c.t());
                    double[] logp = Softmax.logSoftmax(c.z(), c.t());
                    for (int i = 0; i < c.z().length; i++) {
                        if (p[i] > 1e-300) {
                            assertEquals(Math.log(p[i]), logp[i], 4 * Math.ulp(Math.log(p[i])) + 1e-16);
                        }
                    }
                });
    }

    @Test
    void logSumExpShiftsWithTheLogits() {
        // logSumExp has no temperature: 1 stands in for it.
        List<Input> edges = edges(LOGIT_EDGES, List.of(1.0), SeededCases.specialIntsBetween(-1000, 1000), NO_SMOOTHING);
        SeededCases.forAll(edges, 300, random -> new Input(logits(random), 1.0, random.nextInt(-1000, 1001), 0.0),
                input -> {
                    double[] z = input.z();
                    int c = input.shift();
                    double[] shifted = new double[z.length];
                    double[] a = new double[z.length];
                    for (int i = 0; i < z.length; i++) {
                        a[i] = Math.rint(z[i] * 0x1p20) * 0x1p-20;
                        shifted[i] = a[i] + c;
                    }
                    double lseA = Softmax.logSumExp(a);
                    double lseShifted = Softmax.logSumExp(shifted);
                    assertEquals(lseA + c, lseShifted, Math.ulp(lseA) + Math.ulp(lseShifted));
                });
    }

    @Test
    void noNaNFromFiniteInput() {
        List<Double> specials = SeededCases.specialDoubles();
        List<double[]> logits = arrayEdges(specials, 8, -Double.MAX_VALUE, Double.MAX_VALUE);
        List<Double> temperatures = specials.stream().filter(t -> t > 0).toList();
        SeededCases.forAll(edges(logits, temperatures, NO_SHIFT, SMOOTHING_EDGES), 200,
                random -> new Input(array(random, 8, SeededCases::finiteBits), extremeTemperature(random), 0,
                        smoothing(random)), c -> {
                    double[] z = c.z();
                    SoftmaxResult r = Softmax.evaluate(z, c.t(), 0, c.eps());
                    for (int i = 0; i < z.length; i++) {
                        assertTrue(!Double.isNaN(r.probability(i)) && !Double.isNaN(r.logProbability(i))
                                && !Double.isNaN(r.gradient(i)));
                    }
                    assertTrue(!Double.isNaN(r.crossEntropy()) && !Double.isNaN(r.entropy()));
                    assertTrue(!Double.isNaN(Softmax.logSumExp(z)) && Double.isFinite(Softmax.logSumExp(z)));
                });
    }

    /** Any positive finite double: subnormal and huge temperatures are common. */
    private static double extremeTemperature(SplittableRandom random) {
        double t;
        do {
            t = Math.abs(SeededCases.finiteBits(random));
        } while (t == 0);
        return t;
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

    @Test
    void effectiveClassCountIsExpOfTheEntropy() {
        // Uniform over 4: H = ln 4, exp(H) = 4; p = (1/2, 1/2, 0 masked): 2; one certain class: 1.
        assertEquals(4.0, Softmax.evaluate(new double[] {1, 1, 1, 1}, 1, 0, 0).effectiveClassCount(), 4 * 0x1p-52);
        assertEquals(2.0, Softmax.evaluate(new double[] {3, 3, Double.NEGATIVE_INFINITY}, 1, 0, 0)
                .effectiveClassCount(), 2 * 0x1p-52);
        assertEquals(1.0, Softmax.evaluate(new double[] {0, -1e6}, 1, 0, 0).effectiveClassCount());
    }
}
