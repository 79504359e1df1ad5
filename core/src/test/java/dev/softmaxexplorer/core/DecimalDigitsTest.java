package dev.softmaxexplorer.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The digits of {@link DecimalDigits#significant} and {@link DecimalDigits#atPlace}, which take a
 * quick path without big integers for the common cases, against the JDK's BigDecimal on the
 * JVM (exact value of the double, rounded half-even): seeded doubles across and beyond the quick
 * paths' ranges, and the values where they must decide a tie or a carry.
 */
class DecimalDigitsTest {

    private static final double[] EDGES = {
        0.125, 0.375, 2.5, 3.5, 0.5, 1.5, 9.995, 99.95, 999.5, 9999.5, 0.9995, 0.99995, 1.0, 10.0,
        100.0, 1e9, 1e-9, 0.1, 0.2, 0.3, 0.245, 0.665240955, 1e-20, 1e-21, 1e-22, 1e-23, 1e-30,
        123456789.5, 999999999.5, 0x1p-900, 0x1.0000000000001p-900, 0x1p-901, Double.MIN_VALUE,
        Double.MAX_VALUE, 4503599627370495.5, 0x1p31, 0x1p40, 1e22, 1e23, 5e-324, 2.98389e-10,
    };

    @Test
    void significantDigitsAgreeWithBigDecimal() {
        SplittableRandom random = new SplittableRandom(20261204);
        for (double x : EDGES) {
            for (int count = 1; count <= 17; count++) {
                checkSignificant(x, count);
                checkSignificant(Math.nextUp(x), count);
                checkSignificant(Math.nextDown(x), count);
            }
        }
        for (int i = 0; i < 50_000; i++) {
            double x = Math.pow(10, random.nextDouble(-30, 15)) * (1 + random.nextInt(3) * 1e-16);
            checkSignificant(x, 1 + random.nextInt(12));
            // Decimal ties and near ties: a few digits, then half a unit of the last.
            int count = 1 + random.nextInt(9);
            double tie = (random.nextInt(1, 20_000) + 0.5) * Math.pow(10, random.nextInt(-12, 4));
            checkSignificant(tie, count);
        }
    }

    /**
     * The shortest digits against the JDK: the fewest significant digits with which a decimal
     * reads back as x (Double.parseDouble, correctly rounded since JDK 7), and of those decimals
     * (the nearest below and above x, from BigDecimal's floor and ceiling roundings) the nearer,
     * a tie going to the even last digit, as DecimalDigits promises.
     */
    @Test
    void shortestDigitsAgreeWithTheJdk() {
        SplittableRandom random = new SplittableRandom(12042026);
        for (double x : EDGES) {
            checkShortest(x);
            checkShortest(Math.nextUp(x));
            checkShortest(Math.nextDown(x));
        }
        for (int i = 0; i < 25_000; i++) {
            // Short decimals (what people type and sliders make), their neighbours, and any double.
            double typed = random.nextInt(1, 1_000_000) * Math.pow(10, random.nextInt(-12, 6));
            checkShortest(typed);
            checkShortest(Math.nextUp(typed));
            checkShortest(Math.pow(10, random.nextDouble(-30, 15)));
            checkShortest(Math.scalb(1.0, random.nextInt(-900, 60)));
        }
    }

    private static void checkShortest(double x) {
        if (x == 0.0 || !Double.isFinite(x)) {
            return;
        }
        BigDecimal exact = new BigDecimal(x);
        DecimalDigits shortest = DecimalDigits.shortest(x);
        BigDecimal actual = new BigDecimal("0." + shortest.digits).scaleByPowerOfTen(shortest.pointPosition);
        for (int count = 1; count <= 17; count++) {
            BigDecimal below = exact.round(new MathContext(count, RoundingMode.FLOOR));
            BigDecimal above = exact.round(new MathContext(count, RoundingMode.CEILING));
            boolean belowReads = Double.parseDouble(below.toString()) == x;
            boolean aboveReads = Double.parseDouble(above.toString()) == x;
            if (belowReads || aboveReads) {
                BigDecimal expected;
                if (belowReads && aboveReads) {
                    int nearer = exact.subtract(below).compareTo(above.subtract(exact));
                    boolean evenBelow = below.unscaledValue().testBit(0) == false;
                    expected = nearer < 0 || nearer == 0 && evenBelow ? below : above;
                } else {
                    expected = belowReads ? below : above;
                }
                assertEquals(0, expected.compareTo(actual), "shortest of " + x + ": " + expected + " vs " + actual);
                return;
            }
        }
        throw new AssertionError("no decimal of up to 17 digits reads back as " + x);
    }

    @Test
    void placesAgreeWithBigDecimal() {
        SplittableRandom random = new SplittableRandom(4122026);
        for (double x : EDGES) {
            for (int decimals = 0; decimals <= 12; decimals++) {
                for (int shift = 0; shift <= 2; shift++) {
                    checkAtPlace(x, decimals, shift);
                }
            }
        }
        for (int i = 0; i < 50_000; i++) {
            double x = Math.pow(10, random.nextDouble(-15, 10));
            checkAtPlace(x, random.nextInt(13), random.nextInt(3));
            double tie = (random.nextInt(0, 100_000) + 0.5) / 1000;
            checkAtPlace(tie, random.nextInt(6), random.nextInt(3));
        }
    }

    private static void checkSignificant(double x, int count) {
        if (x == 0.0 || !Double.isFinite(x)) {
            return; // Format lays out zero and the words itself; the digits are of positive values.
        }
        BigDecimal rounded = new BigDecimal(x).round(new MathContext(count, RoundingMode.HALF_EVEN));
        String unscaled = rounded.unscaledValue().toString();
        int point = unscaled.length() - rounded.scale();
        StringBuilder digits = new StringBuilder(unscaled);
        while (digits.length() < count) {
            digits.append('0');
        }
        DecimalDigits actual = DecimalDigits.significant(x, count);
        String where = x + " to " + count + " digits";
        assertEquals(digits.toString(), actual.digits, where);
        assertEquals(point, actual.pointPosition, where);
    }

    private static void checkAtPlace(double x, int decimals, int shift) {
        if (x == 0.0 || !Double.isFinite(x)) {
            return;
        }
        BigDecimal rounded = new BigDecimal(x).scaleByPowerOfTen(shift).setScale(decimals, RoundingMode.HALF_EVEN);
        String unscaled = rounded.unscaledValue().toString();
        DecimalDigits actual = DecimalDigits.atPlace(x, decimals, shift);
        String where = x + " * 10^" + shift + " to " + decimals + " places";
        if (rounded.signum() == 0) {
            assertEquals("", actual.digits, where);
            return;
        }
        assertEquals(unscaled, actual.digits, where);
        assertEquals(unscaled.length() - decimals, actual.pointPosition, where);
    }
}
