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

class AttentionTest {

    /**
     * The attention cases of sparse-references.json (make_sparse_references.py: exact dot
     * products as fractions, 1500-digit mpmath softmax): every weight correctly rounded (the
     * 1e-300 rule below 1e-300), masked weights exactly 0.
     */
    @Test
    void matchesHighPrecisionReferences() {
        List<String> failures = new ArrayList<>();
        long worst = 0;
        int count = 0;
        List<?> cases = (List<?>) ((Map<?, ?>) Json.resource("sparse-references.json")).get("attention");
        int seed = 1;
        for (Object o : cases) {
            Map<?, ?> c = (Map<?, ?>) o;
            double[][] queries;
            double[][] keys;
            if (c.containsKey("generated")) {
                List<?> shape = (List<?>) c.get("generated");
                int n = (int) Json.number(shape.get(0));
                int d = (int) Json.number(shape.get(1));
                int[] state = {seed};
                queries = minstd(state, n, d);
                keys = minstd(state, n, d);
                seed = state[0];
            } else {
                queries = matrix(c.get("queries"));
                keys = matrix(c.get("keys"));
            }
            double scale = Json.number(c.get("scale"));
            boolean causal = (Boolean) c.get("causal");
            double[][] expected = matrix(c.get("weights"));
            double[][] actual = Attention.weights(queries, keys, scale, causal);
            for (int i = 0; i < expected.length; i++) {
                for (int j = 0; j < expected[i].length; j++) {
                    long e = Ulps.error(actual[i][j], expected[i][j]);
                    worst = Math.max(worst, e);
                    count++;
                    if (e != 0) {
                        failures.add("case " + cases.indexOf(o) + " w[" + i + "][" + j + "] = "
                                + actual[i][j] + ", exact " + expected[i][j]);
                    }
                    if (causal && j > i) {
                        assertEquals(0L, Double.doubleToRawLongBits(actual[i][j]));
                    }
                }
            }
        }
        System.out.println("Attention.weights: " + cases.size() + " cases, " + count
                + " weights, worst " + worst + " ulp");
        assertEquals(List.of(), failures);
    }

    /** The MINSTD vectors of make_sparse_references.py (each step exact in doubles). */
    private static double[][] minstd(int[] state, int n, int d) {
        double[][] v = new double[n][d];
        long x = state[0];
        for (int i = 0; i < n; i++) {
            for (int l = 0; l < d; l++) {
                x = x * 48271 % 2147483647;
                v[i][l] = ((double) x / 2147483647 - 0.5) * 4;
            }
        }
        state[0] = (int) x;
        return v;
    }

    private static double[][] matrix(Object o) {
        List<?> rows = (List<?>) o;
        double[][] m = new double[rows.size()][];
        for (int i = 0; i < m.length; i++) {
            m[i] = Json.numbers(rows.get(i));
        }
        return m;
    }

    /** By hand: q = k = e_1, e_2 with scale 1: rows e/(e + 1), 1/(e + 1); causal row 0 is [1, 0]. */
    @Test
    void smallCasesByHand() {
        double[][] id = {{1, 0}, {0, 1}};
        double[][] w = Attention.weights(id, id, 1, false);
        assertEquals(0.7310585786300049, w[0][0], 1e-16);
        assertEquals(0.2689414213699951, w[0][1], 1e-16);
        assertArrayEquals(new double[] {1, 0}, Attention.weights(id, id, 1, true)[0]);
        // Equal keys: equal weights, exactly 1/2 each.
        assertArrayEquals(new double[] {0.5, 0.5},
                Attention.weights(new double[][] {{3, -1}}, new double[][] {{2, 2}, {2, 2}}, 7, false)[0]);
        // The exact dot product: 1e20 + 1 - 1e20 is 1, not the 0 of a rounded sum.
        double[] row = Attention.weights(new double[][] {{1e20, 1, -1e20}},
                new double[][] {{1, 1, 1}, {0, 0, 0}}, 1, false)[0];
        assertEquals(0.7310585786300049, row[0], 1e-16);
    }

    @Test
    void entropyOfRows() {
        assertEquals(Math.log(4), Attention.entropy(new double[] {0.25, 0.25, 0.25, 0.25}), 0);
        assertEquals(0.0, Attention.entropy(new double[] {1, 0, 0}));
        // -(0.9 ln 0.9 + 0.1 ln 0.1) of the doubles 0.9 and 0.1: 0.325082973391448224532... (mpmath)
        assertEquals(0.3250829733914482, Attention.entropy(new double[] {0.9, 0.1}), 1e-17);
    }

    /**
     * Seeded N(0, 1) vectors: sample mean and variance close to 0 and 1; the vectors at a smaller
     * d_k are the first entries of those at a larger one.
     */
    @Test
    void queriesAndKeysLookNormalAndGrowByDimensions() {
        double[][][] qk = AttentionSaturation.queriesAndKeys(3, 50, 200);
        double sum = 0;
        double squares = 0;
        for (double[][] vectors : qk) {
            for (double[] r : vectors) {
                for (double x : r) {
                    sum += x;
                    squares += x * x;
                }
            }
        }
        double mean = sum / 20000;
        assertEquals(0, mean, 0.03);
        assertEquals(1, squares / 20000 - mean * mean, 0.04);
        double[][][] small = AttentionSaturation.queriesAndKeys(3, 50, 7);
        for (int which = 0; which < 2; which++) {
            for (int i = 0; i < 50; i++) {
                assertArrayEquals(small[which][i], java.util.Arrays.copyOf(qk[which][i], 7));
            }
        }
    }

