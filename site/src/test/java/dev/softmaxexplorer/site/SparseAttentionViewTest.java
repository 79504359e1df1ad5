package dev.softmaxexplorer.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.softmaxexplorer.core.AttentionSaturation;
import dev.softmaxexplorer.core.Format;
import dev.softmaxexplorer.web.text.Numbers;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

/**
 * The sparse and attention views as a person uses them: keyboard and pointer on their own
 * controls, the numbers read from their tables and sentences, compared with values computed
 * here independently of core (closed forms by hand, and plain double-precision implementations
 * written in this test), formatted as the page formats them; from the folder and from the single
 * file, in English and Japanese, and embedded alone.
 */
class SparseAttentionViewTest extends BrowserTest {

    /**
     * [2, 1, 0] at T = 1 by hand: sparsemax [1, 0, 0] (x_1 - x_2 = 1, so the second class sits on
     * the threshold); entmax-1.5 on two classes with Q = 8 + 3^2 - 2 * 5 = 7: p = ((1 + sqrt 7) / 4)^2,
     * ((sqrt 7 - 1) / 4)^2, 0. At T = 2: sparsemax [0.75, 0.25, 0] (tau = 0.25); entmax-1.5 on all
     * three, Q = 48 + 9 - 15 = 42: p_i = (3 z_i - 3 + sqrt 42)^2 / 144, so p_2 = 42 / 144 exactly.
     */
    @Test
    void sparseViewShowsTheHandValuesAndFollowsItsTemperatureField() {
        browser.load("");
        double s7 = Math.sqrt(7);
        assertEquals(List.of("1", "0", "0"), column("sparse-table", 3));
        assertEquals(List.of(Numbers.compact((1 + s7) * (1 + s7) / 16), Numbers.compact((s7 - 1) * (s7 - 1) / 16), "0"),
                column("sparse-table", 2));
        List<List<String>> footer = rows("sparse-table", "tfoot");
        assertEquals(List.of("0", "1", "2"), footer.get(1).subList(1, 4));
        assertEquals(List.of("1", "0.5"), List.of(footer.get(2).get(3), footer.get(2).get(2)));

        browser.type("sparse-temperature", "2");
        browser.waitForText("sparse-summary", "At T = 2, softmax sets no class to exactly 0, entmax-1.5 sets 0 of 3"
                + " and sparsemax 1 of 3. Sparsemax is one-hot for T below 1, entmax-1.5 for T below 0.5;"
                + " softmax never is.");
        double s42 = Math.sqrt(42);
        assertEquals(List.of("0.75", "0.25", "0"), column("sparse-table", 3));
        assertEquals(List.of(Numbers.compact((3 + s42) * (3 + s42) / 144), Numbers.compact(42.0 / 144),
                Numbers.compact((s42 - 3) * (s42 - 3) / 144)), column("sparse-table", 2));
        assertEquals("0.25", rows("sparse-table", "tfoot").get(0).get(3));
        // The link follows a moment after typing stops.
        browser.waiting().until(d -> browser.driver.getCurrentUrl().contains("t=2"));
        assertTrue(inkedPixels("sparse-chart") > 1500, "the bars are drawn");
        assertEquals(List.of(), browser.consoleErrors());
    }

    /** The view's T slider by keyboard: each step changes T, and the table follows at the new T. */
    @Test
    void sparseSliderByKeyboardMatchesAnIndependentSparsemax() {
        browser.load("z=3,2.2,1.9,-1&k=4");
        browser.element("sparse-t-slider").sendKeys(Keys.HOME);
        browser.waiting().until(d -> !browser.value("sparse-temperature").equals("1"));
        for (int step = 0; step < 3; step++) {
            String before = browser.value("sparse-temperature");
            browser.element("sparse-t-slider").sendKeys(Keys.PAGE_UP);
            browser.waiting().until(d -> !browser.value("sparse-temperature").equals(before));
            double t = Double.parseDouble(browser.value("sparse-temperature"));
            double[] z = {3, 2.2, 1.9, -1};
            List<String> expected = numbers(plainSparsemax(z, t));
            browser.waiting().until(d -> column("sparse-table", 3).equals(expected));
            List<String> entmax = numbers(plainEntmax15(z, t));
            assertEquals(entmax, column("sparse-table", 2), "T = " + t);
        }
        assertEquals(List.of(), browser.consoleErrors());
    }

