package dev.softmaxexplorer.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.softmaxexplorer.core.Pipeline.Mode;
import dev.softmaxexplorer.core.Pipeline;
import dev.softmaxexplorer.core.Precision;
import dev.softmaxexplorer.web.text.Numbers;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The overflow toggle: where a naive softmax breaks, how the page marks it and says why. */
class OverflowTest extends BrowserTest {
    @BeforeEach
    void openPage() {
        browser.consoleErrors();
        browser.load("");
    }

    @Test
    void theOverflowPresetIsRightWhenStableAndNaNWhenNaive() {
        browser.choose("preset", "OVERFLOW");
        browser.waitForValue("z1", "1000");
        // Subtracting the maximum gives [0, -1, -2]: the same probabilities as [2, 1, 0].
        browser.waitForText("p1", "0.665241");
        assertEquals("0.244728", browser.text("p2"));
        assertEquals("0.0900306", browser.text("p3"));
        assertEquals("0.407606", browser.text("loss"));
        assertFalse(browser.element("overflow-explanation").isDisplayed());
        assertTrue(browser.driver.findElements(By.cssSelector("#steps .broken")).isEmpty());
        assertEquals(List.of("true", "other", "other"), Charts.barsAlongTheAxis(browser));

        browser.element("naive").click();
        browser.waitForText("p1", "NaN");
        assertEquals("NaN", browser.text("p2"));
        assertEquals("NaN", browser.text("p3"));
        assertEquals("NaN", browser.text("loss"));
        for (int i = 1; i <= 3; i++) {
            assertTrue(browser.element("p" + i).getAttribute("class").contains("broken"), "p" + i + " is marked");
        }
        List<WebElement> first = browser.driver.findElements(By.cssSelector("#steps .first-break"));
        assertEquals(1, first.size(), "exactly one cell is the first break");
        WebElement cell = first.get(0);
        assertEquals("Infinity \u2190 first", cell.getText());
        assertTrue(cell.getAttribute("class").contains("p-e"), "the first break is an exponential: " + cell
                .getAttribute("class"));
        WebElement row = cell.findElement(By.xpath("./ancestor::tr"));
        assertEquals("Class 1", row.findElement(By.tagName("th")).getText().replaceAll("\\W*true$", "").trim());
        assertEquals("e^(z / T)", columnHeader(cell), "the marked column is the exponential's");
        WebElement explanation = browser.element("overflow-explanation");
        assertTrue(explanation.isDisplayed());
        String sentence = explanation.getText();
        assertTrue(sentence.startsWith("e^1000 overflows float64 (e^x is finite only for x <= 709.78)"), sentence);
        assertTrue(sentence.contains("Class 1"), sentence);
        assertEquals(List.of(), Charts.barsAlongTheAxis(browser), "NaN probabilities draw no bars");

        browser.element("naive").click();
        browser.waitForText("p1", "0.665241");
        assertFalse(browser.element("overflow-explanation").isDisplayed());
        assertTrue(browser.driver.findElements(By.cssSelector("#steps .broken")).isEmpty());
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void naiveFloat16BreaksAtTwelveButNotAtEleven() {
        browser.element("naive").click();
        browser.choose("precision", "float16");
        browser.type("z1", "11");
        browser.type("z2", "0");
        browser.type("z3", "0");
        // e^11 = 59874.14 is below float16's largest finite value 65504 (it rounds to 59872);
        // e^12 = 162754.79 is above it, so e^12 is Infinity in float16.
        double[] eleven = Pipeline.trace(new double[] {11, 0, 0}, 1, Precision.FLOAT16, Mode.NAIVE).probabilities();
        browser.waitForText("p3", Numbers.compact(eleven[2]));
        assertEquals(Numbers.compact(eleven[0]), browser.text("p1"));
        assertNotEquals("NaN", browser.text("p1"));
        assertEquals("59872", exponentialCell(1).getText());
        assertFalse(browser.element("overflow-explanation").isDisplayed());
        assertTrue(browser.driver.findElements(By.cssSelector("#steps .broken")).isEmpty());

        browser.type("z1", "12");
        browser.waitForText("p1", "NaN");
        assertEquals("Infinity \u2190 first", exponentialCell(1).getText());
        assertTrue(exponentialCell(1).getAttribute("class").contains("first-break"));
        assertEquals(1, browser.driver.findElements(By.cssSelector("#steps .first-break")).size());
        String sentence = browser.element("overflow-explanation").getText();
        assertTrue(browser.element("overflow-explanation").isDisplayed());
        assertTrue(sentence.startsWith("e^12 overflows float16 (e^x is finite only for x <= 11.09)"), sentence);

        browser.type("z1", "11");
        browser.waitForText("p1", Numbers.compact(eleven[0]));
        assertFalse(browser.element("overflow-explanation").isDisplayed());

        browser.type("z1", "12");
        browser.waitForText("p1", "NaN");
        browser.element("naive").click();
        double[] stable = Pipeline.trace(new double[] {12, 0, 0}, 1, Precision.FLOAT16, Mode.STABLE).probabilities();
        browser.waitForText("p1", Numbers.compact(stable[0]));
        assertFalse(browser.element("overflow-explanation").isDisplayed(), "subtracting the max avoids the overflow");
        assertEquals(List.of(), browser.consoleErrors());
    }

    /** The exponential cell of class i (1-based). */
    private static WebElement exponentialCell(int i) {
        return browser.driver.findElements(By.cssSelector("#steps-body tr")).get(i - 1).findElement(
                By.cssSelector(".p-e"));
    }

    private static String columnHeader(WebElement cell) {
        return (String) browser.script("var td = arguments[0];"
                + " return td.closest('table').tHead.rows[0].cells[td.cellIndex].textContent;", cell);
    }
}
