package dev.softmaxexplorer.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
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

    @Provide
    Arbitrary<Double> wide() {
        return Arbitraries.doubles().between(-0x1p1000, 0x1p1000)
                .edgeCases(c -> c.add(5e-324, -5e-324, 0x1p-1022, 0x1p996, 0x1.fffffffffffffp999));
    }

    @Property(tries = 2000)
    void twoSumIsExact(@ForAll("wide") double a, @ForAll("wide") double b) {
        DoubleDouble s = DoubleDouble.twoSum(a, b);
        assertEquals(0, new BigDecimal(a).add(new BigDecimal(b)).compareTo(exact(s)));
        assertEquals(a + b, s.hi);
    }

    @Property(tries = 500)
    void twoProductIsExact(@ForAll("wide") double a, @ForAll("wide") double b) {
        double p = a * b;
        if (Double.isInfinite(p) || Math.abs(p) < 0x1p-960) {
            return;
        }
        DoubleDouble s = DoubleDouble.twoProduct(a, b);
        assertEquals(0, new BigDecimal(a).multiply(new BigDecimal(b)).compareTo(exact(s)));
    }

    @Property(tries = 2000)
    void mulPow2MatchesScalbOnTheJvm(@ForAll("wide") double x,
            @ForAll("exponents") int n) {
        assertEquals(Math.scalb(x, n), DoubleDouble.mulPow2(x, n));
    }

    @Provide
    Arbitrary<Integer> exponents() {
        return Arbitraries.integers().between(-2200, 2200);
    }

    @Property(tries = 1000)
    void divisionAndProductRoundTrip(@ForAll("moderate") double a, @ForAll("moderate") double b) {
        DoubleDouble x = DoubleDouble.twoSum(a, b * 0x1p-60);
        DoubleDouble y = DoubleDouble.of(b).add(0.25);
        DoubleDouble q = x.div(y);
        BigDecimal back = exact(q.mul(y));
        BigDecimal err = back.subtract(exact(x)).abs();
        assertTrue(err.compareTo(exact(x).abs().multiply(RELATIVE)) <= 0, "x/y*y - x = " + err);
    }

    @Provide
    Arbitrary<Double> moderate() {
        return Arbitraries.doubles().between(1.0, 1e6);
    }

    @Test
    void exponentHandlesSubnormals() {
        assertEquals(-1074, DoubleDouble.exponent(5e-324));
        assertEquals(-1023, DoubleDouble.exponent(0x1p-1023));
        assertEquals(-1022, DoubleDouble.exponent(0x1p-1022));
        assertEquals(1023, DoubleDouble.exponent(Double.MAX_VALUE));
    }
}
