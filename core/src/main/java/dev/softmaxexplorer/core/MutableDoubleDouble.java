package dev.softmaxexplorer.core;

/**
 * A double-double {@code hi + lo} that is updated in place: the per-class loops of
 * {@link Softmax} run on a few of these instead of allocating a {@link DoubleDouble} per
 * operation. In the browser a new object with two double fields costs more than the arithmetic
 * (V8 boxes each field), and at K = 50257 the garbage dominated the time.
 *
 * <p>Every method performs exactly the operations, in the same order and with the same special
 * cases, as the {@link DoubleDouble} method of the same name, so both give the same bits
 * ({@code MutableDoubleDoubleTest} compares them). The expression shapes follow DoubleDouble's
 * rules for TeaVM (no compound right operand of {@code +} or {@code *}).
 */
final class MutableDoubleDouble {

    double hi;
    double lo;

    /** Scratch for the products and remainders of {@link #div}. */
    private double productHi;
    private double productLo;

    MutableDoubleDouble set(double h, double l) {
        hi = h;
        lo = l;
        return this;
    }

    MutableDoubleDouble set(DoubleDouble x) {
        return set(x.hi, x.lo);
    }

    DoubleDouble toDoubleDouble() {
        return DoubleDouble.of(hi, lo);
    }

    /** {@link DoubleDouble#fastTwoSum}. */
    MutableDoubleDouble fastTwoSum(double a, double b) {
        double s = a + b;
        if (!ErrorFree.isFinite(s)) {
            return set(s, 0.0);
        }
        double bb = s - a;
        return set(s, b - bb);
    }

    /** {@link DoubleDouble#twoSum}. */
    MutableDoubleDouble twoSum(double a, double b) {
        double s = a + b;
        if (!ErrorFree.isFinite(s)) {
            return set(s, 0.0);
        }
        double bb = s - a;
        double err = (a - (s - bb)) - (bb - b);
        return set(s, err);
    }

    /** {@link DoubleDouble#twoProduct}. */
    MutableDoubleDouble twoProduct(double a, double b) {
        twoProductOf(a, b);
        return set(productHi, productLo);
    }

    /** {@link DoubleDouble#mulPow2(int)}. */
    MutableDoubleDouble mulPow2(int n) {
        if (n >= -1022 && n <= 1023) {
            // DoubleDouble.mulPow2(x, n) multiplies x by the table's 2^n for these n: one look-up
            // (and in TeaVM's script one class-initialization check) for both parts.
            double factor = DoubleDouble.powerOfTwo(n);
            double h = hi * factor;
            if (!ErrorFree.isFinite(h) || h == 0.0) {
                return set(h, 0.0);
            }
            return set(h, lo * factor);
        }
        double h = DoubleDouble.mulPow2(hi, n);
        if (!ErrorFree.isFinite(h) || h == 0.0) {
            return set(h, 0.0);
        }
        return set(h, DoubleDouble.mulPow2(lo, n));
    }

    /** {@link DoubleDouble#add(DoubleDouble)} of {@code bh + bl}. */
    MutableDoubleDouble add(double bh, double bl) {
        double s = hi + bh;
        if (!ErrorFree.isFinite(s)) {
            return set(s, 0.0);
        }
        double sb = s - hi;
        double e = (hi - (s - sb)) - (sb - bh);
        double t = lo + bl;
        double tb = t - lo;
        double negF = (tb - bl) - (lo - (t - tb));
        e = e + t;
        double s2 = s + e;
        double e2 = e - (s2 - s);
        e2 = e2 - negF;
        return fastTwoSum(s2, e2);
    }

    MutableDoubleDouble add(DoubleDouble b) {
        return add(b.hi, b.lo);
    }

    /** {@link DoubleDouble#sub(DoubleDouble)} of {@code bh + bl}. */
    MutableDoubleDouble sub(double bh, double bl) {
        return add(-bh, -bl);
    }

    /** {@link DoubleDouble#add(double)}. */
    MutableDoubleDouble add(double b) {
        double s = hi + b;
        if (!ErrorFree.isFinite(s)) {
            return set(s, 0.0);
        }
        double sb = s - hi;
        double e = (hi - (s - sb)) - (sb - b);
        e = e + lo;
        return fastTwoSum(s, e);
    }

    /** {@link DoubleDouble#mul(DoubleDouble)} by {@code bh + bl}. */
    MutableDoubleDouble mul(double bh, double bl) {
        double p = hi * bh;
        if (!ErrorFree.isFinite(p) || p == 0.0) {
            return set(p, 0.0);
        }
        double e = ErrorFree.productError(hi, bh, p);
        e = e + hi * bl;
        e = e + lo * bh;
        return fastTwoSum(p, e);
    }

    /** {@link DoubleDouble#div(DoubleDouble)} by {@code bh + bl}. */
    MutableDoubleDouble div(double bh, double bl) {
        double q1 = hi / bh;
        if (!ErrorFree.isFinite(q1) || q1 == 0.0) {
            return set(q1, 0.0);
        }
        productOf(bh, bl, q1);
        sub(productHi, productLo);
        double q2 = hi / bh;
        productOf(bh, bl, q2);
        sub(productHi, productLo);
        double q3 = hi / bh;
        return fastTwoSum(q1, q2).add(q3);
    }

