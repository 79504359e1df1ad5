package dev.softmaxexplorer.site;

import static dev.softmaxexplorer.site.ChainOnLoadedVectorTest.click;
import static dev.softmaxexplorer.site.ChainOnLoadedVectorTest.column;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.softmaxexplorer.web.workbench.NpyWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The sampler chain on a large vector runs in a worker (the page's own script, started from its
 * text), and the page shows its answers: the same numbers, worked out here by hand, as a run on
 * the page's thread; where there is no worker, or it fails, the page runs the chain itself.
 *
 * <p>The vector: K = 5,000 logits, ten of 8 (classes 0 to 9) and 4,990 of 0, chosen as a file
 * (float64 .npy). Min-p 0.05 compares each class's weight with the largest: at T the tail's is
 * e^(-8 / T) of the head's. Before T (llama.cpp's order) that is e^-8 = 0.00034 < 0.05: min-p
 * keeps the ten, and T = 4 after it leaves them equal (entropy ln 10). After T = 4 (Hugging
 * Face's order) it is e^-2 = 0.135 >= 0.05: min-p keeps all 5,000, and the entropy is that of ten
 * weights e^2 and 4,990 weights 1.
 */
class ChainInWorkerTest extends BrowserTest {
    private static final int K = 5_000;

    /** Entropy of ten classes of weight e^(8 / t) and 4,990 of weight 1. */
    private static double entropyAt(double t) {
        double head = Math.exp(8 / t);
        double z = 10 * head + (K - 10);
        double p = head / z;
        double q = 1 / z;
        return -10 * p * Math.log(p) - (K - 10) * q * Math.log(q);
    }

    /** Loads the vector from a file, as a person chooses one, with the chain view on screen. */
    private static void loadHeadAndTail() throws IOException {
        double[] z = new double[K];
        for (int i = 0; i < 10; i++) {
            z[i] = 8;
        }
        Path file = Files.createTempDirectory("chain").resolve("head-and-tail.npy");
        Files.write(file, NpyWriter.float64(z));
        browser.load("views=workbench,chain&minp=0.05&t=4");
        browser.element("workbench-file").sendKeys(file.toAbsolutePath().toString());
        browser.waiting().until(d -> browser.text("workbench-source").contains("K = 5,000"));
        browser.script("document.getElementById('chain-view').scrollIntoView();");
    }

    /** Hugging Face's order (input, temperature, top-k, top-p, min-p, typical), then llama.cpp's. */
    private static void assertBothOrders(String ranIn) {
        browser.waiting().until(d -> column("chain-stage-table", 1).equals(
                List.of("5,000", "5,000", "5,000", "5,000", "5,000", "5,000")));
        assertEntropy(entropyAt(1), 0);
        assertEntropy(entropyAt(4), 4);
        click("chain-preset-llama");
        browser.waiting().until(d -> column("chain-stage-table", 1).equals(
                List.of("5,000", "5,000", "5,000", "5,000", "10", "10")));
        assertEquals(ranIn, ranIn());
        assertEntropy(Math.log(10), 5);
    }

    @Test
    void aLargeVectorsChainRunsInTheWorkerWithTheWorkedOutNumbers() throws IOException {
        loadHeadAndTail();
        // The first run on a vector is the page's; once the worker listens it runs it again.
        browser.waiting().until(d -> "worker".equals(ranIn()));
        // Hugging Face's order: input, temperature, top-k, top-p, min-p, typical.
        assertEquals(List.of("5,000", "5,000", "5,000", "5,000", "5,000", "5,000"), column("chain-stage-table", 1));
        assertEntropy(entropyAt(1), 0);
        assertEntropy(entropyAt(4), 4);

        click("chain-preset-llama");
        // llama.cpp's order: input, top-k, typical, top-p, min-p, temperature.
        browser.waiting().until(d -> column("chain-stage-table", 1).equals(
                List.of("5,000", "5,000", "5,000", "5,000", "10", "10")));
        assertEquals("worker", ranIn());
        assertEntropy(Math.log(10), 5);
        // The mass min-p keeps under the input distribution: 10 e^8 / (10 e^8 + 4,990).
        assertEquals(String.format("%.2f%%", 100 * 10 * Math.exp(8) / (10 * Math.exp(8) + K - 10)),
                column("chain-stage-table", 3).get(4));
        String verdict = browser.text("chain-verdict");
        assertTrue(verdict.contains("the chain keeps 10 of 5,000 tokens"), verdict);
        assertTrue(verdict.contains("the chain would keep 5,000"), verdict);

        // T typed key by key: each key a request; the worker's last answer is the one for T = 0.5.
        WebElement t = browser.element("chain-temp");
        t.sendKeys(Keys.chord(Keys.CONTROL, "a"), "0.5");
        browser.waiting().until(d -> column("chain-stage-table", 0).get(5).equals("Temperature 0.5"));
        assertEquals("worker", ranIn());
        assertEntropy(Math.log(10), 5);
        browser.waiting().until(d -> d.getCurrentUrl().contains("t=0.5"));
        // The draws are from the ten: the table lists the top classes, all of the head first.
        List<String> direct = column("chain-draws-table", 2);
        int drawn = 0;
        for (int j = 0; j < 10; j++) {
            drawn += Integer.parseInt(direct.get(j));
        }
        assertEquals(1000, drawn, direct.toString());
        assertEquals(List.of(), browser.consoleErrors());
    }

    /** A browser without workers (or a policy that refuses them): every run is on the page's thread. */
    @Test
    void withoutWorkersTheChainRunsOnThePagesThread() throws IOException {
        withScriptBeforeThePage("delete window.Worker;", () -> {
            loadHeadAndTail();
            assertBothOrders("page");
        });
    }

    /**
     * A worker that says it listens and then fails on the first run it is given (its script
     * throws): the page takes that run and every later one back, and the failure reaches neither
     * the console nor the page's error box. Without that, the run would never be answered and the
     * stages of llama.cpp's order never shown.
     */
    @Test
    void aWorkerThatFailsLeavesTheChainToThePage() throws IOException {
        String failing = "self.postMessage({ready: true}); self.onmessage = function (event) {"
                + " if (event.data.request) { throw new Error('refused'); } };";
        withScriptBeforeThePage("var BrowsersWorker = window.Worker; window.Worker = function () {"
                + " return new BrowsersWorker(URL.createObjectURL(new Blob([\"" + failing + "\"],"
                + " {type: 'text/javascript'}))); };", () -> {
                    loadHeadAndTail();
                    assertBothOrders("page");
                    assertEquals("", browser.script("var box = document.getElementById('fatal');"
                            + " return box.hidden ? '' : box.textContent;"));
                });
    }

    interface Steps {
        void run() throws IOException;
    }

    /** Runs the steps with a script that runs before each page's own (DevTools), then removes it. */
    private static void withScriptBeforeThePage(String script, Steps steps) throws IOException {
        Object id = browser.driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
                java.util.Map.of("source", script)).get("identifier");
        try {
            steps.run();
            assertEquals(List.of(), browser.consoleErrors());
        } finally {
            browser.driver.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument",
                    java.util.Map.of("identifier", id));
        }
    }

    private static String ranIn() {
        return (String) browser.script("return document.getElementById('chain-view').getAttribute('data-ran-in');");
    }

    private static void assertEntropy(double expected, int stage) {
        double shown = Double.parseDouble(column("chain-stage-table", 4).get(stage));
        assertEquals(expected, shown, 1e-5 * expected, "stage " + stage);
    }
}
