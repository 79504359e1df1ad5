package dev.softmaxexplorer.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * The error bounds behind the correct rounding (issue 21), checked against rounding-cases.json,
 * whose references give each exact value as a pair r + rest (to about 2^-106 relative): the
 * double-double approximation that every rounding test of {@link Softmax} receives, and the
 * intervals of the slow path ({@link WideSoftmax}) at low and at working precision, must contain
 * the exact value. A bound that held only by luck of the rounding would fail here long before it
 * misrounded a result.
 */
class ErrorBoundTest {

    /** How far the reference pair itself can be from the exact value, relative: 2^-105. */
    private static final BigDecimal REFERENCE_SLACK = new BigDecimal(0x1p-105);

    @Test
    void everyFastApproximationIsWithinItsBound() {
        Recorder recorder = new Recorder();
        CorrectRounding.witness = recorder;
        Worst worst = new Worst();
        try {
            for (Object o : (List<?>) Json.resource("rounding-cases.json")) {
                Map<?, ?> c = (Map<?, ?>) o;
                String name = (String) c.get("name");
                double[] z = Json.numbers(c.get("z"));
                double t = Json.number(c.get("t"));
                int target = (int) Json.number(c.get("c"));
                double eps = Json.number(c.get("eps"));
                recorder.clear();
                Softmax.softmax(z, t);
                worst.checkAll(name, "p", recorder, (List<?>) c.get("p"));
                recorder.clear();
                Softmax.logSoftmax(z, t);
                worst.checkAll(name, "logp", recorder, (List<?>) c.get("logp"));
                recorder.clear();
                Softmax.gradient(z, t, target, eps);
                worst.checkAll(name, "grad", recorder, (List<?>) c.get("grad"));
                recorder.clear();
                Softmax.logSumExp(z);
                worst.checkOne(name, "lse", recorder, c.get("lse"), false);
                recorder.clear();
                Softmax.crossEntropy(z, t, target, 0.0);
                worst.checkOne(name, "ce", recorder, c.get("ce"), false);
                recorder.clear();
                Softmax.crossEntropy(z, t, target, eps);
                worst.checkOne(name, "ceSmooth", recorder, c.get("ceSmooth"), false);
                recorder.clear();
                Softmax.entropy(z, t);
                worst.checkOne(name, "entropy", recorder, c.get("entropy"), false);
                recorder.clear();
                Softmax.perplexity(z, t, target, eps);
                worst.checkOne(name, "perplexity", recorder, c.get("perplexity"), true);
                recorder.clear();
                Softmax.margin(z, t, target);
                worst.checkOne(name, "margin", recorder, c.get("margin"), false);
            }
        } finally {
            CorrectRounding.witness = null;
        }
        worst.report("fast path (error / bound, worst per quantity)");
    }

    @Test
    void everySlowPathIntervalContainsTheExactValue() {
        Worst worst = new Worst();
        int checked = 0;
        for (Object o : (List<?>) Json.resource("rounding-cases.json")) {
            Map<?, ?> c = (Map<?, ?>) o;
            double[] z = Json.numbers(c.get("z"));
            // Every eighth case, and only small K: the wide path costs milliseconds per value.
            if (checked++ % 8 != 0 || z.length > 10) {
                continue;
            }
            String name = (String) c.get("name");
            double t = Json.number(c.get("t"));
            int target = (int) Json.number(c.get("c"));
            double eps = Json.number(c.get("eps"));
            int top = Softmax.argmax(z);
            boolean masked = false;
            for (double v : z) {
                masked |= v == Double.NEGATIVE_INFINITY;
            }
            for (int precision : new int[] {24, 128}) {
                WideSoftmax level = WideSoftmax.at(z, t, top, precision);
                String at = " P=" + precision;
                worst.checkIntervals(name, "p" + at, i -> level.probability(i), c.get("p"), z);
                worst.checkIntervals(name, "logp" + at, i -> level.logProbability(i),
                        c.get("logp"), z);
                worst.checkIntervals(name, "grad" + at, i -> level.gradient(i, target, eps),
                        c.get("grad"), z);
                worst.checkInterval(name, "lse" + at,
                        WideSoftmax.at(z, 1.0, top, precision).logSumExp(), c.get("lse"));
                if (z[target] != Double.NEGATIVE_INFINITY) {
                    worst.checkInterval(name, "ce" + at, level.crossEntropy(target, 0.0),
                            c.get("ce"));
                }
                if (!masked) {
                    worst.checkInterval(name, "ceSmooth" + at, level.crossEntropy(target, eps),
                            c.get("ceSmooth"));
                    if (Double.isFinite(Json.number(((List<?>) c.get("perplexity")).get(0)))) {
                        worst.checkInterval(name, "perplexity" + at,
                                level.perplexity(target, eps), c.get("perplexity"));
                    }
                }
                worst.checkInterval(name, "entropy" + at, level.entropy(), c.get("entropy"));
            }
        }
        worst.report("slow path (error / bound, worst per quantity)");
    }

