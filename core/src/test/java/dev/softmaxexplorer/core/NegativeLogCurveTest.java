package dev.softmaxexplorer.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NegativeLogCurveTest {

    /**
     * teaching-references.json, "negativeLog": -ln p from 100-digit mpmath
     * (make_teaching_references.py), each rounded once to the nearest double; the method is
     * expected to be correctly rounded at these points.
     */
    @Test
    void matchesMpmath() {
        for (Object o : (List<?>) ((Map<?, ?>) Json.resource("teaching-references.json"))
                .get("negativeLog")) {
            Map<?, ?> c = (Map<?, ?>) o;
            double p = Json.number(c.get("p"));
            assertEquals(Json.number(c.get("value")), NegativeLogCurve.negativeLog(p), "p = " + p);
        }
    }

    /**
     * The classic table shown on the page (and in most cross-entropy tutorials): -ln 0.99 =
     * 0.01005, -ln 0.9 = 0.10536, -ln 0.5 = ln 2 = 0.69315, -ln 0.1 = ln 10 = 2.30259,
     * -ln 0.01 = 4.60517, to five decimals.
     */
    @Test
    void classicTableToFiveDecimals() {
        assertArrayEquals(new double[] {0.99, 0.9, 0.5, 0.1, 0.01},
                NegativeLogCurve.referenceProbabilities());
        double[] values = NegativeLogCurve.referenceValues();
        String[] expected = {"0.01005", "0.10536", "0.69315", "2.30259", "4.60517"};
        for (int i = 0; i < values.length; i++) {
            assertEquals(expected[i], Format.fixed(values[i], 5));
        }
    }

    @Test
    void endpoints() {
        assertEquals(Double.POSITIVE_INFINITY, NegativeLogCurve.negativeLog(0.0));
        // +0, not -0: the page prints it.
        assertEquals(0.0, NegativeLogCurve.negativeLog(1.0));
        assertEquals(Double.doubleToRawLongBits(0.0),
                Double.doubleToRawLongBits(NegativeLogCurve.negativeLog(1.0)));
    }

    @Test
    void badProbabilitiesAreNamed() {
        assertEquals("p: must be in [0, 1], was 1.5", assertThrows(IllegalArgumentException.class,
                () -> NegativeLogCurve.negativeLog(1.5)).getMessage());
        assertEquals("p: must be in [0, 1], was NaN", assertThrows(IllegalArgumentException.class,
                () -> NegativeLogCurve.negativeLog(Double.NaN)).getMessage());
    }
}
