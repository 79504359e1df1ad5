package dev.softmaxexplorer.core;

import java.math.BigInteger;

/**
 * Exponentials, their sums and logarithms to any requested precision, as intervals with proven
 * error bounds: the arithmetic of {@link WideSoftmax}, the slow path that decides the rounding of
 * the rare results of {@link Softmax} whose double-double approximation lies too close to a
 * midpoint between two doubles (or, with cancellation, too far from its exact value) to be
 * rounded with certainty. The precision is raised until the interval rounds to one double.
 *
 * <p>Values are {@code m * 2^e} with a {@code BigInteger} m (whose multiplication, division and
 * shifts are exact and give the same bits on the JVM and in TeaVM's JavaScript; see
 * DecimalDigits). Only this slow path uses {@code long}, which TeaVM compiles to a slow BigInt.
 * exp(d) at W fractional bits: d is formed from the doubles exactly and then truncated to W bits,
 * {@code d = n ln2 + r} with |r| < ln 2, exp(r / 2^10) by its Taylor series, then squared ten
 * times: relative error below 2^-(W - 19), with W = P + 40 below 2^-(P + 21).
 */
final class WideExp {

    /** Guard bits of every fixed-point computation above the working precision P. */
    private static final int GUARD = 40;
    /** r is halved this many times before the Taylor series and squared as often after it. */
    private static final int HALVINGS = 10;
    /** Beyond |d| = 2^12 a term e^d (d < 0) is below 2^-5900: nothing at any precision used here. */
    private static final int MAX_D_BITS = 12;

    /**
     * An interval {@code m * 2^e +- 2^err}: the exact value differs from {@code m * 2^e} by less
     * than {@code 2^err}, or not at all when {@code err == EXACT}. Every operation bounds its own
     * truncation and the propagated errors of its operands (first-order terms doubled, so the
     * bounds hold with room to spare); {@link CorrectRounding#round} rounds the interval.
     */
    static final class Wide {
        /** The err of an exact value. */
        static final int EXACT = -(1 << 28);
        /** The err of a value about which nothing is known (a divisor not bounded away from 0). */
        static final int UNKNOWN = 1 << 28;

        final BigInteger m;
        final int e;
        final int err;

        Wide(BigInteger m, int e, int err) {
            this.m = m;
            this.e = e;
            this.err = Math.min(err, UNKNOWN);
        }

        /** The exact value m * 2^e. */
        Wide(BigInteger m, int e) {
            this(m, e, EXACT);
        }

        boolean isExact() {
            return err == EXACT;
        }

        /** log2 of the magnitude, rounded down; a very small number for zero. */
        int top() {
            return m.signum() == 0 ? -(1 << 29) : m.bitLength() - 1 + e;
        }

        /** The same value, taken as exact (for Newton steps, whose error is bounded apart). */
        Wide center() {
            return new Wide(m, e);
        }

        /** This value with error bound 2^err, whatever it had. */
        Wide withError(int error) {
            return new Wide(m, e, error);
        }

        Wide plus(Wide b) {
            int low = Math.min(e, b.e);
            return new Wide(m.shiftLeft(e - low).add(b.m.shiftLeft(b.e - low)), low,
                    combined(err, b.err));
        }

        Wide minus(Wide b) {
            return plus(b.negate());
        }

        Wide negate() {
            return new Wide(m.negate(), e, err);
        }

        /**
         * The product; with |x| < 2^(top + 1), the error is below
         * {@code |a| err_b + |b| err_a + err_a err_b}, each term bounded by a power of two.
         */
        Wide times(Wide b) {
            int error = EXACT;
            if (!b.isExact()) {
                error = top() + 1 + b.err;
            }
            if (!isExact()) {
                error = Math.max(error, b.top() + 1 + err);
                if (!b.isExact()) {
                    error = Math.max(error, err + b.err);
                }
                error += 2;
            } else if (error != EXACT) {
                error += 1;
            }
            return new Wide(m.multiply(b.m), e + b.e, error);
        }

        /** The same value with at most {@code bits} significant bits (rounded down). */
        Wide trim(int bits) {
            int excess = m.bitLength() - bits;
            if (excess <= 0) {
                return this;
            }
            return new Wide(m.shiftRight(excess), e + excess, combined(err, e + excess));
        }