    /** Collects the rounding tests of the calling thread. */
    private static final class Recorder implements CorrectRounding.Witness {
        private final Thread owner = Thread.currentThread();
        final List<double[]> tests = new ArrayList<>();

        @Override
        public void tested(double hi, double lo, double bound) {
            if (Thread.currentThread() == owner) {
                tests.add(new double[] {hi, lo, bound});
            }
        }

        void clear() {
            tests.clear();
        }
    }

    /** The worst ratio of error to bound per quantity, and the violations. */
    private static final class Worst {
        private final Map<String, Double> ratios = new TreeMap<>();
        private final List<String> violations = new ArrayList<>();

        void checkAll(String name, String quantity, Recorder recorder, List<?> exact) {
            assertEquals(exact.size(), recorder.tests.size(), name + " " + quantity);
            for (int i = 0; i < exact.size(); i++) {
                check(name + " [" + i + "]", quantity, recorder.tests.get(i), exact.get(i), false);
            }
        }

        void checkOne(String name, String quantity, Recorder recorder, Object exact,
                boolean mantissa) {
            if (!recorder.tests.isEmpty()) {
                check(name, quantity, recorder.tests.get(0), exact, mantissa);
            }
        }

        /**
         * hi + lo against the exact value; for a mantissa (perplexity), the exact value is first
         * scaled by the power of two that brings it next to hi.
         */
        private void check(String name, String quantity, double[] test, Object exact,
                boolean mantissa) {
            List<?> pair = (List<?>) exact;
            double r = Json.number(pair.get(0));
            double rest = Json.number(pair.get(1));
            if (!Double.isFinite(test[0]) || !Double.isFinite(test[2]) || !Double.isFinite(r)
                    || Math.abs(r) < Ulps.TINY) {
                return;
            }
            BigDecimal value = new BigDecimal(r).add(new BigDecimal(rest));
            if (mantissa) {
                int shift = (int) Math.round(Math.log(r / test[0]) / Math.log(2.0));
                value = value.multiply(new BigDecimal(Math.scalb(1.0, -shift)));
            }
            BigDecimal error = new BigDecimal(test[0]).add(new BigDecimal(test[1]))
                    .subtract(value).abs();
            BigDecimal allowed = new BigDecimal(test[2])
                    .add(value.abs().multiply(REFERENCE_SLACK));
            record(name, quantity, error, allowed, new BigDecimal(test[2]));
        }

        void checkIntervals(String name, String quantity, IntFunction<WideExp.Wide> values,
                Object exact, double[] z) {
            List<?> list = (List<?>) exact;
            for (int i = 0; i < z.length; i++) {
                if (z[i] != Double.NEGATIVE_INFINITY) {
                    checkInterval(name + " [" + i + "]", quantity, values.apply(i), list.get(i));
                }
            }
        }

        void checkInterval(String name, String quantity, WideExp.Wide v, Object exact) {
            List<?> pair = (List<?>) exact;
            double r = Json.number(pair.get(0));
            if (!Double.isFinite(r) || Math.abs(r) < Ulps.TINY) {
                return;
            }
            BigDecimal value = new BigDecimal(r).add(new BigDecimal(Json.number(pair.get(1))));
            BigDecimal center = scaled(v.m, v.e);
            BigDecimal bound = v.isExact() ? BigDecimal.ZERO : scaled(java.math.BigInteger.ONE,
                    v.err);
            BigDecimal error = center.subtract(value).abs();
            record(name, quantity, error, bound.add(value.abs().multiply(REFERENCE_SLACK)),
                    bound);
        }

        private static BigDecimal scaled(java.math.BigInteger m, int e) {
            BigDecimal x = new BigDecimal(m);
            return e >= 0 ? x.multiply(new BigDecimal(java.math.BigInteger.TWO.pow(e)))
                    : x.divide(new BigDecimal(java.math.BigInteger.TWO.pow(-e)));
        }

        private void record(String name, String quantity, BigDecimal error, BigDecimal allowed,
                BigDecimal bound) {
            if (error.compareTo(allowed) > 0) {
                if (violations.size() < 30) {
                    violations.add(name + " " + quantity + ": error " + error.doubleValue()
                            + " > bound " + bound.doubleValue());
                }
            }
            if (allowed.signum() > 0) {
                double ratio = error.divide(allowed, java.math.MathContext.DECIMAL64).doubleValue();
                ratios.merge(quantity, ratio, Math::max);
            }
        }

        void report(String what) {
            StringBuilder sb = new StringBuilder(what + ":");
            ratios.forEach((q, r) -> sb.append(' ').append(q).append(' ')
                    .append(String.format("%.2g", r)).append(';'));
            System.out.println(sb);
            assertTrue(violations.isEmpty(), String.join("\n", violations));
        }
    }
}
