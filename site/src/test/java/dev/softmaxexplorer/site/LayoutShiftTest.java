package dev.softmaxexplorer.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 16: nothing on the screen moves once the page has painted (cumulative layout shift 0),
 * in the folder and in the single file, in English and under a Japanese link, up to the moment
 * every view has drawn.
 */
class LayoutShiftTest extends BrowserTest {
    @ParameterizedTest
    @CsvSource({"index.html, ''", "index.html, lang=ja", "single, ''", "single, lang=ja"})
    void nothingShiftsWhileThePageLoads(String page, String hash) {
        Path file = page.equals("single") ? Path.of(System.getProperty("single.file", "target/softmax-explorer.html"))
                .toAbsolutePath() : Browser.siteFile(page);
        browser.driver.get("about:blank");
        browser.open(file, hash);
        browser.waiting().until(d -> (Boolean) browser.script(
                "return performance.getEntriesByName('softmax-explorer-settled').length > 0;"));
        Object shift = browser.script("return new Promise(function (done) {"
                + " new PerformanceObserver(function (list) { done(list.getEntries().reduce(function (sum, e) {"
                + " return sum + e.value; }, 0)); }).observe({type: 'layout-shift', buffered: true});"
                + " requestAnimationFrame(function () { requestAnimationFrame(function () { done(0); }); }); });");
        assertEquals(0.0, ((Number) shift).doubleValue(), "cumulative layout shift of " + page + "#" + hash);
    }
}
