package dev.softmaxexplorer.site;

import static dev.softmaxexplorer.site.ChainViewTest.entropy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The sampler chain on a vector pasted into the workbench, not on the page's own logits: the
 * survivors, masses and entropies per stage it shows are worked out here by hand.
 *
 * <p>The vector: K = 12 logits, the whole numbers 0, -1, ..., -11 pasted out of order, so that
 * class r-th by probability has z = -r. At T = 1 its probability is proportional to e^-r. Min-p
 * 0.2 after T = 2 (Hugging Face's order) sees weights e^(-r/2) and keeps those with
 * e^(-r/2) >= 0.2 e^0, i.e. r <= 2 ln 5 = 3.22: ranks 0 to 3, four tokens. Min-p 0.2 before T
 * (llama.cpp's order) keeps e^-r >= 0.2, r <= ln 5 = 1.61: ranks 0 and 1, two tokens. The page's
 * own logits have three classes, so "12" in the stage table can only come from the vector.
 */
class ChainOnLoadedVectorTest extends BrowserTest {
    private static final String PASTED = "-3, 0, -7, -1, -11, -2, -5, -4, -9, -6, -10, -8";
    /** The classes by rank (index of z = 0, -1, -2, ...), as the class table lists them. */
    private static final List<String> BY_RANK = List.of("#1", "#3", "#5", "#0", "#7", "#6", "#9", "#2", "#11", "#8",
            "#10", "#4");

    @Test
    void theChainRunsOnThePastedVectorAndShowsItsTopClasses() {
        browser.load("views=workbench,chain");
        WebElement area = browser.element("workbench-text");
        area.sendKeys(PASTED);
        browser.element("workbench-read").click();
        browser.waiting().until(d -> browser.text("workbench-source").contains("K = 12"));
        browser.script("document.getElementById('chain-view').scrollIntoView();");
        type("chain-temp", "2");
        type("chain-minp", "0.2");
        click("chain-preset-hf");
        // Input, temperature, top-k, top-p, min-p, typical.
        browser.waiting().until(d -> column("chain-stage-table", 1).equals(
                List.of("12", "12", "12", "12", "4", "4")));
        assertEquals(List.of("0", "0", "0", "0", "8", "8"), column("chain-stage-table", 2));
        assertEntropies(new double[] {entropy(12, 1), entropy(12, 2), entropy(12, 2), entropy(12, 2), entropy(4, 2),
            entropy(4, 2)});
        assertTrue(browser.text("chain-source").contains("vector of 12 tokens"), browser.text("chain-source"));
        assertTrue(browser.text("chain-verdict").contains("the chain keeps 4 of 12 tokens"), browser.text("chain-verdict"));
        assertTrue(browser.text("chain-verdict").contains("the chain would keep 2"), browser.text("chain-verdict"));
        assertEquals(BY_RANK, column("chain-class-table", 0));

        click("chain-preset-llama");
        // Input, top-k, typical, top-p, min-p, temperature.
        browser.waiting().until(d -> column("chain-stage-table", 1).equals(
                List.of("12", "12", "12", "12", "2", "2")));
        assertEntropies(new double[] {entropy(12, 1), entropy(12, 1), entropy(12, 1), entropy(12, 1), entropy(2, 1),
            entropy(2, 2)});
        // Mass kept by min-p under the input distribution: (1 + e^-1) / sum_{r < 12} e^-r.
        double all = 0;
        for (int r = 0; r < 12; r++) {
            all += Math.exp(-r);
        }
        assertEquals(String.format("%.2f%%", 100 * (1 + Math.exp(-1)) / all), column("chain-stage-table", 3).get(4));
        // The min-p column of the class table: the two top ranks stay, the ten others are gone.
        List<String> minP = column("chain-class-table", 5);
        assertEquals(12, minP.size());
        for (int r = 0; r < 12; r++) {
            assertEquals(r >= 2, minP.get(r).equals("removed"), minP.toString());
        }

        // Clearing the vector gives the chain back the page's own three logits.
        click("workbench-clear");
        browser.waiting().until(d -> column("chain-stage-table", 1).get(0).equals("3"));
        assertEquals("", browser.text("chain-source"));
        assertEquals(List.of(), browser.consoleErrors());
    }

    /**
     * T and min-p moving one after the other in llama.cpp's order, where each run of the chain
     * takes over the stages of the last that a move does not reach (the filters before T when T
     * moves; a min-p that keeps the same tokens): every step shows what the worked-out chain
     * says. Min-p before T sees e^-r and keeps ranks r with e^-r >= min-p: 0.2 and 0.3 keep ranks
     * 0 and 1 (e^-1 = 0.368, e^-2 = 0.135), 0.4 keeps rank 0 only.
     */
    @Test
    void movesOfTAndMinPShowTheWorkedOutChain() {
        browser.load("views=workbench,chain");
        browser.element("workbench-text").sendKeys(PASTED);
        browser.element("workbench-read").click();
        browser.waiting().until(d -> browser.text("workbench-source").contains("K = 12"));
        browser.script("document.getElementById('chain-view').scrollIntoView();");
        click("chain-preset-llama");
        type("chain-minp", "0.2");
        type("chain-temp", "2");
        // Input, top-k, typical, top-p, min-p, temperature.
        browser.waiting().until(d -> column("chain-stage-table", 0).get(5).contains("2"));
        assertEquals(List.of("12", "12", "12", "12", "2", "2"), column("chain-stage-table", 1));
        assertEntropies(new double[] {entropy(12, 1), entropy(12, 1), entropy(12, 1), entropy(12, 1), entropy(2, 1),
            entropy(2, 2)});
        type("chain-temp", "1");
        browser.waiting().until(d -> column("chain-stage-table", 0).get(5).contains("1"));
        assertEntropies(new double[] {entropy(12, 1), entropy(12, 1), entropy(12, 1), entropy(12, 1), entropy(2, 1),
            entropy(2, 1)});
        type("chain-minp", "0.3");
        browser.waiting().until(d -> column("chain-stage-table", 0).get(4).contains("0.3"));
        assertEquals(List.of("12", "12", "12", "12", "2", "2"), column("chain-stage-table", 1));
        assertEntropies(new double[] {entropy(12, 1), entropy(12, 1), entropy(12, 1), entropy(12, 1), entropy(2, 1),
            entropy(2, 1)});
        type("chain-minp", "0.4");
        browser.waiting().until(d -> column("chain-stage-table", 1).equals(List.of("12", "12", "12", "12", "1", "1")));
        assertEntropies(new double[] {entropy(12, 1), entropy(12, 1), entropy(12, 1), entropy(12, 1), 0, 0});
        type("chain-temp", "3");
        type("chain-minp", "0.2");
        browser.waiting().until(d -> column("chain-stage-table", 1).equals(List.of("12", "12", "12", "12", "2", "2")));
        browser.waiting().until(d -> column("chain-stage-table", 0).get(5).contains("3"));
        assertEntropies(new double[] {entropy(12, 1), entropy(12, 1), entropy(12, 1), entropy(12, 1), entropy(2, 1),
            entropy(2, 3)});
        // The draws come from the last distribution: ranks 0 and 1 only.
        List<String> direct = column("chain-draws-table", 2);
        for (int r = 2; r < 12; r++) {
            assertEquals("0", direct.get(r), direct.toString());
        }
        assertEquals(List.of(), browser.consoleErrors());
    }

    /**
     * Top-k counts on the vector, not on the page's three logits: a vector of 60 whole numbers 0,
     * -1, ..., -59 (no ties) keeps its 40 most probable tokens at top-k 40, and the link keeps 40.
     * A top-k above the 60 tokens keeps them all and says so; a bad one is refused with the range
     * (up to the largest vector the page reads), and the chain stays as it was.
     */
    @Test
    void topKCountsUpToTheVectorsClasses() {
        browser.load("views=workbench,chain");
        StringBuilder sixty = new StringBuilder();
        for (int r = 0; r < 60; r++) {
            sixty.append(r == 0 ? "" : ", ").append(-r);
        }
        browser.element("workbench-text").sendKeys(sixty);
        browser.element("workbench-read").click();
        browser.waiting().until(d -> browser.text("workbench-source").contains("K = 60"));
        browser.script("document.getElementById('chain-view').scrollIntoView();");
        click("chain-preset-hf");
        type("chain-topk", "40");
        // Input, temperature, top-k, top-p, min-p, typical (the last three off).
        browser.waiting().until(d -> column("chain-stage-table", 1).equals(
                List.of("60", "60", "40", "40", "40", "40")));
        assertEquals(List.of("0", "0", "20", "20", "20", "20"), column("chain-stage-table", 2));
        browser.waiting().until(d -> browser.driver.getCurrentUrl().contains("topk=40"));
        assertEquals("", browser.text("chain-message"));

        // Every prefix of "-1" is refused too, so the chain stays at 40 (each key is an input event).
        type("chain-topk", "-1");
        browser.waiting().until(d -> browser.text("chain-message").contains("from 0 to 131072"));
        assertEquals(List.of("60", "60", "40", "40", "40", "40"), column("chain-stage-table", 1));

        type("chain-topk", "100");
        browser.waiting().until(d -> column("chain-stage-table", 1).equals(
                List.of("60", "60", "60", "60", "60", "60")));
        assertTrue(browser.text("chain-source").contains("Top-k 100 is more than the 60 tokens"),
                browser.text("chain-source"));
        assertEquals(List.of(), browser.consoleErrors());
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

    /** Clicks a button, scrolled to the middle of the screen first: clear of the control strip at the top. */
    static void click(String id) {
        WebElement button = browser.driver.findElement(By.id(id));
        browser.script("arguments[0].scrollIntoView({block: 'center'});", button);
        button.click();
    }

    @SuppressWarnings("unchecked")
    static List<String> column(String table, int column) {
        browser.reveal(java.util.List.of(table));
        return (List<String>) browser.script("return Array.from(document.querySelectorAll('#' + arguments[0]"
                + " + ' tbody tr')).map(r => r.cells[arguments[1]].textContent);", table, column);
    }
}