    /**
     * The sweep shows what the view promises: unscaled rows collapse (largest weight near 1,
     * entropy near 0) at d_k = 1024 while scaled rows keep an entropy near that at d_k = 1;
     * causal row 0 always has one key (entropy 0, weight 1).
     */
    @Test
    void saturationSweep() {
        AttentionSaturation.Point[] points = AttentionSaturation.sweep(6, false, 1, 8);
        assertEquals(11, points.length);
        AttentionSaturation.Point first = points[0];
        AttentionSaturation.Point last = points[10];
        assertEquals(1024, last.dimension());
        assertEquals(first.scaledEntropy(), first.unscaledEntropy(), 0);
        assertTrue(last.unscaledLargest() > 0.95, "unscaled " + last.unscaledLargest());
        assertTrue(last.unscaledEntropy() < 0.2, "unscaled " + last.unscaledEntropy());
        assertTrue(last.scaledEntropy() > 0.6 * Math.log(6), "scaled " + last.scaledEntropy());
        assertTrue(last.scaledLargest() < 0.7, "scaled " + last.scaledLargest());
        double[][][] qk = AttentionSaturation.queriesAndKeys(5, 4, 3);
        double[][] w = Attention.weights(qk[0], qk[1], 1, true);
        assertArrayEquals(new double[] {1, 0, 0, 0}, w[0]);
        expect("tokens must be in [1, 1024], was 0", () -> AttentionSaturation.sweep(0, false, 1, 1));
        expect("seeds must be at least 1, was 0", () -> AttentionSaturation.sweep(3, false, 1, 0));
    }

    /**
     * The sweep in steps gives, point by point as they finish, the bits of the sweep in one go
     * written seed by seed (each seed's draw, then every d_k of it), as the page computed it before.
     */
    @Test
    void sweepInStepsHasTheBitsOfTheSweepSeedBySeed() {
        for (boolean causal : new boolean[] {false, true}) {
            int tokens = causal ? 8 : 5;
            int seeds = 4;
            int[] dims = AttentionSaturation.dimensions();
            double[][] totals = new double[dims.length][4];
            for (int s = 0; s < seeds; s++) {
                double[][][] qk = AttentionSaturation.queriesAndKeys(3 + s, tokens, 1024);
                for (int p = 0; p < dims.length; p++) {
                    double[][] q = new double[tokens][];
                    double[][] k = new double[tokens][];
                    for (int i = 0; i < tokens; i++) {
                        q[i] = java.util.Arrays.copyOf(qk[0][i], dims[p]);
                        k[i] = java.util.Arrays.copyOf(qk[1][i], dims[p]);
                    }
                    for (int which = 0; which < 2; which++) {
                        for (double[] row : Attention.weights(q, k, which == 0 ? 1.0 / Math.sqrt(dims[p]) : 1.0, causal)) {
                            totals[p][which] = totals[p][which] + Attention.entropy(row);
                            double largest = 0.0;
                            for (double w : row) {
                                largest = Math.max(largest, w);
                            }
                            totals[p][which + 2] = totals[p][which + 2] + largest;
                        }
                    }
                }
            }
            AttentionSaturation.Sweep sweep = new AttentionSaturation.Sweep(tokens, causal, 3, seeds);
            int steps = 0;
            while (sweep.advance()) {
                steps++;
                assertEquals((steps) / seeds, sweep.points().length);
            }
            assertEquals(dims.length * seeds - 1, steps);
            assertEquals(false, sweep.advance());
            AttentionSaturation.Point[] points = sweep.points();
            assertEquals(dims.length, points.length);
            double rows = (double) tokens * seeds;
            for (int p = 0; p < dims.length; p++) {
                assertEquals(dims[p], points[p].dimension());
                assertEquals(totals[p][0] / rows, points[p].scaledEntropy(), 0.0);
                assertEquals(totals[p][1] / rows, points[p].unscaledEntropy(), 0.0);
                assertEquals(totals[p][2] / rows, points[p].scaledLargest(), 0.0);
                assertEquals(totals[p][3] / rows, points[p].unscaledLargest(), 0.0);
            }
            assertArrayEquals(points, AttentionSaturation.sweep(tokens, causal, 3, seeds));
        }
    }

    @Test
    void badInputNamesTheArgument() {
        double[][] ok = {{1, 2}};
        expect("queries must not be null or empty", () -> Attention.weights(null, ok, 1, false));
        expect("keys must not be null or empty", () -> Attention.weights(ok, new double[0][], 1, false));
        expect("keys[1] must have 2 entries (d_k), had 3",
                () -> Attention.weights(ok, new double[][] {{1, 2}, {1, 2, 3}}, 1, false));
        expect("queries[0] must have 1 to 65536 entries (d_k), had 0",
                () -> Attention.weights(new double[][] {{}}, ok, 1, false));
        expect("queries[0][1] must be finite, was NaN",
                () -> Attention.weights(new double[][] {{1, Double.NaN}}, ok, 1, false));
        expect("keys[0][0] must be finite, was -Infinity",
                () -> Attention.weights(ok, new double[][] {{Double.NEGATIVE_INFINITY, 1}}, 1, false));
        expect("scale must be finite and > 0, was 0", () -> Attention.weights(ok, ok, 0, false));
        expect("queries must have at most 1024 vectors, had 1025",
                () -> Attention.weights(new double[1025][2], ok, 1, false));
        expect("weights[1] must be in [0, 1], was 1.5", () -> Attention.entropy(new double[] {0, 1.5}));
    }

    private static void expect(String start, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().startsWith(start), e.getMessage());
    }
}
