package dev.softmaxexplorer.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class CalibrationTest {

    /** One set of calibration-references.json (make_calibration_references.py). */
    private record Reference(String name, double[][] logits, int[] labels, double accuracy,
            double fitted, List<?> at) {

        static List<Reference> all() {
            List<Reference> out = new ArrayList<>();
            for (Object o : (List<?>) Json.resource("calibration-references.json")) {
                Map<?, ?> c = (Map<?, ?>) o;
                List<?> rows = (List<?>) c.get("logits");
                double[][] z = new double[rows.size()][];
                for (int i = 0; i < z.length; i++) {
                    z[i] = Json.numbers(rows.get(i));
                }
                double[] y = Json.numbers(c.get("labels"));
                int[] labels = new int[y.length];
                for (int i = 0; i < y.length; i++) {
                    labels[i] = (int) y[i];
                }
                Object fitted = c.get("fitted");
                out.add(new Reference((String) c.get("name"), z, labels,
                        Json.number(c.get("accuracy")),
                        fitted == null ? Double.NaN : Json.number(fitted), (List<?>) c.get("at")));
            }
            return out;
        }
    }

    /**
     * The NLL within 1 ulp (the guarantee; the worst is printed), the ECE within 1 ulp plus
     * N 2^-104, the bin counts and the accuracy exact, at every temperature of every set.
     */
    @Test
    void matchesHighPrecisionReferences() {
        List<String> failures = new ArrayList<>();
        long worstNll = 0;
        long worstEce = 0;
        int values = 0;
        for (Reference r : Reference.all()) {
            assertEquals(r.accuracy(), Calibration.accuracy(r.logits(), r.labels()), r.name());
            for (Object o : r.at()) {
                Map<?, ?> at = (Map<?, ?>) o;
                double t = Json.number(at.get("t"));
                double nll = Calibration.negativeLogLikelihood(r.logits(), r.labels(), t);
                long nllError = Ulps.error(nll, Json.number(at.get("nll")));
                worstNll = Math.max(worstNll, nllError);
                values++;
                if (nllError > 1) {
                    failures.add(r.name() + " T=" + t + ": NLL " + nll + " (" + nllError + " ulp)");
                }
                Map<?, ?> eces = (Map<?, ?>) at.get("ece");
                Map<?, ?> counts = (Map<?, ?>) at.get("counts");
                for (Object key : eces.keySet()) {
                    int bins = Integer.parseInt((String) key);
                    double exact = Json.number(eces.get(key));
                    CalibrationResult result = Calibration.evaluate(r.logits(), r.labels(), t, bins);
                    double ece = Calibration.expectedCalibrationError(r.logits(), r.labels(), t, bins);
                    assertEquals(ece, result.expectedCalibrationError());
                    assertEquals(nll, result.negativeLogLikelihood());
                    long eceError = Ulps.error(ece, exact);
                    values++;
                    boolean within = eceError <= 1
                            || Math.abs(ece - exact) <= r.logits().length * 0x1p-104;
                    worstEce = Math.max(worstEce, eceError);
                    if (!within) {
                        failures.add(r.name() + " T=" + t + " M=" + bins + ": ECE " + ece
                                + " exact " + exact + " (" + eceError + " ulp)");
                    }
                    double[] expectedCounts = Json.numbers(counts.get(key));
                    double[] actualCounts = new double[bins];
                    for (int m = 0; m < bins; m++) {
                        actualCounts[m] = result.count(m);
                    }
                    assertArrayEquals(expectedCounts, actualCounts, r.name() + " T=" + t + " M=" + bins);
                }
            }
        }
        System.out.println("Calibration: " + values + " values, worst NLL " + worstNll
                + " ulp, worst ECE " + worstEce + " ulp");
        assertEquals(List.of(), failures);
    }

    /** The fitted temperature within 1e-9 relative of mpmath's root (the worst is printed). */
    @Test
    void fittedTemperatureMatchesTheRootOfTheDerivative() {
        double worst = 0;
        int sets = 0;
        for (Reference r : Reference.all()) {
            if (Double.isNaN(r.fitted())) {
                expect("labels: ", () -> Calibration.fitTemperature(r.logits(), r.labels()));
                continue;
            }
            double t = Calibration.fitTemperature(r.logits(), r.labels());
            double relative = Math.abs(t - r.fitted()) / r.fitted();
            worst = Math.max(worst, relative);
            sets++;
            assertTrue(relative <= 1e-9, r.name() + ": fitted " + t + ", exact " + r.fitted());
        }
        System.out.println("Calibration.fitTemperature: " + sets + " sets, worst relative error "
                + worst);
    }

    @Test
    void theSeededSetIsThePythonTranscriptions() {
        Reference seeded = Reference.all().stream().filter(r -> r.name().equals("seeded set 42"))
                .findFirst().orElseThrow();
        ValidationSet set = ValidationSet.overconfident(42, ValidationSet.SEEDED_SIZE,
                ValidationSet.SEEDED_CLASSES);
        assertEquals(seeded.labels().length, set.size());
        for (int i = 0; i < set.size(); i++) {
            assertEquals(seeded.labels()[i], set.label(i), "label " + i);
            for (int j = 0; j < set.classes(); j++) {
                assertEquals(seeded.logits()[i][j], set.logit(i, j), "logit " + i + ", " + j);
            }
        }
    }

    /** The seeded model is over-confident: temperature scaling raises T and lowers ECE and NLL. */
    @Test
    void theSeededModelIsOverConfident() {
        ValidationSet set = ValidationSet.overconfident(42, 1000, 10);
        double t = set.fitTemperature();
        CalibrationResult before = set.evaluate(1.0, 15);
        CalibrationResult after = set.evaluate(t, 15);
        assertTrue(t > 1.5 && t < 4, "fitted T " + t);
        assertTrue(after.expectedCalibrationError() < before.expectedCalibrationError() / 3,
                before.expectedCalibrationError() + " -> " + after.expectedCalibrationError());
        double confidence = 0;
        for (int m = 0; m < before.bins(); m++) {
            confidence += before.count(m) * (before.count(m) == 0 ? 0 : before.confidence(m));
        }
        assertTrue(confidence / 1000 > before.accuracy() + 0.2, "mean confidence " + confidence);
    }

    @Test
    void fittedTemperatureBeatsOneAndItsNeighbours() {
        SeededGenerator random = new SeededGenerator(5);
        for (int trial = 0; trial < 20; trial++) {
            int k = 2 + trial % 7;
            int n = 5 + 13 * trial;
            double[][] z = new double[n][k];
            int[] y = new int[n];
            for (int i = 0; i < n; i++) {
                y[i] = (int) Math.floor(random.nextDouble() * k);
                for (int j = 0; j < k; j++) {
                    z[i][j] = (random.nextDouble() - 0.5) * (trial + 1) + (j == y[i] ? trial % 3 : 0);
                }
            }
            double t;
            try {
                t = Calibration.fitTemperature(z, y);
            } catch (IllegalArgumentException noMinimiser) {
                continue;
            }
            double best = Calibration.negativeLogLikelihood(z, y, t);
            for (double other : new double[] {1.0, t * (1 + 1e-6), t * (1 - 1e-6), t * 1.01, t / 1.01}) {
                assertTrue(best <= Calibration.negativeLogLikelihood(z, y, other),
                        "trial " + trial + ": T " + t + " vs " + other);
            }
        }
    }

    @Test
    void accuracyIsTheSameAtEveryTemperatureAndEceIsInTheUnitInterval() {
        ValidationSet set = ValidationSet.overconfident(3, 200, 5);
        double accuracy = set.evaluate(1.0, 10).accuracy();
        for (double t : new double[] {1e-300, 1e-6, 0.1, 0.9, 3, 1e6, 1e300}) {
            for (int bins : new int[] {1, 10, 15, 100}) {
                CalibrationResult r = set.evaluate(t, bins);
                assertEquals(accuracy, r.accuracy(), "T " + t);
                assertTrue(r.expectedCalibrationError() >= 0 && r.expectedCalibrationError() <= 1,
                        "ECE " + r.expectedCalibrationError() + " at T " + t);
                int total = 0;
                for (int m = 0; m < bins; m++) {
                    total += r.count(m);
                }
                assertEquals(200, total);
            }
        }
    }

    @Test
    void binsAreHalfOpenOnTheLeft() {
        assertEquals(4, Calibration.binOf(0.5, 10));
        assertEquals(5, Calibration.binOf(Math.nextUp(0.5), 10));
        assertEquals(9, Calibration.binOf(1.0, 10));
        assertEquals(0, Calibration.binOf(0.25, 4));
        assertEquals(0, Calibration.binOf(Double.MIN_VALUE, 15));
        // 0.1 * 10 is exactly 1.0000000000000000555...: above 1, so the second bin.
        assertEquals(1, Calibration.binOf(0.1, 10));
        assertEquals(2, Calibration.binOf(0.3, 10), "0.3 is below 3/10: the third bin");
        assertEquals(0, Calibration.binOf(1.0 / 15, 15), "fl(1/15) is below 1/15");
    }

    @Test
    void setsWithoutAMinimiserAreRejected() {
        expect("labels: every label's logit is the largest", () -> Calibration.fitTemperature(
                new double[][] {{2, 1}, {0, 3}}, new int[] {0, 1}));
        expect("labels: the labels' logits are on average no higher", () -> Calibration.fitTemperature(
                new double[][] {{2, 1}, {0, 3}}, new int[] {1, 0}));
    }

    @Test
    void badInputNamesTheArgument() {
        double[][] z = {{1, 2}, {3, 4}};
        int[] y = {0, 1};
        expect("logits must not be null", () -> Calibration.negativeLogLikelihood(null, y, 1));
        expect("logits must not be empty (N = 0)",
                () -> Calibration.negativeLogLikelihood(new double[0][], new int[0], 1));
        expect("labels must not be null", () -> Calibration.accuracy(z, null));
        expect("labels must have one entry per row of logits (2), had 1",
                () -> Calibration.accuracy(z, new int[] {0}));
        expect("logits[1] must have 2 classes like logits[0], had 3",
                () -> Calibration.accuracy(new double[][] {{1, 2}, {1, 2, 3}}, y));
        expect("logits[1] must not be null", () -> Calibration.accuracy(new double[][] {{1, 2}, null}, y));
        expect("logits[0] must have at least one class, was empty",
                () -> Calibration.accuracy(new double[][] {{}}, new int[] {0}));
        expect("logits[1][0] must be finite, was NaN",
                () -> Calibration.fitTemperature(new double[][] {{1, 2}, {Double.NaN, 4}}, y));
        expect("logits[0][1] must be finite, was -Infinity",
                () -> Calibration.accuracy(new double[][] {{1, Double.NEGATIVE_INFINITY}, {3, 4}}, y));
        expect("labels[1] must be in [0, 2), was 2", () -> Calibration.accuracy(z, new int[] {0, 2}));
        expect("labels[0] must be in [0, 2), was -1", () -> Calibration.accuracy(z, new int[] {-1, 0}));
        expect("temperature must be finite and > 0, was 0",
                () -> Calibration.negativeLogLikelihood(z, y, 0));
        expect("temperature must be finite and > 0, was NaN",
                () -> Calibration.expectedCalibrationError(z, y, Double.NaN, 10));
        expect("bins must be >= 1, was 0", () -> Calibration.expectedCalibrationError(z, y, 1, 0));
        expect("size must be >= 1, was 0", () -> ValidationSet.overconfident(1, 0, 10));
        expect("classes must be >= 2, was 1", () -> ValidationSet.overconfident(1, 10, 1));
    }

    private static void expect(String start, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().startsWith(start), e.getMessage());
    }
}
