package dev.softmaxexplorer.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A view far below the screen costs nothing until a person scrolls towards it: at load the page
 * draws what is on screen and within a window's height of it, marks every view further away
 * aria-busy (its content is not the state's yet) and draws each as it comes near.
 */
class FarViewsTest extends BrowserTest {
    private static boolean busy(String id) {
        return (Boolean) browser.script("return document.getElementById(arguments[0]).getAttribute('aria-busy') === 'true';", id);
    }

    private static void waitForSettled() {
        browser.waiting().until(d -> (Boolean) browser.script(
                "return performance.getEntriesByName('softmax-explorer-settled').length > 0;"));
    }

    @Test
    void aFarViewIsDrawnOnlyAsItComesNear() {
        browser.consoleErrors();
        browser.emulate(1280, 720, 1);
        try {
            browser.loadUnsettled("");
            waitForSettled();
            // On screen: drawn and not busy. The calibration view, thousands of pixels down: not yet.
            assertFalse(busy("bars-part"));
            assertTrue(busy("calibration-view"));
            assertEquals("", browser.script("return document.getElementById('calibration-verdict').textContent;"));

            browser.script("document.getElementById('calibration-view').scrollIntoView();");
            browser.waiting().until(d -> !busy("calibration-view"));
            assertFalse(((String) browser.script("return document.getElementById('calibration-verdict').textContent;")).isEmpty());
            // Far above now, the inputs keep the state they drew; a new state makes them busy until seen again.
            assertFalse(busy("inputs"));
            browser.type("calibration-temperature", "2");
            browser.script("location.hash = 'z=3,1,0';");
            browser.waiting().until(d -> busy("inputs"));
            browser.script("window.scrollTo(0, 0);");
            browser.waiting().until(d -> !busy("inputs"));
            assertEquals(List.of("3", "1", "0"), browser.values(List.of("z1", "z2", "z3")));
            assertEquals(List.of(), browser.consoleErrors());
        } finally {
            browser.stopEmulating();
        }
    }
}
