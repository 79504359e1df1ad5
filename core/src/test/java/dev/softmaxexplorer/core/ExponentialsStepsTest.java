package dev.softmaxexplorer.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The pass of {@code Softmax.Exponentials}, whose double-double steps are written out on local
 * variables, against the same pass made of the methods those steps copy ({@link Softmax#scaledQuotient},
 * {@link MutableDoubleDouble#exp}, {@code mulPow2}, {@code add}, {@code mul}), bit for bit: every d_i,
 * the sums with and without the class set apart and the entropy's sum. The vectors reach every
 * branch the copies keep: T = 1, moderate and extreme temperatures, masked classes, equal logits,
 * differences that overflow, terms far below the largest and terms left out below e^-1600.
 */
class ExponentialsStepsTest {

    private static final double[] TEMPERATURES = {1.0, 0.37, 3.0, 1e-9, 1e-70, 1e70, 0x1p-60, 0x1p60};

    @Test
    void theWrittenOutStepsGiveTheMethodsBits() {
        SplittableRandom random = new SplittableRandom(1600);
        for (int vector = 0; vector < 2000; vector++) {
            int k = 1 + random.nextInt(60);
            double[] z = SeededLogits.of(random, k, vector % SeededLogits.KINDS);
            int target = random.nextInt(k);
            for (double t : TEMPERATURES) {
                try (Softmax.Exponentials ex = Softmax.Exponentials.withEntropy(z, t, target)) {
                    Reference expected = new Reference(z, t, target);
                    String where = "vector " + vector + ", T = " + t;
                    for (int i = 0; i < k; i++) {
                        DoubleDouble d = ex.shifted(i);
                        assertEquals(bits(expected.shifted[i]), bits(d), "d_" + i + ", " + where);
                    }
                    assertEquals(expected.scale, ex.restExponent, "scale, " + where);
                    assertEquals(bits(expected.restApart), bits(ex.restApartScaled), "rest apart, " + where);
                    assertEquals(bits(expected.rest), bits(ex.restScaled), "rest, " + where);
                    assertEquals(bits(expected.terms), bits(ex.entropyTermsScaled), "entropy terms, " + where);
                }
            }
        }
    }

    private static String bits(DoubleDouble x) {
        return Long.toHexString(Double.doubleToRawLongBits(x.hi)) + " " + Long.toHexString(Double.doubleToRawLongBits(x.lo));
    }

    /** The pass as the methods make it (the loop before its steps were written out). */
    private static final class Reference {
        final DoubleDouble[] shifted;
        final DoubleDouble rest;
        final DoubleDouble restApart;
        final DoubleDouble terms;
        final int scale;

        Reference(double[] z, double t, int target) {
            int top = 0;
            for (int i = 1; i < z.length; i++) {
                if (z[i] > z[top]) {
                    top = i;
                }
            }
            shifted = new DoubleDouble[z.length];
            MutableDoubleDouble e = new MutableDoubleDouble();
            MutableDoubleDouble sum = new MutableDoubleDouble();
            MutableDoubleDouble entropy = new MutableDoubleDouble();
            int at = Integer.MIN_VALUE;
            for (int i = 0; i < z.length; i++) {
                DoubleDouble d = z[i] == Double.NEGATIVE_INFINITY ? DoubleDouble.of(Double.NEGATIVE_INFINITY, 0.0)
                        : i == top ? DoubleDouble.of(0.0, 0.0) : Softmax.scaledQuotient(z[i], z[top], t, 0);
                shifted[i] = d;
                if (i != top && d.hi >= DoubleDouble.EXP_NEGLIGIBLE) {
                    int exponent = e.exp(new MutableDoubleDouble().set(d));
                    if (exponent > at) {
                        if (at != Integer.MIN_VALUE) {
                            sum.mulPow2(at - exponent);
                            entropy.mulPow2(at - exponent);
                        }
                        at = exponent;
                    }
                    e.mulPow2(exponent - at);
                    if (i != target) {
                        sum.add(e.hi, e.lo);
                    }
                    e.mul(-d.hi, -d.lo);
                    entropy.add(e.hi, e.lo);
                }
            }
            restApart = sum.toDoubleDouble();
            if (target != top && shifted[target].hi >= DoubleDouble.EXP_NEGLIGIBLE) {
                int exponent = e.exp(new MutableDoubleDouble().set(shifted[target]));
                e.mulPow2(exponent - at);
                sum.add(e.hi, e.lo);
            }
            rest = sum.toDoubleDouble();
            terms = entropy.toDoubleDouble();
            scale = at == Integer.MIN_VALUE ? 0 : at;
        }
    }
}
