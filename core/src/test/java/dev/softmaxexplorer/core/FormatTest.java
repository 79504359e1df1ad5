package dev.softmaxexplorer.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class FormatTest {

    private static void assertSameBits(double expected, double actual, String what) {
        assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(actual),
                () -> what + ": expected " + expected + " but was " + actual);
    }

    // ---- shortest: expected digits are Python 3's repr (shortest, nearest), re-styled ----

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0x1.999999999999ap-4   | 0.1",
        "0x1.3333333333334p-2   | 0.30000000000000004",  // 0.1 + 0.2
        "0x1.52d02c7e14af6p+76  | 1e23",                 // JDK 17: 9.999999999999999E22
        "0x1.52d02c7e14af6p+77  | 2e23",                 // JDK 17: 1.9999999999999998E23
        "0x0.0000000000001p-1022| 5e-324",               // Double.MIN_VALUE
        "0x0.0000000000002p-1022| 1e-323",
        "0x0.0000000000003p-1022| 1.5e-323",
        "0x1.fffffffffffffp+1023| 1.7976931348623157e308",
        "0x1.0p-1022            | 2.2250738585072014e-308",
        "0x0.fffffffffffffp-1022| 2.225073858507201e-308",
        "0x1.0p+53              | 9007199254740992",
        "0x1.0p+60              | 1152921504606847000",
        "0x1.0p+63              | 9223372036854776000",
        "0x1.0p+70              | 1.1805916207174113e21",
        "0x1.b1ae4d6e2ef50p+69  | 1e21",
        "0x1.5af1d78b58c40p+66  | 100000000000000000000",
        "0x1.c7e83209e90b2p+72  | 8.41e21",               // JDK 17: 8.409999999999999E21
        "0x1.ad7f29abcaf48p-24  | 1e-7",
        "0x1.0c6f7a0b5ed8dp-20  | 0.000001",
        "0x1.840fbc08fdc89p-129 | 2.2273635617957434e-39", // TeaVM: 2.227363561795744E-39
        "0x1.f67ea69ed3795p+57  | 282879384806159000",    // JDK 17: 2.82879384806159008E17
        "0x0.00000016e3600p-1022| 1.18575755e-316",
        "0x0.000000012d687p-1022| 6.09957e-318",
        "0x1.0p0                | 1",
        "-0x1.8p1               | -3",
        "0x1.4p3                | 10",
        "-0x1.0p-1              | -0.5",
        "0x1.3cp7               | 158",
        "0x1.5555555555555p-2   | 0.3333333333333333",
        "0x1.62e42fefa39efp+9   | 709.782712893384",
        // 2^50 + 0.25 (ulp 0.25) lies exactly between the equally short .2 and .3: even wins.
        "0x1.0000000000001p+50  | 1125899906842624.2",
        "0x1.0000000000003p+50  | 1125899906842624.8",
        "0x1.0000000000005p+50  | 1125899906842625.2",
    })
    void shortestMatchesPythonRepr(String hex, String expected) {
        double x = Double.parseDouble(hex.trim());
        assertEquals(expected.trim(), Format.shortest(x));
        assertSameBits(x, Format.parse(expected.trim()), "parse back");
    }

    @Test
    void shortestSpecialValues() {
        assertEquals("0", Format.shortest(0.0));
        assertEquals("-0", Format.shortest(-0.0));
        assertEquals("NaN", Format.shortest(Double.NaN));
        assertEquals("Infinity", Format.shortest(Double.POSITIVE_INFINITY));
        assertEquals("-Infinity", Format.shortest(Double.NEGATIVE_INFINITY));
        assertEquals("9007199254740992", Format.shortest(9007199254740993.0)); // rounds on input
        assertEquals("9007199254740994", Format.shortest(9007199254740994.0));
        assertEquals("4503599627370497", Format.shortest(4503599627370497.0));
        assertEquals("4503599627370495.5", Format.shortest(4503599627370495.5));
    }

    @Test
    void shortestOfEveryPowerOfTwo() {
        for (int k = -1074; k <= 1023; k++) {
            double x = Math.scalb(1.0, k);
            String text = Format.shortest(x);
            assertSameBits(x, Double.parseDouble(text), text);
            assertShortestAndNearest(x, text);
        }
    }

    /** Finite doubles where rounding breaks first, and exact decimal ties (0.125 to 2 digits). */
    private static final List<Double> FINITE_EDGES = SeededCases.distinct(SeededCases.specialDoubles(),
            SeededCases.signed(0.125, 0.25, 0.375, 2.5));

    /** Round trip through the JVM's correctly rounded parser, an independent oracle. */
    @Test
    void shortestReadsBackBitForBit() {
        SeededCases.forAll(FINITE_EDGES, 3000, SeededCases::finiteBits, x -> {
            String text = Format.shortest(x);
            assertSameBits(x, Double.parseDouble(text), text);
            assertSameBits(x, Format.parse(text), text);
        });
    }

    /**
     * The short numbers of pasted vectors (the fast path: at most 15 digits, exponent within 22,
     * and just beyond either limit), against the JVM's correctly rounded parser.
     */
    @Test
    void parseShortDecimalsAsTheJvmDoes() {
        SplittableRandom random = new SplittableRandom(17);
        for (int n = 0; n < 20_000; n++) {
            int digits = 1 + random.nextInt(17);
            StringBuilder text = new StringBuilder(random.nextBoolean() ? "-" : "");
            int point = random.nextInt(digits + 1);
            for (int i = 0; i < digits; i++) {
                if (i == point && i > 0) {
                    text.append('.');
                }
                text.append((char) ('0' + random.nextInt(10)));
            }
            if (random.nextInt(3) == 0) {
                text.append('e').append(random.nextInt(55) - 27);
            }
            String s = text.toString();
            assertSameBits(Double.parseDouble(s), Format.parse(s), s);
        }
        // Halfway cases and the largest exact power of ten.
        for (String s : new String[] {"9007199254740993", "900719925474099.3e1", "1e22", "1e23", "123456789012345e-22",
            "0.000000000000000000001", "4.9406564584124654e-324", "2.1000", "-3.8e-01", "65504", "65520"}) {
            assertSameBits(Double.parseDouble(s), Format.parse(s), s);
        }
    }

    /**
     * Minimality and nearness, checked with the JVM's parser: no decimal with one digit fewer
     * reads back as x, and the other same-length candidate is not nearer.
     */
    @Test
    void shortestIsShortestAndNearest() {
        SeededCases.forAll(FINITE_EDGES, 2000, SeededCases::finiteBits,
                x -> assertShortestAndNearest(x, Format.shortest(x)));
    }

    /**
     * Values with short decimals (a slider's temperatures, typed values), where shortest takes
     * its quick path, their neighbours, and powers of two (whose gap below is half the gap
     * above): shortest and nearest by BigDecimal again.
     */
    @Test
    void shortestIsShortestAndNearestForShortDecimals() {
        SplittableRandom random = new SplittableRandom(29);
        for (int i = 0; i < 100_000; i++) {
            int digits = random.nextInt(1, 11);
            double x = switch (i % 4) {
                case 0 -> Double.parseDouble(random.nextLong(1, (long) Math.pow(10, digits)) + "e" + random.nextInt(-25, 12));
                case 1 -> Math.nextUp(Double.parseDouble(random.nextLong(1, (long) Math.pow(10, digits)) + "e" + random.nextInt(-25, 12)));
                case 2 -> Math.scalb(1.0, random.nextInt(-80, 40));
                default -> Math.scalb(random.nextDouble(), random.nextInt(-40, 20));
            };
            assertShortestAndNearest(x, Format.shortest(x));
            assertEquals(x, Format.parse(Format.shortest(x)));
        }
        assertEquals("1.13", Format.shortest(1.13));
        assertEquals("0.30000000000000004", Format.shortest(0.1 + 0.2));
        assertEquals("9.5367431640625e-7", Format.shortest(0x1p-20));
    }

    /** Where JDK 17's Double.toString is as short as ours, its digits must be ours. */
    @Test
    void shortestAgreesWithJdkWhereJdkIsShortest() {
        SeededCases.forAll(FINITE_EDGES, 3000, SeededCases::finiteBits, x -> {
            if (x == 0.0) {
                return;
            }
            String ours = significandDigits(Format.shortest(x));
            String jdk = significandDigits(Double.toString(x));
            assertTrue(ours.length() <= jdk.length(), () -> x + ": ours " + ours + ", jdk " + jdk);
            if (jdk.length() == ours.length()) {
                assertEquals(jdk, ours, () -> "digits of " + x);
            }
        });
    }

    private static void assertShortestAndNearest(double x, String text) {
        BigDecimal exact = new BigDecimal(Math.abs(x));
        BigDecimal chosen = new BigDecimal(text).abs();
        int digits = chosen.stripTrailingZeros().precision();
        if (digits > 1) {
            for (RoundingMode mode : new RoundingMode[] {RoundingMode.FLOOR, RoundingMode.CEILING}) {
                BigDecimal shorter = exact.round(new MathContext(digits - 1, mode));
                assertTrue(Double.parseDouble(shorter.toString()) != Math.abs(x),
                        () -> shorter + " is shorter than " + text + " and reads back");
            }
        }
        for (RoundingMode mode : new RoundingMode[] {RoundingMode.FLOOR, RoundingMode.CEILING}) {
            BigDecimal other = exact.round(new MathContext(digits, mode));
            if (Double.parseDouble(other.toString()) == Math.abs(x)) {
                int nearer = other.subtract(exact).abs().compareTo(chosen.subtract(exact).abs());
                assertTrue(nearer >= 0, () -> other + " is nearer to " + x + " than " + text);
            }
        }
    }

    /** The significant digits of a decimal, without sign, point, exponent or padding zeros. */
    private static String significandDigits(String text) {
        String mantissa = text.replace("-", "").split("[eE]")[0].replace(".", "");
        return mantissa.replaceAll("^0+", "").replaceAll("0+$", "");
    }

    // ---- parse ----

    @Test
    void parseAcceptsOrdinaryInput() {
        assertSameBits(3.0, Format.parse("3"), "3");
        assertSameBits(3.0, Format.parse(" 3 "), " 3 ");
        assertSameBits(2.5, Format.parse("+2.5"), "+2.5");
        assertSameBits(-0.0, Format.parse("-0"), "-0");
        assertSameBits(-0.0, Format.parse("-0.000e-5"), "-0.000e-5");
        assertSameBits(1000.0, Format.parse("1e3"), "1e3");
        assertSameBits(0.001, Format.parse("1E-3"), "1E-3");
        assertSameBits(1000.0, Format.parse("1e+3"), "1e+3");
        assertSameBits(0.5, Format.parse(".5"), ".5");
        assertSameBits(5.0, Format.parse("5."), "5.");
        assertSameBits(Double.POSITIVE_INFINITY, Format.parse("Infinity"), "Infinity");
        assertSameBits(Double.NEGATIVE_INFINITY, Format.parse("-Infinity"), "-Infinity");
        assertTrue(Double.isNaN(Format.parse("NaN")));
        assertSameBits(Double.POSITIVE_INFINITY, Format.parse("1e999999999999999999"), "huge exponent");
        assertSameBits(0.0, Format.parse("1e-999999999999999999"), "tiny exponent");
        assertSameBits(Double.MIN_VALUE, Format.parse("2.4703282292062328e-324"), "just above half of MIN_VALUE");
        assertSameBits(0.0, Format.parse("2.4703282292062327e-324"), "just below half of MIN_VALUE");
        assertSameBits(Double.MAX_VALUE, Format.parse("1.7976931348623158e308"), "below the overflow boundary");
        assertSameBits(Double.POSITIVE_INFINITY, Format.parse("1.7976931348623159e308"), "above it");
        assertSameBits(9007199254740992.0, Format.parse("9007199254740993"), "tie to even");
        assertSameBits(9007199254740994.0, Format.parse("9007199254740993.0000000000000000001"), "above tie");
        assertSameBits(0.1, Format.parse("00000.100000000000000000000000000000000"), "padding");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"''", "' '", "-", "+", ".", "e5", "1e", "1e+", "--1", "+-1", "1.2.3",
        "0x10", "1,5", "1 000", "infinity", "Inf", "nan", "1d", "1f", "١"})
    void parseRejectsEverythingElse(String text) {
        NumberFormatException error = assertThrows(NumberFormatException.class, () -> Format.parse(text));
        assertTrue(error.getMessage().contains("\"" + text + "\""), error.getMessage());
    }

    @Test
    void parseRejectsNull() {
        assertThrows(NumberFormatException.class, () -> Format.parse(null));
    }

    /** JDK 17's Double.parseDouble is correctly rounded: an independent oracle. */
    @Test
    void parseAgreesWithTheJvmOnRandomDecimals() {
        SeededCases.forAll(decimalStringEdges(), 3000, FormatTest::decimalString,
                text -> assertSameBits(Double.parseDouble(text), Format.parse(text), text));
    }

    private record Nudge(double x, int nudge) {
    }

    /** Decimals a hair either side of the exact midpoint between two doubles, and on it. */
    @Test
    void parseRoundsMidpointsLikeTheJvm() {
        List<Nudge> edges = new ArrayList<>();
        for (double x : FINITE_EDGES) {
            for (int nudge = -1; nudge <= 1; nudge++) {
                edges.add(new Nudge(x, nudge));
            }
        }
        SeededCases.forAll(edges, 2000, random -> new Nudge(SeededCases.finiteBits(random), random.nextInt(-1, 2)), c -> {
            double x = c.x();
            double magnitude = Math.abs(x);
            if (magnitude == Double.MAX_VALUE) {
                return;
            }
            BigDecimal midpoint = new BigDecimal(magnitude).add(new BigDecimal(Math.nextUp(magnitude)))
                    .divide(BigDecimal.valueOf(2));
            BigDecimal nudged = midpoint.add(BigDecimal.valueOf(c.nudge()).scaleByPowerOfTen(-midpoint.scale() - 3));
            String text = (x < 0 ? "-" : "") + nudged.toString();
            assertSameBits(Double.parseDouble(text), Format.parse(text), text);
        });
    }

    private static final String[] SIGNS = {"", "-", "+"};

    /** Decimal text: a sign or none, 1 to 30 digits with a point among them, e or E, -360 to 330. */
    private static String decimalString(SplittableRandom random) {
        StringBuilder digits = new StringBuilder();
        for (int n = random.nextInt(1, 31); n > 0; n--) {
            digits.append((char) ('0' + random.nextInt(10)));
        }
        return decimalString(SIGNS[random.nextInt(SIGNS.length)], digits.toString(), random.nextInt(0, 31),
                random.nextInt(-360, 331), random.nextBoolean() ? "e" : "E");
    }

    private static String decimalString(String sign, String digits, int point, int exponent, String e) {
        int at = Math.min(point, digits.length());
        return sign + digits.substring(0, at) + "." + digits.substring(at) + e + exponent;
    }

    /**
     * The shortest and longest digit strings, the point at either end, the exponent's bounds and
     * the exponents where a double underflows or overflows, each with every sign and e.
     */
    private static List<String> decimalStringEdges() {
        String[] digitStrings = {"0", "1", "5", "9", "000000000000000000000000000001",
            "123456789012345678901234567890", "999999999999999999999999999999"};
        List<String> out = new ArrayList<>();
        for (String sign : SIGNS) {
            for (String digits : digitStrings) {
                for (int point : new int[] {0, 1, 29, 30}) {
                    for (int exponent : new int[] {-360, -359, -325, -324, -1, 0, 1, 308, 309, 329, 330}) {
                        for (String e : new String[] {"e", "E"}) {
                            out.add(decimalString(sign, digits, point, exponent, e));
                        }
                    }
                }
            }
        }
        return out;
    }

    // ---- display forms: expected strings by hand from the exact binary values ----

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0.665240955      | 3 | 0.665",
        "0.6652409557748219 | 1 | 0.7",
        "0.09003057317038046 | 3 | 0.0900",
        "0.5              | 3 | 0.500",
        "4.25e-18         | 3 | 4.25e-18",
        "-4.25e-18        | 3 | -4.25e-18",
        "0.0001           | 2 | 0.00010",   // 1e-4 is plain, the lower edge
        "0.00009996       | 3 | 0.000100",  // rounds up to 1.00e-4, which is plain
        "0.00009994       | 3 | 9.99e-5",
        "999999.7         | 3 | 1.00e6",
        "999999.4         | 7 | 999999.4",
        "123456.7         | 3 | 123000",
        "1000             | 3 | 1000",
        "1000             | 1 | 1000",
        "0.125            | 2 | 0.12",      // an exact tie: half-even
        "0.375            | 2 | 0.38",
        "2.5              | 1 | 2",
        "3.5              | 1 | 4",
        "0.245            | 2 | 0.24",      // 0.24499999999999999555... in binary
        "1e21             | 2 | 1.0e21",
        "-1               | 3 | -1.00",
        "0                | 3 | 0.00",
        "-0.0             | 3 | 0.00",
        "0                | 1 | 0",
        "5e-324           | 2 | 4.9e-324",
        "1.7976931348623157e308 | 4 | 1.798e308",
    })
    void significantByHand(double x, int digits, String expected) {
        assertEquals(expected, Format.significant(x, digits));
    }

    @Test
    void significantRejectsBadDigitCounts() {
        assertThrows(IllegalArgumentException.class, () -> Format.significant(1, 0));
        assertThrows(IllegalArgumentException.class, () -> Format.significant(1, 18));
        assertEquals("NaN", Format.significant(Double.NaN, 3));
        assertEquals("-Infinity", Format.significant(Double.NEGATIVE_INFINITY, 3));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0.4076059644443803 | 3 | 0.408",
        "2                  | 2 | 2.00",
        "-2                 | 0 | -2",
        "1000               | 1 | 1000.0",
        "0.125              | 2 | 0.12",
        "0.135              | 2 | 0.14",   // 0.135000000000000008881... is above the tie
        "2.5                | 0 | 2",
        "-2.5               | 0 | -2",
        "-0.0001            | 3 | 0.000",  // rounds to zero: no sign
        "-0.0               | 3 | 0.000",
        "-0.0               | 0 | 0",
        "-0.0006            | 3 | -0.001",
        "1e-20              | 2 | 0.00",
        "123.456            | 0 | 123",
        "9.999              | 2 | 10.00",
        "4503599627370495.5 | 0 | 4503599627370496",  // a tie at 2^52 - 0.5: even
        "1e22               | 1 | 10000000000000000000000.0",
    })
    void fixedByHand(double x, int decimals, String expected) {
        assertEquals(expected, Format.fixed(x, decimals));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0.245              | 1 | 24.5%",
        "0.6652409557748219 | 1 | 66.5%",
        "0.0030             | 1 | 0.3%",
        "0.9726968924297300 | 1 | 97.3%",
        "1                  | 0 | 100%",
        "0                  | 2 | 0.00%",
        "-0.0               | 1 | 0.0%",
        "0.00125            | 2 | 0.13%",  // 0.125000000000000002602...%: just above the tie
        "0.375              | 0 | 38%",    // 37.5% exactly: a tie, half-even gives 38
        "0.365              | 0 | 36%",    // 36.499999999999999111...%
    })
    void percentByHand(double p, int decimals, String expected) {
        assertEquals(expected, Format.percent(p, decimals));
    }

    @Test
    void displayFormsSpellOutNonFiniteValues() {
        assertEquals("NaN", Format.fixed(Double.NaN, 2));
        assertEquals("Infinity", Format.fixed(Double.POSITIVE_INFINITY, 2));
        assertEquals("-Infinity", Format.percent(Double.NEGATIVE_INFINITY, 1));
        assertThrows(IllegalArgumentException.class, () -> Format.fixed(1, -1));
        assertThrows(IllegalArgumentException.class, () -> Format.percent(1, 41));
    }

    private record Places(double x, int places) {
    }

    /** Each x with the bounds of [min, max] places and their inner neighbours. */
    private static List<Places> placesEdges(List<Double> xs, int min, int max) {
        List<Places> out = new ArrayList<>();
        for (double x : xs) {
            for (int places : SeededCases.specialIntsBetween(min, max)) {
                out.add(new Places(x, places));
            }
        }
        return out;
    }

    /** FINITE_EDGES, and ±min and ±max with their neighbours: the bounds of the magnitudes checked. */
    private static List<Double> edgesWithin(double min, double max) {
        return SeededCases.distinct(FINITE_EDGES, SeededCases.withNeighbours(SeededCases.signed(min, max)));
    }

    /** On the JVM, BigDecimal's rounding of the exact value is an independent oracle. */
    @Test
    void significantMatchesExactRounding() {
        SeededCases.forAll(placesEdges(FINITE_EDGES, 1, 17), 3000,
                random -> new Places(SeededCases.finiteBits(random), random.nextInt(1, 18)), c -> {
                    double x = c.x();
                    int digits = c.places();
                    if (x == 0.0) {
                        return;
                    }
                    BigDecimal rounded = new BigDecimal(x).round(new MathContext(digits, RoundingMode.HALF_EVEN));
                    String text = Format.significant(x, digits);
                    assertEquals(0, rounded.compareTo(new BigDecimal(text)), () -> x + " at " + digits + ": " + text);
                    String mantissa = text.replace("-", "").split("e")[0];
                    if (mantissa.contains(".")) {
                        // With a point, exactly `digits` digits are shown, trailing zeros included.
                        assertEquals(digits, mantissa.replace(".", "").replaceAll("^0+", "").length(), text);
                    } else {
                        // An integer pads the places past the significant ones with zeros ("123000").
                        assertTrue(mantissa.replaceAll("0+$", "").length() <= digits, text);
                    }
                });
    }

    /**
     * The range of significant's quick path (up to nine digits, magnitudes from about 10^-14 to
     * 10^9), where the values shown on the page lie: BigDecimal's rounding of the exact value
     * again, on values near the half-way points of the last digit and near powers of ten.
     */
    @Test
    void significantMatchesBigDecimalHalfEvenOnManyValues() {
        SplittableRandom random = new SplittableRandom(23);
        for (int i = 0; i < 300_000; i++) {
            int digits = random.nextInt(1, 10);
            double x;
            switch (i % 5) {
                case 0 -> x = random.nextDouble();
                case 1 -> x = Math.scalb(random.nextDouble(), random.nextInt(-48, 32)) * (random.nextBoolean() ? 1 : -1);
                // Half-way points of the last digit kept, and their neighbours.
                case 2 -> x = (Math.floor(random.nextDouble() * Math.pow(10, digits - 1)) + 0.5)
                        * Math.pow(10, random.nextInt(-12, 4)) + random.nextInt(-2, 3) * Math.ulp(1.0) * random.nextDouble();
                // Powers of ten and their neighbours (where the leading place changes), and carries like 9.9996.
                case 3 -> x = Math.pow(10, random.nextInt(-14, 9)) * (1 + random.nextInt(-3, 4) * 0x1p-52);
                default -> x = (Math.pow(10, digits) - 0.5 + random.nextInt(-2, 3) * 1e-9) / Math.pow(10, random.nextInt(0, 12));
            }
            if (x == 0.0) {
                continue;
            }
            BigDecimal rounded = new BigDecimal(x).round(new MathContext(digits, RoundingMode.HALF_EVEN));
            String text = Format.significant(x, digits);
            double shown = x;
            int places = digits;
            assertEquals(0, rounded.compareTo(new BigDecimal(text)), () -> "significant(" + shown + ", " + places + ") = " + text);
            String mantissa = text.replace("-", "").split("e")[0];
            if (mantissa.contains(".")) {
                assertEquals(digits, mantissa.replace(".", "").replaceAll("^0+", "").length(), text);
            }
        }
        assertEquals("0.12", Format.significant(0.125, 2));
        assertEquals("10.0", Format.significant(9.996, 3));
        assertEquals("1.00e6", Format.significant(999999.6, 3));
    }

    @Test
    void percentMatchesExactRounding() {
        SeededCases.forAll(placesEdges(edgesWithin(1e-20, 1e20), 0, 6), 2000,
                random -> new Places(SeededCases.finiteBits(random), random.nextInt(0, 7)), c -> {
                    double p = c.x();
                    int decimals = c.places();
                    if (Math.abs(p) > 1e20 || Math.abs(p) < 1e-20) {
                        return;
                    }
                    BigDecimal expected = new BigDecimal(p).movePointRight(2).setScale(decimals, RoundingMode.HALF_EVEN);
                    String plain = (expected.signum() == 0 ? expected.abs() : expected).toPlainString() + "%";
                    assertEquals(plain, Format.percent(p, decimals));
                });
    }

    /** percent's quick path (probabilities, up to seven places): BigDecimal on many values near half-way points. */
    @Test
    void percentMatchesBigDecimalHalfEvenOnManyValues() {
        SplittableRandom random = new SplittableRandom(31);
        for (int i = 0; i < 200_000; i++) {
            int decimals = random.nextInt(0, 8);
            double p = switch (i % 3) {
                case 0 -> random.nextDouble() * (random.nextBoolean() ? 1 : -1);
                case 1 -> Math.scalb(random.nextDouble(), random.nextInt(-40, 8));
                default -> (Math.floor(random.nextDouble() * 1e5) + 0.5) / Math.pow(10, decimals + 2)
                        + random.nextInt(-2, 3) * Math.ulp(1.0) * random.nextDouble();
            };
            BigDecimal expected = new BigDecimal(p).movePointRight(2).setScale(decimals, RoundingMode.HALF_EVEN);
            String plain = (expected.signum() == 0 ? expected.abs() : expected).toPlainString() + "%";
            assertEquals(plain, Format.percent(p, decimals), "percent(" + p + ", " + decimals + ")");
        }
        assertEquals("24.5%", Format.percent(0.245, 1));
        assertEquals("100.0%", Format.percent(1.0, 1));
    }

    /** fixed agrees with BigDecimal's own plain rendering of the exact value. */
    @Test
    void fixedMatchesExactRounding() {
        SeededCases.forAll(placesEdges(edgesWithin(1e-30, 1e30), 0, 12), 2000,
                random -> new Places(SeededCases.finiteBits(random), random.nextInt(0, 13)), c -> {
                    double x = c.x();
                    int decimals = c.places();
                    if (Math.abs(x) > 1e30 || Math.abs(x) < 1e-30) {
                        return;
                    }
                    BigDecimal expected = new BigDecimal(x).setScale(decimals, RoundingMode.HALF_EVEN);
                    String plain = expected.signum() == 0 ? expected.abs().toPlainString() : expected.toPlainString();
                    assertEquals(plain, Format.fixed(x, decimals));
                });
    }

    @Test
    void fixedMatchesBigDecimalHalfEvenOnManyValues() {
        SplittableRandom random = new SplittableRandom(19);
        int compared = 0;
        for (int i = 0; i < 300_000; i++) {
            int decimals = random.nextInt(0, 12);
            double x;
            switch (i % 4) {
                case 0 -> x = random.nextDouble();
                case 1 -> x = Math.scalb(random.nextDouble(), random.nextInt(-60, 45)) * (random.nextBoolean() ? 1 : -1);
                // Values near the half-way points of the last place, where the rounding is decided.
                case 2 -> x = (Math.floor(random.nextDouble() * 1e6) + 0.5) / Math.pow(10, decimals)
                        + (random.nextInt(-2, 3)) * Math.ulp(1.0) * random.nextDouble();
                default -> x = Math.floor(random.nextDouble() * 1e4) / Math.pow(10, random.nextInt(0, 6));
            }
            String expected = new BigDecimal(x).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
            assertEquals(expected, Format.fixed(x, decimals), "fixed(" + x + ", " + decimals + ")");
            compared++;
        }
        assertEquals(300_000, compared);
        assertEquals("0.51", Format.fixed(0.505, 2)); // the double 0.505 is 0.50500000000000000444...
        assertEquals("0.12", Format.fixed(0.125, 2));
        assertEquals("0.38", Format.fixed(0.375, 2));
    }
}
