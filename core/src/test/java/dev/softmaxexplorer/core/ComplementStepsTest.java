package dev.softmaxexplorer.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The sums of a subset keeping most of a kept pass's classes, formed as the pass's sums minus
 * those of the classes left out ({@code Softmax.Exponentials.Complement}, whose double-double
 * steps are written out on local variables), against the same sums made of the methods those
 * steps copy ({@code mulPow2}, {@code add}, {@code mul}, {@code sub}), bit for bit, with the same
 * error bound. The vectors are {@link SeededLogits}' kinds (masked classes, equal logits, terms
 * far below the largest and below e^-1600) at moderate and extreme temperatures.
 */
class ComplementStepsTest {

    private static final double[] TEMPERATURES = {1.0, 0.37, 3.0, 1e-9, 1e70, 0x1p-60, 0x1p60};

    @Test
    void theWrittenOutStepsGiveTheMethodsBits() {
        SplittableRandom random = new SplittableRandom(2026);
        int compared = 0;
        for (int vector = 0; vector < 1500; vector++) {
            int k = 4 + random.nextInt(120);
            double[] z = SeededLogits.of(random, k, vector % SeededLogits.KINDS);
            for (double t : TEMPERATURES) {
                Softmax.Exponentials pass = Softmax.Exponentials.kept(z, t, null);
                // Most classes, the top among them: the subsets that take their sums this way.
                int[] classes = new int[k];
                int count = 0;
                for (int c = 0; c < k; c++) {
                    if (c == pass.top || random.nextInt(10) < 8) {
                        classes[count++] = c;
                    }
                }
                if (2 * count <= k || count == k) {
                    continue;
                }
                DoubleDouble[] expected = reference(pass, classes, count);
                try (Softmax.Exponentials subset = pass.over(classes, count)) {
                    if (expected == null) {
                        // The difference cancels: the subset sums its own terms.
                        assertEquals(Softmax.Exponentials.errorScaleOf(count), subset.errorScale);
                        continue;
                    }
                    String where = "vector " + vector + ", T = " + t;
                    assertEquals(bits(expected[0]), bits(subset.restScaled), "rest, " + where);
                    assertEquals(bits(expected[1]), bits(subset.entropyTermsScaled), "entropy terms, " + where);
                    assertEquals(expected[2].hi, subset.errorScale, "error scale, " + where);
                    compared++;
                }
            }
        }
        assertTrue(compared > 5000, "subsets compared: " + compared);
    }

    private static String bits(DoubleDouble x) {
        return Long.toHexString(Double.doubleToRawLongBits(x.hi)) + " " + Long.toHexString(Double.doubleToRawLongBits(x.lo));
    }

    /**
     * The rest, the entropy's sum and the error bound as the methods make them (the loop before
     * its steps were written out), or null where the difference cancels.
     */
    private static DoubleDouble[] reference(Softmax.Exponentials source, int[] classes, int k) {
        MutableDoubleDouble out = new MutableDoubleDouble();
        MutableDoubleDouble outTerms = new MutableDoubleDouble();
        MutableDoubleDouble e = new MutableDoubleDouble();
        int next = 0;
        for (int c = 0; c < source.size; c++) {
            if (next < k && classes[next] == c) {
                next++;
                continue;
            }
            // The pass's term of a class left out, by the pass's own operations (none below e^-1600).
            DoubleDouble d = source.shifted(c);
            if (!(d.hi >= DoubleDouble.EXP_NEGLIGIBLE)) {
                continue;
            }
            int exponent = e.exp(new MutableDoubleDouble().set(d));
            e.mulPow2(exponent - source.restExponent);
            out.add(e.hi, e.lo);
            e.mul(-d.hi, -d.lo);
            outTerms.add(e.hi, e.lo);
        }
        MutableDoubleDouble rest = new MutableDoubleDouble().set(source.restScaled).sub(out.hi, out.lo);
        MutableDoubleDouble terms = new MutableDoubleDouble().set(source.entropyTermsScaled).sub(outTerms.hi, outTerms.lo);
        if (!(rest.hi > 0.0 && terms.hi > 0.0)) {
            return null;
        }
        double f = (source.restScaled.hi + out.hi) / rest.hi * 1.01;
        double g = (source.entropyTermsScaled.hi + outTerms.hi) / terms.hi * 1.01;
        double factor = Math.max(f, g);
        if (!(factor <= 16.0)) {
            return null;
        }
        return new DoubleDouble[] {rest.toDoubleDouble(), terms.toDoubleDouble(),
            DoubleDouble.of((factor + 1.0) * Softmax.Exponentials.errorScaleOf(source.size), 0.0)};
    }
}
