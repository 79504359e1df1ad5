package dev.softmaxexplorer.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.softmaxexplorer.core.Pipeline.Mode;
import dev.softmaxexplorer.core.Precision;
import dev.softmaxexplorer.core.Softmax;
import dev.softmaxexplorer.web.state.ColorScheme;
import dev.softmaxexplorer.web.state.Fields;
import dev.softmaxexplorer.web.state.HashCodec;
import dev.softmaxexplorer.web.state.State;
import dev.softmaxexplorer.web.text.Numbers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** The whole state lives in the URL hash: links reproduce a view, edits of the address bar apply. */
class UrlStateTest extends BrowserTest {
    private static final String NAME = "chat & chien, été";
    @BeforeEach
    void openPage() {
        browser.consoleErrors();
        browser.load("");
    }

    @Test
    void theHashReproducesEveryControlAndNumberInAFreshLoad() {
        browser.choose("k", "4");
        browser.waiting().until(d -> !d.findElements(By.id("z4-slider")).isEmpty());
        browser.type("name1", NAME);
        browser.type("z2", "1.5");
        browser.element("z4-slider").sendKeys(Keys.PAGE_DOWN);
        browser.waitForValue("z4", "-3");
        browser.element("target3").click();
        browser.type("temperature", "0.7");
        browser.element("eps-slider").sendKeys(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT);
        browser.waitForValue("eps", "0.02");
        browser.element("naive").click();
        browser.choose("precision", "float32");
        browser.choose("theme", "dark");
        browser.waiting().until(d -> hash().contains("scheme=dark"));

        String hash = hash();
        State expected = State.defaults().with(Fields.CLASS_COUNT, 4).with(Fields.NAMES, 0, NAME).with(Fields.LOGITS, 1, 1.5).with(Fields.LOGITS, 3, -3.0)
                .with(Fields.TARGET, 2).with(Fields.TEMPERATURE, 0.7).with(Fields.LABEL_SMOOTHING, 0.02).with(Fields.MODE, Mode.NAIVE)
                .with(Fields.PRECISION, Precision.FLOAT32).with(Fields.COLOR_SCHEME, ColorScheme.DARK);
        HashCodec.Decoded decoded = HashCodec.decode(hash);
        assertEquals(List.of(), decoded.notices());
        assertEquals(expected, decoded.state(), "the hash " + hash + " holds every change");
        Map<String, String> before = snapshot(4);
        assertEquals(NAME, before.get("name1"));
        assertEquals("dark", browser.script("return document.documentElement.getAttribute('data-theme');"));

        browser.load(hash.substring(1));
        assertEquals(before, snapshot(4));
        assertEquals("dark", browser.script("return document.documentElement.getAttribute('data-theme');"));
        assertEquals(hash, hash(), "a fresh load keeps the link as it is");
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void editingTheHashUpdatesThePage() {
        long entries = historyLength();
        browser.script("location.hash = 'z=3,1,0&t=2';");
        double[] p = Softmax.softmax(new double[] {3, 1, 0}, 2);
        browser.waitForText("p1", Numbers.compact(p[0]));
        assertEquals(Numbers.compact(p[1]), browser.text("p2"));
        assertEquals(Numbers.compact(p[2]), browser.text("p3"));
        assertEquals("3", browser.value("z1"));
        assertEquals("3", browser.value("z1-slider"));
        assertEquals("2", browser.value("temperature"));

        browser.script("location.hash = 'k=5&names=a,b&mode=naive';");
        browser.waiting().until(d -> d.findElements(By.cssSelector("#classes .class-row")).size() == 5);
        browser.waitForValue("name1", "a");
        assertEquals("b", browser.value("name2"));
        assertEquals("Class 3", browser.value("name3"));
        assertTrue(browser.checked("naive"));
        assertEquals("2", browser.value("z1"), "fields the new hash leaves out return to their defaults");
        assertEquals("1", browser.value("temperature"));
        assertTrue(historyLength() > entries, "assigning location.hash is a navigation of its own, unlike the page's"
                + " own replaceState: this shows the history count can move");
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void draggingASliderDoesNotGrowTheHistory() {
        long entries = historyLength();
        WebElement slider = browser.element("z1-slider");
        for (int i = 0; i < 20; i++) {
            slider.sendKeys(Keys.ARROW_RIGHT);
        }
        browser.waitForValue("z1", "2.2");
        browser.waiting().until(d -> hash().contains("z=2.2,"));
        browser.type("z2", "0.125");
        browser.waiting().until(d -> hash().contains("z=2.2,0.125,"));
        assertEquals(entries, historyLength(), "the page writes the hash with replaceState, adding no entries");
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void aMalformedHashIsExplainedAndTheRestApplies() {
        browser.load("t=abc&k=999&z=1,2,x");
        WebElement notice = browser.element("notice");
        assertTrue(notice.isDisplayed(), "the notice is shown");
        String text = notice.getText();
        assertTrue(text.startsWith("The link had settings this page cannot use:"), text);
        assertTrue(text.contains("abc") && text.contains("999") && text.contains("x"),
                "the notice names each unusable value: " + text);
        assertTrue(text.endsWith("Everything else is as the link says."), text);
        // k=999 is unreadable, so the three items of z set K; the bad third item keeps its default 0.
        double[] p = Softmax.softmax(new double[] {1, 2, 0}, 1);
        browser.waitForText("p1", Numbers.compact(p[0]));
        assertEquals(Numbers.compact(p[1]), browser.text("p2"));
        assertEquals(Numbers.compact(p[2]), browser.text("p3"));
        assertEquals("3", browser.value("k"));
        assertEquals(List.of("1", "2", "0"), List.of(browser.value("z1"), browser.value("z2"), browser.value("z3")));
        assertEquals("1", browser.value("temperature"));
        assertEquals(List.of(), browser.consoleErrors());

        // The page rewrote the address to the state it shows (z=1,2,0); a different good link follows.
        assertEquals("#z=1,2,0", hash(), "the address says what the page shows");
        browser.script("location.hash = 'z=1,2,0.5';");
        browser.waiting().until(d -> !browser.element("notice").isDisplayed());
        assertFalse(browser.element("notice").isDisplayed(), "a good link clears the notice");
        assertEquals(List.of(), browser.consoleErrors());
    }

    private static String hash() {
        return (String) browser.script("return location.hash;");
    }

    private static long historyLength() {
        return ((Number) browser.script("return history.length;")).longValue();
    }

    /** Every control's value and every result a person reads, for K classes. */
    private static Map<String, String> snapshot(int k) {
        assertEquals(k, browser.driver.findElements(By.cssSelector("#classes .class-row")).size());
        List<String> controls = new ArrayList<>(List.of("k", "t-slider", "temperature", "eps-slider", "eps",
                "precision", "theme"));
        List<String> results = new ArrayList<>(List.of("loss", "predicted", "summary", "overflow-explanation",
                "steps-caption", "steps"));
        for (int i = 1; i <= k; i++) {
            controls.addAll(List.of("name" + i, "z" + i, "z" + i + "-slider"));
            results.add("p" + i);
        }
        Map<String, String> seen = new LinkedHashMap<>();
        List<String> values = browser.values(controls);
        for (int i = 0; i < controls.size(); i++) {
            seen.put(controls.get(i), values.get(i));
        }
        List<String> texts = browser.texts(results);
        for (int i = 0; i < results.size(); i++) {
            seen.put(results.get(i), texts.get(i));
        }
        @SuppressWarnings("unchecked")
        List<Object> states = (List<Object>) browser.script("var out = [document.getElementById('naive').checked];"
                + " document.querySelectorAll('#classes input').forEach(function (e) {"
                + "   out.push(e.id + ' checked=' + e.checked + ' ' + (e.getAttribute('aria-valuetext') || '')"
                + "     + ' ' + (e.getAttribute('aria-label') || '')); });"
                + " return out;");
        seen.put("checks", states.toString());
        return seen;
    }
}
