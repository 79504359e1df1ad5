package dev.softmaxexplorer.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

class PrecisionTest {

    private static final Precision[] EMULATED = {Precision.FLOAT32, Precision.FLOAT16, Precision.BFLOAT16};

    /** Bitwise equality that still reports readable values. */
    private static void assertSameBits(double expected, double actual, String what) {
        assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(actual),
                () -> what + ": expected " + expected + " but was " + actual);
    }

    // ---- rounding.json: exact rational rounding (make_reference.py, Python Fraction) ----

    @Test
    void reproducesEveryRowOfRoundingJson() {
        List<?> rows = (List<?>) Json.resource("rounding.json");
        assertEquals(237, rows.size());
        for (Object item : rows) {
            Map<?, ?> row = (Map<?, ?>) item;
            double x = Json.number(row.get("x"));
            // xBits is read as a double too: a coarse check that x was read as the fixture meant.
            assertEquals(Json.number(row.get("xBits")), (double) Double.doubleToRawLongBits(x), "bits of " + x);
            for (Precision precision : EMULATED) {
                double expected = Json.number(row.get(precision.displayName()));
                assertSameBits(expected, precision.round(x), precision + " of " + x);
            }
            assertSameBits(x, Precision.FLOAT64.round(x), "float64 identity");
        }
    }

    // ---- hand-derived cases ----

    @Test
    void float16SubnormalsAndTiesByHand() {
        double tiny = Math.scalb(1.0, -24); // smallest float16 subnormal
        assertSameBits(0.0, Precision.FLOAT16.round(tiny / 2), "half of it ties to even zero");
        assertSameBits(-0.0, Precision.FLOAT16.round(-tiny / 2), "negative tie keeps the sign");
        assertSameBits(tiny, Precision.FLOAT16.round(Math.nextUp(tiny / 2)), "just above half");
        assertSameBits(2 * tiny, Precision.FLOAT16.round(1.5 * tiny), "1.5 ties to even 2");
        assertSameBits(2 * tiny, Precision.FLOAT16.round(2.5 * tiny), "2.5 ties to even 2");
        // 2049 lies halfway between 2048 and 2050 (spacing 2 above 2^11): even significand wins.
        assertSameBits(2048.0, Precision.FLOAT16.round(2049.0), "2049");
        assertSameBits(2052.0, Precision.FLOAT16.round(2051.0), "2051");
        // 65520 = 65504 + 16, half an ulp above the maximum: overflows (the tie goes to "even" infinity).
        assertSameBits(Double.POSITIVE_INFINITY, Precision.FLOAT16.round(65520.0), "65520");
        assertSameBits(65504.0, Precision.FLOAT16.round(Math.nextDown(65520.0)), "below 65520");
        assertSameBits(Double.NEGATIVE_INFINITY, Precision.FLOAT16.round(-1e300), "-1e300");
        assertSameBits(-0.0, Precision.BFLOAT16.round(-Double.MIN_VALUE), "-MIN_VALUE");
        assertTrue(Double.isNaN(Precision.FLOAT16.round(Double.NaN)));
        assertTrue(Double.isNaN(Precision.FLOAT16.round(Double.NaN, 1.0)));
        assertSameBits(Double.POSITIVE_INFINITY, Precision.FLOAT32.round(Double.POSITIVE_INFINITY, Double.NaN), "inf, NaN");
        assertSameBits(Double.NEGATIVE_INFINITY, Precision.FLOAT64.round(-Double.MAX_VALUE, -Double.MAX_VALUE), "sum overflows");
    }

    @Test
    void accessors() {
        assertEquals(Double.MAX_VALUE, Precision.FLOAT64.maxFinite());
        assertEquals(Float.MAX_VALUE, Precision.FLOAT32.maxFinite());
        assertEquals(65504.0, Precision.FLOAT16.maxFinite());
        assertEquals(3.3895313892515355e38, Precision.BFLOAT16.maxFinite());
        assertEquals(53, Precision.FLOAT64.significandBits());
        assertEquals(8, Precision.BFLOAT16.significandBits());
        for (Precision precision : Precision.values()) {
            assertEquals(precision, Precision.named(precision.displayName()));
            assertSameBits(precision.maxFinite(), precision.round(precision.maxFinite()), "max");
        }
        assertThrows(IllegalArgumentException.class, () -> Precision.named("float8"));
    }

    /**
     * The literals are the doubles nearest to ln((2 - 2^-p) * 2^emax), printed by 60-digit mpmath;
     * docs/numerics.md lists the same reals (709.78271289338399679, 88.722839081870676774,
     * 11.090110718526951036, 88.720884076837196255).
     */
    @Test
    void expOverflowThresholdsAreTheMpmathValues() {
        assertEquals(0x1.62e42fefa39efp+9, Precision.FLOAT64.expOverflowThreshold());
        assertEquals(0x1.62e42feda39efp+6, Precision.FLOAT32.expOverflowThreshold());
        assertEquals(0x1.62e22fdfa2f44p+3, Precision.FLOAT16.expOverflowThreshold());
        assertEquals(0x1.62e22f6f78e44p+6, Precision.BFLOAT16.expOverflowThreshold());
        assertEquals(new BigDecimal("11.090110718526951036").doubleValue(),
                Precision.FLOAT16.expOverflowThreshold());
    }

    // ---- round(hi, lo): double rounding on a midpoint ----

    @Test
    void doubleDoubleOnAMidpointFollowsTheSignOfLo() {
        // 1 + 2^-11 is halfway between the float16 values 1 and 1 + 2^-10.
        double midpoint = 1.0 + 0x1p-11;
        assertSameBits(1.0, Precision.FLOAT16.round(midpoint), "tie to even");
        assertSameBits(1.0 + 0x1p-10, Precision.FLOAT16.round(midpoint, 0x1p-80), "just above");
        assertSameBits(1.0, Precision.FLOAT16.round(midpoint, -0x1p-80), "just below");
        assertSameBits(-1.0 - 0x1p-10, Precision.FLOAT16.round(-midpoint, -0x1p-80), "negative, beyond");
        // The overflow boundary of float16, 65520, behaves as a midpoint too.
        assertSameBits(65504.0, Precision.FLOAT16.round(65520.0, -1e-12), "below the boundary");
        assertSameBits(Double.POSITIVE_INFINITY, Precision.FLOAT16.round(65520.0, 1e-12), "above");
        // Half the smallest subnormal: zero or the subnormal, decided by lo.
        assertSameBits(0x1p-24, Precision.FLOAT16.round(0x1p-25, 0x1p-90), "subnormal above");
        assertSameBits(0.0, Precision.FLOAT16.round(0x1p-25, -0x1p-90), "subnormal below");
        // FLOAT64: the correctly rounded sum, even for an unnormalized pair.
        assertSameBits(1.0 + 0x1p-52, Precision.FLOAT64.round(1.0, 0x1p-52), "float64 sum");
        assertSameBits(1.0 + 0x1p-10, Precision.FLOAT16.round(1.0, 0x1p-11 + 0x1p-60), "unnormalized");
    }

    private record Midpoint(double value, boolean positiveLo, int loScale, Precision precision) {
    }

    @Test
    void loDecidesExactlyOnMidpoints() {
        List<Midpoint> edges = new ArrayList<>();
        for (double value : FORMAT_VALUE_EDGES) {
            for (boolean positiveLo : BOOLEANS) {
                for (int loScale : SeededCases.specialIntsBetween(1, 400)) {
                    for (Precision precision : EMULATED) {
                        edges.add(new Midpoint(value, positiveLo, loScale, precision));
                    }
                }
            }
        }
        SeededCases.forAll(edges, 1000, random -> new Midpoint(formatValue(random), random.nextBoolean(),
                random.nextInt(1, 401), emulated(random)), c -> {
                    Precision precision = c.precision();
                    double start = precision.round(c.value());
                    double next = awayFromZero(precision, start);
                    if (Double.isInfinite(next) || Double.isInfinite(start)) {
                        return;
                    }
                    double midpoint = start + (next - start) / 2;
                    double lo = (c.positiveLo() ? 1 : -1) * Math.ulp(midpoint) / 2 * c.loScale() / 400.0;
                    boolean beyond = c.positiveLo() == (next > start);
                    assertSameBits(beyond ? next : start, precision.round(midpoint, lo),
                            "midpoint " + midpoint + ", lo " + lo);
                });
    }

    @Test
    void isMidpointHelperSeesBothSides() {
        assertTrue(isMidpoint(Precision.FLOAT16, 1.0 + 0x1p-11), "rounds down to even");
        assertTrue(isMidpoint(Precision.FLOAT16, -(1.0 + 3 * 0x1p-11)), "rounds away to even");
        assertFalse(isMidpoint(Precision.FLOAT16, 1.0 + 0x1p-12));
        assertTrue(isMidpoint(Precision.FLOAT16, 65520.0), "the overflow boundary");
        assertFalse(isMidpoint(Precision.FLOAT16, 65536.0), "beyond it");
        assertFalse(isMidpoint(Precision.FLOAT16, 65510.0), "between the largest value and the boundary");
    }

    private record OffMidpoint(double hi, int loScale, Precision precision) {
    }

    @Test
    void offMidpointsLoDoesNotMatter() {
        List<OffMidpoint> edges = new ArrayList<>();
        // Not -0.0: the exact sum -0.0 + 0.0 is +0.0 (IEEE 754's sum of opposite zeros), so
        // round(-0.0, 0.0) is +0.0, as FLOAT64's is.
        for (double hi : WIDE_EDGES.stream().filter(hi -> !hi.equals(-0.0)).toList()) {
            for (int loScale : SeededCases.specialIntsBetween(-400, 400)) {
                for (Precision precision : EMULATED) {
                    edges.add(new OffMidpoint(hi, loScale, precision));
                }
            }
        }
        SeededCases.forAll(edges, 1000,
                random -> new OffMidpoint(wideDouble(random), random.nextInt(-400, 401), emulated(random)), c -> {
                    double hi = c.hi();
                    Precision precision = c.precision();
                    double lo = Math.ulp(hi) / 2 * c.loScale() / 400.0;
                    double rounded = precision.round(hi);
                    assertSameBits(rounded, precision.round(hi, 0.0), "lo = 0");
                    if (!isMidpoint(precision, hi)) {
                        assertSameBits(rounded, precision.round(hi, lo), "hi = " + hi + ", lo = " + lo);
                    }
                });
    }

    // ---- independent oracles ----

    /** On the JVM, (double)(float) x is hardware float32 rounding: an independent oracle. */
    @Test
    void float32AgreesWithJavaFloatForAnyBits() {
        List<Double> edges = SeededCases.distinct(WIDE_EDGES,
                List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY));
        SeededCases.forAll(edges, 3000, SeededCases::anyBits, PrecisionTest::assertFloat32IsJavaFloat);
    }

    @Test
    void float32AgreesWithJavaFloatNearItsRange() {
        SeededCases.forAll(WIDE_EDGES, 3000, PrecisionTest::wideDouble, PrecisionTest::assertFloat32IsJavaFloat);
    }

    private static void assertFloat32IsJavaFloat(double x) {
        assertSameBits((double) (float) x, Precision.FLOAT32.round(x), "x = " + x);
    }

    private record NearMidpoint(double value, int ulps, boolean bfloat) {
    }

    /** Each format value with every offset in ulps from its midpoint, for both 16-bit formats. */
    private static List<NearMidpoint> nearMidpointEdges() {
        List<NearMidpoint> out = new ArrayList<>();
        for (double value : FORMAT_VALUE_EDGES) {
            for (int ulps = -2; ulps <= 2; ulps++) {
                for (boolean bfloat : BOOLEANS) {
                    out.add(new NearMidpoint(value, ulps, bfloat));
                }
            }
        }
        return out;
    }

    private static NearMidpoint nearMidpoint(SplittableRandom random) {
        return new NearMidpoint(formatValue(random), random.nextInt(-2, 3), random.nextBoolean());
    }

    @Test
    void float32AgreesWithJavaFloatNearMidpoints() {
        // bfloat chooses between the 16-bit formats; here it is unused, so one value of it will do.
        List<NearMidpoint> edges = nearMidpointEdges().stream().filter(c -> !c.bfloat()).toList();
        SeededCases.forAll(edges, 3000, PrecisionTest::nearMidpoint, c -> {
            double value = c.value();
            int ulps = c.ulps();
            double next = awayFromZero(Precision.FLOAT32, value);
            if (Double.isInfinite(next)) {
                return;
            }
            double x = value + (next - value) / 2;
            for (int i = 0; i < Math.abs(ulps); i++) {
                x = ulps > 0 ? Math.nextUp(x) : Math.nextDown(x);
            }
            assertSameBits((double) (float) x, Precision.FLOAT32.round(x), "x = " + x);
        });
    }

    private record WithFormat(double x, boolean bfloat) {
    }

    /**
     * A second construction for the 16-bit formats: decode every bit pattern, then take the
     * nearest value by exact comparison, ties to the even pattern, with the infinity pattern
     * standing one ulp above the maximum (so a tie at the boundary overflows, as in IEEE).
     */
    @Test
    void sixteenBitFormatsAgreeWithATableOfAllValues() {
        List<WithFormat> edges = new ArrayList<>();
        for (double x : WIDE_EDGES) {
            for (boolean bfloat : BOOLEANS) {
                edges.add(new WithFormat(x, bfloat));
            }
        }
        SeededCases.forAll(edges, 3000, random -> new WithFormat(wideDouble(random), random.nextBoolean()), c -> {
            double x = c.x();
            Precision precision = c.bfloat() ? Precision.BFLOAT16 : Precision.FLOAT16;
            IntToDoubleFunction decode = c.bfloat() ? PrecisionTest::decodeBfloat16 : PrecisionTest::decodeFloat16;
            int infinityPattern = c.bfloat() ? 0x7F80 : 0x7C00;
            assertSameBits(nearestByTable(x, decode, infinityPattern), precision.round(x), precision + " of " + x);
        });
    }

    @Test
    void sixteenBitFormatsAgreeWithTheTableNearMidpoints() {
        SeededCases.forAll(nearMidpointEdges(), 2000, PrecisionTest::nearMidpoint, c -> {
            int ulps = c.ulps();
            Precision precision = c.bfloat() ? Precision.BFLOAT16 : Precision.FLOAT16;
            double start = precision.round(c.value());
            double next = awayFromZero(precision, start);
            if (Double.isInfinite(next) || Double.isInfinite(start)) {
                return;
            }
            double x = start + (next - start) / 2;
            for (int i = 0; i < Math.abs(ulps); i++) {
                x = ulps > 0 ? Math.nextUp(x) : Math.nextDown(x);
            }
            IntToDoubleFunction decode = c.bfloat() ? PrecisionTest::decodeBfloat16 : PrecisionTest::decodeFloat16;
            assertSameBits(nearestByTable(x, decode, c.bfloat() ? 0x7F80 : 0x7C00), precision.round(x), "x = " + x);
        });
    }

    // ---- algebraic properties ----

    private record Rounding(double x, Precision precision) {
    }

    @Test
    void idempotentAndOdd() {
        List<Rounding> edges = new ArrayList<>();
        for (double x : WIDE_EDGES) {
            for (Precision precision : EMULATED) {
                edges.add(new Rounding(x, precision));
            }
        }
        SeededCases.forAll(edges, 2000, random -> new Rounding(wideDouble(random), emulated(random)), c -> {
            double once = c.precision().round(c.x());
            assertSameBits(once, c.precision().round(once), "idempotent");
            assertSameBits(-once, c.precision().round(-c.x()), "odd");
        });
    }

    private record Ordering(double a, double b, Precision precision) {
    }

    @Test
    void monotone() {
        List<Ordering> edges = new ArrayList<>();
        for (double a : WIDE_EDGES) {
            for (double b : WIDE_EDGES) {
                for (Precision precision : EMULATED) {
                    edges.add(new Ordering(a, b, precision));
                }
            }
        }
        SeededCases.forAll(edges, 2000,
                random -> new Ordering(wideDouble(random), wideDouble(random), emulated(random)), c -> {
                    double low = Math.min(c.a(), c.b());
                    double high = Math.max(c.a(), c.b());
                    assertTrue(c.precision().round(low) <= c.precision().round(high), () -> low + " <= " + high);
                });
    }

    // ---- generators and helpers ----

    private static final boolean[] BOOLEANS = {false, true};

    private static Precision emulated(SplittableRandom random) {
        return EMULATED[random.nextInt(EMULATED.length)];
    }

    /**
     * The emulated formats' edges: smallest subnormal and half of it (a tie), smallest normal,
     * largest finite value and the overflow boundary half an ulp above it.
     */
    private static final List<Double> FORMAT_EDGES = SeededCases.signed(
            0x1p-149, 0x1p-150, 0x1p-126, 0x1.fffffep127, 0x1.ffffffp127,  // float32
            0x1p-24, 0x1p-25, 0x1p-14, 65504.0, 65520.0,                   // float16
            0x1p-133, 0x1p-134, 0x1.fep127, 0x1.ffp127);                   // bfloat16

    /** A sign, 52 fraction bits and an exponent in [-160, 140]: every format's range and beyond. */
    private static double wideDouble(double sign, long fraction, int exponent) {
        return sign * Math.scalb(1.0 + fraction * 0x1p-52, exponent);
    }

    private static double wideDouble(SplittableRandom random) {
        return wideDouble(random.nextBoolean() ? 1.0 : -1.0, random.nextLong(1L << 52), random.nextInt(-160, 141));
    }

    /**
     * The extreme fractions at the extreme exponents, the formats' edges and their neighbours,
     * and the special doubles (zeros, subnormals, huge values) outside the random range.
     */
    private static final List<Double> WIDE_EDGES = wideEdges();

    private static List<Double> wideEdges() {
        List<Double> out = new ArrayList<>();
        for (long fraction : new long[] {0, 1, 1L << 51, (1L << 52) - 1}) {
            for (int exponent : SeededCases.specialIntsBetween(-160, 140)) {
                out.add(wideDouble(1.0, fraction, exponent));
                out.add(wideDouble(-1.0, fraction, exponent));
            }
        }
        return SeededCases.distinct(out, SeededCases.withNeighbours(FORMAT_EDGES), SeededCases.specialDoubles());
    }

    /** Values of the 16-bit formats and of float32 alike: 23 fraction bits, exponents in [-150, 128]. */
    private static double formatValue(double sign, int fraction, int exponent) {
        return Precision.FLOAT32.round(sign * Math.scalb(1.0 + fraction * 0x1p-23, exponent));
    }

    private static double formatValue(SplittableRandom random) {
        return formatValue(random.nextBoolean() ? 1.0 : -1.0, random.nextInt(1 << 23), random.nextInt(-150, 129));
    }

    /** As WIDE_EDGES, but for values of the formats: rounded to float32 where they are not already. */
    private static final List<Double> FORMAT_VALUE_EDGES = formatValueEdges();

    private static List<Double> formatValueEdges() {
        List<Double> out = new ArrayList<>();
        for (int fraction : new int[] {0, 1, 1 << 22, (1 << 23) - 1}) {
            for (int exponent : SeededCases.specialIntsBetween(-150, 128)) {
                out.add(formatValue(1.0, fraction, exponent));
                out.add(formatValue(-1.0, fraction, exponent));
            }
        }
        for (double x : SeededCases.distinct(FORMAT_EDGES, SeededCases.specialDoubles())) {
            out.add(Precision.FLOAT32.round(x));
        }
        return SeededCases.distinct(out);
    }

    /** The neighbour of the format value v one quantum farther from zero (infinity past the max). */
    private static double awayFromZero(Precision precision, double v) {
        int minExponent = precision == Precision.FLOAT16 ? -14 : -126;
        int exponent = v == 0 ? minExponent : Math.max(Math.getExponent(v), minExponent);
        double quantum = Math.scalb(1.0, exponent - precision.significandBits() + 1);
        return precision.round(v + Math.copySign(quantum, v));
    }

    /** Whether x lies exactly halfway between two adjacent values of the format. */
    private static boolean isMidpoint(Precision precision, double x) {
        double magnitude = Math.abs(x);
        double rounded = precision.round(magnitude);
        if (rounded == magnitude) {
            return false;
        }
        if (Double.isInfinite(rounded)) {
            // Half an ulp above the largest value is the overflow boundary, rounded as a midpoint:
            // a tie overflows, a lo below it rounds down to the largest value.
            double max = precision.maxFinite();
            return magnitude - max == (max - towardZero(precision, max)) / 2;
        }
        double below = rounded < magnitude ? rounded : towardZero(precision, rounded);
        double above = rounded > magnitude ? rounded : awayFromZero(precision, rounded);
        return !Double.isInfinite(above) && magnitude - below == above - magnitude;
    }

    /** The neighbour of the positive format value v one step closer to zero. */
    private static double towardZero(Precision precision, double v) {
        int minExponent = precision == Precision.FLOAT16 ? -14 : -126;
        int exponent = Math.max(Math.getExponent(Math.nextDown(v)), minExponent);
        return v - Math.scalb(1.0, exponent - precision.significandBits() + 1);
    }

    /**
     * fromBits against the JVM's own decoders (Float.intBitsToFloat, Double.longBitsToDouble)
     * and this test's textbook float16 decoder: every 16-bit pattern, 200,000 seeded float32 and
     * float64 patterns, and values NumPy prints for float16 (np.float16(65504), the smallest
     * subnormal 5.960464477539063e-08, np.float16(1/3) = 0.333251953125).
     */
    @Test
    void fromBitsDecodesEveryPatternExactly() {
        for (int bits = 0; bits < 0x10000; bits++) {
            double bfloat = Precision.BFLOAT16.fromBits(bits);
            double expected = Float.intBitsToFloat(bits << 16);
            assertSameBits(expected, bfloat, "bfloat16 0x" + Integer.toHexString(bits));
            double half = Precision.FLOAT16.fromBits(bits);
            if (((bits >> 10) & 0x1F) == 0x1F) {
                boolean infinite = (bits & 0x3FF) == 0;
                assertTrue(infinite ? Math.abs(half) == Double.POSITIVE_INFINITY : half != half, "float16 special");
                assertEquals(infinite && (bits & 0x8000) != 0, half == Double.NEGATIVE_INFINITY);
            } else {
                assertSameBits(decodeFloat16(bits), half, "float16 0x" + Integer.toHexString(bits));
                assertSameBits(half, Precision.FLOAT16.round(half), "a float16 value rounds to itself");
            }
        }
        assertSameBits(65504.0, Precision.FLOAT16.fromBits(0x7BFF), "float16 max");
        assertSameBits(5.960464477539063e-08, Precision.FLOAT16.fromBits(0x0001), "float16 smallest");
        assertSameBits(0.333251953125, Precision.FLOAT16.fromBits(0x3555), "float16 1/3");
        assertSameBits(-0.0, Precision.FLOAT16.fromBits(0xFFFF8000), "higher bits ignored");
        SplittableRandom random = new SplittableRandom(2026);
        int[] edges = {0, 0x80000000, 1, 0x007FFFFF, 0x00800000, 0x7F7FFFFF, 0x7F800000, 0xFF800000, 0x7FC00000};
        for (int n = 0; n < 200_000; n++) {
            int bits = n < edges.length ? edges[n] : random.nextInt();
            double single = Precision.FLOAT32.fromBits(bits);
            double expected = Float.intBitsToFloat(bits);
            assertTrue(expected != expected ? single != single
                    : Double.doubleToLongBits(expected) == Double.doubleToLongBits(single), "float32 " + bits);
            long wide = n < edges.length ? ((long) edges[n]) << 32 | n : random.nextLong();
            double dbl = Precision.float64FromBits((int) (wide >>> 32), (int) wide);
            double wideExpected = Double.longBitsToDouble(wide);
            assertTrue(wideExpected != wideExpected ? dbl != dbl
                    : Double.doubleToLongBits(wideExpected) == Double.doubleToLongBits(dbl), "float64 " + wide);
        }
        assertThrows(IllegalArgumentException.class, () -> Precision.FLOAT64.fromBits(0));
    }

    private static double decodeFloat16(int bits) {
        int exponent = (bits >> 10) & 0x1F;
        int mantissa = bits & 0x3FF;
        double magnitude = exponent == 0 ? Math.scalb((double) mantissa, -24)
                : Math.scalb((double) (1024 + mantissa), exponent - 25);
        return (bits & 0x8000) != 0 ? -magnitude : magnitude;
    }

    private static double decodeBfloat16(int bits) {
        return Float.intBitsToFloat(bits << 16);
    }

    private static double nearestByTable(double x, IntToDoubleFunction decode, int infinityPattern) {
        if (Double.isNaN(x)) {
            return x;
        }
        BigDecimal target = new BigDecimal(Math.abs(x));
        int low = 0;
        int high = infinityPattern - 1;
        // Positive patterns are ordered like their values: binary search the last value <= |x|.
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (new BigDecimal(decode.applyAsDouble(mid)).compareTo(target) <= 0) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        int upper = low + 1;
        double lowValue = decode.applyAsDouble(low);
        BigDecimal upperValue = upper == infinityPattern
                ? new BigDecimal(lowValue).multiply(BigDecimal.valueOf(2))
                        .subtract(new BigDecimal(decode.applyAsDouble(low - 1)))
                : new BigDecimal(decode.applyAsDouble(upper));
        int side = target.subtract(new BigDecimal(lowValue)).compareTo(upperValue.subtract(target));
        int chosen = side < 0 ? low : side > 0 ? upper : (low % 2 == 0 ? low : upper);
        double magnitude = chosen >= infinityPattern ? Double.POSITIVE_INFINITY : decode.applyAsDouble(chosen);
        return x < 0 || (x == 0 && 1 / x < 0) ? -magnitude : magnitude;
    }
}
