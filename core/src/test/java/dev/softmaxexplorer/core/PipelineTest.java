package dev.softmaxexplorer.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.softmaxexplorer.core.Pipeline.Break;
import dev.softmaxexplorer.core.Pipeline.Fault;
import dev.softmaxexplorer.core.Pipeline.Mode;
import dev.softmaxexplorer.core.Pipeline.Step;
import dev.softmaxexplorer.core.Pipeline.Trace;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class PipelineTest {

    private static Trace naive(Precision precision, double... logits) {
        return Pipeline.trace(logits, 1.0, precision, Mode.NAIVE);
    }

    private static Trace stable(Precision precision, double... logits) {
        return Pipeline.trace(logits, 1.0, precision, Mode.STABLE);
    }

    private static List<Map<?, ?>> referenceCases() {
        return ((List<?>) Json.resource("reference-cases.json")).stream().<Map<?, ?>>map(row -> (Map<?, ?>) row).toList();
    }

    private static boolean allFinite(double[] values) {
        return Arrays.stream(values).allMatch(Double::isFinite);
    }

    private static void assertFinite(Trace trace, String what) {
        assertEquals(java.util.Optional.empty(), trace.firstBreak(), what);
        assertTrue(allFinite(trace.probabilities()) && allFinite(trace.logProbabilities()), what);
    }

    // ---- overflow thresholds of docs/numerics.md (derived there), [x, 0, 0] at T = 1 ----

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "FLOAT64  | 709.782712893384    | 709.7827128933841",
        "FLOAT32  | 88.72283172607421875 | 88.72283935546875",
        "FLOAT32  | 88.72283554077147   | 88.72283554077148",   // both sides of the float32 midpoint
        "FLOAT16  | 11.0859375          | 11.09375",
        "FLOAT16  | 11.089843749999998  | 11.08984375",         // the midpoint itself ties up to 11.09375
        "BFLOAT16 | 88.5                | 89.0",
        "BFLOAT16 | 88.74999999999999   | 88.75",
    })
    void naiveOverflowsExactlyAtTheThreshold(Precision precision, double lastFinite, double firstBroken) {
        assertFinite(naive(precision, lastFinite, 0, 0), "x = " + lastFinite);
        Trace broken = naive(precision, firstBroken, 0, 0);
        assertEquals(new Break(Step.EXP, 0, Fault.POSITIVE_INFINITY), broken.firstBreak().orElseThrow());
        assertTrue(Double.isNaN(broken.probabilities()[0]), "Infinity / Infinity");
        assertEquals(0.0, broken.probabilities()[1], "1 / Infinity");
        assertEquals(Double.NEGATIVE_INFINITY, broken.logProbabilities()[1], "log 0");
        assertFinite(stable(precision, firstBroken, 0, 0), "stable never overflows");
        // The threshold of the page's sentence lies between the two (in float64 it is the last finite logit).
        double threshold = precision.expOverflowThreshold();
        assertTrue(precision.round(lastFinite) <= threshold && threshold < precision.round(firstBroken));
    }

    // ---- the [1000, 999, 998] preset ----

    @Test
    void naiveFloat64BreaksAtTheFirstExp() {
        Trace trace = naive(Precision.FLOAT64, 1000, 999, 998);
        assertEquals(new Break(Step.EXP, 0, Fault.POSITIVE_INFINITY), trace.firstBreak().orElseThrow());
        assertTrue(Arrays.stream(trace.probabilities()).allMatch(Double::isNaN));
        assertTrue(Double.isNaN(trace.max()) && trace.shifted().length == 0);
        assertFalse(trace.uses(Step.MAX) || trace.uses(Step.SHIFTED) || trace.uses(Step.LOG_SUM));
        assertTrue(trace.uses(Step.EXP));
    }

    /**
     * The stable pipeline against the 100-digit reference (reference-cases.json "shift-1000"):
     * in float64 within 2 ulp (e and sum are each rounded once before the division); in the
     * narrow formats within one unit of the format of the reference rounded to that format.
     */
    @ParameterizedTest
    @EnumSource(value = Precision.class, names = {"FLOAT64", "FLOAT32", "FLOAT16"})
    void stableShift1000MatchesTheReference(Precision precision) {
        Map<?, ?> reference = referenceCases().stream()
                .filter(row -> row.get("name").equals("shift-1000")).findFirst().orElseThrow();
        double[] expectedP = Json.numbers(reference.get("p"));
        double[] expectedLogp = Json.numbers(reference.get("logp"));
        Trace trace = stable(precision, 1000, 999, 998);
        assertFinite(trace, precision.toString());
        for (int i = 0; i < 3; i++) {
            assertWithinUnits(precision, expectedP[i], trace.probabilities()[i], "p" + i);
            assertWithinUnits(precision, expectedLogp[i], trace.logProbabilities()[i], "log p" + i);
        }
        assertEquals("0.665", Format.fixed(trace.probabilities()[0], 3));
        assertEquals("0.245", Format.fixed(trace.probabilities()[1], 3));
        assertEquals("0.090", Format.fixed(trace.probabilities()[2], 3));
    }

    /**
     * bfloat16 spaces values 4 apart in [512, 1024): 999 rounds to 1000 and 998, a tie between
     * 996 and 1000, to the even significand, 1000. All three logits are equal, so p = 1/3 each.
     */
    @Test
    void bfloat16CannotTellTheThousandsApart() {
        Trace trace = stable(Precision.BFLOAT16, 1000, 999, 998);
        assertArrayEquals(new double[] {1000, 1000, 1000}, trace.logits());
        double third = Precision.BFLOAT16.round(1.0 / 3.0);
        assertArrayEquals(new double[] {third, third, third}, trace.probabilities());
        assertEquals(0.333984375, third);
    }

    private static void assertWithinUnits(Precision precision, double reference, double actual, String what) {
        double rounded = precision.round(reference);
        int bits = precision.significandBits();
        double unit = Math.scalb(1.0, Math.getExponent(rounded) - bits + 1);
        double allowed = precision == Precision.FLOAT64 ? 2 * unit : unit;
        assertTrue(Math.abs(actual - rounded) <= allowed,
                () -> precision + " " + what + ": " + actual + " vs reference " + rounded);
    }

    /**
     * float16, stable, [2, 1, 0] at T = 1, by hand (values of the format written exactly; the
     * float16 spacing is 2^-12 in [0.25, 0.5), 2^-13 in [0.125, 0.25), 2^-10 in [1, 2)):
     * s = [0, -1, -2];
     * e1 = r(0.3678794412) = 1507 * 2^-12 = 0.367919921875 (0.36787944 * 4096 = 1506.83);
     * e2 = r(0.1353352832) = 1109 * 2^-13 = 0.1353759765625 (* 8192 = 1108.67);
     * sum = r(1 + e1) = r(1400.75 * 2^-10) = 1.3681640625; r(+ e2) = r(1539.625 * 2^-10) = 1.50390625;
     * p0 = r(1 / 1.50390625 = 0.6649350649) = 1362 * 2^-11 = 0.6650390625 (* 2048 = 1361.79);
     * p1 = r(1507 / 6160 = 0.2446428571) = 2004 * 2^-13 = 0.24462890625 (* 8192 = 2004.11);
     * p2 = r(1109 / 12320 = 0.0900162338) = 1475 * 2^-14 = 0.09002685546875 (* 16384 = 1474.83);
     * L = r(ln 1.50390625 = 0.4080658898) = 1671 * 2^-12 = 0.407958984375 (* 4096 = 1671.44);
     * log p = r(s - L) = -0.407958984375, r(-1.407958984375) = -1442 * 2^-10 = -1.408203125,
     * r(-2.407958984375) = -1233 * 2^-9 = -2.408203125.
     * The same numbers come from a Python Fraction + mpmath recomputation.
     */
    @Test
    void float16StableTwoOneZeroByHand() {
        Trace trace = stable(Precision.FLOAT16, 2, 1, 0);
        assertArrayEquals(new double[] {0, -1, -2}, trace.shifted());
        assertArrayEquals(new double[] {1.0, 0.367919921875, 0.1353759765625}, trace.exps());
        assertEquals(1.50390625, trace.sum());
        assertArrayEquals(new double[] {0.6650390625, 0.24462890625, 0.09002685546875}, trace.probabilities());
        assertEquals(0.407958984375, trace.logSum());
        assertArrayEquals(new double[] {-0.407958984375, -1.408203125, -2.408203125}, trace.logProbabilities());
        assertEquals(2.0, trace.max());
    }

    // ---- the K = 1000 float16 summation order note of docs/numerics.md ----

    /**
     * With [x, 0 x 999] our class order adds exp(x) first; in float16 each later 1 is below half
     * the spacing of the running sum (32 near 65248) and vanishes, so the sum stays finite up to
     * the same x as for K = 3, and p_0 = 1 exactly (the real p_0 is 0.985). Adding the 999 ones
     * first (docs/numerics.md) reaches 999 and then overflows from x = 11.078125, checked here with
     * Precision directly.
     */
    @Test
    void float16ThousandClassesSumsTheLargeTermFirst() {
        for (double x : new double[] {11.078125, 11.0859375}) {
            double[] logits = new double[1000];
            logits[0] = x;
            Trace trace = naive(Precision.FLOAT16, logits);
            assertFinite(trace, "x = " + x);
            assertEquals(trace.exps()[0], trace.sum(), "the ones vanish");
            assertEquals(1.0, trace.probabilities()[0]);
            assertEquals(Precision.FLOAT16.round(1 / trace.sum()), trace.probabilities()[1]);
        }
        assertEquals(65248.0, naive(Precision.FLOAT16, 11.0859375).exps()[0]);
        assertEquals(Double.POSITIVE_INFINITY, onesFirstSum(11.078125));
        assertTrue(Double.isFinite(onesFirstSum(11.0703125)));
    }

    private static double onesFirstSum(double x) {
        double sum = 0;
        for (int i = 0; i < 999; i++) {
            sum = Precision.FLOAT16.round(sum + 1.0);
        }
        double e = naive(Precision.FLOAT16, x).exps()[0];
        return Precision.FLOAT16.round(sum + e);
    }

    // ---- rounding of the inputs and other breaks ----

    @Test
    void logitsAndTemperatureAreRoundedFirst() {
        Trace trace = Pipeline.trace(new double[] {0.1, 70000}, 0.1, Precision.FLOAT16, Mode.STABLE);
        assertEquals(0.0999755859375, trace.logits()[0]);
        assertEquals(Double.POSITIVE_INFINITY, trace.logits()[1]);
        assertEquals(0.0999755859375, trace.temperature());
        assertEquals(new Break(Step.LOGIT, 1, Fault.POSITIVE_INFINITY), trace.firstBreak().orElseThrow());
        assertEquals(1.0, trace.scaled()[0]);
        assertTrue(Double.isNaN(trace.shifted()[1]), "Infinity - Infinity");
    }

    @Test
    void temperatureThatRoundsToZeroBreaksTheScaledLogits() {
        Trace trace = Pipeline.trace(new double[] {1, 0}, 1e-9, Precision.FLOAT16, Mode.NAIVE);
        assertEquals(0.0, trace.temperature());
        assertEquals(new Break(Step.SCALED, 0, Fault.POSITIVE_INFINITY), trace.firstBreak().orElseThrow());
        assertTrue(Double.isNaN(trace.scaled()[1]), "0 / 0");
        Trace huge = Pipeline.trace(new double[] {1, 0}, 1e6, Precision.FLOAT16, Mode.NAIVE);
        assertEquals(new Break(Step.TEMPERATURE, -1, Fault.POSITIVE_INFINITY), huge.firstBreak().orElseThrow());
    }

    @Test
    void underflowShowsAsMinusInfinityInNaiveLogP() {
        Trace naive = naive(Precision.FLOAT16, 10, -10);
        assertEquals(0.0, naive.probabilities()[1]);
        assertEquals(new Break(Step.LOG_PROBABILITY, 1, Fault.NEGATIVE_INFINITY), naive.firstBreak().orElseThrow());
        Trace stable = stable(Precision.FLOAT16, 10, -10);
        assertEquals(-20.0, stable.logProbabilities()[1], "stable log p needs no log of p");
    }

    @Test
    void float64StableIsCloseToTheReferenceOnEveryCase() {
        for (Map<?, ?> row : referenceCases()) {
            double[] z = Json.numbers(row.get("z"));
            double t = Json.number(row.get("t"));
            Trace trace = Pipeline.trace(z, t, Precision.FLOAT64, Mode.STABLE);
            double[] p = Json.numbers(row.get("p"));
            for (int i = 0; i < z.length; i++) {
                double error = Math.abs(trace.probabilities()[i] - p[i]);
                // Each x - m is rounded before exp: relative error up to |x - m| * 2^-53 (docs/numerics.md).
                double allowed = Math.ulp(p[i]) * (4 + Math.abs(trace.shifted()[i]));
                assertTrue(p[i] < 1e-300 || error <= allowed,
                        () -> row.get("name") + " p" + " : " + error / Math.ulp(p[0]) + " ulp");
            }
        }
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> Pipeline.trace(null, 1, Precision.FLOAT64, Mode.NAIVE));
        assertThrows(IllegalArgumentException.class, () -> Pipeline.trace(new double[0], 1, Precision.FLOAT64, Mode.NAIVE));
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> Pipeline.trace(new double[] {0, Double.NaN}, 1, Precision.FLOAT64, Mode.NAIVE));
        assertEquals("logits[1]: must be a number, was NaN", nan.getMessage());
        for (double t : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThrows(IllegalArgumentException.class, () -> Pipeline.trace(new double[] {1}, t, Precision.FLOAT64, Mode.NAIVE));
        }
        assertThrows(IllegalArgumentException.class, () -> Pipeline.trace(new double[] {1}, 1, null, Mode.NAIVE));
        assertThrows(IllegalArgumentException.class, () -> Pipeline.trace(new double[] {1}, 1, Precision.FLOAT64, null));
    }

    @Test
    void traceArraysCannotBeChangedFromOutside() {
        Trace trace = stable(Precision.FLOAT32, 2, 1, 0);
        trace.probabilities()[0] = 42;
        assertTrue(trace.probabilities()[0] < 1);
    }

    // ---- cross-entropy as the machine computes it ----

    @Test
    void crossEntropyInFloat64MatchesTheReferenceWithinAFewUlp() {
        Trace trace = stable(Precision.FLOAT64, 2, 1, 0);
        // reference-cases.json "three-2-1-0" and "smoothing-0.1" (100-digit mpmath).
        assertEquals(0.4076059644443803, trace.crossEntropy(0, 0.0), 4 * Math.ulp(0.4076059644443803));
        assertEquals(-trace.logProbabilities()[0], trace.crossEntropy(0, 0.0));
        assertEquals(0.5076059644443803, trace.crossEntropy(0, 0.1), 8 * Math.ulp(0.5076059644443803));
    }

    @Test
    void crossEntropyInFloat16StaysWithinAFewHalfUlp() {
        // The float16 spacing at 0.41 is 2^-12; the machine's loss stays within 4 of them of the
        // exact 0.40760596 (reference "three-2-1-0") and is itself a float16 value.
        double loss = stable(Precision.FLOAT16, 2, 1, 0).crossEntropy(0, 0.0);
        assertEquals(0.4076059644443803, loss, 4 * 0x1p-12);
        assertEquals(loss, Precision.FLOAT16.round(loss));
        double smoothed = stable(Precision.FLOAT16, 2, 1, 0).crossEntropy(0, 0.1);
        assertEquals(0.5076059644443803, smoothed, 8 * 0x1p-12);
        assertEquals(smoothed, Precision.FLOAT16.round(smoothed));
    }

    @Test
    void crossEntropyOfABrokenTraceIsNaN() {
        assertTrue(Double.isNaN(naive(Precision.FLOAT64, 1000, 999, 998).crossEntropy(0, 0.0)));
    }

    @Test
    void crossEntropyRejectsABadTargetOrSmoothing() {
        Trace trace = stable(Precision.FLOAT64, 2, 1, 0);
        assertEquals("target: must be 0 to 2, was 3",
                assertThrows(IllegalArgumentException.class, () -> trace.crossEntropy(3, 0)).getMessage());
        assertEquals("labelSmoothing: must be in [0, 1], was 1.5",
                assertThrows(IllegalArgumentException.class, () -> trace.crossEntropy(0, 1.5)).getMessage());
    }

    /**
     * K equal logits: every exp is 1, the sum is K exactly, and each p is 1/K rounded to the
     * format; the sum row then adds K copies of it, rounding each partial sum. Expected values
     * from exact rational arithmetic (Python fractions, round-to-nearest-even at 53, 24, 11 and 8
     * significand bits): float64 adds ten 0.1 to 0.9999999999999999 (the well-known result of
     * sum([0.1] * 10) in Python); float32 ten 0.10000000149011612 to 1 + 2^-23; float16 seven
     * 0.142822265625 to 1 - 2^-10 and ten 0.0999755859375 back to exactly 1; bfloat16 ten
     * 0.10009765625 to 1 + 2^-7 and seven 0.142578125 to 1 - 2^-7.
     */
    @ParameterizedTest
    @CsvSource({
        "FLOAT64, 10, 0.9999999999999999",
        "FLOAT64, 3, 1",
        "FLOAT32, 10, 1.0000001192092896",
        "FLOAT16, 7, 0.9990234375",
        "FLOAT16, 10, 1",
        "BFLOAT16, 10, 1.0078125",
        "BFLOAT16, 7, 0.9921875",
    })
    void probabilitySumAddsLeftToRightInThePrecision(Precision precision, int classes, double expected) {
        double[] logits = new double[classes];
        for (Mode mode : Mode.values()) {
            Trace trace = Pipeline.trace(logits, 1.0, precision, mode);
            assertEquals(expected, trace.probabilitySum(), precision + " " + mode + " K = " + classes);
        }
    }

    @Test
    void probabilitySumOfABrokenTraceIsNaN() {
        assertTrue(Double.isNaN(naive(Precision.FLOAT64, 1000, 999, 998).probabilitySum()));
        assertEquals(1.0, stable(Precision.FLOAT64, 1000, 999, 998).probabilitySum(), 2 * Math.ulp(1.0));
    }
}
