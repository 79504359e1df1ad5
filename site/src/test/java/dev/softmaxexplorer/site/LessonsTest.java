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
        browser.waitForText("lesson-progress", "Step 1 of 10: Who wins?");
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
        browser.waitForText("lesson-progress", "Step 2 of 10: Flatten it");
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
        browser.waitForText("lesson-progress", "Step 5 of 10: Break it");
        assertTrue(status().startsWith("Done. exp(z) overflows float16"), status());

        browser.element("lesson-next").sendKeys(Keys.ENTER);
        browser.waitForText("lesson-progress", "Step 6 of 10: Fix it");
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

    @Test
    void japaneseAndEmbedded() {
        browser.load("lang=ja&lesson=10&n=10000&embed=1&views=lessons,inputs");
        browser.waitForText("lesson-progress", "ステップ 10 / 10：抽出は p に従う");
        assertTrue(status().startsWith("達成。"), status());
        assertEquals("レッスンを終える", browser.text("lesson-next"));
        assertFalse(browser.element("lesson-theory").isDisplayed(), "the theory is not embedded");
        assertTrue(browser.element("inputs").isDisplayed());
        assertFalse(browser.element("results").isDisplayed());
    }
}
