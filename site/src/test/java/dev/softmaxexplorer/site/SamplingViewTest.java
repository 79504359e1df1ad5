package dev.softmaxexplorer.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.softmaxexplorer.core.Distillation;
import dev.softmaxexplorer.core.Sampling;
import dev.softmaxexplorer.core.Softmax;
import dev.softmaxexplorer.core.TemperatureSweep;
import dev.softmaxexplorer.core.TokenFilter;
import dev.softmaxexplorer.web.text.Numbers;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The temperature sweep, sampling and distillation views as a person sees them: the numbers in
 * their tables equal core's on the JVM (formatted as the page formats them), the canvases are
 * drawn, the controls change what is shown, and an extreme state works without a console error.
 */
class SamplingViewTest extends BrowserTest {
    private static final double[] DEFAULT_LOGITS = {2, 1, 0};
    private static final double[] DEFAULT_TEACHER = {4, 2, 0};
    /** The sweep table's temperatures, as SweepPanel.TABLE_TEMPERATURES. */
    private static final double[] TABLE_TEMPERATURES = {0.05, 0.5, 1, 2, 20};

    @Test
    void sweepDrawsItsTableIsCoresAndTheMarkerFollowsT() {
        open("");
        double[][] expected = TemperatureSweep.probabilities(DEFAULT_LOGITS, TABLE_TEMPERATURES);
        double[] entropies = TemperatureSweep.entropies(DEFAULT_LOGITS, TABLE_TEMPERATURES);
        List<List<String>> body = rows("sweep-table", "tbody");
        assertEquals(3, body.size());
        for (int i = 0; i < 3; i++) {
            assertEquals("Class " + (i + 1), body.get(i).get(0));
            for (int c = 0; c < TABLE_TEMPERATURES.length; c++) {
                assertEquals(Numbers.compact(expected[c][i]), body.get(i).get(c + 1), "class " + i + ", column " + c);
            }
        }
        List<String> entropyRow = rows("sweep-table", "tfoot").get(0);
        for (int c = 0; c < TABLE_TEMPERATURES.length; c++) {
            assertEquals(Numbers.compact(entropies[c]), entropyRow.get(c + 1));
        }
        assertTrue(inkedPixels("sweep-chart") > 2000, "the sweep chart is drawn");
        assertTrue(inkedPixels("sweep-entropy-chart") > 500, "the entropy chart is drawn");
        String atOne = "Current T = 1: entropy H = " + Numbers.compact(Softmax.entropy(DEFAULT_LOGITS, 1))
                + " nats, of at most log 3 = " + Numbers.compact(TemperatureSweep.maxEntropy(3)) + ".";
        assertEquals(atOne, text("sweep-current"));

        type("temperature", "4");
        browser.waiting().until(d -> text("sweep-current").startsWith("Current T = 4:"));
        assertEquals("Current T = 4: entropy H = " + Numbers.compact(Softmax.entropy(DEFAULT_LOGITS, 4))
                + " nats, of at most log 3 = " + Numbers.compact(TemperatureSweep.maxEntropy(3)) + ".",
                text("sweep-current"));
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void countsAreCoresAndTheSeedReproducesThem() {
        open("t=1.5&n=100&seed=7");
        double[] p = Softmax.evaluate(DEFAULT_LOGITS, 1.5, 0, 0).probabilities();
        assertEquals(counts(Sampling.counts(p, 100, 7)), column("sampling-table", 3));
        assertEquals(numbers(p), column("sampling-table", 1));

        type("sample-seed", "8");
        List<String> seed8 = counts(Sampling.counts(p, 100, 8));
        assertNotEquals(counts(Sampling.counts(p, 100, 7)), seed8, "the two seeds must give different draws");
        browser.waiting().until(d -> column("sampling-table", 3).equals(seed8));
        String link = browser.element("sampling-link").getAttribute("href");
        assertTrue(link.contains("seed=8") && link.contains("n=100"), link);

        // Once the address carries seed 8, a reload shows the same draws.
        browser.waiting().until(d -> browser.driver.getCurrentUrl().contains("seed=8"));
        browser.driver.navigate().refresh();
        browser.waiting().until(d -> column("sampling-table", 3).equals(seed8));
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void topKOfOneMakesEveryDrawTheArgmax() {
        open("topk=1");
        assertEquals(List.of("1000", "0", "0"), column("sampling-table", 3));
        assertEquals(List.of("1", "0", "0"), column("sampling-table", 2));
        assertTrue(text("sampling-verdict").startsWith(
                "Greedy decoding (argmax) would always pick Class 1. Sampling picked Class 1 in 100.0% of the draws"),
                text("sampling-verdict"));
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void topPFiltersAsCoreDoes() {
        open("");
        type("top-p", "0.8");
        double[] p = Softmax.evaluate(DEFAULT_LOGITS, 1, 0, 0).probabilities();
        double[] filtered = TokenFilter.topKTopP(p, 0, 0.8);
        // p = 0.665, 0.245, 0.090: the first two reach 0.8, the third is removed.
        assertEquals(0.0, filtered[2]);
        browser.waiting().until(d -> column("sampling-table", 2).equals(numbers(filtered)));
        assertEquals(counts(Sampling.counts(filtered, 1000, 42)), column("sampling-table", 3));
        assertEquals("0", column("sampling-table", 3).get(2));
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void distillationShowsCoresDivergenceAndFollowsTheTeacher() {
        open("t=2");
        assertEquals(Numbers.compact(Distillation.klDivergence(DEFAULT_TEACHER, DEFAULT_LOGITS, 2)), text("distill-kl"));
        assertEquals("4", text("distill-factor"));
        assertEquals(Numbers.compact(Distillation.distillationLoss(DEFAULT_TEACHER, DEFAULT_LOGITS, 2)),
                text("distill-loss"));
        assertTrue(inkedPixels("distillation-chart") > 1000, "the paired bars are drawn");
        assertTrue(inkedPixels("soft-targets-chart") > 500, "the soft targets are drawn");

        type("tz1", "6");
        String expected = Numbers.compact(Distillation.klDivergence(new double[] {6, 2, 0}, DEFAULT_LOGITS, 2));
        browser.waiting().until(d -> text("distill-kl").equals(expected));
        browser.waiting().until(d -> browser.driver.getCurrentUrl().contains("tz=6"));
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void anExtremeStateRendersWithoutError() {
        double[] z = new double[10];
        z[0] = 1e6;
        open("k=10&t=0.05&z=1000000,0,0,0,0,0,0,0,0,0&n=10000");
        List<String> drawn = column("sampling-table", 3);
        assertEquals(10, drawn.size());
        assertEquals("10000", drawn.get(0));
        assertEquals(Numbers.compact(Distillation.klDivergence(defaultTeacher(10), z, 0.05)), text("distill-kl"));
        assertEquals(10, rows("sweep-table", "tbody").size());
        for (String canvas : new String[] {"sweep-chart", "sweep-entropy-chart", "sampling-chart",
            "distillation-chart", "soft-targets-chart"}) {
            assertTrue(inkedPixels(canvas) > 300, canvas + " is drawn");
        }
        assertTrue(text("fatal").isEmpty(), text("fatal"));
        assertEquals(List.of(), browser.consoleErrors());
    }

    private static double[] defaultTeacher(int k) {
        double[] teacher = new double[k];
        for (int i = 0; i < k; i++) {
            teacher[i] = 4 - 2 * i;
        }
        return teacher;
    }

    /** Opens the page at this hash and waits until the views have drawn their tables. */
    private static void open(String hash) {
        browser.load(hash);
        browser.consoleErrors();
    }

    private static void type(String id, String value) {
        WebElement field = browser.element(id);
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), value);
    }

    private static String text(String id) {
        browser.reveal(java.util.List.of(id));
        return (String) browser.script("return document.getElementById(arguments[0]).textContent;", id);
    }

    /** The text of every cell of a table section, row by row (read as text, whatever is scrolled into view). */
    @SuppressWarnings("unchecked")
    private static List<List<String>> rows(String table, String section) {
        browser.reveal(java.util.List.of(table));
        return (List<List<String>>) browser.script("return Array.from(document.querySelectorAll('#' + arguments[0]"
                + " + ' ' + arguments[1] + ' tr')).map(r => Array.from(r.cells).map(c => c.textContent));",
                table, section);
    }

    private static List<String> column(String table, int column) {
        browser.reveal(java.util.List.of(table));
        List<String> cells = new ArrayList<>();
        for (List<String> row : rows(table, "tbody")) {
            cells.add(row.get(column));
        }
        return cells;
    }

    private static List<String> counts(int[] counts) {
        List<String> texts = new ArrayList<>();
        for (int c : counts) {
            texts.add(Integer.toString(c));
        }
        return texts;
    }

    private static List<String> numbers(double[] values) {
        List<String> texts = new ArrayList<>();
        for (double v : values) {
            texts.add(Numbers.compact(v));
        }
        return texts;
    }

    /** How many pixels of the canvas are not transparent: a blank canvas has none. */
    private static long inkedPixels(String id) {
        browser.reveal(java.util.List.of(id));
        return (Long) browser.script("const c = document.getElementById(arguments[0]);"
                + " const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                + " let n = 0; for (let i = 3; i < d.length; i += 4) { if (d[i] !== 0) n++; } return n;", id);
    }
}
