package dev.softmaxexplorer.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import dev.softmaxexplorer.core.Softmax;
import dev.softmaxexplorer.web.text.Numbers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/** axe-core, the keyboard, focus rings, and a 360 px wide touch screen. */
class AccessibilityTest extends BrowserTest {
    @BeforeEach
    void clearLog() {
        browser.consoleErrors();
    }

    @ParameterizedTest(name = "#{0}")
    @ValueSource(strings = {"", "z=1000,999,998&mode=naive", "scheme=dark", "scheme=projector"})
    void axeFindsNoViolations(String hash) {
        browser.loadWhole(hash);
        assertAxeFindsNoViolations("#" + hash);
    }

    @Test
    void axeFindsNoViolationsWithTheControlStripShownAndALessonOpen() {
        browser.loadWhole("lesson=2");
        browser.script("document.getElementById('sweep-view').scrollIntoView();");
        browser.waiting().until(d -> browser.element("control-strip").isDisplayed());
        assertAxeFindsNoViolations("the control strip and lesson 2");
    }

    private void assertAxeFindsNoViolations(String where) {
        AxeBuilder axe = new AxeBuilder();
        // From file:// axe must not re-fetch the stylesheet (it would log errors): preload off.
        axe.setOptions("{\"preload\": false}");
        Results results = axe.analyze(browser.driver);
        List<String> violations = new ArrayList<>();
        for (Rule rule : results.getViolations()) {
            for (CheckedNode node : rule.getNodes()) {
                violations.add(rule.getId() + " (" + rule.getImpact() + ") at " + node.getTarget() + ": "
                        + rule.getHelp() + " | " + node.getFailureSummary().replace('\n', ' '));
            }
        }
        assertEquals(List.of(), violations, "axe-core violations on " + where);
        assertTrue(results.getPasses().size() > 10, "axe ran its rules: " + results.getPasses().size() + " passed");
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void tabReachesEveryControlInOrderWithAVisibleFocusRing() {
        // A fresh load, as a person arrives: scrolling through the page first (loadWhole) moves
        // Chromium's starting point of sequential focus navigation down the page.
        browser.load("");
        List<String> order = new ArrayList<>();
        List<String> withoutRing = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            new Actions(browser.driver).sendKeys(Keys.TAB).perform();
            @SuppressWarnings("unchecked")
            Map<String, Object> focused = (Map<String, Object>) browser.script("var e = document.activeElement;"
                    + " var s = getComputedStyle(e);"
                    + " return {name: e.id || (e.tagName.toLowerCase() + '.' + e.className),"
                    + " style: s.outlineStyle, width: parseFloat(s.outlineWidth)};");
            String name = (String) focused.get("name");
            if (name.equals("body.") || order.contains(name)) {
                break;
            }
            order.add(name);
            if ("none".equals(focused.get("style")) || ((Number) focused.get("width")).doubleValue() < 2) {
                withoutRing.add(name + " (" + focused.get("style") + " " + focused.get("width") + "px)");
            }
        }
        assertEquals(List.of("a.skip", "preset", "reset", "summary.", "theme", "language", "lesson-start", "k", "target1", "name1", "z1-slider", "z1", "name2", "z2-slider", "z2", "name3", "z3-slider",
                "z3",
                "t-slider", "temperature", "naive", "precision", "eps-slider", "eps", "table-wrap"),
                order.subList(0, Math.min(order.size(), 25)).stream().map(n -> n.startsWith("div.table-wrap")
                        ? "table-wrap" : n).toList());
        assertEquals(List.of(), withoutRing, "every focused control shows an outline");
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void theKeyboardMovesALogitSlider() {
        browser.loadWhole("");
        WebElement slider = browser.element("z1-slider");
        slider.sendKeys(Keys.ARROW_RIGHT);
        expect("2.01", 2.01);
        slider.sendKeys(Keys.ARROW_LEFT, Keys.ARROW_LEFT, Keys.ARROW_DOWN);
        expect("1.98", 1.98);
        slider.sendKeys(Keys.ARROW_UP);
        expect("1.99", 1.99);
        slider.sendKeys(Keys.HOME);
        expect("-10", -10);
        slider.sendKeys(Keys.PAGE_UP);
        expect("-8", -8);
        slider.sendKeys(Keys.END);
        expect("10", 10);
        slider.sendKeys(Keys.PAGE_DOWN);
        expect("8", 8);
        String description = browser.element("z1-slider").getDomAttribute("aria-valuetext");
        // By hand, z = [8, 1, 0]: p1 = e^8 / (e^8 + e + 1) = 2980.958 / 2984.676 = 0.998754, 99.9 percent.
        assertEquals("z1 = 8.00, probability 99.9 percent", description);
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void at360PixelsNothingOverflowsTheScreen() {
        onAPhone(() -> {
            @SuppressWarnings("unchecked")
            Map<String, Number> widths = (Map<String, Number>) browser.script("var d = document.documentElement;"
                    + " var w = document.querySelector('.table-wrap');"
                    + " return {page: d.scrollWidth, body: document.body.scrollWidth, wrap: w.clientWidth,"
                    + " table: w.scrollWidth};");
            assertTrue(widths.get("page").intValue() <= 360, "the page scrolls sideways: " + widths);
            assertTrue(widths.get("body").intValue() <= 360, "the body is wider than the screen: " + widths);
            assertTrue(widths.get("wrap").intValue() <= 360, "the table's scroll region fits: " + widths);
            assertTrue(widths.get("table").intValue() > widths.get("wrap").intValue(),
                    "the wide table scrolls inside its region (so the check above means something): " + widths);
            assertEquals(List.of(), targets("r.right > 360.5"), "controls past the right edge");
        });
    }

    /**
     * Every button, input and select, with the label that wraps it, is at least 44 x 44 CSS px at
     * 360 px wide (the true-class radios through the 44 x 44 label around each).
     */
    @Test
    void at360PixelsTouchTargetsAreLargeEnough() {
        onAPhone(() -> assertEquals(List.of(), targets("w < 44 || h < 44"),
                "controls (with the label that wraps them) under 44 x 44 CSS px"));
    }

    /** Runs checks on the page with ten classes and a long name on a 360 x 800 screen. */
    private static void onAPhone(Runnable checks) {
        browser.emulate(360, 800, 1);
        try {
            browser.loadWhole("k=10&names=a%20long%20class%20name%20for%20a%20phone,b");
            browser.waiting().until(d -> (Long) browser.script("return window.innerWidth;") == 360L);
            checks.run();
            assertEquals(List.of(), browser.consoleErrors());
        } finally {
            browser.stopEmulating();
        }
    }

    /**
     * The visible controls for which a JavaScript condition holds; in it, e is the element, r its
     * rectangle, and w and h the size of the element together with the label wrapping it.
     */
    private static List<Map<String, Object>> targets(String condition) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> found = (List<Map<String, Object>>) browser.script(""
                + "var out = [];"
                + "document.querySelectorAll('button, input, select, textarea').forEach(function (e) {"
                + "  var r = e.getBoundingClientRect();"
                + "  if (r.width === 0 && r.height === 0) { return; }" // hidden (the copy fallback)
                + "  var left = r.left, top = r.top, right = r.right, bottom = r.bottom;"
                + "  (e.labels ? Array.from(e.labels) : []).forEach(function (l) {"
                + "    var b = l.getBoundingClientRect();"
                + "    if (l.contains(e)) { left = Math.min(left, b.left); top = Math.min(top, b.top);"
                + "      right = Math.max(right, b.right); bottom = Math.max(bottom, b.bottom); }"
                + "  });"
                + "  var w = right - left, h = bottom - top;"
                + "  if (" + condition + ") {"
                + "    out.push({id: e.id || e.tagName, width: Math.round(w * 10) / 10, height: Math.round(h * 10) / 10,"
                + "      right: Math.round(r.right)});"
                + "  }"
                + "});"
                + "return out;");
        return found;
    }

    private static void expect(String shown, double z1) {
        browser.waitForValue("z1", shown);
        assertEquals(shown, browser.value("z1-slider"));
        double[] p = Softmax.softmax(new double[] {z1, 1, 0}, 1);
        browser.waitForText("p1", Numbers.compact(p[0]));
    }
}
