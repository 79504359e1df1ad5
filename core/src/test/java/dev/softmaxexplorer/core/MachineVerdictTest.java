package dev.softmaxexplorer.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The verdicts against hand calculations (references from mpmath at 40 digits, rounded once) and
 * against the machine itself: {@link Pipeline#trace} run on seeded vectors at temperatures 1%
 * either side of each boundary, far enough that rounding z and T to the format cannot cross it.
 */
class MachineVerdictTest {

    @Test
    void underflowThresholdsAreNLn2() {
        // n ln 2 for n = e_min - p: -1075, -150, -25, -134 (mpmath).
        assertEquals(-745.1332191019412, MachineVerdict.underflowThreshold(Precision.FLOAT64));
        assertEquals(-103.97207708399179, MachineVerdict.underflowThreshold(Precision.FLOAT32));
        assertEquals(-17.328679513998633, MachineVerdict.underflowThreshold(Precision.FLOAT16));
        assertEquals(-92.88172219503267, MachineVerdict.underflowThreshold(Precision.BFLOAT16));
    }

    @Test
    void theIssuesExample() {
        // Largest z = 93.2: naive float16 overflows for every T below 93.2 / 11.0901... = 8.4039 (mpmath).
        MachineVerdict v = MachineVerdict.of(new double[] {93.2, 1.0, -5.0}, Precision.FLOAT16);
        assertEquals(8.403883637004784, v.naiveOverflowsBelow());
        assertEquals(92.2, v.gap());
        assertEquals(0.0, v.naiveUnderflowsAtOrBelow());
        assertTrue(v.naiveOverflows(8.4));
        assertFalse(v.naiveOverflows(8.41));
        // Stable: class 1 survives while 92.2 / T < 17.33, i.e. T > 5.32.
        assertEquals(1, v.stableSurvivors(new double[] {93.2, 1.0, -5.0}, 5.3));
        assertEquals(2, v.stableSurvivors(new double[] {93.2, 1.0, -5.0}, 5.33));
        assertEquals(Double.POSITIVE_INFINITY, MachineVerdict.of(new double[] {1, Double.NEGATIVE_INFINITY},
                Precision.FLOAT32).stableKeepsOneAtOrBelow());
        assertEquals(0.0, MachineVerdict.of(new double[] {3, 3, 1}, Precision.FLOAT32).stableKeepsOneAtOrBelow());
    }

    @Test
    void agreesWithThePipelineAwayFromTheBoundaries() {
        SplittableRandom random = new SplittableRandom(93);
        int checked = 0;
        for (int n = 0; n < 400; n++) {
            Precision precision = Precision.values()[n % 4];
            int k = 2 + random.nextInt(40);
            double scale = precision == Precision.FLOAT16 ? 60 : 900;
            double shift = n % 3 == 0 ? -2 * scale : 0;
            double[] z = new double[k];
            for (int i = 0; i < k; i++) {
                z[i] = precision.round(random.nextDouble(-scale, scale) + shift);
            }
            MachineVerdict v = MachineVerdict.of(z, precision);
            for (double boundary : new double[] {v.naiveOverflowsBelow(), v.naiveUnderflowsAtOrBelow(),
                v.stableKeepsOneAtOrBelow()}) {
                if (!(boundary > 0.0 && boundary < 1e4)) {
                    continue;
                }
                for (double factor : new double[] {0.99, 1.01}) {
                    double t = precision.round(boundary * factor);
                    Pipeline.Trace naive = Pipeline.trace(z, t, precision, Pipeline.Mode.NAIVE);
                    boolean overflowed = naive.firstBreak().filter(b -> b.step() == Pipeline.Step.EXP).isPresent();
                    assertEquals(v.naiveOverflows(t), overflowed, () -> precision + " naive at T = " + t);
                    if (v.naiveUnderflows(t)) {
                        assertTrue(Double.isNaN(naive.probabilities()[0]), precision + " 0/0 at T = " + t);
                    }
                    if (nearUnderflow(z, v, t)) {
                        continue;
                    }
                    Pipeline.Trace stable = Pipeline.trace(z, t, precision, Pipeline.Mode.STABLE);
                    int positive = 0;
                    for (double e : stable.exps()) {
                        positive += e > 0 ? 1 : 0;
                    }
                    assertEquals(positive, v.stableSurvivors(z, t), () -> precision + " stable at T = " + t);
                    checked++;
                }
            }
        }
        assertTrue(checked > 300, "checked " + checked);
    }

    /** Whether a shifted logit lies within 2% of the underflow threshold, where rounding decides. */
    private static boolean nearUnderflow(double[] z, MachineVerdict v, double t) {
        double threshold = MachineVerdict.underflowThreshold(v.precision());
        for (double zi : z) {
            double s = (zi - v.largest()) / t;
            if (Math.abs(s / threshold - 1) < 0.02) {
                return true;
            }
        }
        return false;
    }

    @Test
    void refusesWhatIsNotAVectorOfLogits() {
        assertThrows(IllegalArgumentException.class, () -> MachineVerdict.of(new double[0], Precision.FLOAT16));
        assertThrows(IllegalArgumentException.class, () -> MachineVerdict.of(new double[] {1, Double.NaN},
                Precision.FLOAT16));
        assertThrows(IllegalArgumentException.class, () -> MachineVerdict.of(new double[] {1,
            Double.POSITIVE_INFINITY}, Precision.FLOAT16));
        assertThrows(IllegalArgumentException.class, () -> MachineVerdict.of(new double[] {Double.NEGATIVE_INFINITY},
                Precision.FLOAT16));
        assertThrows(IllegalArgumentException.class, () -> MachineVerdict.of(new double[] {1}, null));
        assertThrows(IllegalArgumentException.class, () -> MachineVerdict.of(new double[] {1, 2}, Precision.FLOAT16)
                .stableSurvivors(new double[] {1, 2}, 0));
    }
}
