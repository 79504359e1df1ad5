package dev.softmaxexplorer.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.softmaxexplorer.core.Pipeline;
import dev.softmaxexplorer.core.Pipeline.Mode;
import dev.softmaxexplorer.core.Precision;
import dev.softmaxexplorer.web.text.Numbers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.FluentWait;

/**
 * The smoke suite of the three engines students bring (issue 20): Chromium, Firefox and WebKit
 * (Safari's engine), each opening the folder's index.html and the single file from file://, as a
 * person would. One scenario, run in each: the page loads without an error, a typed logit and a
 * slider change the numbers (expected values from core, computed here on the JVM), the canvas
 * draws the bars, the link round-trips, the language control switches to Japanese, Share's "Copy
 * link" copies (or, where an engine refuses the clipboard, shows the link to copy by hand), a
 * naive softmax in float16 overflows on the page, a probability bar dragged with the mouse follows
 * the pointer, a step of the sampler chain dragged by its grip takes its new place, and the chain
 * on a 5,000-class vector runs in its worker. Each engine starts once for both files; one that
 * cannot start fails the test with what is missing (.ci/run installs all three).
 *
 * <p>How each engine is driven and where its console errors come from:
 * <ul>
 * <li>Chromium: Debian's chromium and chromedriver through Selenium (see {@link Browser}); console
 * errors from the browser log ({@code goog:loggingPrefs}), the load included.</li>
 * <li>Firefox: Debian's firefox-esr, headless, over WebDriver BiDi (see {@link Firefox}; Debian has
 * no geckodriver); console errors and uncaught exceptions from BiDi {@code log.entryAdded} events,
 * the load included.</li>
 * <li>WebKit: WebKitGTK's MiniBrowser through WebKitWebDriver and Selenium's RemoteWebDriver,
 * under Xvfb (see {@link WebKit}). WebKitWebDriver has no log endpoint and no BiDi, so the
 * console is hooked by script after each load ({@link SeleniumPage#HOOK}); an uncaught error
 * during the load shows in the page's own error box {@code #fatal}, which is checked to be
 * hidden in every engine after every load.</li>
 * </ul>
 *
 * <p>Input is real in all three: typing, the slider's End key, the language control's arrow keys
 * and the clicks on Share, Copy link and the naive checkbox and the two drags are W3C input actions (WebDriver classic's Perform Actions,
 * BiDi's {@code input.performActions}), so the page gets trusted pointer and key events. Two
 * things are done by script because actions cannot: scrolling an element into view before a click
 * (actions never scroll), and giving focus before a key press on the slider and the language
 * control (a click would move the slider's thumb, and would open the select's native popup, which
 * no driver can operate).
 */
class EngineSmokeTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final List<String> PROBABILITIES = List.of("p1", "p2", "p3");

    enum Deliverable {
        FOLDER, SINGLE_FILE;

        Path file() {
            return this == FOLDER ? Browser.siteFile("index.html")
                    : Path.of(System.getProperty("single.file", "target/softmax-explorer.html")).toAbsolutePath();
        }
    }

    static Stream<Arguments> enginesAndDeliverables() {
        return Arrays.stream(Engine.values()).flatMap(engine -> Arrays.stream(Deliverable.values())
                .map(deliverable -> Arguments.of(engine, deliverable)));
    }

    /** The engine now running, shared by its two deliverables: starting an engine takes seconds. */
    private static Engine running;
    private static EnginePage browser;

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
            running = null;
        }
    }

    private static EnginePage browser(Engine engine) {
        if (engine != running) {
            stopBrowser();
            browser = engine.start();
            running = engine;
        }
        return browser;
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("enginesAndDeliverables")
    void thePageWorks(Engine engine, Deliverable deliverable) {
        EnginePage page = browser(engine);
        page.consoleErrors();
        Path file = deliverable.file();
        load(page, file, "");
        assertEquals(shown(2, 1, 0), texts(page, PROBABILITIES), "the worked example [2, 1, 0]");
        assertEquals(List.of("true", "other", "other"), Charts.barsAlongTheAxis(page),
                "the canvas draws the true class's bar and two others");

        page.type("z1", "3");
        until(page, "the typed logit z1 = 3 changes the probabilities",
                () -> texts(page, PROBABILITIES).equals(shown(3, 1, 0)));

        page.press("z2-slider", Keys.END);
        until(page, "the slider's End key moves z2 to its maximum, 10",
                () -> texts(page, PROBABILITIES).equals(shown(3, 10, 0)));

        until(page, "the link follows the logits (once they are still)", () -> hash(page).contains("z=3,10,0"));
        String hash = hash(page);
        load(page, file, hash);
        assertEquals(List.of("3", "10", "0"), values(page, List.of("z1", "z2", "z3")), "the link's logits");
        assertEquals(shown(3, 10, 0), texts(page, PROBABILITIES), "the link's probabilities");
        assertEquals(hash, hash(page), "the link after a reload");

        page.press("language", Keys.ARROW_DOWN);
        until(page, "the language control switches to Japanese", () -> text(page, "inputs-title").equals("入力"));
        assertEquals("ja", page.script("return document.documentElement.lang;"));
        assertEquals("予測", page.script("return document.querySelector('[data-i18n=\"results.predicted\"]')"
                + ".textContent;"));
        until(page, "the link says lang=ja", () -> hash(page).contains("lang=ja"));
        assertEquals(shown(3, 10, 0), texts(page, PROBABILITIES), "the same numbers in Japanese");
        page.press("language", Keys.ARROW_UP);
        until(page, "the language control switches back to English",
                () -> text(page, "inputs-title").equals("Inputs"));
        // A link naming only the language: the build's Japanese first screen (its swap script and
        // templates), then English again from it.
        load(page, file, "lang=ja");
        assertEquals(List.of("入力", "温度 T", "ja"), List.of(text(page, "inputs-title"), text(page, "t-label"),
                (String) page.script("return document.documentElement.lang;")), "the Japanese first screen");
        page.press("language", Keys.ARROW_UP);
        until(page, "from the build's Japanese first screen back to English",
                () -> text(page, "inputs-title").equals("Inputs") && text(page, "t-label").equals("Temperature T"));
        load(page, file, hash);

        page.click("share");
        page.click("copy-link");
        until(page, "Copy link says what it did", () -> !text(page, "copy-status").isEmpty());
        String copied = text(page, "copy-status");
        if (!copied.equals("Link copied.")) {
            // The engine refused the clipboard: the page shows the link, selected, to copy by hand.
            assertTrue(copied.startsWith("This browser refused the clipboard here"), copied);
            String shownLink = (String) page.script("return document.getElementById('copy-fallback').value;");
            assertTrue(shownLink.startsWith(file.toUri().toString()) && shownLink.contains("z=3,10,0"), shownLink);
        }

        load(page, file, "z=12,0,0&prec=float16");
        assertEquals(shown(12, 0, 0, Precision.FLOAT16, Mode.STABLE), texts(page, PROBABILITIES),
                "float16 with the maximum subtracted");
        page.click("naive");
        List<String> naive = shown(12, 0, 0, Precision.FLOAT16, Mode.NAIVE);
        // e^12 = 162754.8 is above float16's largest finite value, 65504: p1 = Infinity / Infinity.
        assertEquals("NaN", naive.get(0), "core: e^12 overflows float16");
        until(page, "the naive softmax overflows", () -> texts(page, PROBABILITIES).equals(naive));
        assertEquals(Boolean.FALSE, page.script("return document.getElementById('overflow-explanation').hidden;"));
        String explanation = text(page, "overflow-explanation");
        assertTrue(explanation.startsWith("e^12 overflows float16"), explanation);

        // A probability bar grabbed and pulled up (pointer capture on a canvas): class 2's bar, in the
        // middle of the three columns, follows the pointer (ProbabilityChart's plot runs from 30 px
        // below the top to 40 px above the bottom; DragTest checks the exact logit in Chromium).
        load(page, file, "");
        page.script("document.getElementById('probability-chart').scrollIntoView({block: 'center'});");
        @SuppressWarnings("unchecked")
        List<Number> chart = (List<Number>) page.script("var r = document.getElementById('probability-chart')"
                + ".getBoundingClientRect(); return [r.top, r.height];");
        double plotTop = chart.get(0).doubleValue() + 30;
        double plotHeight = chart.get(1).doubleValue() - 70;
        int up = (int) Math.round(0.2 * plotHeight);
        double wanted = 1 - (chart.get(0).doubleValue() + chart.get(1).doubleValue() / 2 - up - plotTop) / plotHeight;
        page.drag("probability-chart", -up);
        until(page, "the dragged bar's class takes about the probability under the pointer (" + wanted + ")",
                () -> Math.abs(Double.parseDouble(texts(page, PROBABILITIES).get(1)) - wanted) < 0.02);
        assertEquals(List.of("2", "0"), values(page, List.of("z1", "z3")), "the other logits are kept");
        until(page, "the link follows the dragged logit", () -> hash(page).contains("z=2," + values(page,
                List.of("z2")).get(0) + ",0"));

        // The sampler chain's order by dragging a step's grip (pointer events and pointer capture):
        // temperature from first to below min-p's middle, as in llama.cpp, where min-p 0.2 then
        // sees T = 1 and keeps 2 of the 5 classes (ChainViewTest works the numbers).
        load(page, file, "k=5&z=2,1,0,-1,-2&t=2&minp=0.2");
        page.script("document.getElementById('chain-steps').scrollIntoView({block: 'center'});");
        @SuppressWarnings("unchecked")
        List<Number> rows = (List<Number>) page.script("var g = document.getElementById('chain-grip-temp')"
                + ".getBoundingClientRect(), m = document.getElementById('chain-row-minp').getBoundingClientRect();"
                + " return [g.top + g.height / 2, m.top + 0.75 * m.height];");
        page.drag("chain-grip-temp", (int) Math.round(rows.get(1).doubleValue() - rows.get(0).doubleValue()));
        until(page, "the dragged step takes its place in the chain's link",
                () -> hash(page).contains("chain=topk,topp,minp,temp,typical"));
        until(page, "the chain's stages follow the new order", () -> page.script("return Array.from(document"
                + ".querySelectorAll('#chain-stage-table tbody tr')).map(r => r.cells[1].textContent).join(' ');")
                .equals("5 5 5 2 2 2"));

        // The chain on a 5,000-class vector runs in a worker made from the page's own script
        // (ChainInWorkerTest works the numbers): ten logits of 8 and 4,990 of 0, min-p 0.05 before
        // T keeps the ten. The 15,000 characters are set by script (typed they would take
        // minutes); Read is clicked.
        load(page, file, "views=workbench,chain&minp=0.05&t=4&chain=topk,typical,topp,minp,temp");
        page.script("var z = []; for (var i = 0; i < 5000; i++) { z.push(i < 10 ? 8 : 0); }"
                + " document.getElementById('workbench-text').value = z.join(', ');");
        page.click("workbench-read");
        until(page, "the chain on the vector runs in the worker", () -> "worker".equals(page.script(
                "var view = document.getElementById('chain-view'); view.scrollIntoView();"
                + " return view.getAttribute('data-ran-in');")));
        until(page, "the worker's stages", () -> page.script("document.getElementById('chain-view').scrollIntoView();"
                + " return Array.from(document.querySelectorAll('#chain-stage-table tbody tr'))"
                + ".map(r => r.cells[1].textContent).join(' ');").equals("5,000 5,000 5,000 5,000 10 10"));

        assertEquals(List.of(), page.consoleErrors(), "console errors");
        assertNoErrorBox(page);
    }

    /**
     * A fresh load (never a same-document jump to a new fragment), waiting until every view has
     * drawn: those far below the screen draw as they come near, so it scrolls to each in turn.
     */
    private static void load(EnginePage page, Path file, String hash) {
        page.open("about:blank");
        page.open(file.toUri() + (hash.isEmpty() ? "" : "#" + hash));
        until(page, "the page settles after loading " + file.getFileName() + "#" + hash, () -> (Boolean) page.script(
                "return performance.getEntriesByName('softmax-explorer-settled').length > 0;"));
        until(page, "every view has drawn", () -> (Boolean) page.script("var busy = document.querySelector("
                + "'[aria-busy=\"true\"]'); if (busy) { busy.scrollIntoView(); return false; }"
                + " window.scrollTo(0, 0); return true;"));
        assertNoErrorBox(page);
        assertEquals("visible", page.script("return getComputedStyle(document.body).visibility;"),
                "the page shows itself once rendered");
        if (hash.isEmpty() || hash.equals("lang=ja")) {
            // The build wrote the default first screen into the page, in English and in Japanese:
            // it may paint before the script.
            return;
        }
        // A link's state: not one contentful frame before the page's first render (docs/engines.md).
        until(page, "the first contentful paint", () -> (Boolean) page.script(
                "return performance.getEntriesByName('first-contentful-paint').length > 0;"));
        @SuppressWarnings("unchecked")
        List<Number> times = (List<Number>) page.script("var shown = performance.getEntriesByName('softmax-explorer-shown')[0];"
                + " var frame = shown.detail && shown.detail.frameStart;"
                + " return [Math.floor(typeof frame === 'number' ? Math.min(frame, shown.startTime) : shown.startTime),"
                + " performance.getEntriesByName('first-contentful-paint')[0].startTime];");
        // Firefox stamps a paint with the start of its frame, before the frame's callbacks ran, and
        // in whole milliseconds (rounded down), while marks keep fractions.
        assertTrue(times.get(1).doubleValue() >= times.get(0).doubleValue(), "first contentful paint at "
                + times.get(1) + " ms, before the frame in which the page was shown (" + times.get(0) + " ms)");
    }

    private static void assertNoErrorBox(EnginePage page) {
        assertEquals("", page.script("var box = document.getElementById('fatal');"
                + " return box.hidden ? '' : box.textContent;"), "the page's error box");
    }

    private static List<String> shown(double z1, double z2, double z3) {
        return shown(z1, z2, z3, Precision.FLOAT64, Mode.STABLE);
    }

    /** The probabilities as the page should show them: core's, formatted by the page's own formatter. */
    private static List<String> shown(double z1, double z2, double z3, Precision precision, Mode mode) {
        double[] p = Pipeline.trace(new double[] {z1, z2, z3}, 1, precision, mode).probabilities();
        return Arrays.stream(p).mapToObj(Numbers::compact).toList();
    }

    private static String hash(EnginePage page) {
        return (String) page.script("return location.hash.substring(1);");
    }

    private static String text(EnginePage page, String id) {
        return texts(page, List.of(id)).get(0);
    }

    @SuppressWarnings("unchecked")
    private static List<String> texts(EnginePage page, List<String> ids) {
        return (List<String>) page.script("return arguments[0].map(function (id) {"
                + " return document.getElementById(id).textContent.trim(); });", ids);
    }

    @SuppressWarnings("unchecked")
    private static List<String> values(EnginePage page, List<String> ids) {
        return (List<String>) page.script("return arguments[0].map(function (id) {"
                + " return document.getElementById(id).value; });", ids);
    }

    private static void until(EnginePage page, String what, Supplier<Boolean> condition) {
        new FluentWait<>(page).withTimeout(PATIENCE).pollingEvery(Duration.ofMillis(20)).withMessage(what)
                .until(p -> condition.get());
    }
}
