package dev.softmaxexplorer.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.softmaxexplorer.core.Softmax;
import dev.softmaxexplorer.core.SoftmaxResult;
import dev.softmaxexplorer.web.text.Numbers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The workbench as a person uses it: pasting what NumPy prints, choosing the 50,257-class
 * float16 {@code .npy} made by the web module's {@code make_workbench_files.py} (its expected
 * probabilities, rank and loss are that script's mpmath references), a bad paste that keeps the
 * last good vector, and the single file in Japanese.
 */
class WorkbenchViewTest extends BrowserTest {
    private static final Path GPT2 = Path.of("..", "web", "src", "test", "resources", "workbench", "npy",
            "gpt2-50257-f2.npy");
    private static final String NUMPY_PRINT = "array([ 2.1e+00, -5.0e-01,  3.8e-01], dtype=float32)";

    private void paste(String text) {
        WebElement area = browser.element("workbench-text");
        area.clear();
        area.sendKeys(text);
        browser.element("workbench-read").click();
    }

    private List<List<String>> topRows() {
        @SuppressWarnings("unchecked")
        List<List<String>> rows = (List<List<String>>) browser.script("return Array.from(document.querySelectorAll("
                + "'#workbench-top-body tr')).map(function (r) { return Array.from(r.cells).map(function (c) {"
                + " return c.innerText.trim(); }); });");
        return rows;
    }

    @Test
    void aPastedNumPyPrintShowsItsProbabilitiesAndItsPrecision() {
        browser.load("");
        paste(NUMPY_PRINT);
        browser.waiting().until(d -> topRows().size() == 3);
        SoftmaxResult exact = Softmax.evaluate(new double[] {2.1, -0.5, 0.38}, 1, 0, 0);
        List<List<String>> rows = topRows();
        // By probability: class 0 (2.1), class 2 (0.38), class 1 (-0.5).
        assertEquals(List.of("1", "#0", "#0", "2.1", Numbers.compact(exact.probability(0)),
                Numbers.compact(exact.logProbability(0))), rows.get(0));
        assertEquals("#2", rows.get(1).get(2));
        assertEquals(Numbers.compact(exact.probability(2)), rows.get(1).get(4));
        assertTrue(browser.text("workbench-source").contains("K = 3 classes from pasted text, stored as decimal text printed from float32, each number read as the nearest double."),
                browser.text("workbench-source"));
        assertEquals("Use float32 for the page's pipeline (naive)", browser.text("workbench-use-precision"));

        // A bad paste is explained, and the last good vector stays.
        paste("[1.5, 2.5, ..., 9.5]");
        browser.waiting().until(d -> browser.text("workbench-message").contains("NumPy shortened this print"));
        assertEquals(3, topRows().size());
        paste("1, 2, abc");
        browser.waitForText("workbench-message", "Line 1, column 7: 'abc' is not a number. The last good value is kept.");
        assertEquals(rows, topRows());
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void aChosenVocabularySizedFileShowsTopClassesRankAndTheFloat16Verdict() throws IOException {
        browser.load("");
        Path copy = Files.createTempDirectory("workbench").resolve("gpt2-50257-f2.npy");
        Files.copy(GPT2, copy);
        browser.element("workbench-file").sendKeys(copy.toAbsolutePath().toString());
        browser.waiting().until(d -> topRows().size() == 21);
        List<List<String>> rows = topRows();
        // make_workbench_files.py's mpmath references: classes 42, 1234, 7 with p 0.633774584683215,
        // 0.2993739157816786, 0.06679934977262848.
        assertEquals(List.of("#42", Numbers.compact(0.633774584683215)), List.of(rows.get(0).get(2), rows.get(0).get(4)));
        assertEquals(List.of("#1234", Numbers.compact(0.2993739157816786)), List.of(rows.get(1).get(2), rows.get(1).get(4)));
        assertEquals(List.of("#7", Numbers.compact(0.06679934977262848)), List.of(rows.get(2).get(2), rows.get(2).get(4)));
        // The other 50,237 classes summed: 4.747306803806998e-05 (mpmath, rest_after_20).
        assertEquals(List.of("", "the other 50,237 classes together", Numbers.compact(4.747306803806998e-05)),
                List.of(rows.get(20).get(0), rows.get(20).get(1), rows.get(20).get(2)));
        assertTrue(browser.text("workbench-source").startsWith("K = 50,257 classes from gpt2-50257-f2.npy, stored as float16"));

        browser.type("workbench-target", "1234");
        // Rank 2, loss 1.2060619324295994 (mpmath).
        browser.waiting().until(d -> browser.text("workbench-metrics").contains("rank 2, p = "
                + Numbers.compact(0.2993739157816786) + ", loss = " + Numbers.compact(1.2060619324295994) + "."));
        // Largest z = 18.25 > 11.09 (float16's exp overflow threshold): naive float16 overflows for
        // every T below 18.25 / 11.090110718526951 = 1.6456.
        String float16 = browser.driver.findElement(By.cssSelector("#workbench-verdicts li[data-precision=float16]")).getText();
        assertTrue(float16.startsWith("float16: largest z/T = 18.25; naive overflows for every T below 1.65, so at this T"
                + " it returns NaN"), float16);
        browser.type("workbench-t", "2");
        browser.waiting().until(d -> browser.driver.findElement(By.cssSelector(
                "#workbench-verdicts li[data-precision=float16]")).getText().startsWith(
                "float16: largest z/T = 9.125; naive overflows for every T below 1.65 (e^x"));
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void worksInTheSingleFileInJapanese() {
        browser.driver.get("about:blank");
        browser.open(Path.of(System.getProperty("single.file", "target/softmax-explorer.html")).toAbsolutePath(), "lang=ja");
        browser.waiting().until(d -> "ワークベンチ：自分のロジットで試す".equals(browser.text("workbench-view-title")));
        paste(NUMPY_PRINT);
        browser.waiting().until(d -> topRows().size() == 3);
        assertTrue(browser.text("workbench-source").contains("貼り付けたテキスト"), browser.text("workbench-source"));
        paste("1, nan, 2");
        browser.waiting().until(d -> browser.text("workbench-message").contains("要素 1（0から数えて）が NaN です"));
        assertEquals(3, topRows().size());
        assertEquals(List.of(), browser.consoleErrors());
    }
}