    MutableDoubleDouble div(DoubleDouble b) {
        return div(b.hi, b.lo);
    }

    /**
     * {@link DoubleDouble#div(double)}: the two remainder steps (sub of a twoProduct, ending in a
     * fastTwoSum) written out on locals in the same order, as in {@link #exp}; calibration divides
     * every logit difference by T on every move of its slider.
     */
    MutableDoubleDouble div(double b) {
        double q1 = hi / b;
        if (!ErrorFree.isFinite(q1) || q1 == 0.0) {
            return set(q1, 0.0);
        }
        double h = hi;
        double l = lo;
        double q = q1;
        double q2 = 0.0;
        for (int step = 0; step < 2; step++) {
            // sub(twoProduct(q, b))
            double c = q * b;
            double cl = ErrorFree.isFinite(c) ? ErrorFree.productError(q, b, c) : 0.0;
            double bh = -c;
            double bl = -cl;
            double s = h + bh;
            if (!ErrorFree.isFinite(s)) {
                h = s;
                l = 0.0;
            } else {
                double sb = s - h;
                double e = (h - (s - sb)) - (sb - bh);
                double t = l + bl;
                double tb = t - l;
                double negF = (tb - bl) - (l - (t - tb));
                e = e + t;
                double s2 = s + e;
                double e2 = e - (s2 - s);
                e2 = e2 - negF;
                // fastTwoSum(s2, e2)
                h = s2 + e2;
                l = 0.0;
                if (ErrorFree.isFinite(h)) {
                    double fb = h - s2;
                    l = e2 - fb;
                }
            }
            q = h / b;
            if (step == 0) {
                q2 = q;
            }
        }
        return fastTwoSum(q1, q2).add(q);
    }

    /** {@code (bh + bl) * q} as DoubleDouble's {@code mul(double)}, into the product scratch. */
    private void productOf(double bh, double bl, double q) {
        double p = bh * q;
        if (!ErrorFree.isFinite(p) || p == 0.0) {
            productHi = p;
            productLo = 0.0;
            return;
        }
        double e = ErrorFree.productError(bh, q, p);
        e = e + bl * q;
        fastTwoSumProduct(p, e);
    }

    /** {@link DoubleDouble#twoProduct}, into the product scratch. */
    private void twoProductOf(double a, double b) {
        double p = a * b;
        productHi = p;
        productLo = ErrorFree.isFinite(p) ? ErrorFree.productError(a, b, p) : 0.0;
    }

    private void fastTwoSumProduct(double a, double b) {
        double s = a + b;
        productHi = s;
        productLo = ErrorFree.isFinite(s) ? b - (s - a) : 0.0;
    }

