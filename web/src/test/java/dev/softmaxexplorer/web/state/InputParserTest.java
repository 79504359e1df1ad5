package dev.softmaxexplorer.web.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.softmaxexplorer.core.Pipeline.Mode;
import dev.softmaxexplorer.core.Precision;
import dev.softmaxexplorer.web.text.Messages;
import dev.softmaxexplorer.web.text.Tables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InputParserTest {
    private static final Messages WORDS = Tables.english();
    private static final State DEFAULTS = State.defaults();
    private static final State STRESS = DEFAULTS.with(Fields.STRESS, true);

    private static State classes(int k) {
        return DEFAULTS.with(Fields.CLASS_COUNT, k);
    }

    private static String english(Message reason) {
        return WORDS.format(reason);
    }


    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1000|1000",
        "' 3 '|3",
        "1e-3|0.001",
        "-2.5|-2.5",
        "+7|7",
        ".5|0.5",
        "5.|5",
        "1E+300|1e300",
        "-745|-745",
        "1e-999|0",
        "4.9e-324|4.9e-324",
        "1.7976931348623157e308|1.7976931348623157e308",
    })
    void logitsAcceptPlainDecimals(String text, double expected) {
        ParseResult<Double> r = Fields.LOGITS.parseItem(text, 0);
        assertTrue(r.isOk(), () -> english(r.reason()));
        assertEquals(expected, r.value());
    }

    @Test
    void minusZeroKeepsItsSign() {
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(Fields.LOGITS.parseItem("-0", 0).value()));
        assertEquals(Double.doubleToRawLongBits(-0.0),
                Double.doubleToRawLongBits(Fields.LABEL_SMOOTHING.parse(" -0 ", DEFAULTS).value()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''|the logit z2 must be a finite number; the text is empty",
        "'   '|the logit z2 must be a finite number; the text is empty",
        "abc|the logit z2 must be a finite number; 'abc' is not a number",
        "1e999|the logit z2 must be a finite number; '1e999' is too large",
        "-1e999|the logit z2 must be a finite number; '-1e999' is too large",
        "NaN|the logit z2 must be a finite number; 'NaN' is not a finite number",
        "Infinity|the logit z2 must be a finite number; 'Infinity' is not a finite number",
        "-infinity|the logit z2 must be a finite number; '-infinity' is not a finite number",
        "inf|the logit z2 must be a finite number; 'inf' is not a finite number",
        "1,5|the logit z2 must be a finite number; write the decimal point as '.', as in 0.5",
        "0x10|the logit z2 must be a finite number; '0x10' is not a number",
        "1e|the logit z2 must be a finite number; '1e' is not a number",
        "e5|the logit z2 must be a finite number; 'e5' is not a number",
        "1.5d|the logit z2 must be a finite number; '1.5d' is not a number",
        "--1|the logit z2 must be a finite number; '--1' is not a number",
        "1 2|the logit z2 must be a finite number; '1 2' is not a number",
        "<script>alert(1)</script>|the logit z2 must be a finite number; '<script>alert(1)</script\u2026' is not a number",
    })
    void logitsRefuseWithAReasonNamingTheField(String text, String reason) {
        ParseResult<Double> r = Fields.LOGITS.parseItem(text, 1);
        assertFalse(r.isOk());
        assertEquals(reason, english(r.reason()));
    }

    @Test
    void nullAndOverlongTextAreRefused() {
        assertEquals("the temperature T must be a number greater than 0; the text is empty",
                english(Fields.TEMPERATURE.parse(null, DEFAULTS).reason()));
        String longText = "1".repeat(InputParser.MAX_INPUT_LENGTH + 1);
        assertEquals("the logit z1 must be a finite number; the text is too long (101 characters; at most 100)",
                english(Fields.LOGITS.parseItem(longText, 0).reason()));
        assertEquals("the number of classes K must be a whole number from 2 to 10; the text is too long"
                + " (101 characters; at most 100)", english(Fields.CLASS_COUNT.parse(longText, DEFAULTS).reason()));
        assertTrue(Fields.LOGITS.parseItem("0".repeat(99) + "1", 0).isOk());
    }

    @Test
    void temperatureMustBePositive() {
        assertEquals(0.05, Fields.TEMPERATURE.parse("0.05", DEFAULTS).value());
        assertEquals(1e-300, Fields.TEMPERATURE.parse("1e-300", DEFAULTS).value());
        assertEquals(1e300, Fields.TEMPERATURE.parse("1e300", DEFAULTS).value());
        assertEquals("the temperature T must be a number greater than 0; '0' is outside that range",
                english(Fields.TEMPERATURE.parse("0", DEFAULTS).reason()));
        assertFalse(Fields.TEMPERATURE.parse("-0", DEFAULTS).isOk());
        assertFalse(Fields.TEMPERATURE.parse("-1", DEFAULTS).isOk());
        assertFalse(Fields.TEMPERATURE.parse("1e-999", DEFAULTS).isOk());
        assertEquals("The temperature T must be a number greater than 0; 'abc' is not a number.",
                WORDS.sentence(Fields.TEMPERATURE.parse("abc", DEFAULTS).reason()));
    }

    @Test
    void labelSmoothingTopPAndLearningRateHaveTheirRanges() {
        assertEquals(0.0, Fields.LABEL_SMOOTHING.parse("0", DEFAULTS).value());
        assertEquals(1.0, Fields.LABEL_SMOOTHING.parse("1", DEFAULTS).value());
        assertEquals("the label smoothing \u03b5 must be a number from 0 to 1; '1.01' is outside that range",
                english(Fields.LABEL_SMOOTHING.parse("1.01", DEFAULTS).reason()));
        assertFalse(Fields.LABEL_SMOOTHING.parse("-0.1", DEFAULTS).isOk());
        assertEquals(1.0, Fields.TOP_P.parse("1", DEFAULTS).value());
        assertEquals(1e-9, Fields.TOP_P.parse("1e-9", DEFAULTS).value());
        assertFalse(Fields.TOP_P.parse("0", DEFAULTS).isOk());
        assertFalse(Fields.TOP_P.parse("1.5", DEFAULTS).isOk());
        assertEquals(0.1, Fields.LEARNING_RATE.parse("0.1", DEFAULTS).value());
        assertFalse(Fields.LEARNING_RATE.parse("0", DEFAULTS).isOk());
        assertFalse(Fields.LEARNING_RATE.parse("1e400", DEFAULTS).isOk());
        assertEquals(-3.0, Fields.TEACHER_LOGITS.parseItem("-3", 0).value());
        assertEquals("the teacher's logit z3 must be a finite number; 'x' is not a number",
                english(Fields.TEACHER_LOGITS.parseItem("x", 2).reason()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2|2", "10|10", "' 3 '|3", "+4|4", "007|7",
    })
    void classCountAcceptsTwoToTen(String text, int k) {
        assertEquals(k, Fields.CLASS_COUNT.parse(text, DEFAULTS).value());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1|'1' is outside that range",
        "11|'11' is outside that range",
        "-3|'-3' is outside that range",
        "1000000000|'1000000000' is outside that range",
        "99999999999999999999|'99999999999999999999' is outside that range",
        "-99999999999999999999|'-99999999999999999999' is outside that range",
        "3.0|'3.0' is not a whole number",
        "1e1|'1e1' is not a whole number",
        "three|'three' is not a number",
        "-|'-' is not a number",
        "''|the text is empty",
    })
    void classCountRefusals(String text, String problem) {
        assertEquals("the number of classes K must be a whole number from 2 to 10; " + problem,
                english(Fields.CLASS_COUNT.parse(text, DEFAULTS).reason()));
    }

    @Test
    void stressModeAllowsAThousandClasses() {
        assertEquals(1000, Fields.CLASS_COUNT.parse("1000", STRESS).value());
        assertFalse(Fields.CLASS_COUNT.parse("1001", STRESS).isOk());
    }

    @Test
    void integerFieldsHaveTheirRanges() {
        assertEquals(2, Fields.TARGET.parse("2", classes(3)).value());
        assertEquals("the true class c must be a whole number from 0 to 2 (0 is the first class); '3' is outside"
                + " that range", english(Fields.TARGET.parse("3", classes(3)).reason()));
        assertFalse(Fields.TARGET.parse("-1", classes(3)).isOk());
        assertEquals(0, Fields.SAMPLING_SEED.parse("0", DEFAULTS).value());
        assertEquals(Integer.MAX_VALUE, Fields.SAMPLING_SEED.parse("2147483647", DEFAULTS).value());
        assertFalse(Fields.SAMPLING_SEED.parse("2147483648", DEFAULTS).isOk());
        assertFalse(Fields.SAMPLING_SEED.parse("-1", DEFAULTS).isOk());
        assertEquals(1, Fields.SAMPLE_COUNT.parse("1", DEFAULTS).value());
        assertEquals(State.MAX_SAMPLE_COUNT, Fields.SAMPLE_COUNT.parse("100000", DEFAULTS).value());
        assertFalse(Fields.SAMPLE_COUNT.parse("0", DEFAULTS).isOk());
        assertFalse(Fields.SAMPLE_COUNT.parse("100001", DEFAULTS).isOk());
        assertEquals(0, Fields.TOP_K.parse("0", classes(3)).value());
        assertEquals(3, Fields.TOP_K.parse("3", classes(3)).value());
        // Up to the largest workbench vector, whatever the page's K: the chain may run on a vector.
        assertEquals(40, Fields.TOP_K.parse("40", classes(3)).value());
        assertEquals("top-k must be a whole number from 0 to 131072 (0 turns it off); '131073' is outside that range",
                english(Fields.TOP_K.parse("131073", classes(3)).reason()));
    }

    @Test
    void classNamesAreTrimmedAndChecked() {
        assertEquals("cat", InputParser.className("  cat ", 0).value());
        assertEquals("Class 2", InputParser.className("   ", 1).value());
        assertEquals("Class 2", InputParser.className(null, 1).value());
        assertEquals("<img src=x onerror=alert(1)>", InputParser.className("<img src=x onerror=alert(1)>", 0).value());
        assertEquals("🐈".repeat(40), InputParser.className("🐈".repeat(40), 0).value());
        assertEquals("the name of class 3 is too long (41 characters; at most 40)",
                english(InputParser.className("x".repeat(41), 2).reason()));
        for (String bad : new String[] {"a\nb", "a\u0000b", "a\u202Eb", "a\uD800"}) {
            assertEquals("the name of class 1 must not contain control characters, line breaks or text-direction"
                    + " marks", english(InputParser.className(bad, 0).reason()), bad);
        }
    }

    @Test
    void choicesAcceptTheirKeysInAnyCase() {
        assertEquals(Mode.NAIVE, Fields.MODE.parse("naive", DEFAULTS).value());
        assertEquals(Mode.STABLE, Fields.MODE.parse(" STABLE ", DEFAULTS).value());
        assertEquals("the softmax form must be naive or stable; 'fast' is not one of them",
                english(Fields.MODE.parse("fast", DEFAULTS).reason()));
        for (Precision p : Precision.values()) {
            assertEquals(p, Fields.PRECISION.parse(p.displayName(), DEFAULTS).value());
        }
        assertEquals(Precision.BFLOAT16, Fields.PRECISION.parse("BFloat16", DEFAULTS).value());
        assertFalse(Fields.PRECISION.parse("float8", DEFAULTS).isOk());
        for (ColorScheme c : ColorScheme.values()) {
            assertEquals(c, Fields.COLOR_SCHEME.parse(c.key(), DEFAULTS).value());
        }
        assertFalse(Fields.COLOR_SCHEME.parse("", DEFAULTS).isOk());
        assertEquals(true, InputParser.flag("1", new Message("input.field.embed")).value());
        assertEquals(true, InputParser.flag("TRUE", new Message("input.field.embed")).value());
        assertEquals(false, InputParser.flag("0", new Message("input.field.embed")).value());
        assertEquals(false, InputParser.flag("false", new Message("input.field.embed")).value());
        assertEquals("embed must be 1 (on) or 0 (off); 'yes' is neither",
                english(InputParser.flag("yes", new Message("input.field.embed")).reason()));
    }

    @Test
    void turkishLocaleDoesNotChangeKeys() {
        java.util.Locale saved = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.forLanguageTag("tr-TR"));
            assertEquals(Mode.NAIVE, Fields.MODE.parse("NAIVE", DEFAULTS).value());
        } finally {
            java.util.Locale.setDefault(saved);
        }
    }

    @Test
    void quotesAreShortAndOnOneLine() {
        assertEquals("'a\uFFFDb'", InputParser.quote("a\nb"));
        assertEquals("'" + "x".repeat(24) + "\u2026'", InputParser.quote("x".repeat(1000)));
        assertEquals("'🐈'", InputParser.quote("🐈"));
    }

    @Test
    void neverThrowsAndAcceptsOnlyValidValues() {
        for (String text : SeededInputs.texts(11, SeededInputs.CASES)) {
            String shown = "text " + text.codePoints().mapToObj(Integer::toHexString).toList();
            ParseResult<Double> t = Fields.TEMPERATURE.parse(text, DEFAULTS);
            assertTrue(!t.isOk() || (t.value() > 0 && Double.isFinite(t.value())), shown);
            ParseResult<Double> z = Fields.LOGITS.parseItem(text, 0);
            assertTrue(!z.isOk() || Double.isFinite(z.value()), shown);
            ParseResult<Integer> k = Fields.CLASS_COUNT.parse(text, DEFAULTS);
            assertTrue(!k.isOk() || (k.value() >= 2 && k.value() <= 10), shown);
            ParseResult<String> name = InputParser.className(text, 0);
            assertTrue(!name.isOk() || State.isValidName(name.value()), shown);
            Fields.MODE.parse(text, DEFAULTS);
            InputParser.flag(text, new Message("input.field.embed"));
        }
    }

    @Test
    void readsBackEveryFiniteDouble() {
        for (double x : SeededInputs.finiteDoubles(12, SeededInputs.CASES)) {
            String text = dev.softmaxexplorer.core.Format.shortest(x);
            assertEquals(Double.doubleToRawLongBits(x), Double.doubleToRawLongBits(Fields.LOGITS.parseItem(text, 0).value()),
                    text);
        }
    }
}