        /**
         * The quotient to at least {@code bits} significant bits. Its error: the truncation
         * (below one unit of the last place, none when the division is exact) plus
         * {@code (err_a + |q| err_b) / (|b| - err_b)}, where {@code err_b <= |b| / 4} gives
         * {@code |b| - err_b >= 2^(top_b - 1)}; UNKNOWN when b's error is larger.
         */
        Wide divide(Wide b, int bits) {
            if (!b.isExact() && b.err > b.top() - 2) {
                return new Wide(BigInteger.ZERO, 0, UNKNOWN);
            }
            int shift = Math.max(0, bits + b.m.bitLength() - m.bitLength() + 1);
            BigInteger[] qr = m.shiftLeft(shift).divideAndRemainder(b.m);
            int unit = e - shift - b.e;
            int error = qr[1].signum() == 0 ? EXACT : unit;
            Wide q = new Wide(qr[0], unit);
            if (!isExact()) {
                error = combined(error, err + 1 - b.top() + 1);
            }
            if (!b.isExact()) {
                error = combined(error, q.top() + 1 + b.err + 1 - b.top() + 1);
            }
            return new Wide(qr[0], unit, error);
        }

        /**
         * The value as a double-double mantissa M with |M| in [1, 2) and a binary exponent, to
         * 2^-105 relative (0 for 0).
         */
        DoubleDouble.Scaled toScaled() {
            if (m.signum() == 0) {
                return new DoubleDouble.Scaled(DoubleDouble.ZERO, 0);
            }
            BigInteger a = m.abs();
            int drop = a.bitLength() - 106;
            BigInteger bits = drop >= 0 ? a.shiftRight(drop) : a.shiftLeft(-drop);
            double hi = bits.shiftRight(53).longValue();
            double lo = bits.subtract(bits.shiftRight(53).shiftLeft(53)).longValue();
            DoubleDouble mantissa = DoubleDouble.fastTwoSum(hi, lo * 0x1p-53).mulPow2(-52);
            if (m.signum() < 0) {
                mantissa = mantissa.negate();
            }
            return new DoubleDouble.Scaled(mantissa, drop + e + 105);
        }
    }

    /**
     * The error bound of a sum of two intervals: twice the larger bound (EXACT when both are
     * exact).
     */
    static int combined(int a, int b) {
        if (a == Wide.EXACT) {
            return b;
        }
        if (b == Wide.EXACT) {
            return a;
        }
        return Math.max(a, b) + 1;
    }

    private final int fraction;
    private final BigInteger one;
    private final BigInteger ln2;

    /** Exponentials with relative error below 2^-(precision + 21). */
    WideExp(int precision) {
        fraction = precision + GUARD;
        one = BigInteger.ONE.shiftLeft(fraction);
        ln2 = ln2(fraction);
    }

    /** ln 2 = 2 atanh(1/3) = 2 sum_k 3^-(2k+1) / (2k+1), to 2^-bits (8 extra bits absorb the truncations). */
    private static BigInteger ln2(int bits) {
        BigInteger power = BigInteger.ONE.shiftLeft(bits + 8).divide(BigInteger.valueOf(3));
        BigInteger sum = power;
        BigInteger nine = BigInteger.valueOf(9);
        for (int k = 1; power.signum() != 0; k++) {
            power = power.divide(nine);
            sum = sum.add(power.divide(BigInteger.valueOf(2L * k + 1)));
        }
        return sum.shiftRight(7);
    }

    /** The double x as m * 2^e, exactly (x finite). */
    static Wide exact(double x) {
        if (x == 0.0) {
            return new Wide(BigInteger.ZERO, 0);
        }
        long bits = Double.doubleToRawLongBits(x);
        int biased = (int) ((bits >>> 52) & 0x7ff);
        long significand = bits & 0xfffffffffffffL;
        int e = biased - 1075;
        if (biased == 0) {
            e = -1074;
        } else {
            significand |= 0x10000000000000L;
        }
        BigInteger m = BigInteger.valueOf(significand);
        return new Wide(bits < 0 ? m.negate() : m, e);
    }

    /**
     * exp((z - shift) / t) for finite z and shift, finite t > 0 and {@code (z - shift) / t <= 0}
     * or small, with its error bound (relative 2^-(precision + 21); exactly 1 for z = shift);
     * null when it is below 2^-5900 (negligible at every precision used here).
     */
    Wide exp(double z, double shift, double t) {
        Wide diff = exact(z).minus(exact(shift));
        if (diff.m.signum() == 0) {
            return new Wide(one, -fraction);
        }
        Wide divisor = exact(t);
        int up = diff.e - divisor.e + fraction;
        BigInteger d = up >= 0 ? diff.m.shiftLeft(up).divide(divisor.m)
                : diff.m.divide(divisor.m).shiftRight(-up);
        return expFixed(d, Wide.EXACT);
    }