    /**
     * {@link DoubleDouble#expScaled} of x (which may be this): this becomes the mantissa M, and
     * the method returns the binary exponent k, {@code exp(x) = M * 2^k}.
     *
     * <p>The double-double steps are written out on locals, each the operations of the method
     * named in its comment in the same order (twoSum, the twoProduct of the split, sub, add,
     * fastTwoSum, mul), so the bits are theirs: in the browser the pair's fields cost a memory
     * round trip per step, and a calibration frame takes some ten thousand of these. It takes the
     * pair, not its two doubles: a call that is not inlined passes doubles as new boxes.
     */
    int exp(MutableDoubleDouble x) {
        double xh = x.hi;
        double xl = x.lo;
        if (xh < DoubleDouble.EXP_NEGLIGIBLE) {
            set(0.0, 0.0);
            return 0;
        }
        int n = (int) Math.floor(xh * DoubleDouble.INV_LN2_4096 + 0.5);
        double nd = n;
        double r0 = xh - nd * DoubleDouble.LN2_4096_1;
        // twoSum(r0, xl)
        double rh = r0 + xl;
        double rl = 0.0;
        if (ErrorFree.isFinite(rh)) {
            double bb = rh - r0;
            rl = (r0 - (rh - bb)) - (bb - xl);
        }
        // sub(twoProduct(nd, LN2_4096_2))
        double c = nd * DoubleDouble.LN2_4096_2;
        double cl = ErrorFree.isFinite(c) ? ErrorFree.productError(nd, DoubleDouble.LN2_4096_2, c) : 0.0;
        double bh = -c;
        double bl = -cl;
        double s = rh + bh;
        if (!ErrorFree.isFinite(s)) {
            rh = s;
            rl = 0.0;
        } else {
            double sb = s - rh;
            double e = (rh - (s - sb)) - (sb - bh);
            double t = rl + bl;
            double tb = t - rl;
            double negF = (tb - bl) - (rl - (t - tb));
            e = e + t;
            double s2 = s + e;
            double e2 = e - (s2 - s);
            e2 = e2 - negF;
            // fastTwoSum(s2, e2)
            rh = s2 + e2;
            rl = 0.0;
            if (ErrorFree.isFinite(rh)) {
                double fb = rh - s2;
                rl = e2 - fb;
            }
        }
        // add(-(nd LN2_4096_3))
        double b3 = -(nd * DoubleDouble.LN2_4096_3);
        s = rh + b3;
        if (!ErrorFree.isFinite(s)) {
            rh = s;
            rl = 0.0;
        } else {
            double sb = s - rh;
            double e = (rh - (s - sb)) - (sb - b3);
            e = e + rl;
            // fastTwoSum(s, e)
            rh = s + e;
            rl = 0.0;
            if (ErrorFree.isFinite(rh)) {
                double fb = rh - s;
                rl = e - fb;
            }
        }
        double v = DoubleDouble.INV_FACTORIAL_7 * rh + DoubleDouble.INV_FACTORIAL_6;
        v = v * rh + DoubleDouble.INV_FACTORIAL_5;
        v = v * rh + DoubleDouble.INV_FACTORIAL_4;
        // u = 1/6 + r V, whose rounding error (2^-71) r^3 brings below 2^-111: fastTwoSum.
        double rv = rh * v;
        double uh = DoubleDouble.INV_FACTORIAL_3_HI + rv;
        double ul = 0.0;
        if (ErrorFree.isFinite(uh)) {
            double ub = uh - DoubleDouble.INV_FACTORIAL_3_HI;
            ul = rv - ub;
        }
        ul = ul + DoubleDouble.INV_FACTORIAL_3_LO;
        // w = 1/2 + r u: the product r u (below 2^-16) with its exact rounding error.
        double rhHigh = ErrorFree.splitHigh(rh);
        double rhLow = rh - rhHigh;
        double p = rh * uh;
        double pe = ErrorFree.productError(rhHigh, rhLow, uh, p);
        pe = pe + rh * ul;
        pe = pe + rl * uh;
        // fastTwoSum(0.5, p)
        double wh = 0.5 + p;
        double wl = 0.0;
        if (ErrorFree.isFinite(wh)) {
            double wb = wh - 0.5;
            wl = p - wb;
        }
        wl = wl + pe;
        // r^2 = rh^2 + 2 rh rl (rl^2 is below 2^-133).
        double q = rh * rh;
        double qe = ErrorFree.productError(rhHigh, rhLow, rh, q);
        double twice = rh + rh;
        qe = qe + twice * rl;
        // mul(w): r^2 w
        double ph = q * wh;
        double pl = 0.0;
        if (ErrorFree.isFinite(ph) && ph != 0.0) {
            double me = ErrorFree.productError(q, wh, ph);
            me = me + q * wl;
            me = me + qe * wh;
            // fastTwoSum(ph, me)
            double f = ph + me;
            if (ErrorFree.isFinite(f)) {
                double fb = f - ph;
                pl = me - fb;
            }
            ph = f;
        }
        // add(r)
        s = ph + rh;
        if (!ErrorFree.isFinite(s)) {
            ph = s;
            pl = 0.0;
        } else {
            double sb = s - ph;
            double e = (ph - (s - sb)) - (sb - rh);
            double t = pl + rl;
            double tb = t - pl;
            double negF = (tb - rl) - (pl - (t - tb));
            e = e + t;
            double s2 = s + e;
            double e2 = e - (s2 - s);
            e2 = e2 - negF;
            // fastTwoSum(s2, e2)
            ph = s2 + e2;
            pl = 0.0;
            if (ErrorFree.isFinite(ph)) {
                double fb = ph - s2;
                pl = e2 - fb;
            }
        }
        // add(1.0)
        s = ph + 1.0;
        if (!ErrorFree.isFinite(s)) {
            ph = s;
            pl = 0.0;
        } else {
            double sb = s - ph;
            double e = (ph - (s - sb)) - (sb - 1.0);
            e = e + pl;
            // fastTwoSum(s, e)
            ph = s + e;
            pl = 0.0;
            if (ErrorFree.isFinite(ph)) {
                double fb = ph - s;
                pl = e - fb;
            }
        }
        // mul(ph, pl) of the table's 2^(j/4096), which splits without scaling; so does ph but
        // for an argument far beyond the range of a double's exponential.
        int j = n & 4095;
        double th = DoubleDouble.EXP2_HI[j];
        double tl = DoubleDouble.EXP2_LO[j];
        if (!(ph >= -ErrorFree.SPLIT_LIMIT && ph <= ErrorFree.SPLIT_LIMIT)) {
            set(th, tl).mul(ph, pl);
            return n >> 12;
        }
        double m = th * ph;
        hi = m;
        lo = 0.0;
        if (m - m == 0.0 && m != 0.0) {
            double split = ErrorFree.SPLITTER * th;
            double aHigh = split - (split - th);
            double aLow = th - aHigh;
            split = ErrorFree.SPLITTER * ph;
            double bHigh = split - (split - ph);
            double bLow = ph - bHigh;
            double me = aHigh * bHigh - m;
            me = me + aHigh * bLow;
            me = me + aLow * bHigh;
            me = me + aLow * bLow;
            me = me + th * pl;
            me = me + tl * ph;
            // fastTwoSum(m, me)
            hi = m + me;
            if (hi - hi == 0.0) {
                lo = me - (hi - m);
            }
        }
        return n >> 12;
    }
}
