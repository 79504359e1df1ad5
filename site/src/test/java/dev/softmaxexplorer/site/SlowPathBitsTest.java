package dev.softmaxexplorer.site;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.softmaxexplorer.core.Softmax;
import dev.softmaxexplorer.web.probe.ProbeProtocol;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Issue 21: the correct rounding's slow path (core's WideSoftmax, BigInteger intervals) gives the
 * JVM's bits in Chromium too. CoreBitsTest's inputs nearly all pass the fast rounding test; these
 * are built to fail it: exact midpoints (a margin, gradients of equal logits, log p of -2048 -
 * 2^-42 decided by e^-2048 at 4096 bits, and those decided by the terms left out there), the
 * overflow threshold, K = 7 at T = 0.1 with full smoothing (-1 / (7 fl(0.1))
 * lies within 2^-108 of a midpoint), K = 17 and K = 10 over +-800 and +-600 at T = 2 (shifts on a
 * midpoint), logits near -log K (log-sum-exp near 0).
 */
class SlowPathBitsTest extends ProbeTest {

    @Test
    void slowPathGivesTheJvmBitsInChromium() {
        List<String> calls = new ArrayList<>();
        add(calls, new double[] {0.5, 0.5}, 1, 0, 3 * 0x1p-54);
        add(calls, new double[] {0.5, 0.5}, 4, 1, 3 * 0x1p-54);
        add(calls, new double[] {1.0, -0x1p-53}, 1, 0, 0);
        add(calls, new double[] {3 + 0x1p-51, 0x1p-53}, 3, 0, 0);
        add(calls, new double[] {0x1p-42, -2048.0}, 1, 1, 0);
        // Decided at 4096 bits by the direction of the terms the sums leave out.
        add(calls, new double[] {0x1p-40, -8192.0}, 1, 1, 0);
        add(calls, new double[] {Double.MAX_VALUE, -0x1p970}, 1, 0, 0);
        add(calls, new double[] {0.0, -1.0}, Double.MIN_VALUE, 1, 0);
        SplittableRandom random = new SplittableRandom(21);
        for (int n = 0; n < 12; n++) {
            add(calls, uniform(random, 7, 30), 0.1, random.nextInt(7), 1.0);
            add(calls, uniform(random, 17, 800), 2, random.nextInt(17), 1.0);
            add(calls, uniform(random, 10, 600), 2, random.nextInt(10), random.nextDouble());
            int k = 2 + random.nextInt(20);
            double[] z = new double[k];
            for (int i = 0; i < k; i++) {
                z[i] = Math.nextAfter(-Math.log(k), random.nextBoolean() ? 1 : -1);
            }
            add(calls, z, 1, random.nextInt(k), 1.0);
        }
        int before = Softmax.slowPathCount();
        compare(calls);
        int slow = Softmax.slowPathCount() - before;
        assertTrue(slow >= 100, "only " + slow + " results took the slow path");
    }

    private static double[] uniform(SplittableRandom random, int k, double range) {
        double[] z = new double[k];
        for (int i = 0; i < k; i++) {
            z[i] = (random.nextDouble() * 2 - 1) * range;
        }
        return z;
    }

    private static void add(List<String> calls, double[] logits, double temperature, int target, double eps) {
        String z = ProbeProtocol.array(logits);
        String t = ProbeProtocol.hex(temperature);
        String c = Integer.toString(target);
        String e = ProbeProtocol.hex(eps);
        calls.add("softmax;" + z + ";" + t);
        calls.add("logSoftmax;" + z + ";" + t);
        calls.add("logSumExp;" + z);
        calls.add("crossEntropy;" + z + ";" + t + ";" + c + ";" + ProbeProtocol.hex(0));
        calls.add("crossEntropy;" + z + ";" + t + ";" + c + ";" + e);
        calls.add("gradient;" + z + ";" + t + ";" + c + ";" + e);
        calls.add("entropy;" + z + ";" + t);
        calls.add("perplexity;" + z + ";" + t + ";" + c + ";" + e);
        calls.add("margin;" + z + ";" + t + ";" + c);
        calls.add("evaluate;" + z + ";" + t + ";" + c + ";" + e);
    }
}
