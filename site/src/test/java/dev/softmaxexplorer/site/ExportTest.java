package dev.softmaxexplorer.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.softmaxexplorer.core.Format;
import dev.softmaxexplorer.core.Softmax;
import dev.softmaxexplorer.core.SoftmaxResult;
import dev.softmaxexplorer.web.state.Fields;
import dev.softmaxexplorer.web.state.HashCodec;
import dev.softmaxexplorer.web.state.Preset;
import dev.softmaxexplorer.web.state.State;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The copy buttons put the exact numbers on the clipboard: core's float64 softmax, each the
 * shortest decimal that reads back as the same double. The clipboard is granted to the page
 * through the DevTools protocol and read back with navigator.clipboard.readText.
 */
class ExportTest extends BrowserTest {
    @BeforeAll
    static void allowTheClipboard() {
        browser.driver.executeCdpCommand("Browser.grantPermissions",
                Map.of("permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
    }

    @BeforeEach
    void openPage() {
        browser.consoleErrors();
        browser.load("");
    }

    /** Cat/dog/bird at T = 0.7, label smoothing 0.1, true class bird: nothing in it is a round number. */
    private static State chooseAnAnswerKey() {
        browser.choose("preset", "CAT_DOG_BIRD");
        browser.waitForValue("name1", "cat");
        browser.type("temperature", "0.7");
        browser.type("eps", "0.1");
        browser.element("target3").click();
        State state = Preset.CAT_DOG_BIRD.state().with(Fields.TEMPERATURE, 0.7).with(Fields.LABEL_SMOOTHING, 0.1).with(Fields.TARGET, 2);
        browser.waiting().until(d -> HashCodec.decode((String) browser.script("return location.hash;")).state()
                .equals(state));
        return state;
    }

    @Test
    void copyCsvGivesTheShortestRoundTripNumbersOfTheExactSoftmax() {
        State state = chooseAnAnswerKey();
        browser.openMenu("share");
        browser.element("copy-csv").click();
        String csv = copied("Numbers copied as CSV.");

        double[] z = state.get(Fields.LOGITS);
        double[] p = Softmax.softmax(z, 0.7);
        double[] logp = Softmax.logSoftmax(z, 0.7);
        double[] gradient = Softmax.gradient(z, 0.7, 2, 0.1);
        double loss = Softmax.crossEntropy(z, 0.7, 2, 0.1);
        String[] lines = csv.split("\n");
        assertEquals("class,name,true_class,logit,probability,log_probability,gradient,temperature,label_smoothing,loss",
                lines[0]);
        assertEquals(4, lines.length, csv);
        String[] names = {"cat", "dog", "bird"};
        for (int i = 0; i < 3; i++) {
            String[] cells = lines[i + 1].split(",");
            assertEquals(List.of(Integer.toString(i + 1), names[i], i == 2 ? "1" : "0", Format.shortest(z[i]),
                    Format.shortest(p[i]), Format.shortest(logp[i]), Format.shortest(gradient[i]), "0.7", "0.1",
                    Format.shortest(loss)), List.of(cells), "row " + (i + 1));
            assertRoundTrips(p[i], cells[4]);
            assertRoundTrips(logp[i], cells[5]);
            assertRoundTrips(gradient[i], cells[6]);
            assertRoundTrips(loss, cells[9]);
        }
        // By hand, z / T = [6.4285714, -1.7142857, 1.1428571]: p(cat) = 619.2886 / 622.6044 = 0.9946743.
        assertEquals(0.9946743, Double.parseDouble(lines[1].split(",")[4]), 1e-7);
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void copyJsonGivesTheSameNumbers() {
        State state = chooseAnAnswerKey();
        browser.openMenu("share");
        browser.element("copy-json").click();
        String json = copied("Numbers copied as JSON.");
        SoftmaxResult exact = Softmax.evaluate(state.get(Fields.LOGITS), 0.7, 2, 0.1);
        double[] p = Softmax.softmax(state.get(Fields.LOGITS), 0.7);
        assertTrue(json.contains("\"names\": [\"cat\", \"dog\", \"bird\"]"), json);
        assertTrue(json.contains("\"logits\": [4.5, -1.2, 0.8]"), json);
        assertTrue(json.contains("\"temperature\": 0.7,"), json);
        assertTrue(json.contains("\"target\": 2,"), json);
        assertTrue(json.contains("\"labelSmoothing\": 0.1,"), json);
        assertTrue(json.contains("\"probabilities\": [" + Format.shortest(p[0]) + ", " + Format.shortest(p[1])
                + ", " + Format.shortest(p[2]) + "]"), json);
        assertTrue(json.contains("\"loss\": " + Format.shortest(exact.crossEntropy()) + ","), json);
        assertTrue(json.contains("\"predictedClass\": 0"), json);
        String probabilities = json.substring(json.indexOf("\"probabilities\": [") + 18);
        String[] items = probabilities.substring(0, probabilities.indexOf(']')).split(", ");
        for (int i = 0; i < 3; i++) {
            assertRoundTrips(p[i], items[i]);
        }
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void copyLinkGivesThisViewsAddress() {
        chooseAnAnswerKey();
        browser.openMenu("share");
        browser.element("copy-link").click();
        String link = copied("Link copied.");
        assertEquals(browser.script("return location.href;"), link);
        assertTrue(link.startsWith(Browser.siteFile("index.html").toUri().toString() + "#"), link);
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void copyEmbedCodeKeepsTheViewsChosenOnThePage() {
        browser.openMenu("share");
        browser.openMenu("embed-options");
        browser.element("embed-view-inputs").click();
        browser.element("embed-view-sweep").click();
        browser.waiting().until(d -> ((String) browser.script("return location.hash;")).contains("views="));
        browser.element("copy-embed").click();
        String code = copied("Embed code copied.");
        String address = Browser.siteFile("index.html").toUri().toString();
        // 60 px title + max(0 inputs, 420 + 190 + 300 results) + 760 sweep, from View's typical heights.
        assertEquals("<iframe src=\"" + address + "#embed=1&amp;views=bars,multiples,steps,sweep\""
                + " sandbox=\"allow-scripts\" title=\"Softmax Explorer\" width=\"100%\" height=\"1730\""
                + " style=\"border:0\"></iframe>", code);
        assertEquals(List.of(), browser.consoleErrors());
    }

    /**
     * The copied text: from the clipboard when the page could write it, otherwise from the
     * fallback box the page shows selected for a manual copy.
     */
    private static String copied(String done) {
        browser.waiting().until(d -> !browser.text("copy-status").isEmpty());
        String status = browser.text("copy-status");
        if (status.equals(done)) {
            Object text = browser.driver.executeAsyncScript("var done = arguments[arguments.length - 1];"
                    + " navigator.clipboard.readText().then(done, function (e) { done('refused: ' + e); });");
            return (String) text;
        }
        assertTrue(browser.element("copy-fallback").isDisplayed(), "the fallback box is shown: " + status);
        System.out.println("ExportTest: the clipboard was refused (" + status + "); read the fallback box");
        return browser.value("copy-fallback");
    }

    /** The text is the shortest decimal that reads back as exactly x. */
    private static void assertRoundTrips(double x, String text) {
        assertEquals(Double.doubleToRawLongBits(x), Double.doubleToRawLongBits(Double.parseDouble(text)),
                text + " reads back as " + x);
        String digits = text.replaceFirst("^-", "").replaceFirst("[eE].*$", "").replace(".", "")
                .replaceFirst("^0+", "");
        if (digits.length() > 1) {
            List<String> shorter = new ArrayList<>();
            // One significant digit fewer, rounded either way, never reads back as x.
            BigDecimal exact = new BigDecimal(text);
            int precision = digits.length() - 1;
            for (RoundingMode mode : List.of(RoundingMode.FLOOR, RoundingMode.CEILING)) {
                BigDecimal cut = exact.round(new MathContext(precision, mode));
                if (cut.doubleValue() == x) {
                    shorter.add(cut.toString());
                }
            }
            assertEquals(List.of(), shorter, text + " is not the shortest decimal for " + x);
        }
    }

    @Test
    void theShareMenuClosesOnEscapeAndOnAClickElsewhere() {
        browser.load("");
        assertFalse(browser.element("copy-link").isDisplayed(), "the menu starts closed");
        browser.openMenu("share");
        browser.waiting().until(d -> browser.element("copy-link").isDisplayed());
        browser.element("copy-link").sendKeys(org.openqa.selenium.Keys.ESCAPE);
        browser.waiting().until(d -> !browser.element("copy-link").isDisplayed());
        assertEquals("summary", browser.script("return document.activeElement.tagName.toLowerCase();"));
        assertEquals("share", browser.script("return document.activeElement.parentElement.id;"));

        browser.openMenu("share");
        browser.waiting().until(d -> browser.element("copy-link").isDisplayed());
        browser.element("results-title").click();
        browser.waiting().until(d -> !browser.element("copy-link").isDisplayed());
        assertEquals(List.of(), browser.consoleErrors());
    }
}
