package dev.softmaxexplorer.web.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.softmaxexplorer.core.Precision;
import dev.softmaxexplorer.web.state.ParseResult;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The text reader on NumPy's own prints (made by {@code make_workbench_files.py}), on PyTorch's
 * print format written out here as torch prints it, and on every refusal. Expected values are
 * the JVM's correctly rounded reading of the same decimals.
 */
class LogitTextTest {

    @SuppressWarnings("unchecked")
    private static final Map<String, Object> PRINTS =
            (Map<String, Object>) ((Map<String, Object>) Json.resource("workbench/expected.json")).get("prints");

    private static void assertValues(String text, Precision precision, double... expected) {
        ParseResult<LogitVector> read = LogitText.read(text);
        assertTrue(read.isOk(), () -> text + ": " + read.reason());
        LogitVector v = read.value();
        assertEquals(expected.length, v.size(), text);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(Double.doubleToLongBits(expected[i]), Double.doubleToLongBits(v.logit(i)), text + " [" + i + "]");
        }
        assertEquals(precision, v.precision(), text);
    }

    private static String problem(String text) {
        ParseResult<LogitVector> read = LogitText.read(text);
        assertTrue(!read.isOk(), () -> text + " was accepted");
        return read.reason().key();
    }

    @Test
    @SuppressWarnings("unchecked")
    void readsNumPysPrints() {
        for (Map.Entry<String, Object> entry : PRINTS.entrySet()) {
            Map<String, Object> print = (Map<String, Object>) entry.getValue();
            String text = (String) print.get("text");
            if (print.containsKey("problem")) {
                assertEquals(print.get("problem"), problem(text), entry.getKey());
            } else {
                Object precision = print.get("precision");
                assertValues(text, precision == null ? null : Precision.valueOf((String) precision),
                        Json.numbers(print.get("values")));
            }
        }
    }

    @Test
    void readsListsSeparatorsCsvAndPyTorchPrints() {
        assertValues("2.1, -0.5, 0.38", null, 2.1, -0.5, 0.38);
        assertValues("2.1 -0.5\n0.38\r\n", null, 2.1, -0.5, 0.38);
        assertValues("[2.1, -0.5, 3.8e-01]", null, 2.1, -0.5, 0.38);
        assertValues("[[[1, 2, 3]]]", null, 1, 2, 3);
        assertValues("logit\n2.5\n-1\n", null, 2.5, -1);
        assertValues("[1.0, -Infinity, 2]", null, 1, Double.NEGATIVE_INFINITY, 2);
        assertValues("tensor([[ 2.1000, -0.5000,  0.3800]])", null, 2.1, -0.5, 0.38);
        assertValues("tensor([ 2.1000, -0.5000], dtype=torch.float16)", Precision.FLOAT16, 2.1, -0.5);
        assertValues("tensor([[ 2.1000, -inf]], device='cuda:0', dtype=torch.bfloat16,\n"
                + "       grad_fn=<ToCopyBackward0>)", Precision.BFLOAT16, 2.1, Double.NEGATIVE_INFINITY);
        assertValues("tensor([1., 2.], requires_grad=True)", null, 1, 2);
        assertValues("torch.tensor([1., 2.], dtype=torch.float)", Precision.FLOAT32, 1, 2);
        assertValues("np.array([1, 2], dtype=np.float32)", Precision.FLOAT32, 1, 2);
        assertValues("array([1, 2], dtype=int64)", null, 1, 2);
        // The nearest double to a decimal of 17 digits, as the JVM reads it.
        assertValues("0.30000000000000004 1e-320", null, 0.30000000000000004, 1e-320);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''                                   | workbench.problem.empty",
        "' \n '                               | workbench.problem.empty",
        "[]                                   | workbench.problem.empty",
        "3.5                                  | workbench.problem.too-few",
        "1, 2, nan, 4                         | workbench.problem.nan",
        "1, inf                               | workbench.problem.infinity",
        "-inf, -inf                           | workbench.problem.all-masked",
        "1, 2x, 3                             | workbench.text.not-number",
        "1, 2, \"3\"                          | workbench.text.not-number",
        "'1, 1,5e'                            | workbench.text.not-number",
        "1, 1e999                             | workbench.text.too-large",
        "[1., 2., ..., 9.]                    | workbench.text.shortened",
        "[[1, 2], [3, 4]]                     | workbench.text.rows",
        "[[1, 2], [3, 4, 5]]                  | workbench.text.rows",
        "[1, [2, 3]]                          | workbench.text.ragged",
        "[1, 2]]                              | workbench.text.unpaired",
        "1, 2)                                | workbench.text.unpaired",
        "array([1, 2]                         | workbench.text.unclosed",
        "[1, 2                                | workbench.text.unclosed",
    })
    void refusesWithItsOwnMessage(String text, String key) {
        assertEquals(key, problem(text.replace("\\n", "\n")));
    }

    @Test
    void refusesASecondHeaderLineAndAnUnclosedQuote() {
        assertEquals("workbench.text.not-number", problem("header\nname\n1\n2"));
        assertEquals("workbench.text.unclosed", problem("tensor([1, 2], device='cuda)"));
    }

    @Test
    void namesWhereTheProblemIs() {
        ParseResult<LogitVector> read = LogitText.read("1, 2,\n  3, abc, 5");
        assertEquals("2", read.reason().value("line"));
        assertEquals("6", read.reason().value("column"));
        assertEquals("'abc'", read.reason().value("text"));
        assertEquals("2", LogitText.read("[0.5, 1, nan]").reason().value("index"));
        assertEquals("3", LogitText.read("[[1, 2],\n\n [3, 4]]").reason().value("line"));
    }

    @Test
    void readsTheMostClassesAndNoMore() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < LogitVector.MAX_CLASSES; i++) {
            text.append(i % 100).append(".25, ");
        }
        ParseResult<LogitVector> read = LogitText.read(text.toString());
        assertTrue(read.isOk());
        assertEquals(LogitVector.MAX_CLASSES, read.value().size());
        assertEquals(71.25, read.value().logit(LogitVector.MAX_CLASSES - 1));
        assertEquals("workbench.problem.too-many", LogitText.read(text + "1").reason().key());
        assertEquals("workbench.text.too-long",
                LogitText.read("1 ".repeat(LogitText.MAX_TEXT_LENGTH / 2 + 1)).reason().key());
        assertNull(LogitText.dtype("torch.int64"));
    }
}
