package dev.softmaxexplorer.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * {@link CalibrationPass}, the lean per-example pass of {@link Calibration#evaluate}, gives the
 * same bits as the straightforward pass it replaced: one {@code Softmax.Exponentials} per example,
 * its double-double cross-entropy summed and its correctly rounded top probability binned (kept
 * here as {@link #byExponentials}). Compared on many seeded sets and temperatures and on sets
 * that send rows down every fallback (overflowing differences, extreme temperatures, ties, tiny
 * differences); the values themselves are checked against mpmath in {@code CalibrationTest}.
 */
class CalibrationPassTest {

    private static final double[] TEMPERATURES = {1.0, 0.5, 2.5, 0.37, 3.0, 1e-3, 17.0, 1e3, 0x1p-61, 0x1p61,
        1e-300, 1e300};

    @Test
    void seededSetsGiveTheBitsOfOneSoftmaxPerExample() {
        int compared = 0;
        for (int seed = 1; seed <= 40; seed++) {
            int classes = 2 + seed % 12;
            ValidationSet set = ValidationSet.overconfident(seed, 50 + 7 * seed, classes);
            double[][] z = rows(set);
            int[] y = labels(set);
            for (double t : TEMPERATURES) {
                for (int bins : new int[] {1, 10, 15}) {
                    assertSame(byExponentials(z, y, t, bins), set.evaluate(t, bins), "seed " + seed + " T " + t);
                    compared++;
                }
            }
        }
        assertEquals(40 * TEMPERATURES.length * 3, compared);
    }

    /** The page's seeded set at temperatures along its slider's range (the differences are kept per set). */
    @Test
    void thePagesSeededSetAlongTheSlider() {
        ValidationSet set = ValidationSet.overconfident(42, ValidationSet.SEEDED_SIZE, ValidationSet.SEEDED_CLASSES);
        double[][] z = rows(set);
        int[] y = labels(set);
        SeededGenerator random = new SeededGenerator(19);
        for (int m = 0; m < 40; m++) {
            double t = 0.05 * Math.pow(400.0, random.nextDouble());
            assertSame(byExponentials(z, y, t, 10), set.evaluate(t, 10), "T " + t);
        }
    }

    @Test
    void extremeRowsGiveTheSameBits() {
        SeededGenerator random = new SeededGenerator(7);
        double[][] z = {
            {1e308, -1e308, 0.0},
            {-1.7e308, 1.7e308, 1.7e308},
            {5.0, 5.0, 5.0},
            {1.0, 1.0 + 0x1p-52, 1.0 - 0x1p-53},
            {0x1p-1074, 0.0, -0x1p-1074},
            {1e-20, 3e-19, -2e-19},
            {800.0, -800.0, 0.0},
            {2.0, 1.0, 3.0},
            {1e17, 1e17 + 16, 1e17 - 16},
            {0.0, 0x1p-70, 1e-300},
        };
        int[] y = {1, 0, 2, 1, 0, 2, 1, 0, 2, 1};
        for (double t : TEMPERATURES) {
            assertSame(byExponentials(z, y, t, 10), Calibration.evaluate(z, y, t, 10), "T " + t);
        }
        double[][] wide = new double[300][4];
        int[] labels = new int[300];
        for (int i = 0; i < wide.length; i++) {
            double scale = Math.pow(10.0, Math.floor(random.nextDouble() * 40) - 20);
            for (int j = 0; j < 4; j++) {
                wide[i][j] = (random.nextDouble() - 0.5) * scale;
            }
            labels[i] = (int) Math.floor(random.nextDouble() * 4);
        }
        for (double t : TEMPERATURES) {
            assertSame(byExponentials(wide, labels, t, 15), Calibration.evaluate(wide, labels, t, 15), "wide T " + t);
        }
    }

    /** The pass of one Softmax.Exponentials per example (the code CalibrationPass replaced). */
    private static CalibrationResult byExponentials(double[][] logits, int[] labels, double t, int bins) {
        int n = logits.length;
        MutableDoubleDouble lossSum = new MutableDoubleDouble();
        double[] hi = new double[bins];
        double[] lo = new double[bins];
        int[] counts = new int[bins];
        int[] correct = new int[bins];
        int correctTotal = 0;
        MutableDoubleDouble s = new MutableDoubleDouble();
        for (int i = 0; i < n; i++) {
            int label = labels[i];
            try (Softmax.Exponentials ex = new Softmax.Exponentials(logits[i], t, label)) {
                lossSum.add(Softmax.crossEntropy(ex, label, 0.0));
                double confidence = ex.probability(ex.top);
                int bin = Calibration.binOf(confidence, bins);
                counts[bin]++;
                s.set(hi[bin], lo[bin]).add(confidence);
                hi[bin] = s.hi;
                lo[bin] = s.lo;
                if (ex.top == label) {
                    correct[bin]++;
                    correctTotal++;
                }
            }
        }
        return Calibration.result(t, lossSum.div(n).hi, n, correctTotal, counts, correct, hi, lo);
    }

    private static void assertSame(CalibrationResult expected, CalibrationResult actual, String where) {
        assertEquals(bits(expected.negativeLogLikelihood()), bits(actual.negativeLogLikelihood()), where + " NLL");
        assertEquals(bits(expected.expectedCalibrationError()), bits(actual.expectedCalibrationError()), where + " ECE");
        assertEquals(bits(expected.accuracy()), bits(actual.accuracy()), where + " accuracy");
        for (int m = 0; m < expected.bins(); m++) {
            assertEquals(expected.count(m), actual.count(m), where + " count " + m);
            assertEquals(expected.correct(m), actual.correct(m), where + " correct " + m);
            assertEquals(bits(expected.confidence(m)), bits(actual.confidence(m)), where + " confidence " + m);
            assertEquals(bits(expected.accuracy(m)), bits(actual.accuracy(m)), where + " accuracy " + m);
        }
    }

    private static long bits(double x) {
        return Double.doubleToRawLongBits(x);
    }

    private static double[][] rows(ValidationSet set) {
        double[][] z = new double[set.size()][set.classes()];
        for (int i = 0; i < set.size(); i++) {
            for (int j = 0; j < set.classes(); j++) {
                z[i][j] = set.logit(i, j);
            }
        }
        return z;
    }

    private static int[] labels(ValidationSet set) {
        int[] y = new int[set.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = set.label(i);
        }
        return y;
    }
}
