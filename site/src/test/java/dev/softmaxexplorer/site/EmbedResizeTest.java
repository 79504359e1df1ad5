package dev.softmaxexplorer.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openqa.selenium.support.ui.ExpectedConditions.frameToBeAvailableAndSwitchToIt;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * An embedding sizes itself: a course page with the few lines the README gives follows the height
 * the page posts, as the page shows more or less. Also the notebook way of embedding the single
 * file, an {@code <iframe srcdoc>} (what IPython's {@code HTML} display of an iframe writes).
 */
class EmbedResizeTest extends BrowserTest {
    /** The README's host-page lines, plus a record of every message for the test to read. */
    private static final String HOST_SCRIPT = "<script>window.resizes = [];"
            + "window.addEventListener('message', function (e) {"
            + "  var frame = document.getElementById('explorer');"
            + "  if (e.source === frame.contentWindow && e.data && e.data.source === 'softmax-explorer'"
            + "      && e.data.type === 'resize') {"
            + "    window.resizes.push(e.data.height); frame.style.height = e.data.height + 'px'; }"
            + "});</script>";
    private static final int START_HEIGHT = 300;

    private static Path courseSite;

    @BeforeAll
    static void writeCoursePages() throws IOException {
        courseSite = Files.createTempDirectory("embed-resize");
        String folderPage = Browser.siteFile("index.html").toUri() + "#embed=1&views=inputs,bars&k=3";
        Files.writeString(courseSite.resolve("folder.html"), host("src=\"" + folderPage + "\""), StandardCharsets.UTF_8);
        String single = Files.readString(singleFile(), StandardCharsets.UTF_8);
        // Python's html.escape(quote=True), as a notebook cell writing the srcdoc would use.
        String escaped = single.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;").replace("'", "&#x27;");
        Files.writeString(courseSite.resolve("notebook.html"), host("srcdoc=\"" + escaped + "\""),
                StandardCharsets.UTF_8);
    }

    private static String host(String source) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Course page</title>"
                + "<link rel=\"icon\" href=\"data:,\"></head><body><h1>Week 3</h1>"
                + "<iframe id=\"explorer\" title=\"Softmax Explorer\" style=\"width:900px;border:0\" height=\""
                + START_HEIGHT + "\" " + source + "></iframe>" + HOST_SCRIPT + "</body></html>";
    }

    @AfterAll
    static void removeCoursePages() throws IOException {
        for (String name : List.of("folder.html", "notebook.html")) {
            Files.deleteIfExists(courseSite.resolve(name));
        }
        Files.deleteIfExists(courseSite);
    }

    @AfterEach
    void noErrors() {
        browser.driver.switchTo().defaultContent();
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void theIframeFollowsThePageAsItGrowsAndShrinks() {
        browser.driver.get(courseSite.resolve("folder.html").toUri().toString());
        double three = fitted();
        assertTrue(three > START_HEIGHT, "K = 3 with its bars is taller than " + START_HEIGHT + " px: " + three);

        inFrame(() -> browser.choose("k", "10"));
        double ten = fitted();
        // Seven more class rows, each at least 44 px (a touch target), and seven more bars.
        assertTrue(ten >= three + 7 * 44, "K = 10: " + ten + " px, K = 3: " + three + " px");

        inFrame(() -> browser.choose("k", "2"));
        double two = fitted();
        assertTrue(two < three, "K = 2: " + two + " px, K = 3: " + three + " px");

        List<Long> sent = resizes();
        for (int i = 1; i < sent.size(); i++) {
            assertTrue(!sent.get(i).equals(sent.get(i - 1)), "a message only on a change: " + sent);
        }
        // Three changes the page drew in a few frames each, not a message a frame.
        assertTrue(sent.size() <= 12, "messages: " + sent);
    }

    @Test
    void theSingleFileWorksAndFitsInASrcdocFrame() {
        browser.driver.get(courseSite.resolve("notebook.html").toUri().toString());
        double height = fitted();
        assertTrue(height > START_HEIGHT, "the whole explorer is taller than " + START_HEIGHT + " px: " + height);
        browser.waiting().until(frameToBeAvailableAndSwitchToIt(By.id("explorer")));
        // z = [2, 1, 0]: p1 = e^2 / (e^2 + e + 1) = 7.3890561 / 11.1073379 = 0.6652410.
        browser.waitForText("p1", "0.665241");
        browser.type("z1", "3");
        // z = [3, 1, 0]: p1 = e^3 / (e^3 + e + 1) = 20.0855369 / 23.8038187 = 0.8437947.
        browser.waitForText("p1", "0.843795");
    }

    /**
     * Waits until the iframe's height is the height of the page inside it and stays so for the
     * page's settled render, and returns it.
     */
    private static double fitted() {
        browser.waiting().until(d -> {
            double frame = ((Number) browser.script(
                    "return document.getElementById('explorer').getBoundingClientRect().height;")).doubleValue();
            Object[] inside = new Object[1];
            inFrame(() -> inside[0] = browser.script("return performance.getEntriesByName('softmax-explorer-settled')"
                    + ".length > 0 ? Math.ceil(document.documentElement.getBoundingClientRect().height) : -1;"));
            return frame == ((Number) inside[0]).doubleValue() ? Boolean.TRUE : null;
        });
        return ((Number) browser.script("return document.getElementById('explorer').getBoundingClientRect().height;"))
                .doubleValue();
    }

    private static void inFrame(Runnable action) {
        browser.driver.switchTo().frame(browser.element("explorer"));
        try {
            action.run();
        } finally {
            browser.driver.switchTo().defaultContent();
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Long> resizes() {
        return (List<Long>) browser.script("return window.resizes;");
    }

    private static Path singleFile() {
        return Path.of(System.getProperty("single.file", "target/softmax-explorer.html")).toAbsolutePath();
    }
}
