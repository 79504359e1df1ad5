package dev.softmaxexplorer.web.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.softmaxexplorer.core.Pipeline.Mode;
import dev.softmaxexplorer.core.Pipeline;
import dev.softmaxexplorer.core.Precision;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExplanationTest {
    private static final List<String> NAMES = List.of("Class 1", "Class 2", "Class 3");
    private static final Messages WORDS = Tables.english();

    @Test
    void saysNothingWhenNothingBroke() {
        assertEquals("", Explanation.of(Pipeline.trace(new double[] {2, 1, 0}, 1, Precision.FLOAT64, Mode.STABLE),
                NAMES, WORDS));
    }

    @Test
    void namesTheOverflowingExponentialAndTheThreshold() {
        // e^1000 > e^709.78 = largest double (the example sentence the page was specified with).
        assertEquals("e^1000 overflows float64 (e^x is finite only for x <= 709.78), so Class 1's"
                + " exponential is Infinity and the probabilities become Infinity / Infinity = NaN."
                + " Subtracting the maximum first keeps every exponent at or below 0.",
                Explanation.of(Pipeline.trace(new double[] {1000, 999, 998}, 1, Precision.FLOAT64, Mode.NAIVE),
                        NAMES, WORDS));
    }

    @Test
    void float16ThresholdIsElevenPointZeroNine() {
        // docs/numerics.md (overflow thresholds): naive float16 overflows once z rounds to 11.09375, i.e. from z = 11.08984375 (e^11.09375 > 65520).
        assertEquals("e^11.0938 overflows float16 (e^x is finite only for x <= 11.09), so Class 1's"
                + " exponential is Infinity and the probabilities become Infinity / Infinity = NaN."
                + " Subtracting the maximum first keeps every exponent at or below 0.",
                Explanation.of(Pipeline.trace(new double[] {11.09375, 0, 0}, 1, Precision.FLOAT16, Mode.NAIVE),
                        NAMES, WORDS));
    }

    @Test
    void aLogitTooLargeForTheFormatIsCaughtFirst() {
        assertEquals("The logit of Class 2 is too large for float16 (largest finite value 65504), so it is"
                + " Infinity before anything is computed.",
                Explanation.of(Pipeline.trace(new double[] {0, 1e5, 0}, 1, Precision.FLOAT16, Mode.STABLE), NAMES, WORDS));
    }
}