    /**
     * Attention at its defaults equals a plain max-subtracted softmax of the dot products of the
     * page's seeded vectors (those vectors from core's generator: they are the page's data); the
     * causal box by pointer masks the future keys; the d_k slider's End key reaches 1024, where
     * unscaled rows collapse.
     */
    @Test
    void attentionViewIsAPlainSoftmaxOfItsDotProductsAndReactsToItsControls() {
        browser.load("");
        double[][][] qk = AttentionSaturation.queriesAndKeys(1, 6, 64);
        checkWeights(qk, 1 / 8.0, false);
        assertEquals(List.of("the", "cat", "sat", "on", "the", "mat"), column("attention-table", 0));

        new Actions(browser.driver).moveToElement(browser.element("attention-causal")).click().perform();
        browser.waiting().until(d -> rows("attention-table", "tbody").get(0).get(2).equals("\u2013"));
        checkWeights(qk, 1 / 8.0, true);
        assertEquals("1", rows("attention-table", "tbody").get(0).get(1));

        browser.element("attention-causal").sendKeys(Keys.SPACE);
        browser.element("attention-scaled").sendKeys(Keys.SPACE);
        browser.element("dk-slider").sendKeys(Keys.END);
        browser.waiting().until(d -> browser.value("key-dimension").equals("1024"));
        double[][][] big = AttentionSaturation.queriesAndKeys(1, 6, 1024);
        browser.waiting().until(d -> browser.driver.getCurrentUrl().contains("unscaled"));
        checkWeights(big, 1, false);
        assertTrue(browser.text("attention-summary").contains("T = √d_k = 32"), browser.text("attention-summary"));

        browser.choose("attention-tokens", "3");
        browser.waiting().until(d -> rows("attention-table", "tbody").size() == 3);
        checkWeights(AttentionSaturation.queriesAndKeys(1, 3, 1024), 1, false);
        // The sweep fills in over idle moments; done, it is core's sweep in one go (four seeds from 1).
        AttentionSaturation.Point[] swept = AttentionSaturation.sweep(3, false, 1, 4);
        String lastCell = Format.fixed(swept[10].unscaledLargest(), 3);
        browser.waiting().until(d -> rows("saturation-table", "tbody").get(10).get(4).equals(lastCell));
        List<List<String>> sweep = rows("saturation-table", "tbody");
        assertEquals(11, sweep.size());
        for (int p = 0; p < 11; p++) {
            assertEquals(List.of(Integer.toString(swept[p].dimension()), Format.fixed(swept[p].scaledEntropy(), 3),
                    Format.fixed(swept[p].unscaledEntropy(), 3), Format.fixed(swept[p].scaledLargest(), 3),
                    Format.fixed(swept[p].unscaledLargest(), 3)), sweep.get(p), "d_k row " + p);
        }
        assertEquals("1", sweep.get(0).get(0));
        assertEquals("1024", sweep.get(10).get(0));
        // At d_k = 1 the scale is 1 either way.
        assertEquals(sweep.get(0).get(1), sweep.get(0).get(2));
        assertTrue(Double.parseDouble(sweep.get(10).get(4)) > 0.9, "unscaled rows collapse at 1024");
        assertTrue(Double.parseDouble(sweep.get(10).get(3)) < 0.8, "scaled rows do not");
        assertTrue(inkedPixels("attention-heatmap") > 3000, "the heatmap is drawn");
        assertTrue(inkedPixels("saturation-chart") > 1500, "the saturation chart is drawn");
        assertEquals(List.of(), browser.consoleErrors());
    }

    /** Both views alone in an embed, from the folder and from the single file, in Japanese. */
    @Test
    void embeddedInJapaneseFromTheFolderAndTheSingleFile() {
        Path single = Path.of(System.getProperty("single.file", "target/softmax-explorer.html")).toAbsolutePath();
        for (Path page : List.of(Browser.siteFile("index.html"), single)) {
            for (String view : new String[] {"sparse", "attention"}) {
                embedded(page, view);
            }
            assertEquals(List.of("猫", "が", "マット", "の", "上", "で"), column("attention-table", 0));
        }
        assertEquals(List.of(), browser.consoleErrors());
    }

