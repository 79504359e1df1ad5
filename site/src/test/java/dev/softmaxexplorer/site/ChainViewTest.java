package dev.softmaxexplorer.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.softmaxexplorer.core.Sampling;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.PointerInput;

/**
 * The sampler chain view as a person uses it: presets, parameters typed in its fields, steps moved
 * with the keyboard and dragged by their grips (mouse and finger); the survivors and entropies it shows are checked against values worked out
 * here from the definitions, independently of core, and its Gumbel-max counts against core's.
 *
 * <p>The worked example: logits z = 2, 1, 0, -1, -2, T = 2, min-p 0.2 (every other filter off).
 * At T = 1 the probabilities are proportional to e^-i, so min-p 0.2 keeps the classes with
 * e^-i >= 0.2: i = 0, 1 (e^-2 = 0.135 is out). At T = 2 they are proportional to e^(-i/2), and
 * e^(-i/2) >= 0.2 keeps i = 0..3 (e^-1.5 = 0.223 is in, e^-2 = 0.135 out). Hugging Face's order
 * (temperature first) therefore keeps 4 classes and llama.cpp's (temperature last) keeps 2.
 */
class ChainViewTest extends BrowserTest {
    private static final String EXAMPLE = "k=5&z=2,1,0,-1,-2";

    /**
     * Entropy in nats of the distribution proportional to e^(-i/t) over i below kept: softmax(z / t)
     * of logits one apart (2, 1, 0, -1, -2 here; ChainOnLoadedVectorTest's ranks), computed by hand.
     */
    static double entropy(int kept, double t) {
        double sum = 0;
        for (int i = 0; i < kept; i++) {
            sum += Math.exp(-i / t);
        }
        double h = 0;
        for (int i = 0; i < kept; i++) {
            double q = Math.exp(-i / t) / sum;
            h -= q * Math.log(q);
        }
        return h;
    }

