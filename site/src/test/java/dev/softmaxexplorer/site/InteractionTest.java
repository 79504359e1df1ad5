package dev.softmaxexplorer.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.softmaxexplorer.core.Format;
import dev.softmaxexplorer.core.Pipeline.Mode;
import dev.softmaxexplorer.core.Pipeline;
import dev.softmaxexplorer.core.Precision;
import dev.softmaxexplorer.core.Softmax;
import dev.softmaxexplorer.web.state.TemperatureScale;
import dev.softmaxexplorer.web.text.Numbers;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * A person's edits (typing, sliding, choosing K, presets, reset) and what the page then shows,
 * compared with core's softmax computed on the JVM.
 */
class InteractionTest extends BrowserTest {
    @BeforeEach
    void openPage() {
        browser.consoleErrors();
        browser.load("");
    }

    @Test
    void typingALogitShowsCoresProbabilities() {
        browser.type("z3", "-1");
        // By hand, z = [2, 1, -1]: e^2 = 7.3890561, e^1 = 2.7182818, e^-1 = 0.3678794;
        // sum = 10.4752173; p = 7.3890561 / 10.4752173 = 0.7053845, 2.7182818 / 10.4752173 = 0.2594965,
        // 0.3678794 / 10.4752173 = 0.0351190; loss = -ln 0.7053845 = 0.3490122.
        double[] z = {2, 1, -1};
        double[] p = Softmax.softmax(z, 1);
        browser.waitForText("p3", Numbers.compact(p[2]));
        assertShows(p);
        assertEquals(0.7053845, Double.parseDouble(browser.text("p1")), 1e-6);
        assertEquals(0.2594965, Double.parseDouble(browser.text("p2")), 1e-6);
        assertEquals(0.0351190, Double.parseDouble(browser.text("p3")), 1e-6);
        assertEquals(0.3490122, Double.parseDouble(browser.text("loss")), 1e-6);
        assertEquals(Format.significant(Softmax.crossEntropy(z, 1, 0, 0), 6), browser.text("loss"));
        assertEquals("-1", browser.value("z3-slider"), "the slider follows the typed value");
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void typingAValueBeyondTheSliderKeepsItExactly() {
        browser.type("z2", "1e-3");
        double[] z = {2, 1e-3, 0};
        browser.waitForText("p2", Numbers.compact(Softmax.softmax(z, 1)[1]));
        assertShows(Softmax.softmax(z, 1));
        browser.type("z1", "-745");
        double[] far = {-745, 1e-3, 0};
        // The table shows float64 step by step: e^(z1 - max) = e^-745.001 rounds up to the smallest
        // subnormal 4.94066e-324, and that / 1.999 again rounds up to it; the correctly
        // rounded softmax (core's Softmax, which the export uses) is 0 there.
        double[] stepByStep = Pipeline.trace(far, 1, Precision.FLOAT64, Mode.STABLE).probabilities();
        browser.waitForText("p1", Numbers.compact(stepByStep[0]));
        assertEquals("4.94066e-324", browser.text("p1"));
        assertEquals(0.0, Softmax.softmax(far, 1)[0]);
        double[] exact = Softmax.softmax(far, 1);
        assertEquals(Numbers.compact(exact[1]), browser.text("p2"));
        assertEquals(Numbers.compact(exact[2]), browser.text("p3"));
        assertEquals("-10", browser.value("z1-slider"), "the slider sits at its end for a logit beyond it");
        assertEquals("-745", browser.value("z1"));
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void movingALogitSliderShowsCoresProbabilities() {
        browser.element("z2-slider").sendKeys(Keys.PAGE_UP);
        // PageUp moves a range by a tenth of its span, 2: z = [2, 3, 0]. By hand: e^2 = 7.3890561,
        // e^3 = 20.0855369, e^0 = 1, sum 28.4745930; p2 = 20.0855369 / 28.4745930 = 0.7053845.
        double[] z = {2, 3, 0};
        double[] p = Softmax.softmax(z, 1);
        browser.waitForText("p2", Numbers.compact(p[1]));
        assertShows(p);
        assertEquals(0.7053845, Double.parseDouble(browser.text("p2")), 1e-6);
        assertEquals("3", browser.value("z2"), "the exact field follows the slider");
        assertEquals("Class 2", browser.text("predicted").replaceAll(" .$", ""));
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void movingTheTemperatureSliderShowsCoresProbabilities() {
        assertEquals("500", browser.value("t-slider"), "T = 1 sits in the middle of the slider");
        browser.element("t-slider").sendKeys(Keys.PAGE_DOWN);
        double t = TemperatureScale.temperature(400);
        // Position 400 of 1000 on the log scale 0.05..20: 0.05 * 400^0.4 = 0.549 (three digits).
        assertEquals(0.549, t);
        double[] p = Softmax.softmax(new double[] {2, 1, 0}, t);
        browser.waitForText("p1", Numbers.compact(p[0]));
        assertShows(p);
        assertEquals("0.549", browser.value("temperature"));

        browser.type("temperature", "0.5");
        // By hand, z / T = [4, 2, 0]: e^4 = 54.59815, e^2 = 7.3890561, 1; sum 62.9872061;
        // p1 = 54.59815 / 62.9872061 = 0.8668133.
        double[] half = Softmax.softmax(new double[] {2, 1, 0}, 0.5);
        browser.waitForText("p1", Numbers.compact(half[0]));
        assertShows(half);
        assertEquals(0.8668133, Double.parseDouble(browser.text("p1")), 1e-6);
        assertEquals(Integer.toString(TemperatureScale.position(0.5)), browser.value("t-slider"));
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void labelSmoothingChangesTheLossAsCoreDoes() {
        browser.element("eps-slider").sendKeys(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT);
        browser.waitForValue("eps", "0.03");
        String loss = Format.significant(Softmax.crossEntropy(new double[] {2, 1, 0}, 1, 0, 0.03), 6);
        browser.waitForText("loss", loss);
        browser.type("eps", "0.5");
        browser.waitForText("loss", Format.significant(Softmax.crossEntropy(new double[] {2, 1, 0}, 1, 0, 0.5), 6));
        assertEquals("0.5", browser.value("eps-slider"));
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void changingKAddsAndRemovesControlsBarsAndRowsAndClampsTheTarget() {
        browser.choose("k", "5");
        double[] five = {2, 1, 0, -1, -2};
        browser.waitForText("p5", Numbers.compact(Softmax.softmax(five, 1)[4]));
        assertShows(Softmax.softmax(five, 1));
        assertEquals(5, classRows());
        assertEquals(5, tableRows());
        for (int i = 1; i <= 5; i++) {
            assertTrue(browser.element("z" + i + "-slider").isDisplayed(), "slider of class " + i);
        }
        assertEquals("-2", browser.value("z5"));
        assertEquals("Class 5", browser.value("name5"));
        assertEquals(List.of("true", "other", "other", "other", "other"), Charts.barsAlongTheAxis(browser));

        browser.element("target5").click();
        browser.waiting().until(d -> browser.element("steps-body").findElements(By.cssSelector("tr")).get(4)
                .getAttribute("class").contains("true-class"));
        assertEquals(List.of("other", "other", "other", "other", "true"), Charts.barsAlongTheAxis(browser));

        browser.choose("k", "3");
        browser.waiting().until(d -> classRows() == 3);
        browser.waiting().until(d -> tableRows() == 3);
        assertTrue(browser.driver.findElements(By.id("z4")).isEmpty());
        assertTrue(browser.driver.findElements(By.id("z5-slider")).isEmpty());
        assertTrue(browser.driver.findElements(By.id("p4")).isEmpty());
        assertTrue(browser.checked("target3"), "the true class 5 no longer exists: it is clamped to class 3");
        assertFalse(browser.checked("target1"));
        assertTrue(browser.element("steps-body").findElements(By.cssSelector("tr")).get(2).getAttribute("class")
                .contains("true-class"));
        assertEquals(List.of("other", "other", "true"), Charts.barsAlongTheAxis(browser));
        assertEquals(Format.significant(Softmax.crossEntropy(new double[] {2, 1, 0}, 1, 2, 0), 6),
                browser.text("loss"));
        // The address follows once the state has been still for a moment.
        browser.waiting().until(d -> ((String) browser.script("return location.hash;")).contains("c=2"));
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void presetsSetNamesAndLogits() {
        browser.choose("preset", "CAT_DOG_BIRD");
        double[] z = {4.5, -1.2, 0.8};
        browser.waitForText("p1", Numbers.compact(Softmax.softmax(z, 1)[0]));
        assertEquals(List.of("cat", "dog", "bird"), values("name", 3));
        assertEquals(List.of("4.5", "-1.2", "0.8"), values("z", 3));
        assertShows(Softmax.softmax(z, 1));
        assertEquals("cat \u2713", browser.text("predicted"));
        assertEquals("", browser.value("preset"), "the menu returns to its prompt, ready for the next choice");

        browser.choose("preset", "TWO_CLASSES");
        double[] two = {1, 0};
        browser.waiting().until(d -> classRows() == 2);
        browser.waitForText("p1", Numbers.compact(Softmax.softmax(two, 1)[0]));
        assertEquals(List.of("Class 1", "Class 2"), values("name", 2));
        assertEquals(List.of("1", "0"), values("z", 2));
        assertEquals("2", browser.value("k"));
        // Two classes: p1 = sigmoid(1 - 0) = 1 / (1 + e^-1) = 0.7310586.
        assertEquals(0.7310586, Double.parseDouble(browser.text("p1")), 1e-6);

        browser.choose("preset", "CLOSE_CALL");
        double[] close = {10, 9, 9};
        browser.waitForText("p1", Numbers.compact(Softmax.softmax(close, 1)[0]));
        assertEquals(List.of("10", "9", "9"), values("z", 3));
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void resetRestoresTheDefaultsInControlsAndResults() {
        browser.choose("k", "5");
        browser.waiting().until(d -> classRows() == 5);
        browser.type("name2", "dog");
        browser.type("z1", "7");
        browser.element("target2").click();
        browser.type("temperature", "3");
        browser.type("eps", "0.2");
        browser.element("naive").click();
        browser.choose("precision", "float16");
        browser.waiting().until(d -> ((String) browser.script("return location.hash;")).contains("prec=float16"));

        browser.element("reset").click();
        browser.waitForText("p1", "0.665241");
        browser.waiting().until(d -> classRows() == 3);
        assertEquals("3", browser.value("k"));
        assertEquals(List.of("Class 1", "Class 2", "Class 3"), values("name", 3));
        assertEquals(List.of("2", "1", "0"), values("z", 3));
        assertEquals(List.of("2", "1", "0"), values("z", 3, "-slider"));
        assertTrue(browser.checked("target1"));
        assertEquals("1", browser.value("temperature"));
        assertEquals("500", browser.value("t-slider"));
        assertEquals("0", browser.value("eps"));
        assertEquals("0", browser.value("eps-slider"));
        assertFalse(browser.checked("naive"));
        assertEquals("float64", browser.value("precision"));
        assertEquals("0.244728", browser.text("p2"));
        assertEquals("0.0900306", browser.text("p3"));
        assertEquals("0.407606", browser.text("loss"));
        assertEquals("Class 1 \u2713", browser.text("predicted"));
        assertEquals(3, tableRows());
        assertEquals(List.of("true", "other", "other"), Charts.barsAlongTheAxis(browser));
        browser.waiting().until(d -> "".equals(browser.script("return location.hash;")));
        assertEquals(List.of(), browser.consoleErrors());
    }

    /** The table's probability cells show core's exact softmax as the page formats it. */
    private static void assertShows(double[] p) {
        List<String> expected = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < p.length; i++) {
            expected.add(Numbers.compact(p[i]));
            cells.add("p" + (i + 1));
        }
        // Rows away from the screen catch up when the browser is idle, a frame or two after the input's own frame.
        browser.waiting().until(d -> expected.equals(browser.texts(cells)));
        assertEquals(expected, browser.texts(cells));
    }

    private static List<String> values(String prefix, int k) {
        return values(prefix, k, "");
    }

    private static List<String> values(String prefix, int k, String suffix) {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= k; i++) {
            ids.add(prefix + i + suffix);
        }
        return browser.values(ids);
    }

    private static int classRows() {
        return browser.element("classes").findElements(By.cssSelector(".class-row")).size();
    }

    private static int tableRows() {
        return browser.element("steps-body").findElements(By.cssSelector("tr")).size();
    }
}
