package dev.softmaxexplorer.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link MutableDoubleDouble} must give the same bits as {@link DoubleDouble}, operation for
 * operation, on operands from subnormal to near overflow.
 */
class MutableDoubleDoubleTest {

    private static final int CASES = 50_000;

    private static double randomDouble(Random random) {
        double sign = random.nextBoolean() ? 1.0 : -1.0;
        switch (random.nextInt(4)) {
            case 0:
                return sign * Math.scalb(1.0 + random.nextDouble(), random.nextInt(2098) - 1074);
            case 1:
                return sign * Math.scalb(1.0 + random.nextDouble(), random.nextInt(40) - 20);
            case 2:
                return random.nextInt(5) - 2;
            default:
                return sign * random.nextDouble();
        }
    }

    /** A normalized pair: the exact sum of two doubles. */
    private static DoubleDouble randomPair(Random random) {
        return DoubleDouble.twoSum(randomDouble(random), randomDouble(random) * 0x1p-60);
    }

    private static void assertSame(DoubleDouble expected, MutableDoubleDouble actual, String what) {
        assertEquals(Double.doubleToRawLongBits(expected.hi), Double.doubleToRawLongBits(actual.hi),
                what + " hi");
        assertEquals(Double.doubleToRawLongBits(expected.lo), Double.doubleToRawLongBits(actual.lo),
                what + " lo");
    }

    /**
     * exp, whose double-double steps are written out on locals, against the same steps taken
     * with DoubleDouble's own operations (the reduction by n ln2/4096, the polynomial, the table).
     */
    @Test
    void expGivesTheBitsOfItsStepsTakenWithDoubleDouble() {
        Random random = new Random(20261204);
        MutableDoubleDouble m = new MutableDoubleDouble();
        for (int n = 0; n < CASES * 10; n++) {
            double hi = switch (n % 3) {
                case 0 -> -60.0 * random.nextDouble();
                case 1 -> 2400.0 * random.nextDouble() - 1700.0;
                default -> randomDouble(random);
            };
            DoubleDouble x = DoubleDouble.twoSum(hi, Math.ulp(hi) * (random.nextDouble() - 0.5));
            int exponent = m.set(x).exp(m);
            DoubleDouble expected = expBySteps(x);
            String what = "exp " + x.hi + " + " + x.lo;
            assertSame(expected, m, what);
            assertEquals(x.hi < DoubleDouble.EXP_NEGLIGIBLE ? 0 : (int) Math.floor(x.hi * DoubleDouble.INV_LN2_4096 + 0.5) >> 12,
                    exponent, what);
        }
    }

    /** The mantissa of exp(x) as MutableDoubleDouble.exp defines it, one DoubleDouble operation a step. */
    private static DoubleDouble expBySteps(DoubleDouble x) {
        if (x.hi < DoubleDouble.EXP_NEGLIGIBLE) {
            return DoubleDouble.ZERO;
        }
        int n = (int) Math.floor(x.hi * DoubleDouble.INV_LN2_4096 + 0.5);
        double nd = n;
        DoubleDouble r = DoubleDouble.twoSum(x.hi - nd * DoubleDouble.LN2_4096_1, x.lo)
                .sub(DoubleDouble.twoProduct(nd, DoubleDouble.LN2_4096_2))
                .add(-(nd * DoubleDouble.LN2_4096_3));
        double rh = r.hi;
        double v = DoubleDouble.INV_FACTORIAL_7 * rh + DoubleDouble.INV_FACTORIAL_6;
        v = v * rh + DoubleDouble.INV_FACTORIAL_5;
        v = v * rh + DoubleDouble.INV_FACTORIAL_4;
        DoubleDouble u = DoubleDouble.fastTwoSum(DoubleDouble.INV_FACTORIAL_3_HI, rh * v);
        double ul = u.lo + DoubleDouble.INV_FACTORIAL_3_LO;
        double p = rh * u.hi;
        double e = DoubleDouble.twoProduct(rh, u.hi).lo;
        e = e + rh * ul;
        e = e + r.lo * u.hi;
        DoubleDouble w0 = DoubleDouble.fastTwoSum(0.5, p);
        DoubleDouble w = DoubleDouble.of(w0.hi, w0.lo + e);
        double q = rh * rh;
        double qe = DoubleDouble.twoProduct(rh, rh).lo;
        double twice = rh + rh;
        qe = qe + twice * r.lo;
        DoubleDouble poly = DoubleDouble.of(q, qe).mul(w).add(r).add(1.0);
        int j = n & 4095;
        DoubleDouble table = DoubleDouble.of(DoubleDouble.EXP2_TABLE_HI[j >> 6], DoubleDouble.EXP2_TABLE_LO[j >> 6])
                .mul(DoubleDouble.of(DoubleDouble.EXP2_FINE_HI[j & 63], DoubleDouble.EXP2_FINE_LO[j & 63]));
        return table.mul(poly);
    }

    @Test
    void everyOperationGivesTheSameBitsAsDoubleDouble() {
        Random random = new Random(20261124);
        MutableDoubleDouble m = new MutableDoubleDouble();
        for (int n = 0; n < CASES; n++) {
            DoubleDouble a = randomPair(random);
            DoubleDouble b = randomPair(random);
            double c = randomDouble(random);
            String what = a.hi + " + " + a.lo + " op " + b.hi + " + " + b.lo + " / " + c;
            assertSame(a.add(b), m.set(a).add(b), "add " + what);
            assertSame(a.sub(b), m.set(a).sub(b.hi, b.lo), "sub " + what);
            assertSame(a.add(c), m.set(a).add(c), "add(double) " + what);
            assertSame(a.mul(b), m.set(a).mul(b.hi, b.lo), "mul " + what);
            assertSame(a.div(b), m.set(a).div(b), "div " + what);
            assertSame(a.div(c), m.set(a).div(c), "div(double) " + what);
            int shift = random.nextInt(400) - 200;
            assertSame(a.mulPow2(shift), m.set(a).mulPow2(shift), "mulPow2 " + what);
            // Beyond the table's range too, where DoubleDouble scales in steps.
            int far = random.nextInt(4400) - 2200;
            assertSame(a.mulPow2(far), m.set(a).mulPow2(far), "mulPow2 " + far + " " + what);
            assertSame(DoubleDouble.twoSum(a.hi, c), m.twoSum(a.hi, c), "twoSum " + what);
            assertSame(DoubleDouble.fastTwoSum(a.hi, a.lo), m.fastTwoSum(a.hi, a.lo),
                    "fastTwoSum " + what);
        }
    }
}
