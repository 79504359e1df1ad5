package dev.softmaxexplorer.core;

/**
 * Softmax over a range of temperatures, for the chart of each class's probability against
 * log T: low T sharpens p towards the argmax (entropy towards 0), high T flattens it towards
 * uniform (entropy towards log K).
 */
public final class TemperatureSweep {

    /** The lowest temperature of the page's slider and sweep chart (the product asks for about 0.05). */
    public static final double PAGE_MIN = 0.05;
    /** The highest temperature of the page's slider and sweep chart (the product asks for about 20). */
    public static final double PAGE_MAX = 20.0;

    private TemperatureSweep() {
    }

    /**
     * Log-spaced temperatures {@code t_i = exp(log min + (i / (n - 1)) log(max / min))},
     * i = 0..n-1: equal steps on a log axis, with no {@code Math.pow} or {@code Math.log} (they
     * differ in the browser). The exponent is formed in double-double from the double-double
     * logarithms of min and max, and its double-double exponential is rounded once, so each interior point is within an ulp of its exact value; the endpoints are min and max
     * themselves. Nondecreasing (strictly increasing when min < max and the points are more than
     * an ulp apart).
     *
     * @param min the first temperature, finite and > 0
     * @param max the last temperature, finite and >= min
     * @param points n, at least 2
     * @return n temperatures from min to max
     * @throws IllegalArgumentException for min or max not finite and positive, max < min, or
     *     points < 2
     */
    public static double[] temperatures(double min, double max, int points) {
        if (!(min > 0.0 && min <= Double.MAX_VALUE)) {
            throw new IllegalArgumentException("min: must be finite and > 0, was "
                    + Format.shortest(min));
        }
        if (!(max >= min && max <= Double.MAX_VALUE)) {
            throw new IllegalArgumentException("max: must be finite and >= min ("
                    + Format.shortest(min) + "), was " + Format.shortest(max));
        }
        if (points < 2) {
            throw new IllegalArgumentException("points: must be >= 2, was " + points);
        }
        DoubleDouble logMin = DoubleDouble.log(DoubleDouble.of(min));
        DoubleDouble span = DoubleDouble.log(DoubleDouble.of(max)).sub(logMin);
        int intervals = points - 1;
        double[] t = new double[points];
        t[0] = min;
        for (int i = 1; i < intervals; i++) {
            DoubleDouble exponent = span.mul(i).div(intervals).add(logMin);
            t[i] = DoubleDouble.exp(exponent).value();
        }
        t[intervals] = max;
        return t;
    }

    /**
     * {@code softmax(z / t)} for each temperature: row j holds the K probabilities at
     * {@code temperatures[j]} (see {@link Softmax#softmax(double[], double)}).
     *
     * @return a new [temperatures.length][K] array
     * @throws IllegalArgumentException as {@link Softmax#softmax(double[], double)} for the logits
     *     and each temperature, or if temperatures is null
     */
    public static double[][] probabilities(double[] logits, double[] temperatures) {
        checkTemperatures(temperatures);
        double[][] rows = new double[temperatures.length][];
        for (int j = 0; j < temperatures.length; j++) {
            rows[j] = Softmax.softmax(logits, temperatures[j]);
        }
        return rows;
    }

    /**
     * The entropy {@code H = -sum_i p_i log p_i} (nats, in [0, log K]) of the softmax at each
     * temperature ({@link Softmax#entropy(double[], double)}).
     *
     * @throws IllegalArgumentException as {@link #probabilities}
     */
    public static double[] entropies(double[] logits, double[] temperatures) {
        checkTemperatures(temperatures);
        double[] h = new double[temperatures.length];
        for (int j = 0; j < temperatures.length; j++) {
            h[j] = Softmax.entropy(logits, temperatures[j]);
        }
        return h;
    }

    /** Probabilities and entropies of a sweep, as {@link #curves} returns them. */
    public record Curves(double[][] probabilities, double[] entropies) {
    }

    /**
     * {@link #probabilities} and {@link #entropies} together, bit for bit the same, at half the
     * cost: each temperature's exponentials are computed once for both.
     *
     * @throws IllegalArgumentException as {@link #probabilities}
     */
    public static Curves curves(double[] logits, double[] temperatures) {
        checkTemperatures(temperatures);
        double[][] rows = new double[temperatures.length][];
        double[] h = new double[temperatures.length];
        for (int j = 0; j < temperatures.length; j++) {
            rows[j] = new double[logits == null ? 0 : logits.length];
            h[j] = Softmax.softmaxAndEntropy(logits, temperatures[j], rows[j]);
        }
        return new Curves(rows, h);
    }

    /**
     * The largest entropy of a distribution over K classes, {@code log K} nats (the uniform
     * distribution's, which softmax approaches as T grows): the top of the entropy axis. Computed
     * as the double-double logarithm rounded once (no {@code Math.log}, which differs in the
     * browser), so it is the correctly rounded log K in practice.
     *
     * @param classes K, at least 1
     * @return log K, 0 for K = 1
     * @throws IllegalArgumentException for K < 1
     */
    public static double maxEntropy(int classes) {
        if (classes < 1) {
            throw new IllegalArgumentException("classes: must be >= 1, was " + classes);
        }
        return DoubleDouble.log(DoubleDouble.of(classes)).value();
    }

    private static void checkTemperatures(double[] temperatures) {
        if (temperatures == null) {
            throw new IllegalArgumentException("temperatures: must not be null");
        }
    }
}
