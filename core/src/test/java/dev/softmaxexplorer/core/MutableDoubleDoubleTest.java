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
