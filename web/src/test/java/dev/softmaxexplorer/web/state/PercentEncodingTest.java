package dev.softmaxexplorer.web.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.softmaxexplorer.web.text.Messages;
import dev.softmaxexplorer.web.text.Tables;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PercentEncodingTest {
    private static final Message FIELD = new Message("input.field.class-name", "n", "1");
    private static final Messages WORDS = Tables.english();


    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "cat|cat",
        "Class 1|Class%201",
        "a,b&c=d#e%f+g|a%2Cb%26c%3Dd%23e%25f%2Bg",
        "-._~|-._~",
        "é|%C3%A9",
        "猫|%E7%8C%AB",
        "🐈|%F0%9F%90%88",
        "<script>|%3Cscript%3E",
    })
    void encodesAsUtf8WithUpperCaseHex(String text, String encoded) {
        assertEquals(encoded, PercentEncoding.encode(text));
        assertEquals(text, PercentEncoding.decode(encoded, FIELD).value());
    }

    @Test
    void decodingKeepsUnescapedTextAndAcceptsLowerCaseHex() {
        assertEquals("a+b c", PercentEncoding.decode("a+b%20c", FIELD).value());
        assertEquals("é", PercentEncoding.decode("%c3%a9", FIELD).value());
        assertEquals("猫", PercentEncoding.decode("猫", FIELD).value());
        assertEquals("", PercentEncoding.decode("", FIELD).value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"%", "%2", "a%g0", "%%", "%2G", "abc%"})
    void refusesBrokenEscapes(String text) {
        ParseResult<String> r = PercentEncoding.decode(text, FIELD);
        assertFalse(r.isOk());
        assertEquals("the name of class 1 has a '%' that is not followed by two hex digits", WORDS.format(r.reason()));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "%80", "%BF", "%C0%80", "%C1%BF", "%C3", "%C3a", "%C3%28", "%E0%80%80", "%ED%A0%80", "%ED%BF%BF",
        "%F0%80%80%80", "%F4%90%80%80", "%F5%80%80%80", "%FF", "%FE", "%E7%8C", "%F0%9F%90"})
    void refusesMalformedUtf8(String text) {
        ParseResult<String> r = PercentEncoding.decode(text, FIELD);
        assertFalse(r.isOk());
        assertEquals("the name of class 1 has %-escapes that are not valid UTF-8 text", WORDS.format(r.reason()));
    }

    @Test
    void roundTripsAnyWellFormedText() {
        List<String> wellFormed = SeededInputs.texts(14, 2 * SeededInputs.CASES).stream()
                .filter(text -> !hasLoneSurrogate(text)).limit(SeededInputs.CASES).toList();
        assertEquals(SeededInputs.CASES, wellFormed.size());
        for (String text : wellFormed) {
            String encoded = PercentEncoding.encode(text);
            assertTrue(encoded.chars().allMatch(c -> c > 0x20 && c < 0x7F), encoded);
            assertEquals(text, PercentEncoding.decode(encoded, FIELD).value(), encoded);
            assertEquals(text, URLDecoder.decode(encoded, StandardCharsets.UTF_8), encoded);
        }
    }

    private static boolean hasLoneSurrogate(String s) {
        return s.codePoints().anyMatch(c -> c >= 0xD800 && c <= 0xDFFF);
    }

    @Test
    void parseResultCarriesAValueOrAReason() {
        ParseResult<Double> ok = ParseResult.of(-0.0);
        assertTrue(ok.isOk());
        assertEquals(-0.0, ok.value());
        ParseResult<Double> no = ParseResult.rejected(new Message("input.must", "field",
                new Message("input.field.temperature"), "requirement", new Message("input.requirement.positive"),
                "problem", new Message("input.problem.outside", "text", "'-1'")));
        assertFalse(no.isOk());
        assertEquals("The temperature T must be a number greater than 0; '-1' is outside that range.",
                WORDS.sentence(no.reason()));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, no::value);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, ok::reason);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> ParseResult.of(null));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> ParseResult.rejected(null));
    }
}
