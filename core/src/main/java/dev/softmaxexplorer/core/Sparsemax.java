package dev.softmaxexplorer.core;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * Sparsemax and entmax-1.5 with temperature: the two alternatives to softmax that give exact
 * zeros. With {@code x = z / T}:
 * <ul>
 * <li>sparsemax (Martins and Astudillo, "From Softmax to Sparsemax: A Sparse Model of Attention
 * and Multi-Label Classification", ICML 2016): the Euclidean projection of x onto the simplex,
 * {@code p_i = max(x_i - tau, 0)} with tau such that the p sum to 1;</li>
 * <li>entmax-1.5 (Peters, Niculae and Martins, "Sparse Sequence-to-Sequence Models", ACL 2019,
 * the alpha = 1.5 case of alpha-entmax): {@code p_i = max(x_i / 2 - tau, 0)^2}, tau again such
 * that the p sum to 1.</li>
 * </ul>
 *
 * <p>Algorithms: the exact sort-based ones of the two papers. Sort x descending; sparsemax's
 * support size is the largest k with {@code 1 + k x_(k) > sum_{j <= k} x_(j)} and
 * {@code tau = (sum_{j <= k} x_(j) - 1) / k} (Martins and Astudillo, Algorithm 1). For entmax-1.5
 * with {@code u = x / 2}: {@code M(r) = mean of u_(1..r)}, {@code S(r) = sum_{j <= r}
 * (u_(j) - M(r))^2}, {@code tau(r) = M(r) - sqrt((1 - S(r)) / r)}, and the support is the
 * largest r with {@code u_(r) > tau(r)} (Peters, Niculae and Martins, Algorithm 2).
 *
 * <p>Exactness. Everything is decided and computed on the exact values of the given doubles,
 * never on a rounded {@code z / T}: multiplied through by T, sparsemax's test is
 * {@code T + k z_(k) > sum_{j <= k} z_(j)} and {@code p_i = (k z_i - sum_{j <= k} z_(j) + T) /
 * (k T)}, a quotient of two exact binary numbers; entmax-1.5's test is {@code c^2 < Q} with
 * {@code c = sum_{j <= r} z_(j) - r z_(r) >= 0} and
 * {@code Q = 4 T^2 r + (sum z_(j))^2 - r sum z_(j)^2}, and
 * {@code p_i = (r z_i - sum z_(j) + sqrt(Q))^2 / (4 T^2 r^2)}. The sums are formed exactly
 * ({@link WideExp.Wide}, BigInteger significands, so a sum of 1e308 and 1e-300 loses nothing and
 * cancellation cannot hurt), the comparisons are exact, and each result is an interval of
 * growing precision (the square root to a chosen number of bits, by integer Newton iteration)
 * that is rounded once when it rounds to one double ({@link CorrectRounding#round}). So every
 * component, tau and the one-hot temperatures are correctly rounded (0 ulp, ties to even), with
 * the project's rule for results below 2^-1000 (within 1e-300 absolute), and identical on the JVM
 * and in JavaScript (integer arithmetic only). A class outside the support is exactly 0; a masked
 * class (-Infinity) is exactly 0 and takes no part.
 */
public final class Sparsemax {

    /** The first working precision in bits; doubled until the result is decided. */
    private static final int FIRST_BITS = 64;
    /**
     * Beyond this precision an undecided interval is rounded at its center. Only an irrational
     * value within 2^-16000 of a midpoint between doubles would get there.
     */
    private static final int LAST_BITS = 16384;

    private Sparsemax() {
    }

    /**
     * Sparsemax of {@code z / T}: {@code p_i = max(z_i / T - tau, 0)}.
     *
     * @param logits raw scores z; -Infinity masks a class (p = 0)
     * @param temperature T, finite and > 0
     * @return a new array of K probabilities, those outside the support exactly 0, each
     *     correctly rounded
     * @throws IllegalArgumentException for null, empty, NaN, +Infinity or all--Infinity logits,
     *     or a temperature that is NaN, infinite or <= 0
     */
    public static double[] sparsemax(double[] logits, double temperature) {
        SparsemaxSupport s = new SparsemaxSupport(logits, temperature);
        double[] p = new double[logits.length];
        WideExp.Wide denominator = s.count().times(WideExp.exact(temperature));
        for (int i = 0; i < p.length; i++) {
            if (logits[i] >= s.smallest) {
                WideExp.Wide numerator = s.count().times(WideExp.exact(logits[i]))
                        .minus(s.sum).plus(WideExp.exact(temperature));
                p[i] = quotient(numerator, denominator);
            }
        }
        return p;
    }

    /**
     * Sparsemax's threshold {@code tau = (sum_{j <= k} z_(j) / T - 1) / k} on the scale of
     * {@code z / T}: the classes with {@code z_i / T > tau} are the support.
     *
     * @throws IllegalArgumentException as {@link #sparsemax(double[], double)}
     */
    public static double sparsemaxThreshold(double[] logits, double temperature) {
        SparsemaxSupport s = new SparsemaxSupport(logits, temperature);
        WideExp.Wide t = WideExp.exact(temperature);
        return quotient(s.sum.minus(t), s.count().times(t));
    }

    /**
     * The number of classes sparsemax gives a nonzero probability.
     *
     * @throws IllegalArgumentException as {@link #sparsemax(double[], double)}
     */
    public static int sparsemaxSupport(double[] logits, double temperature) {
        return new SparsemaxSupport(logits, temperature).size;
    }

    /**
     * The temperature below which sparsemax is one-hot: the gap {@code g = z_(1) - z_(2)} between
     * the two largest logits, correctly rounded (sparsemax puts everything on the top class
     * exactly when {@code x_(1) - x_(2) >= 1}, that is {@code T <= g}). One-hot at every T below
     * the result, at no T above it; 0 when the two largest logits are equal (never one-hot);
     * +Infinity when only one class is unmasked (always one-hot) or g exceeds the double range.
     *
     * @throws IllegalArgumentException for null, empty, NaN, +Infinity or all--Infinity logits
     */
    public static double sparsemaxOneHotTemperature(double[] logits) {
        Softmax.validateLogits(logits);
        double[] top = topTwo(logits);
        return top[0] - top[1];
    }

    /**
     * Entmax-1.5 of {@code z / T}: {@code p_i = max(z_i / (2T) - tau, 0)^2}.
     *
     * @param logits raw scores z; -Infinity masks a class (p = 0)
     * @param temperature T, finite and > 0
     * @return a new array of K probabilities, those outside the support exactly 0, each
     *     correctly rounded
     * @throws IllegalArgumentException as {@link #sparsemax(double[], double)}
     */
    public static double[] entmax15(double[] logits, double temperature) {
        EntmaxSupport s = new EntmaxSupport(logits, temperature);
        double[] p = new double[logits.length];
        WideExp.Wide t = WideExp.exact(temperature);
        WideExp.Wide denominator = s.count().times(s.count()).times(t).times(t)
                .times(WideExp.exact(4.0));
        for (int i = 0; i < p.length; i++) {
            if (logits[i] >= s.smallest) {
                WideExp.Wide a = s.count().times(WideExp.exact(logits[i])).minus(s.sum);
                p[i] = a.m.signum() == 0 ? quotient(s.q, denominator)
                        : rounded(bits -> {
                            WideExp.Wide base = a.plus(squareRoot(s.q, bits));
                            return base.times(base).divide(denominator, bits);
                        });
            }
        }
        return p;
    }

    /**
     * Entmax-1.5's threshold {@code tau = M - sqrt((1 - S) / r)} on the scale of
     * {@code z / (2T)}, the scale of Peters, Niculae and Martins' algorithm: the classes with
     * {@code z_i / (2T) > tau} are the support.
     *
     * @throws IllegalArgumentException as {@link #sparsemax(double[], double)}
     */
    public static double entmax15Threshold(double[] logits, double temperature) {
        EntmaxSupport s = new EntmaxSupport(logits, temperature);
        WideExp.Wide denominator = s.count().times(WideExp.exact(temperature).times(WideExp.exact(2.0)));
        return rounded(bits -> s.sum.minus(squareRoot(s.q, bits)).divide(denominator, bits));
    }

    /**
     * The number of classes entmax-1.5 gives a nonzero probability.
     *
     * @throws IllegalArgumentException as {@link #sparsemax(double[], double)}
     */
    public static int entmax15Support(double[] logits, double temperature) {
        return new EntmaxSupport(logits, temperature).size;
    }

    /**
     * The temperature below which entmax-1.5 is one-hot: half the gap,
     * {@code (z_(1) - z_(2)) / 2}, correctly rounded (entmax-1.5 is one-hot exactly when
     * {@code x_(1) - x_(2) >= 2}). One-hot at every T below the result, at no T above it; 0 when
     * the two largest logits are equal, +Infinity when only one class is unmasked.
     *
     * @throws IllegalArgumentException for null, empty, NaN, +Infinity or all--Infinity logits
     */
    public static double entmax15OneHotTemperature(double[] logits) {
        Softmax.validateLogits(logits);
        double[] top = topTwo(logits);
        double gap = top[0] - top[1];
        if (gap == Double.POSITIVE_INFINITY && top[1] != Double.NEGATIVE_INFINITY) {
            // The difference of two huge logits overflows; their halves are exact.
            return top[0] * 0.5 - top[1] * 0.5;
        }
        // Halving is exact unless the result is subnormal, and then the gap itself was exact.
        return gap * 0.5;
    }

    /** The two largest logits (the second -Infinity when only one is finite). */
    private static double[] topTwo(double[] logits) {
        double first = Double.NEGATIVE_INFINITY;
        double second = Double.NEGATIVE_INFINITY;
        for (double z : logits) {
            if (z > first) {
                second = first;
                first = z;
            } else if (z > second) {
                second = z;
            }
        }
        return new double[] {first, second};
    }

    /** The finite logits, largest first. */
    private static double[] descending(double[] logits, double temperature) {
        Softmax.validateLogits(logits);
        Softmax.validateTemperature(temperature);
        double[] sorted = logits.clone();
        Arrays.sort(sorted);
        int finite = 0;
        for (double z : sorted) {
            if (z != Double.NEGATIVE_INFINITY) {
                finite++;
            }
        }
        double[] down = new double[finite];
        for (int i = 0; i < finite; i++) {
            down[i] = sorted[sorted.length - 1 - i];
        }
        return down;
    }

    /**
     * The support of one distribution: its size, the exact sum of the logits in it, and the
     * smallest logit in it. Classes with equal logits get equal values, so the support never
     * splits a tie: it is the classes whose logit is at least that smallest one.
     */
    private abstract static class Support {
        int size;
        WideExp.Wide sum;
        double smallest;

        WideExp.Wide count() {
            return new WideExp.Wide(BigInteger.valueOf(size), 0);
        }

        /** Walks the sorted logits, keeping the largest r whose test holds (it holds for r = 1). */
        final void find(double[] down) {
            WideExp.Wide running = new WideExp.Wide(BigInteger.ZERO, 0);
            for (int r = 1; r <= down.length; r++) {
                WideExp.Wide z = WideExp.exact(down[r - 1]);
                running = running.plus(z);
                if (holds(r, z, running)) {
                    size = r;
                    sum = running;
                    smallest = down[r - 1];
                }
            }
        }

        abstract boolean holds(int r, WideExp.Wide z, WideExp.Wide running);
    }

    /** Sparsemax's support: {@code T + r z_(r) > sum_{j <= r} z_(j)}. */
    private static final class SparsemaxSupport extends Support {
        private final WideExp.Wide t;

        SparsemaxSupport(double[] logits, double temperature) {
            double[] down = descending(logits, temperature);
            t = WideExp.exact(temperature);
            find(down);
        }

        @Override
        boolean holds(int r, WideExp.Wide z, WideExp.Wide running) {
            WideExp.Wide r1 = new WideExp.Wide(BigInteger.valueOf(r), 0);
            return t.plus(r1.times(z)).minus(running).m.signum() > 0;
        }
    }

    /**
     * Entmax-1.5's support: {@code c^2 < Q(r)}, with {@code c = sum_{j <= r} z_(j) - r z_(r)} and
     * {@code Q(r) = 4 T^2 r + (sum z_(j))^2 - r sum z_(j)^2}, which is {@code u_(r) > tau(r)}
     * multiplied through by {@code 2 T r > 0} ({@code Q >= 0} follows from c^2 < Q).
     */
    private static final class EntmaxSupport extends Support {
        private final WideExp.Wide fourTSquared;
        private WideExp.Wide squares = new WideExp.Wide(BigInteger.ZERO, 0);
        /** Q of the support. */
        WideExp.Wide q;

        EntmaxSupport(double[] logits, double temperature) {
            double[] down = descending(logits, temperature);
            WideExp.Wide t = WideExp.exact(temperature);
            fourTSquared = t.times(t).times(WideExp.exact(4.0));
            find(down);
        }

        @Override
        boolean holds(int r, WideExp.Wide z, WideExp.Wide running) {
            WideExp.Wide r1 = new WideExp.Wide(BigInteger.valueOf(r), 0);
            squares = squares.plus(z.times(z));
            WideExp.Wide qr = fourTSquared.times(r1).plus(running.times(running))
                    .minus(r1.times(squares));
            if (r == 1) {
                q = qr;
                return true;
            }
            WideExp.Wide c = running.minus(r1.times(z));
            if (qr.minus(c.times(c)).m.signum() > 0) {
                q = qr;
                return true;
            }
            return false;
        }
    }

    /** One value at a working precision: an interval that holds the exact value. */
    private interface Approximation {
        WideExp.Wide at(int bits);
    }

    /** The exact quotient a / b (b > 0), correctly rounded. */
    private static double quotient(WideExp.Wide a, WideExp.Wide b) {
        return rounded(bits -> a.divide(b, bits));
    }

    /**
     * The double nearest the exact value, from intervals of doubling precision; an exact value on
     * a midpoint is an exact interval there and rounds to even.
     */
    private static double rounded(Approximation f) {
        for (int bits = FIRST_BITS;; bits *= 2) {
            WideExp.Wide v = f.at(bits);
            double r = CorrectRounding.round(v);
            if (r == r) {
                return r;
            }
            if (bits >= LAST_BITS) {
                return CorrectRounding.roundDyadic(v.m, v.e, 0);
            }
        }
    }

    /**
     * sqrt(q) for an exact q >= 0, truncated to at least {@code bits} significant bits: exact when
     * q is the square of a number with so many bits, else within one unit of the last bit.
     */
    static WideExp.Wide squareRoot(WideExp.Wide q, int bits) {
        if (q.m.signum() == 0) {
            return q;
        }
        int shift = Math.max(0, 2 * bits + 2 - q.m.bitLength());
        if (((q.e - shift) & 1) != 0) {
            shift++;
        }
        BigInteger m = q.m.shiftLeft(shift);
        int e = (q.e - shift) / 2;
        BigInteger root = integerSquareRoot(m);
        boolean exact = root.multiply(root).equals(m);
        return exact ? new WideExp.Wide(root, e) : new WideExp.Wide(root, e, e);
    }

    /** floor(sqrt(n)) for n > 0 by Newton's iteration from above (Heron). */
    private static BigInteger integerSquareRoot(BigInteger n) {
        BigInteger x = BigInteger.ONE.shiftLeft((n.bitLength() + 1) / 2);
        while (true) {
            BigInteger next = x.add(n.divide(x)).shiftRight(1);
            if (next.compareTo(x) >= 0) {
                return x;
            }
            x = next;
        }
    }
}
