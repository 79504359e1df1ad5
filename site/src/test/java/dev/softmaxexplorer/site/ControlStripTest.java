package dev.softmaxexplorer.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.softmaxexplorer.web.state.View;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Whichever view a person has scrolled to, at a laptop's, a large screen's and a phone's size, the
 * temperature and the machine's switches are on screen with it: in the inputs, or in the control
 * strip that appears once the inputs' T has been scrolled past (above the inputs, as the lessons
 * are on a phone, T is the next thing down).
 */
class ControlStripTest extends BrowserTest {
    /**
     * T on screen: in the strip, or the inputs' own field not yet scrolled past (on screen, or for a
     * view above the inputs the next thing down); a view below it must have the strip.
     */
    private static final String T_ON_SCREEN = "var strip = document.getElementById('strip-temperature');"
            + " var s = strip.getBoundingClientRect();"
            + " var inStrip = strip.offsetParent !== null && s.top >= 0 && s.bottom <= window.innerHeight;"
            + " return inStrip || document.getElementById('temperature').getBoundingClientRect().top >= 0;";

    /**
     * A logit on screen: the strip's, or a class row's exact field inside the window (for a view
     * above the inputs, the rows are the next thing down).
     */
    private static final String LOGIT_ON_SCREEN = "var strip = document.getElementById('strip-z');"
            + " var s = strip.getBoundingClientRect();"
            + " if (strip.offsetParent !== null && s.top >= 0 && s.bottom <= window.innerHeight) { return true; }"
            + " var z = document.getElementById('z1').getBoundingClientRect();"
            + " return z.top >= 0;";

    @Test
    void theTemperatureIsOnScreenWithEveryView() {
        List<String> missing = new ArrayList<>();
        for (int[] size : new int[][] {{1280, 720}, {1920, 1080}, {360, 640}}) {
            browser.emulate(size[0], size[1], 1);
            try {
                browser.load("");
                for (View view : View.values()) {
                    browser.script("document.getElementById(arguments[0]).scrollIntoView({block: 'start'});",
                            view.elementId());
                    // The strip follows the inputs' visibility as the observer reports it, a frame or two later.
                    if (!waitFor(T_ON_SCREEN)) {
                        missing.add("T with " + view.key() + " at " + size[0] + "x" + size[1]);
                    }
                    if (!waitFor(LOGIT_ON_SCREEN)) {
                        missing.add("a logit with " + view.key() + " at " + size[0] + "x" + size[1]);
                    }
                }
            } finally {
                browser.stopEmulating();
            }
        }
        assertEquals(List.of(), missing);
    }

    private boolean waitFor(String condition) {
        try {
            browser.waiting().until(d -> (Boolean) browser.script(condition));
            return true;
        } catch (org.openqa.selenium.TimeoutException e) {
            return false;
        }
    }

    @Test
    void aJumpFromAboveTheInputsToAViewBelowThemShowsTheStrip() {
        browser.emulate(360, 640, 1);
        try {
            browser.load("");
            // From the top (T below the window) straight past it, as a link or a find does: the
            // field never crosses the window, the strip must appear all the same.
            browser.script("document.getElementById('sweep-view').scrollIntoView({block: 'start'});");
            browser.waiting().until(d -> browser.element("control-strip").isDisplayed());
        } finally {
            browser.stopEmulating();
        }
    }

    @Test
    void theStripsLogitIsTheTrueClassUntilAnotherIsChosen() {
        browser.consoleErrors();
        browser.load("z=2,1,0&c=1");
        browser.script("document.getElementById('sweep-view').scrollIntoView();");
        browser.waiting().until(d -> browser.element("control-strip").isDisplayed());
        browser.waitForValue("strip-z", "1");

        browser.choose("strip-class", "Class 3");
        browser.waitForValue("strip-z", "0");
        browser.type("strip-z", "4.5");
        waitForHash("z=2,1,4.5");
        // The keyboard on the strip's slider moves the same class by the inputs' step, 0.01.
        browser.element("strip-z-slider").sendKeys(org.openqa.selenium.Keys.ARROW_LEFT);
        waitForHash("z=2,1,4.49");
        // A new true class does not take the strip's class away from the one chosen.
        browser.script("location.hash = 'z=2,1,4.49&c=0';");
        browser.waitForValue("strip-z", "4.49");
        assertEquals("Class 3", browser.script("var s = document.getElementById('strip-class');"
                + " return s.options[s.selectedIndex].text;"));
        // The inputs, scrolled back to, show what the strip set.
        browser.script("document.getElementById('temperature').scrollIntoView({block: 'center'});");
        browser.waitForValue("z3", "4.49");
        browser.waitForValue("z1", "2");
        assertEquals("4.49", browser.value("strip-z"));
        assertEquals(List.of(), browser.consoleErrors());
    }

    /** The address follows the state a moment after an edit (it is written once the state is still). */
    private void waitForHash(String part) {
        browser.waiting().until(d -> ((String) browser.script("return location.hash;")).contains(part));
    }

    @Test
    void theStripDrivesTheSameStateAsTheInputs() {
        browser.consoleErrors();
        browser.load("");
        browser.script("document.getElementById('temperature').scrollIntoView({block: 'center'});");
        browser.waiting().until(d -> !browser.element("control-strip").isDisplayed());
        browser.script("document.getElementById('sweep-view').scrollIntoView();");
        browser.waiting().until(d -> browser.element("control-strip").isDisplayed());

        browser.type("strip-temperature", "2");
        waitForHash("t=2");
        browser.element("strip-naive").click();
        waitForHash("mode=naive");
        browser.choose("strip-precision", "float16");
        waitForHash("prec=float16");

        // Back at the inputs (the strip hides), they show the state the strip set.
        browser.script("document.getElementById('temperature').scrollIntoView({block: 'center'});");
        browser.waiting().until(d -> !browser.element("control-strip").isDisplayed());
        browser.waitForValue("temperature", "2");
        assertTrue(browser.checked("naive"));
        assertEquals("float16", browser.value("precision"));
        assertEquals(List.of(), browser.consoleErrors());
    }
}
