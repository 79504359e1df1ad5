package dev.softmaxexplorer.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DoubleDoubleTest {

    /** 2^-100, the relative accuracy the transcendental functions promise. */
    private static final BigDecimal RELATIVE = new BigDecimal(Math.scalb(1.0, -100));

    private static BigDecimal exact(DoubleDouble x) {
        return new BigDecimal(x.hi).add(new BigDecimal(x.lo));
    }

    /**
     * double-double-references.json: exp, log and log1p at chosen points from 100-digit mpmath
     * (make_more_references.py in src/test/resources), as hi + lo.
     */
    static Stream<Arguments> references() {
        List<Arguments> out = new ArrayList<>();
        for (Object o : (List<?>) Json.resource("double-double-references.json")) {
            Map<?, ?> point = (Map<?, ?>) o;
            String f = (String) point.get("f");
            if (!f.equals("sigmoid")) {
                double[] y = Json.numbers(point.get("y"));
                out.add(Arguments.of(f, Json.number(point.get("x")), y[0], y[1]));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}({1})")
    @MethodSource("references")
    void transcendentalsWithin2PowMinus100(String f, double x, double hi, double lo) {
        DoubleDouble arg = DoubleDouble.of(x);
        DoubleDouble y = switch (f) {
            case "exp" -> DoubleDouble.exp(arg);
            case "log" -> DoubleDouble.log(arg);
            default -> DoubleDouble.log1p(arg);
        };
        if (Double.isInfinite(hi) || hi == 0.0 || Math.abs(hi) < 0x1p-960) {
            // Subnormal and vanishing results are rounded twice: only the double must be close.
            assertTrue(Ulps.error(y.value(), hi) <= 1, f + "(" + x + ") = " + y.value());
            return;
        }
        BigDecimal want = new BigDecimal(hi).add(new BigDecimal(lo));
        BigDecimal relErr = exact(y).subtract(want).abs().divide(want.abs(), MathContext.DECIMAL64);
        assertTrue(relErr.compareTo(RELATIVE) <= 0, f + "(" + x + "): relative error " + relErr);
        assertEquals(hi, y.value(), f + "(" + x + ") rounds correctly");
    }

    @Test
    void specialArguments() {
        assertEquals(Double.POSITIVE_INFINITY, DoubleDouble.exp(DoubleDouble.of(710.0)).value());
        assertEquals(Double.POSITIVE_INFINITY, DoubleDouble.exp(DoubleDouble.of(1e300)).value());
        assertEquals(0.0, DoubleDouble.exp(DoubleDouble.of(-1e300)).value());
        assertEquals(0.0, DoubleDouble.exp(DoubleDouble.of(Double.NEGATIVE_INFINITY)).value());
        assertTrue(Double.isNaN(DoubleDouble.exp(DoubleDouble.of(Double.NaN)).value()));
        assertEquals(1.0, DoubleDouble.exp(DoubleDouble.ZERO).value());
        assertEquals(Double.NEGATIVE_INFINITY, DoubleDouble.log(DoubleDouble.ZERO).value());
        assertTrue(Double.isNaN(DoubleDouble.log(DoubleDouble.of(-1.0)).value()));
        assertEquals(Double.POSITIVE_INFINITY,
                DoubleDouble.log(DoubleDouble.of(Double.POSITIVE_INFINITY)).value());
        assertEquals(0.0, DoubleDouble.log(DoubleDouble.ONE).value());
        assertEquals(5e-324, DoubleDouble.log1p(DoubleDouble.of(5e-324)).value());
        assertEquals(Double.NEGATIVE_INFINITY,
                DoubleDouble.log1p(DoubleDouble.of(-1.0)).value());
    }

    @Test
    void expScaledKeepsTinyValuesFromUnderflowing() {
        DoubleDouble.Scaled e = DoubleDouble.expScaled(DoubleDouble.of(-1500.0));
        // exp(-1500) = 2^-2165 * 1.34...: mantissa in [1, 2), exponent beyond any double's.
        assertEquals(-2165, e.exponent);
        assertTrue(e.mantissa.hi >= 1.0 && e.mantissa.hi < 2.0);
        assertEquals(0, DoubleDouble.expScaled(DoubleDouble.of(-1601.0)).mantissa.hi);
    }

    @Test
    void logOfDoubleDoubleUsesTheLowPart() {
        // log(1 + 2^-60) must see the low word: the double 1.0 alone would give 0.
        DoubleDouble x = DoubleDouble.twoSum(1.0, 0x1p-60);
        assertEquals(0x1p-60, DoubleDouble.log(x).value());
        assertEquals(0x1p-60, DoubleDouble.log1p(DoubleDouble.of(0x1p-60)).value());
    }

    private record Pair(double a, double b) {
    }

    private record Scaling(double x, int n) {
    }

    /** The range the sums and products below stay finite in. */
    private static final double WIDE = 0x1p1000;

    private static final List<Double> WIDE_EDGES = SeededCases.distinct(
            SeededCases.specialDoublesBetween(-WIDE, WIDE), SeededCases.signed(0x1p996, 0x1.fffffffffffffp999));

    private static List<Pair> widePairEdges() {
        List<Pair> out = new ArrayList<>();
        for (double a : WIDE_EDGES) {
            for (double b : WIDE_EDGES) {
                out.add(new Pair(a, b));
            }
        }
        return out;
    }

    /**
     * Two doubles below 2^1000; half the time b is a times a fraction, with an exponent at most
     * 60 below a's, where sums cancel and carry.
     */
    private static Pair widePair(SplittableRandom random) {
        double a = SeededCases.uniformExponent(random, 999);
        double b = random.nextBoolean() ? SeededCases.uniformExponent(random, 999)
                : a * Math.scalb(random.nextDouble(-1.0, 1.0), -random.nextInt(60));
        return new Pair(a, b);
    }

    @Test
    void twoSumIsExact() {
        SeededCases.forAll(widePairEdges(), 2000, DoubleDoubleTest::widePair, p -> {
            double a = p.a();
            double b = p.b();
            DoubleDouble s = DoubleDouble.twoSum(a, b);
            assertEquals(0, new BigDecimal(a).add(new BigDecimal(b)).compareTo(exact(s)));
            assertEquals(a + b, s.hi);
        });
    }

    @Test
    void twoProductIsExact() {
        SeededCases.forAll(widePairEdges(), 500, DoubleDoubleTest::widePair, pair -> {
            double a = pair.a();
            double b = pair.b();
            double p = a * b;
            if (Double.isInfinite(p) || Math.abs(p) < 0x1p-960) {
                return;
            }
            DoubleDouble s = DoubleDouble.twoProduct(a, b);
            assertEquals(0, new BigDecimal(a).multiply(new BigDecimal(b)).compareTo(exact(s)));
        });
    }

    @Test
    void mulPow2MatchesScalbOnTheJvm() {
        // Beside the range's own edges: where scalb's result crosses into subnormals, 0 or infinity.
        List<Integer> exponents = SeededCases.distinct(SeededCases.specialIntsBetween(-2200, 2200),
                List.of(-1075, -1074, -1023, -1022, 1023, 1024));
        List<Scaling> edges = new ArrayList<>();
        for (double x : WIDE_EDGES) {
            for (int n : exponents) {
                edges.add(new Scaling(x, n));
            }
        }
        SeededCases.forAll(edges, 2000,
                random -> new Scaling(SeededCases.uniformExponent(random, 999), random.nextInt(-2200, 2201)),
                c -> assertEquals(Math.scalb(c.x(), c.n()), DoubleDouble.mulPow2(c.x(), c.n())));
    }

    @Test
    void divisionAndProductRoundTrip() {
        List<Double> moderateEdges = SeededCases.specialDoublesBetween(1.0, 1e6);
        List<Pair> edges = new ArrayList<>();
        for (double a : moderateEdges) {
            for (double b : moderateEdges) {
                edges.add(new Pair(a, b));
            }
        }
        SeededCases.forAll(edges, 1000, random -> new Pair(moderate(random), moderate(random)), p -> {
            DoubleDouble x = DoubleDouble.twoSum(p.a(), p.b() * 0x1p-60);
            DoubleDouble y = DoubleDouble.of(p.b()).add(0.25);
            DoubleDouble q = x.div(y);
            BigDecimal back = exact(q.mul(y));
            BigDecimal err = back.subtract(exact(x)).abs();
            assertTrue(err.compareTo(exact(x).abs().multiply(RELATIVE)) <= 0, "x/y*y - x = " + err);
        });
    }

    /** A double in [1, 1e6): uniform half the time, otherwise every decade alike. */
    private static double moderate(SplittableRandom random) {
        return random.nextBoolean() ? random.nextDouble(1.0, 1e6) : Math.pow(10, random.nextDouble(0.0, 6.0));
    }

    @Test
    void exponentHandlesSubnormals() {
        assertEquals(-1074, DoubleDouble.exponent(5e-324));
        assertEquals(-1023, DoubleDouble.exponent(0x1p-1023));
        assertEquals(-1022, DoubleDouble.exponent(0x1p-1022));
        assertEquals(1023, DoubleDouble.exponent(Double.MAX_VALUE));
    }

    @Test
    void log1pInPlaceHasTheBitsOfLog1p() {
        SplittableRandom random = new SplittableRandom(19);
        MutableDoubleDouble work = new MutableDoubleDouble();
        int compared = 0;
        for (int i = 0; i < 200_000; i++) {
            double hi = Math.scalb(random.nextDouble(), random.nextInt(-1000, 1000));
            if (i % 3 == 0) {
                hi = random.nextDouble(-0.25, 12.0);
            }
            double lo = DoubleDouble.mulPow2(Math.ulp(hi), -1) * random.nextDouble(-1.0, 1.0);
            DoubleDouble x = DoubleDouble.fastTwoSum(hi, lo);
            DoubleDouble expected = DoubleDouble.log1p(x);
            MutableDoubleDouble actual = new MutableDoubleDouble().set(x);
            // The scratch holds whatever the last call left: its content must not matter.
            DoubleDouble.log1pInPlace(actual, work.set(random.nextDouble(), random.nextDouble() * 0x1p-60));
            assertEquals(Double.doubleToRawLongBits(expected.hi), Double.doubleToRawLongBits(actual.hi), "hi at " + x.hi);
            assertEquals(Double.doubleToRawLongBits(expected.lo), Double.doubleToRawLongBits(actual.lo), "lo at " + x.hi);
            compared++;
        }
        assertEquals(200_000, compared);
    }
}