    @Test
    void presetOrdersKeepWhatTheWorkedExampleSays() {
        browser.load(EXAMPLE);
        type("chain-temp", "2");
        type("chain-minp", "0.2");
        click("chain-preset-hf");
        // Input, temperature, top-k, top-p, min-p, typical.
        browser.waiting().until(d -> column("chain-stage-table", 1).equals(List.of("5", "5", "5", "5", "4", "4")));
        assertEntropies(new double[] {entropy(5, 1), entropy(5, 2), entropy(5, 2), entropy(5, 2), entropy(4, 2),
            entropy(4, 2)});
        assertTrue(browser.text("chain-order").endsWith("This is Hugging Face transformers' order."));
        assertTrue(browser.text("chain-verdict").contains("the chain keeps 4 of 5 tokens"), browser.text("chain-verdict"));
        assertTrue(browser.text("chain-verdict").contains("the chain would keep 2"), browser.text("chain-verdict"));

        click("chain-preset-llama");
        // Input, top-k, typical, top-p, min-p, temperature.
        browser.waiting().until(d -> column("chain-stage-table", 1).equals(List.of("5", "5", "5", "5", "2", "2")));
        assertEntropies(new double[] {entropy(5, 1), entropy(5, 1), entropy(5, 1), entropy(5, 1), entropy(2, 1),
            entropy(2, 2)});
        assertTrue(browser.text("chain-order").endsWith("This is llama.cpp's order."));
        assertTrue(browser.text("chain-verdict").contains("the chain keeps 2 of 5 tokens"), browser.text("chain-verdict"));
        assertTrue(browser.text("chain-verdict").contains("the chain would keep 4"), browser.text("chain-verdict"));
        // Original mass kept by min-p at T = 1: (1 + e^-1) / (1 + e^-1 + e^-2 + e^-3 + e^-4).
        double mass = (1 + Math.exp(-1)) / (1 + Math.exp(-1) + Math.exp(-2) + Math.exp(-3) + Math.exp(-4));
        assertEquals(String.format("%.2f%%", 100 * mass), column("chain-stage-table", 3).get(4));

        // The link carries the chain: a fresh load of it shows the same stages.
        browser.waiting().until(d -> browser.driver.getCurrentUrl().contains("chain=topk,typical,topp,minp,temp"));
        String url = browser.driver.getCurrentUrl();
        assertTrue(url.contains("minp=0.2") && url.contains("t=2"), url);
        browser.load(url.substring(url.indexOf('#') + 1));
        assertEquals(List.of("5", "5", "5", "5", "2", "2"), column("chain-stage-table", 1));
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void stepsMoveWithTheKeyboardAndKeepTheFocus() {
        browser.load(EXAMPLE + "&t=2&minp=0.2");
        WebElement down = browser.element("chain-down-temp");
        down.sendKeys(Keys.SPACE);
        browser.waiting().until(d -> browser.text("chain-order").startsWith("Order: top-k → temperature → top-p"));
        assertEquals("chain-down-temp", browser.script("return document.activeElement.id;"));
        down.sendKeys(Keys.ENTER);
        down.sendKeys(Keys.ENTER);
        down.sendKeys(Keys.ENTER);
        // Temperature now runs after min-p, as llama.cpp's does: 2 of 5 survive.
        browser.waiting().until(d -> browser.text("chain-order")
                .equals("Order: top-k → top-p → min-p → typical-p → temperature. This is an order of your own."));
        assertEquals(List.of("5", "5", "5", "2", "2", "2"), column("chain-stage-table", 1));
        assertEquals("chain-down-temp", browser.script("return document.activeElement.id;"));
        // Turning min-p off with the keyboard keeps all five.
        browser.element("chain-on-minp").sendKeys(Keys.SPACE);
        browser.waiting().until(d -> column("chain-stage-table", 1).equals(List.of("5", "5", "5", "5", "5")));
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void aStepDraggedByItsGripTakesItsPlaceWhenLetGo() {
        browser.load(EXAMPLE + "&t=2&minp=0.2");
        browser.waiting().until(d -> column("chain-stage-table", 1).equals(List.of("5", "5", "5", "5", "4", "4")));
        browser.script("document.getElementById('chain-steps').scrollIntoView({block: 'center'});");
        // Temperature's grip, let go a quarter of a row below min-p's middle: after min-p.
        double[] grip = browser.box("chain-grip-temp");
        double[] minP = browser.box("chain-row-minp");
        double x = grip[0] + grip[2] / 2;
        browser.drag(PointerInput.Kind.MOUSE, x, grip[1] + grip[3] / 2, x, minP[1] + 0.75 * minP[3], false);
        // Still held: the list shows the new order, the chain still runs the old one.
        assertEquals(List.of("chain-row-topk", "chain-row-topp", "chain-row-minp", "chain-row-temp", "chain-row-typical"),
                rowsShown());
        assertEquals(true, browser.script("return document.getElementById('chain-row-temp').classList.contains('lifted');"));
        assertEquals(List.of("5", "5", "5", "5", "4", "4"), column("chain-stage-table", 1));
        browser.release(PointerInput.Kind.MOUSE);
        // Temperature after min-p, as in llama.cpp: min-p sees T = 1 and keeps 2 of 5.
        browser.waiting().until(d -> browser.text("chain-order")
                .equals("Order: top-k → top-p → min-p → temperature → typical-p. This is an order of your own."));
        assertEquals(List.of("5", "5", "5", "2", "2", "2"), column("chain-stage-table", 1));
        assertEntropies(new double[] {entropy(5, 1), entropy(5, 1), entropy(5, 1), entropy(2, 1), entropy(2, 2),
            entropy(2, 2)});
        assertEquals(false, browser.script("return document.getElementById('chain-row-temp').classList.contains('lifted');"));
        browser.waiting().until(d -> browser.driver.getCurrentUrl().contains("chain=topk,topp,minp,temp,typical"));
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void aFingerDragsAStepOnAPhoneWithoutScrollingThePage() {
        try {
            browser.emulate(360, 640, 2);
            browser.driver.executeCdpCommand("Emulation.setTouchEmulationEnabled", Map.of("enabled", true, "maxTouchPoints", 5));
            browser.load(EXAMPLE + "&t=2&minp=0.2");
            browser.waiting().until(d -> column("chain-stage-table", 1).equals(List.of("5", "5", "5", "5", "4", "4")));
            browser.script("document.getElementById('chain-row-topk').scrollIntoView({block: 'center'});");
            double scrolled = ((Number) browser.script("return window.scrollY;")).doubleValue();
            // Top-p's grip, let go a quarter of a row below the top of the list: first.
            double[] grip = browser.box("chain-grip-topp");
            double[] first = browser.box("chain-row-temp");
            double x = grip[0] + grip[2] / 2;
            browser.drag(PointerInput.Kind.TOUCH, x, grip[1] + grip[3] / 2, x, first[1] + 0.25 * first[3], true);
            browser.waiting().until(d -> browser.driver.getCurrentUrl().contains("chain=topp,temp,topk,minp,typical"));
            // Read before anything below is read: reading scrolls an element into view, as a person would.
            assertEquals(scrolled, ((Number) browser.script("return window.scrollY;")).doubleValue(),
                    "a drag on a grip does not scroll the page");
            assertEquals(List.of("chain-row-topp", "chain-row-temp", "chain-row-topk", "chain-row-minp", "chain-row-typical"),
                    rowsShown());
            browser.waiting().until(d -> browser.text("chain-order")
                    .equals("Order: top-p → temperature → top-k → min-p → typical-p. This is an order of your own."));
            // Top-p 1 keeps every class, so the stages are Hugging Face's: min-p after T = 2 keeps 4.
            assertEquals(List.of("5", "5", "5", "5", "4", "4"), column("chain-stage-table", 1));
            assertEquals(List.of(), browser.consoleErrors());
        } finally {
            browser.stopEmulating();
            browser.driver.executeCdpCommand("Emulation.setTouchEmulationEnabled", Map.of("enabled", false));
        }
    }

    @Test
    void gumbelMaxCountsAreCoresForTheSeed() {
        browser.load(EXAMPLE + "&t=2&minp=0.2&n=500&seed=9");
        // Hugging Face's order keeps classes 0..3 (see the class comment); the fifth is masked.
        double inf = Double.NEGATIVE_INFINITY;
        int[] expected = Sampling.gumbelMax(new double[] {2, 1, 0, -1, inf}, 2, 500, 9);
        assertEquals(0, expected[4]);
        assertEquals(texts(expected), column("chain-draws-table", 3));
        type("chain-seed", "10");
        List<String> seed10 = texts(Sampling.gumbelMax(new double[] {2, 1, 0, -1, inf}, 2, 500, 10));
        browser.waiting().until(d -> column("chain-draws-table", 3).equals(seed10));
        assertTrue(browser.text("chain-gumbel-text").startsWith("Gumbel-max draws:"), browser.text("chain-gumbel-text"));
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void badInputIsExplainedAndKeepsTheLastGoodChain() {
        browser.load(EXAMPLE + "&t=2&minp=0.2");
        List<String> good = column("chain-stage-table", 1);
        type("chain-minp", "2");
        browser.waiting().until(d -> !browser.text("chain-message").isEmpty());
        assertEquals("Min-p must be a number from 0 to 1; '2' is outside that range.", browser.text("chain-message"));
        assertEquals("true", browser.element("chain-minp").getAttribute("aria-invalid"));
        assertEquals(good, column("chain-stage-table", 1));
        type("chain-typical", "0");
        browser.waiting().until(d -> browser.text("chain-message")
                .contains("The typical-p mass must be a number greater than 0 and at most 1"));
        assertEquals(good, column("chain-stage-table", 1));
        for (String step : new String[] {"temp", "topk", "topp", "minp"}) {
            browser.element("chain-on-" + step).click();
        }
        browser.waiting().until(d -> column("chain-stage-table", 1).size() == 2);
        browser.element("chain-on-typical").click();
        browser.waiting().until(d -> browser.text("chain-message").contains("The chain needs at least one step turned on."));
        browser.waiting().until(d -> browser.checked("chain-on-typical"));
        assertEquals(2, column("chain-stage-table", 1).size());
        // A hand-edited link with no step on falls back to the default chain and says so.
        browser.load(EXAMPLE + "&chain=-temp,-topk,-topp,-minp,-typical");
        assertEquals(6, column("chain-stage-table", 1).size());
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void singleFileInJapaneseShowsTheChain() {
        browser.open(Path.of(System.getProperty("single.file", "target/softmax-explorer.html")).toAbsolutePath(),
                "lang=ja&" + EXAMPLE + "&t=2&minp=0.2&chain=topk,typical,topp,minp,temp");
        browser.waiting().until(d -> browser.text("chain-verdict").contains("5 個のうち 2 個を残します"));
        assertTrue(browser.text("chain-verdict").contains("4 個を残すことになります"), browser.text("chain-verdict"));
        assertEquals(List.of("5", "5", "5", "5", "2", "2"), column("chain-stage-table", 1));
        assertEquals("llama.cpp の順", browser.text("chain-preset-llama"));
    }

    @SuppressWarnings("unchecked")
    private static List<String> rowsShown() {
        return (List<String>) browser.script("return Array.from(document.getElementById('chain-steps').children)"
                + ".map(r => r.id);");
    }

    private void assertEntropies(double[] expected) {
        List<String> shown = column("chain-stage-table", 4);
        assertEquals(expected.length, shown.size());
        for (int s = 0; s < expected.length; s++) {
            double value = Double.parseDouble(shown.get(s));
            assertEquals(expected[s], value, 1e-5 * expected[s], "stage " + s);
        }
    }

    private static void type(String id, String value) {
        browser.element(id).sendKeys(Keys.chord(Keys.CONTROL, "a"), value);
    }

    private static void click(String id) {
        browser.element(id).click();
    }

    private static List<String> texts(int[] counts) {
        List<String> out = new ArrayList<>();
        for (int c : counts) {
            out.add(Integer.toString(c));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<String> column(String table, int column) {
        browser.reveal(List.of(table));
        return (List<String>) browser.script("return Array.from(document.querySelectorAll('#' + arguments[0]"
                + " + ' tbody tr')).map(r => r.cells[arguments[1]].textContent);", table, column);
    }
}
