package dev.softmaxexplorer.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class SparsemaxTest {

    /**
     * sparse-references.json (make_sparse_references.py: bisection for the support, then the
     * support's closed form, 1500-digit mpmath): every component, tau and support size.
     */
    @Test
    void matchesHighPrecisionReferences() {
        List<String> failures = new ArrayList<>();
        long worstSparsemax = 0;
        long worstEntmax = 0;
        List<?> cases = (List<?>) ((Map<?, ?>) Json.resource("sparse-references.json")).get("sparse");
        for (Object o : cases) {
            Map<?, ?> c = (Map<?, ?>) o;
            double[] z = Json.numbers(c.get("z"));
            double t = Json.number(c.get("t"));
            String where = Arrays.toString(z) + " T=" + t;
            double[] sp = Sparsemax.sparsemax(z, t);
            double[] en = Sparsemax.entmax15(z, t);
            double[] spRef = Json.numbers(c.get("sparsemax"));
            double[] enRef = Json.numbers(c.get("entmax"));
            for (int i = 0; i < z.length; i++) {
                long e1 = Ulps.error(sp[i], spRef[i]);
                long e2 = Ulps.error(en[i], enRef[i]);
                worstSparsemax = Math.max(worstSparsemax, e1);
                worstEntmax = Math.max(worstEntmax, e2);
                if (e1 != 0 || spRef[i] == 0.0 && Double.doubleToRawLongBits(sp[i]) != 0L) {
                    failures.add(where + " sparsemax[" + i + "] " + sp[i] + " vs " + spRef[i]);
                }
                if (e2 != 0 || enRef[i] == 0.0 && Double.doubleToRawLongBits(en[i]) != 0L) {
                    failures.add(where + " entmax[" + i + "] " + en[i] + " vs " + enRef[i]);
                }
            }
            check(failures, where + " sparsemax tau", Sparsemax.sparsemaxThreshold(z, t),
                    Json.number(c.get("sparsemaxTau")));
            check(failures, where + " entmax tau", Sparsemax.entmax15Threshold(z, t),
                    Json.number(c.get("entmaxTau")));
            if (Sparsemax.sparsemaxSupport(z, t) != (int) Json.number(c.get("sparsemaxSupport"))
                    || Sparsemax.entmax15Support(z, t) != (int) Json.number(c.get("entmaxSupport"))) {
                failures.add(where + " support sizes");
            }
        }
        System.out.println("Sparsemax: " + cases.size() + " cases; worst sparsemax " + worstSparsemax
                + " ulp, worst entmax-1.5 " + worstEntmax + " ulp");
        assertEquals(List.of(), failures);
    }

    private static void check(List<String> failures, String where, double actual, double exact) {
        if (Ulps.error(actual, exact) != 0) {
            failures.add(where + ": " + actual + " vs " + exact);
        }
    }

    /** K = 2 by hand: sparsemax [(1 + d) / 2, (1 - d) / 2] for d = (z_1 - z_2) / T < 1. */
    @Test
    void twoClassesByHand() {
        assertArrayEquals(new double[] {0.75, 0.25}, Sparsemax.sparsemax(new double[] {1, 0.5}, 1));
        assertArrayEquals(new double[] {1, 0}, Sparsemax.sparsemax(new double[] {1, 0}, 1));
        assertArrayEquals(new double[] {0.5, 0.5}, Sparsemax.sparsemax(new double[] {3, 3}, 1e-300));
        // entmax-1.5, g = d / 2: p_1 = ((g + sqrt(2 - g^2)) / 2)^2; g = 0 gives 1/2 each, and
        // g = 1 / sqrt(2)... is not a double, so take d = 1: g = 1/2, sqrt(7/4) = sqrt(7) / 2,
        // p_1 = (1 + sqrt 7)^2 / 16 = (8 + 2 sqrt 7) / 16 = 0.8307189138830738 (to 16 digits).
        assertArrayEquals(new double[] {0.5, 0.5}, Sparsemax.entmax15(new double[] {-2, -2}, 7));
        double[] p = Sparsemax.entmax15(new double[] {1, 0}, 1);
        assertEquals(0.8307189138830738, p[0], 1e-16);
        assertEquals(0.16928108611692618, p[1], 1e-16);
        assertArrayEquals(new double[] {1, 0}, Sparsemax.entmax15(new double[] {2, 0}, 1));
    }

    @Test
    void oneHotTemperatures() {
        double[] z = {2, 1, 0};
        assertEquals(1.0, Sparsemax.sparsemaxOneHotTemperature(z));
        assertEquals(0.5, Sparsemax.entmax15OneHotTemperature(z));
        for (double[] logits : new double[][] {{2, 1, 0}, {4.5, -1.2, 0.8}, {0.3, 0.1}, {1e308, -1e308}}) {
            double sp = Sparsemax.sparsemaxOneHotTemperature(logits);
            double en = Sparsemax.entmax15OneHotTemperature(logits);
            // The thresholds are correctly rounded: one-hot just below, not just above.
            if (sp < Double.POSITIVE_INFINITY) {
                assertEquals(1, Sparsemax.sparsemaxSupport(logits, Math.nextDown(sp)), Arrays.toString(logits));
                assertEquals(2, Sparsemax.sparsemaxSupport(logits, Math.nextUp(sp)));
            }
            assertEquals(1, Sparsemax.entmax15Support(logits, Math.nextDown(en)), Arrays.toString(logits));
            assertEquals(2, Sparsemax.entmax15Support(logits, Math.nextUp(en)));
        }
        assertEquals(Double.POSITIVE_INFINITY, Sparsemax.sparsemaxOneHotTemperature(new double[] {1e308, -1e308}));
        assertEquals(1e308, Sparsemax.entmax15OneHotTemperature(new double[] {1e308, -1e308}));
        assertEquals(0.0, Sparsemax.sparsemaxOneHotTemperature(new double[] {2, 2, 0}));
        assertEquals(0.0, Sparsemax.entmax15OneHotTemperature(new double[] {2, 2, 0}));
        assertEquals(Double.POSITIVE_INFINITY,
                Sparsemax.sparsemaxOneHotTemperature(new double[] {2, Double.NEGATIVE_INFINITY}));
        // Half of the smallest gap, 2^-1075, is a midpoint: ties to even give 0.
        assertEquals(0.0, Sparsemax.entmax15OneHotTemperature(new double[] {Double.MIN_VALUE, 0}));
        // 1.5 times the smallest subnormal: the tie goes to the even 2 * 2^-1074.
        assertEquals(2 * Double.MIN_VALUE,
                Sparsemax.entmax15OneHotTemperature(new double[] {3 * Double.MIN_VALUE, 0}));
    }

    /**
     * Seeded random logits: sparsemax sums to 1 within K/2 ulp of 1 with exact zeros at or below
     * tau; entmax-1.5's support lies between sparsemax's and softmax's (K) in size.
     */
    @Test
    void properties() {
        SeededGenerator g = new SeededGenerator(7);
        for (int n = 0; n < 2000; n++) {
            int k = 2 + (int) (g.nextDouble() * 9);
            double[] z = new double[k];
            for (int i = 0; i < k; i++) {
                z[i] = g.nextGaussian() * 3;
            }
            double t = Math.pow(10, g.nextDouble() * 4 - 2);
            double[] p = Sparsemax.sparsemax(z, t);
            double tau = Sparsemax.sparsemaxThreshold(z, t);
            double sum = 0;
            int nonzero = 0;
            for (int i = 0; i < k; i++) {
                sum += p[i];
                assertTrue(p[i] >= 0);
                if (p[i] == 0) {
                    assertTrue(z[i] / t <= tau * (1 + 1e-15) + 1e-300, "zero above tau");
                } else {
                    nonzero++;
                    assertTrue(z[i] / t >= tau * (1 - 1e-12) - 1e-12 * Math.abs(z[i] / t));
                }
            }
            assertEquals(1.0, sum, k * 0x1p-53);
            assertEquals(nonzero, Sparsemax.sparsemaxSupport(z, t));
            int sparse = Sparsemax.sparsemaxSupport(z, t);
            int ent = Sparsemax.entmax15Support(z, t);
            assertTrue(sparse <= ent && ent <= k, Arrays.toString(z) + " T=" + t);
            double[] q = Sparsemax.entmax15(z, t);
            double entSum = 0;
            int entNonzero = 0;
            for (double v : q) {
                entSum += v;
                entNonzero += v > 0 ? 1 : 0;
            }
            assertEquals(1.0, entSum, k * 0x1p-52);
            assertEquals(ent, entNonzero);
        }
    }

    @Test
    void masksAndTiesAreExact() {
        double[] z = {1, Double.NEGATIVE_INFINITY, 1, 0};
        assertArrayEquals(new double[] {0.5, 0, 0.5, 0}, Sparsemax.sparsemax(z, 1));
        assertEquals(3, Sparsemax.entmax15Support(z, 1));
        assertEquals(0.0, Sparsemax.entmax15(z, 1)[1]);
        assertArrayEquals(new double[] {0.25, 0.25, 0.25, 0.25}, Sparsemax.entmax15(new double[] {0, 0, 0, 0}, 1));
    }

    @Test
    void badInputNamesTheArgument() {
        expect("logits must not be null", () -> Sparsemax.sparsemax(null, 1));
        expect("logits must not be empty", () -> Sparsemax.entmax15(new double[0], 1));
        expect("logits[1] must not be NaN", () -> Sparsemax.entmax15(new double[] {0, Double.NaN}, 1));
        expect("logits must not all be -Infinity",
                () -> Sparsemax.sparsemaxOneHotTemperature(new double[] {Double.NEGATIVE_INFINITY}));
        expect("temperature must be finite and > 0, was 0", () -> Sparsemax.sparsemax(new double[] {1}, 0));
        expect("temperature must be finite and > 0, was NaN",
                () -> Sparsemax.entmax15Threshold(new double[] {1}, Double.NaN));
    }

    private static void expect(String start, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().startsWith(start), e.getMessage());
    }
}