    /**
     * exp(x) for an interval x below 2^12 in magnitude, its error bound widened by x's: with
     * |delta| <= 1, {@code |e^delta - 1| <= 2 |delta|}. Null when it is below 2^-5900; UNKNOWN
     * error when x's error is not below 1.
     */
    Wide exp(Wide x) {
        int up = x.e + fraction;
        BigInteger d = up >= 0 ? x.m.shiftLeft(up) : x.m.shiftRight(-up);
        return expFixed(d, x.err);
    }

    /**
     * exp(d / 2^fraction): {@code d = n ln2 + r} with |r| < ln 2, exp(r / 2^10) by its Taylor
     * series, squared ten times; relative error below 2^-(fraction - 19) (the truncations of d
     * and of every step included).
     */
    private Wide expFixed(BigInteger d, int argumentError) {
        if (d.bitLength() > fraction + MAX_D_BITS) {
            return null;
        }
        int n = d.divide(ln2).intValue();
        BigInteger r = d.subtract(ln2.multiply(BigInteger.valueOf(n))).shiftRight(HALVINGS);
        BigInteger sum = one;
        BigInteger term = one;
        for (int k = 1; term.signum() != 0; k++) {
            term = term.multiply(r).shiftRight(fraction).divide(BigInteger.valueOf(k));
            sum = sum.add(term);
        }
        for (int i = 0; i < HALVINGS; i++) {
            sum = sum.multiply(sum).shiftRight(fraction);
        }
        Wide value = new Wide(sum, n - fraction);
        int error = value.top() + 1 - (fraction - 19);
        if (argumentError >= 0) {
            error = Wide.UNKNOWN;
        } else if (argumentError != Wide.EXACT) {
            error = combined(error, value.top() + 2 + argumentError);
        }
        return value.withError(error);
    }

    /**
     * log s for an interval s in [1, 2^40] whose relative error is below 2^-(precision + 10),
     * by Newton's iteration {@code y' = y + s e^-y - 1} from the double-double logarithm: with
     * {@code delta = log s - y}, {@code log s - y' = delta - (e^delta - 1) + (the error of
     * s e^-y)}, and {@code |e^delta - 1 - delta| < delta^2} for |delta| < 1/2, so each step squares
     * the error until that of s e^-y (about 2^-(precision + 9)) dominates: the steps stop once
     * the squared bound of the last one is below it. The guess is within 2^-88 (double-double log
     * to 2^-100 relative of a value below 41, of s to 2^-105).
     */
    Wide log(Wide s) {
        DoubleDouble guess = DoubleDouble.log(s.toScaled().value());
        Wide y = exact(guess.hi).plus(exact(guess.lo));
        Wide unit = new Wide(BigInteger.ONE, 0);
        int delta = -88;
        while (true) {
            Wide product = s.times(exp(y.negate())).trim(fraction + 64);
            Wide next = y.plus(product).minus(unit).trim(fraction + 64);
            int quadratic = 2 * delta;
            delta = combined(next.err, quadratic);
            y = next.center();
            if (quadratic < next.err - 8) {
                return y.withError(delta);
            }
        }
    }

    /**
     * {@code S = sum_i exp((z_i - z_top) / t)} over the finite logits, with relative error below
     * 2^-(precision + 20), which its error bound says: terms below 2^-(precision + 64) are left out
     * (S >= 1, K < 2^31). Exact when every term is 1 or masked.
     */
    Wide sum(double[] z, int top, double t) {
        int cut = -(fraction - GUARD + 64);
        Wide[] terms = new Wide[z.length];
        int low = 0;
        boolean exact = true;
        for (int i = 0; i < z.length; i++) {
            if (z[i] != Double.NEGATIVE_INFINITY) {
                Wide term = exp(z[i], z[top], t);
                if (term != null && term.top() >= cut) {
                    terms[i] = term;
                    low = Math.min(low, term.e);
                    exact &= term.isExact();
                } else {
                    exact = false;
                }
            }
        }
        BigInteger sum = BigInteger.ZERO;
        for (Wide term : terms) {
            if (term != null) {
                sum = sum.add(term.m.shiftLeft(term.e - low));
            }
        }
        if (exact) {
            // Only equal logits (e^0 = 1) and masked classes: S is an integer, exactly.
            return new Wide(sum, low);
        }
        Wide total = new Wide(sum, low).trim(fraction + 64);
        return total.withError(total.top() + 1 - (fraction - GUARD + 20));
    }
}