    private static void embedded(Path page, String view) {
        browser.driver.get("about:blank");
        browser.open(page, "embed&views=" + view + "&lang=ja");
        browser.waiting().until(d -> (Boolean) browser.script(
                "return performance.getEntriesByName('softmax-explorer-settled').length > 0;"));
        String title = view.equals("sparse") ? "スパースマックス" : "アテンション";
        browser.waiting().until(d -> browser.text(view + "-view-title").startsWith(title));
        assertTrue((Boolean) browser.script("var v = document.getElementById(arguments[0] + '-view');"
                + " return v.offsetHeight > 0 && document.getElementById('bars-part').offsetHeight === 0;", view));
        browser.waiting().until(d -> rows(view + "-table", "tbody").size() >= 3);
    }

    /** Compares the attention table with a plain double softmax of plain dot products, 6 digits. */
    private static void checkWeights(double[][][] qk, double scale, boolean causal) {
        int n = qk[0].length;
        List<List<String>> expected = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int visible = causal ? i + 1 : n;
            double[] s = new double[visible];
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < visible; j++) {
                for (int l = 0; l < qk[0][i].length; l++) {
                    s[j] += qk[0][i][l] * qk[1][j][l];
                }
                s[j] *= scale;
                max = Math.max(max, s[j]);
            }
            double sum = 0;
            for (int j = 0; j < visible; j++) {
                s[j] = Math.exp(s[j] - max);
                sum += s[j];
            }
            List<String> row = new ArrayList<>();
            for (int j = 0; j < n; j++) {
                row.add(j < visible ? Numbers.compact(s[j] / sum) : "\u2013");
            }
            expected.add(row);
        }
        browser.waiting().until(d -> weightCells().equals(expected));
    }

    private static List<List<String>> weightCells() {
        List<List<String>> cells = new ArrayList<>();
        for (List<String> row : rows("attention-table", "tbody")) {
            cells.add(row.subList(1, row.size() - 1));
        }
        return cells;
    }

    /** Sparsemax in plain doubles: sort, the largest k with 1 + k x_(k) > sum, p = max(x - tau, 0). */
    private static double[] plainSparsemax(double[] z, double t) {
        double[] x = Arrays.stream(z).map(v -> v / t).toArray();
        double[] sorted = Arrays.stream(x).boxed().sorted((a, b) -> Double.compare(b, a)).mapToDouble(v -> v).toArray();
        double sum = 0;
        double tau = 0;
        for (int k = 1; k <= sorted.length; k++) {
            sum += sorted[k - 1];
            if (1 + k * sorted[k - 1] > sum) {
                tau = (sum - 1) / k;
            }
        }
        double finalTau = tau;
        return Arrays.stream(x).map(v -> Math.max(v - finalTau, 0)).toArray();
    }

    /** Entmax-1.5 in plain doubles by bisection on tau: sum max(x/2 - tau, 0)^2 = 1. */
    private static double[] plainEntmax15(double[] z, double t) {
        double[] u = Arrays.stream(z).map(v -> v / (2 * t)).toArray();
        double top = Arrays.stream(u).max().getAsDouble();
        double lo = top - 1;
        double hi = top;
        for (int i = 0; i < 200; i++) {
            double mid = (lo + hi) / 2;
            double total = 0;
            for (double v : u) {
                total += Math.max(v - mid, 0) * Math.max(v - mid, 0);
            }
            if (total > 1) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double tau = (lo + hi) / 2;
        return Arrays.stream(u).map(v -> Math.max(v - tau, 0) * Math.max(v - tau, 0)).toArray();
    }

    private static List<String> numbers(double[] values) {
        List<String> texts = new ArrayList<>();
        for (double v : values) {
            texts.add(Numbers.compact(v));
        }
        return texts;
    }

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

    /** How many pixels of the canvas are not transparent. */
    private static long inkedPixels(String id) {
        browser.reveal(java.util.List.of(id));
        return (Long) browser.script("const c = document.getElementById(arguments[0]);"
                + " const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                + " let n = 0; for (let i = 3; i < d.length; i += 4) { if (d[i] > 0) n++; } return n;", id);
    }
}
