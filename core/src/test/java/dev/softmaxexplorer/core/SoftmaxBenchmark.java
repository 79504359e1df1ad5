package dev.softmaxexplorer.core;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.SplittableRandom;

/**
 * Nanoseconds per logit of {@link Softmax#evaluate} next to a textbook max-subtracted softmax with
 * cross-entropy and gradient in plain doubles, at K = 10, 1000 and 50257. Times are this thread's
 * CPU time (best of five rounds after a warm-up), which other processes on a busy machine disturb
 * less than wall time. Not a test (timings are not asserted); run with
 * {@code mvn -q -pl core test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.softmaxexplorer.core.SoftmaxBenchmark} or plain {@code java -cp}.
 */
public final class SoftmaxBenchmark {

    private SoftmaxBenchmark() {
    }

    public static void main(String[] args) {
        SplittableRandom random = new SplittableRandom(7);
        for (int k : new int[] {10, 1000, 50257}) {
            double[] z = new double[k];
            for (int i = 0; i < k; i++) {
                z[i] = random.nextGaussian() * 3;
            }
            long budget = 1_000_000_000L;
            double core = nanosPerLogit(() -> Softmax.evaluate(z, 0.7, k / 2, 0.1).crossEntropy(), k, budget);
            double plain = nanosPerLogit(() -> textbook(z, 0.7, k / 2, 0.1), k, budget);
            System.out.printf("K = %5d: evaluate %8.1f ns/logit, textbook %6.1f ns/logit, ratio %5.1f%n",
                    k, core, plain, core / plain);
        }
    }

    private static double sink;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private static double nanosPerLogit(java.util.function.DoubleSupplier f, int k, long budget) {
        long start = THREADS.getCurrentThreadCpuTime();
        int runs = 0;
        while (THREADS.getCurrentThreadCpuTime() - start < budget / 2) {
            sink += f.getAsDouble();
            runs++;
        }
        double best = Double.MAX_VALUE;
        for (int round = 0; round < 5; round++) {
            int n = Math.max(1, runs / 10);
            long t0 = THREADS.getCurrentThreadCpuTime();
            for (int i = 0; i < n; i++) {
                sink += f.getAsDouble();
            }
            best = Math.min(best, (THREADS.getCurrentThreadCpuTime() - t0) / (double) n / k);
        }
        return best;
    }

    /** The textbook loop: max, exp(x - max), sum, p = e / s, loss and (p - y) / T. */
    static double textbook(double[] z, double t, int c, double eps) {
        int k = z.length;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            max = Math.max(max, v / t);
        }
        double[] p = new double[k];
        double s = 0;
        for (int i = 0; i < k; i++) {
            p[i] = Math.exp(z[i] / t - max);
            s += p[i];
        }
        double loss = 0;
        double[] g = new double[k];
        double logS = Math.log(s);
        for (int i = 0; i < k; i++) {
            p[i] /= s;
            double y = (i == c ? 1 - eps : 0) + eps / k;
            loss -= y * (z[i] / t - max - logS);
            g[i] = (p[i] - y) / t;
        }
        return loss + g[0];
    }
}
