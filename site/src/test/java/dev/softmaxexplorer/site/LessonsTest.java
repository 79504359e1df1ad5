package dev.softmaxexplorer.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;

/**
 * The lessons as a person meets them: started from the button, each task met by moving the
 * controls (never by setting the link), the step kept in the link, and the same from a link, in
 * Japanese and embedded.
 */
class LessonsTest extends BrowserTest {

    private String status() {
        return browser.text("lesson-status");
    }

    private String hash() {
        return (String) browser.script("return location.hash;");
    }

    @Test
    void theFirstTasksAreMetByTheControls() {
        browser.consoleErrors();
        browser.load("");
        browser.element("lesson-start").click();
        browser.waitForText("lesson-progress", "Step 1 of 13: Who wins?");
        assertEquals("Not done yet.", status());
        assertEquals("Skip this step", browser.text("lesson-next"));

        // Class 2 overtakes class 1 (z1 = 2) as soon as z2 passes it.
        browser.type("z2", "2.5");
        browser.waiting().until(d -> status().startsWith("Done. Class 2 wins as soon as z2 passes z1 = 2"));
        assertEquals("Next step", browser.text("lesson-next"));
        browser.waiting().until(d -> hash().contains("lesson=1") && hash().contains("z=2,2.5,0"));

        // The next step starts again from [2, 1, 0]; T = 3 gives every class more than 20%
        // (p3 = 1 / (e^(2/3) + e^(1/3) + 1) = 0.241).
        browser.element("lesson-next").click();
        browser.waitForText("lesson-progress", "Step 2 of 13: Flatten it");
        browser.waitForValue("z2", "1");
        assertEquals("Not done yet.", status());
        browser.type("temperature", "3");
        browser.waiting().until(d -> status().startsWith("Done. A high T"));
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void aLinkOpensAStepAndTheKeyboardMovesOn() {
        // Naive float16 with z1 = 12: e^12 = 162755 overflows float16's 65504.
        browser.load("lesson=5&mode=naive&prec=float16&z=12,1,0");
        browser.waitForText("lesson-progress", "Step 5 of 13: Break it");
        assertTrue(status().startsWith("Done. exp(z) overflows float16"), status());

        browser.element("lesson-next").sendKeys(Keys.ENTER);
        browser.waitForText("lesson-progress", "Step 6 of 13: Fix it");
        assertEquals("Not done yet.", status());
        // Step 6 builds on step 5's state: turning the naive form off is the task.
        browser.element("naive").click();
        browser.waiting().until(d -> status().startsWith("Done. Subtracting the largest logit"));

        browser.element("lesson-theory").click();
        browser.waiting().until(d -> "theory-max".equals(browser.script("return document.activeElement.id;")));
        browser.element("lesson-close").click();
        browser.waiting().until(d -> browser.element("lesson-start").isDisplayed());
        browser.waiting().until(d -> !hash().contains("lesson="));
    }

    /**
     * The last three steps take a learner to the views beyond the classifier, each task met by
     * that view's own control: sparsemax one-hot at T = 1 for [2, 1, 0] (the gap of the top two
     * logits), unscaled attention at d_k = 1024, the calibration view's T near the fitted 2.495.
     */
    @Test
    void theLastStepsLeadToTheSparseAttentionAndCalibrationViews() {
        browser.load("lesson=10&n=10000");
        browser.waitForText("lesson-progress", "Step 10 of 13: Draws follow p");
        browser.element("lesson-next").click();
        browser.waitForText("lesson-progress", "Step 11 of 13: Exact zeros");
        browser.waitForValue("sparse-temperature", "2");
        assertEquals("Not done yet.", status());
        browser.element("lesson-theory").click();
        browser.waiting().until(d -> "theory-sparse".equals(browser.script("return document.activeElement.id;")));
        browser.type("sparse-temperature", "1");
        browser.waiting().until(d -> status().startsWith("Done. Sparsemax sets a class exactly to 0"));

        browser.element("lesson-next").click();
        browser.waitForText("lesson-progress", "Step 12 of 13: Why divide by √d_k");
        browser.element("attention-scaled").sendKeys(Keys.SPACE);
        browser.element("dk-slider").sendKeys(Keys.END);
        browser.waitForValue("key-dimension", "1024");
        browser.waiting().until(d -> status().startsWith("Done. Dot products of random vectors"));

        browser.element("lesson-next").click();
        browser.waitForText("lesson-progress", "Step 13 of 13: Calibrate with one T");
        assertEquals("Not done yet.", status());
        browser.type("calibration-temperature", "2.5");
        browser.waiting().until(d -> status().startsWith("Done. Near the fitted T"));
        assertEquals("Finish the lessons", browser.text("lesson-next"));
        browser.element("lesson-theory").click();
        browser.waiting().until(d -> "theory-calibration".equals(browser.script("return document.activeElement.id;")));
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void japaneseAndEmbedded() {
        browser.load("lang=ja&lesson=13&ct=2.5&embed=1&views=lessons,inputs");
        browser.waitForText("lesson-progress", "ステップ 13 / 13：一つの T で較正する");
        assertTrue(status().startsWith("達成。"), status());
        assertEquals("レッスンを終える", browser.text("lesson-next"));
        assertFalse(browser.element("lesson-theory").isDisplayed(), "the theory is not embedded");
        assertTrue(browser.element("inputs").isDisplayed());
        assertFalse(browser.element("results").isDisplayed());
    }
}
