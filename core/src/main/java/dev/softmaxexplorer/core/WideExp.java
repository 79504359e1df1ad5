package dev.softmaxexplorer.core;

import java.math.BigInteger;

/**
 * Sums of exponentials to any requested precision, for the rare inputs where a result of
 * {@link Softmax} is a difference of nearly equal quantities and double-double arithmetic (about
 * 2^-104 relative to the operands) does not determine it to 1 ulp: log-sum-exp near 0 and gradient
 * components with p_i near y_i. The difference can be as small as the inputs allow (logits can be
 * chosen so that it is 2^-900 of the operands), so the precision is raised until the difference is
 * known to 2^-64 relative, or until it is known to be below 1e-300 where only 1e-300 absolute is
 * required.
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

    /** m * 2^e. */
    static final class Wide {
        final BigInteger m;
        final int e;

        Wide(BigInteger m, int e) {
            this.m = m;
            this.e = e;
        }

        /** log2 of the magnitude, rounded down; a very small number for zero. */
        int top() {
            return m.signum() == 0 ? Integer.MIN_VALUE / 2 : m.bitLength() - 1 + e;
        }

        Wide times(Wide b) {
            return new Wide(m.multiply(b.m), e + b.e);
        }

        Wide minus(Wide b) {
            int low = Math.min(e, b.e);
            return new Wide(m.shiftLeft(e - low).subtract(b.m.shiftLeft(b.e - low)), low);
        }

        /** The same value with at most {@code bits} significant bits (truncated). */
        Wide trim(int bits) {
            int excess = m.bitLength() - bits;
            return excess <= 0 ? this : new Wide(m.shiftRight(excess), e + excess);
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
     * or small; null when it is below 2^-5900 (negligible at every precision used here).
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
        return new Wide(sum, n - fraction);
    }

    /**
     * {@code S = sum_i exp((z_i - z_top) / t)} over the finite logits, with relative error below
     * 2^-(precision + 20): terms below 2^-(precision + 64) are left out (S >= 1, K < 2^31).
     */
    Wide sum(double[] z, int top, double t) {
        int cut = -(fraction - GUARD + 64);
        Wide[] terms = new Wide[z.length];
        int low = 0;
        for (int i = 0; i < z.length; i++) {
            if (z[i] != Double.NEGATIVE_INFINITY) {
                Wide term = exp(z[i], z[top], t);
                if (term != null && term.top() >= cut) {
                    terms[i] = term;
                    low = Math.min(low, term.e);
                }
            }
        }
        BigInteger total = BigInteger.ZERO;
        for (Wide term : terms) {
            if (term != null) {
                total = total.add(term.m.shiftLeft(term.e - low));
            }
        }
        return new Wide(total, low).trim(fraction + 64);
    }
}
