package dev.softmaxexplorer.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** The built page, opened from file:// and used as a person would: type, slide, read. */
class PageTest extends BrowserTest {
    @BeforeEach
    void openPage() {
        browser.open(Browser.siteFile("index.html"), "");
        browser.consoleErrors();
    }

    @Test
    void showsThePublishedWorkedExampleOnLoad() {
        // [2, 1, 0] at T = 1: p = 0.665, 0.245, 0.090 and loss 0.408 (the textbook example; the
        // 100-digit reference in core's reference-cases.json gives 0.66524095577, 0.24472847105, 0.09003057317, 0.40760596444).
        browser.waitForText("p1", "0.665241");
        assertEquals("0.244728", text("p2"));
        assertEquals("0.0900306", text("p3"));
        assertEquals("0.407606", text("loss"));
        assertEquals(java.util.List.of(), browser.consoleErrors());
    }

    @Test
    void typingALogitChangesTheProbabilities() {
        WebElement field = browser.element("z1");
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), "3");
        // z = [3, 1, 0]: e^3 = 20.0855369, e^1 = 2.7182818, e^0 = 1, sum 23.8038187;
        // p1 = 20.0855369 / 23.8038187 = 0.8437947; loss = -ln p1 = 0.1698460.
        browser.waitForText("p1", "0.843795");
        assertEquals("0.114195", text("p2"));
        assertEquals("0.169846", text("loss"));
        assertEquals(java.util.List.of(), browser.consoleErrors());
    }

    @Test
    void movingASliderChangesTheProbabilities() {
        WebElement slider = browser.element("z2-slider");
        slider.sendKeys(Keys.END);
        // End moves z2 to the slider's maximum, 10: z = [2, 10, 0];
        // p2 = e^10 / (e^2 + e^10 + 1) = 22026.466 / 22034.855 = 0.9996193.
        browser.waitForText("p2", "0.999619");
        assertEquals("10", browser.element("z2").getAttribute("value"));
        assertEquals(java.util.List.of(), browser.consoleErrors());
    }

    @Test
    void aBadNumberIsExplainedAndTheLastGoodValueStays() {
        WebElement field = browser.element("temperature");
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), "2");
        // T = 2: x = [1, 0.5, 0]: e^1 = 2.7182818, e^0.5 = 1.6487213, 1; sum 5.3670031; p1 = 0.5064804.
        browser.waitForText("p1", "0.50648");
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), "abc");
        browser.waitForText("input-message", "The temperature T must be a number greater than 0; 'abc' is not a number. The last good value is kept.");
        assertEquals("0.50648", text("p1"));
        assertEquals(java.util.List.of(), browser.consoleErrors());
    }

    private static String text(String id) {
        return browser.element(id).getText();
    }
}
