package dev.softmaxexplorer.web.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumbersTest {
    @ParameterizedTest
    @CsvSource({
        "2, 2",
        "-1, -1",
        "0, 0",
        "1000, 1000",
        "0.6652409557748219, 0.665241",
        "0.5, 0.5",
        "0.09003057317038046, 0.0900306",
        "4.25e-18, 4.25e-18",
        "1.5e-7, 1.5e-7",
        "1.0e300, 1e300",
        "123456789, 1.23457e8",
        "11.09375, 11.0938",
        "Infinity, Infinity",
        "NaN, NaN"
    })
    void sixDigitsWithoutTrailingZeros(double x, String expected) {
        assertEquals(expected, Numbers.compact(x));
    }
}
