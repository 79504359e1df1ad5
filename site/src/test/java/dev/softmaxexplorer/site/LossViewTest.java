package dev.softmaxexplorer.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.softmaxexplorer.core.Format;
import dev.softmaxexplorer.core.GradientStep;
import dev.softmaxexplorer.core.LabelSmoothing;
import dev.softmaxexplorer.core.NegativeLogCurve;
import dev.softmaxexplorer.core.Softmax;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The loss view (-log p curve, label smoothing, gradient bars and steps, two classes) as a person
 * sees it: every number equals core's value computed here on the JVM and formatted the same way.
 */
class LossViewTest extends BrowserTest {
    private static final double[] TEXTBOOK = {2, 1, 0};
    @AfterEach
    void noConsoleErrorsAndNormalMotion() {
        assertEquals(List.of(), browser.consoleErrors());
        browser.driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of()));
    }

    private static void open(String hash) {
        browser.load(hash);
        browser.consoleErrors();
    }

    @Test
    void theCurveSaysTheTrueClassProbabilityAndItsLoss() {
        open("");
        double p = Softmax.softmax(TEXTBOOK, 1)[0];
        double loss = NegativeLogCurve.negativeLog(p);
        String shownP = Format.significant(p, 3);
        assertEquals("True class Class 1 has p = " + shownP + ", so the loss is \u2212log " + shownP + " = "
                + Format.significant(loss, 3) + ".", text("nll-sentence"));
        // The published worked example: p = 0.665, -ln 0.665 = 0.408.
        assertTrue(text("nll-sentence").contains("p = 0.665, so the loss is \u2212log 0.665 = 0.408"));
        assertTrue(paintedPixels("nll-chart") > 500);
    }

    @Test
    void labelSmoothingShowsCoresMinimum() {
        open("eps=0.1");
        double minimum = LabelSmoothing.minimumCrossEntropy(3, 0.1);
        // By hand: y = [1 - 0.1 + 0.1/3, 0.1/3, 0.1/3] = [0.93333, 0.03333, 0.03333];
        // H(y) = -(0.93333 ln 0.93333 + 2 * 0.03333 ln 0.03333)
        //      = -(0.93333 * -0.0689929 + 0.06667 * -3.4011974) = 0.0643933 + 0.2267465 = 0.2911398.
        browser.waitForText("smoothing-minimum", Format.significant(minimum, 6));
        assertEquals("0.291140", text("smoothing-minimum"));
        assertEquals(Format.significant(Softmax.crossEntropy(TEXTBOOK, 1, 0, 0.1), 6), text("smoothing-loss"));
        assertTrue(text("smoothing-why").contains("no logits can bring it lower"));
        assertTrue(paintedPixels("smoothing-chart") > 500);
    }

    @Test
    void theGradientTableIsCoresGradient() {
        open("t=2&eps=0.2&c=1");
        double[] gradient = Softmax.gradient(TEXTBOOK, 2, 1, 0.2);
        double[] y = LabelSmoothing.target(3, 1, 0.2);
        browser.reveal(List.of("gradient-body"));
        List<WebElement> rows = browser.driver.findElements(By.cssSelector("#gradient-body tr"));
        assertEquals(3, rows.size());
        for (int i = 0; i < 3; i++) {
            List<WebElement> cells = rows.get(i).findElements(By.tagName("td"));
            assertEquals(Format.significant(y[i], 6), cells.get(0).getText(), "y" + (i + 1));
            assertEquals(Format.significant(gradient[i], 6), cells.get(2).getText(), "dL/dz" + (i + 1));
        }
        assertTrue(paintedPixels("gradient-chart") > 500);
    }

    @Test
    void oneStepLowersTheLossAndMovesTheLogitsToCoresStep() {
        open("lr=0.5");
        double[] next = GradientStep.step(TEXTBOOK, 1, 0, 0, 0.5);
        double before = Softmax.crossEntropy(TEXTBOOK, 1, 0, 0);
        double after = Softmax.crossEntropy(next, 1, 0, 0);
        assertTrue(after < before);
        click("gradient-step");
        browser.waiting().until(d -> logitFields().equals(shortest(next)));
        assertEquals("Loss " + Format.significant(before, 3) + " \u2192 " + Format.significant(after, 3)
                + " after 1 step at learning rate 0.5.", text("gradient-step-result"));
        // The loss sits at the top, scrolled away by the click: it catches up within a moment.
        browser.waitForText("loss", Format.significant(after, 6));
    }

    @Test
    void twentyStepsUnderReducedMotionEndWhereTwentySingleStepsDo() {
        browser.driver.executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-reduced-motion", "value", "reduce"))));
        open("");
        assertEquals(true, browser.script("return matchMedia('(prefers-reduced-motion: reduce)').matches"));
        double[] z = twentySteps();
        click("gradient-steps");
        browser.waiting().until(d -> logitFields().equals(shortest(z)));
        assertTrue(text("gradient-step-result").endsWith("after 20 steps at learning rate 1."));
    }

    @Test
    void twentyAnimatedStepsEndThereTooAndResetStopsThem() {
        open("");
        click("gradient-steps");
        browser.waiting().until(d -> text("gradient-step-result").endsWith("after 20 steps at learning rate 1."));
        assertEquals(shortest(twentySteps()), logitFields());

        click("gradient-steps");
        click("reset");
        afterFrames(5);
        assertEquals(List.of("2", "1", "0"), logitFields());
        assertEquals("Take 20 steps", text("gradient-steps"));
    }

    @Test
    void aStepThatWouldOverflowIsRefusedAndSaysWhy() {
        open("z=-1.7e308,0,0&t=0.05&lr=1e308");
        click("gradient-step");
        // Core's refusal is a developer's message; the page maps it to words of its string table.
        String refused = "The step was refused: at learning rate 1e308 it would take a logit beyond the largest double.";
        browser.waiting().until(d -> text("input-message").equals(refused + " The last good value is kept."));
        assertEquals(refused, text("gradient-step-result"));
        assertEquals(List.of("-1.7e308", "0", "0"), logitFields());
    }

    @Test
    void twoClassesShowSoftmaxAndSigmoidIdentical() {
        open("k=2&z=1.5,-0.25");
        double p = Softmax.softmax(new double[] {1.5, -0.25}, 1)[0];
        assertEquals(Format.shortest(p), text("two-class-softmax"));
        assertEquals(Format.shortest(Softmax.sigmoid(1.75)), text("two-class-sigmoid"));
        assertEquals(text("two-class-softmax"), text("two-class-sigmoid"));
        assertTrue(text("two-class-verdict").startsWith("\u2713 Identical, bit for bit"));
    }

    @Test
    void withThreeClassesAButtonChoosesTwo() {
        open("");
        assertTrue(browser.element("two-class-hint").isDisplayed());
        click("two-class-button");
        browser.waiting().until(d -> browser.driver.findElement(By.id("two-class-comparison")).isDisplayed());
        // The inputs are screens away from this view: they catch up when the browser is idle.
        browser.waitForValue("k", "2");
    }

    @Test
    void extremeStatesRenderWithoutErrors() {
        open("k=10&t=0.05&z=1000000,0,0,0,0,0,0,0,0,0&c=3");
        // The true class's p underflows to 0, but its loss is finite: -log p = (1e6 - 0) / 0.05 = 2e7,
        // above the chart (an arrow) and said in words.
        double logP = Softmax.logSoftmax(new double[] {1e6, 0, 0, 0, 0, 0, 0, 0, 0, 0}, 0.05)[3];
        assertEquals(-2e7, logP);
        assertEquals("True class Class 4 has p = e^(" + Format.significant(logP, 3) + "), too small for a double,"
                + " so the loss is \u2212log p = 2.00e7.", text("nll-sentence"));
        assertTrue(paintedPixels("gradient-chart") > 500);
        // Naive float16 overflows at z = 12 (the results above show NaN); this view keeps core's exact p.
        open("z=12,0,0&mode=naive&prec=float16");
        double p = Softmax.softmax(new double[] {12, 0, 0}, 1)[0];
        assertTrue(text("nll-sentence").startsWith("True class Class 1 has p = " + Format.significant(p, 3)));
        assertEquals(3, gradientRows());
        assertTrue(paintedPixels("nll-chart") > 500);
    }

    /** The gradient table's rows, scrolled to as a person would. */
    private static int gradientRows() {
        browser.reveal(List.of("gradient-body"));
        return browser.driver.findElements(By.cssSelector("#gradient-body tr")).size();
    }

    private static double[] twentySteps() {
        double[] z = TEXTBOOK;
        for (int i = 0; i < 20; i++) {
            z = GradientStep.step(z, 1, 0, 0, 1);
        }
        return z;
    }

    private static List<String> shortest(double[] z) {
        List<String> shown = new ArrayList<>();
        for (double x : z) {
            shown.add(Format.shortest(x));
        }
        return shown;
    }

    /** The logits the inputs show, scrolled to as a person would (they are screens above this view). */
    private static List<String> logitFields() {
        browser.reveal(List.of("classes"));
        List<String> values = new ArrayList<>();
        for (WebElement field : browser.driver.findElements(By.cssSelector("#classes input.value"))) {
            values.add(field.getAttribute("value"));
        }
        return values;
    }

    private static void click(String id) {
        WebElement button = browser.driver.findElement(By.id(id));
        browser.script("arguments[0].scrollIntoView({block: 'center'});", button);
        button.click();
    }

    /** Waits for n animation frames in the page (a condition, not a sleep). */
    private static void afterFrames(int n) {
        browser.driver.executeAsyncScript("var done = arguments[arguments.length - 1], left = " + n + ";"
                + "function tick() { if (--left <= 0) { done(); } else { requestAnimationFrame(tick); } }"
                + "requestAnimationFrame(tick);");
    }

    private static long paintedPixels(String id) {
        browser.reveal(List.of(id));
        return ((Number) browser.script("var c = document.getElementById(arguments[0]);"
                + "var d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data, n = 0;"
                + "for (var i = 3; i < d.length; i += 4) { if (d[i] !== 0) { n++; } } return n;", id)).longValue();
    }

    private static String text(String id) {
        return browser.text(id);
    }
}
