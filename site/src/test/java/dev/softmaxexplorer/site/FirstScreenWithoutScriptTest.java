package dev.softmaxexplorer.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * Issue 16: the browser can paint the complete first screen from the HTML alone, before the
 * script has loaded: the build wrote the default state's class rows, T, the label smoothing and
 * the results' words into the page, the same the script then shows.
 */
class FirstScreenWithoutScriptTest extends BrowserTest {
    /** The controls and words of the first screen, read in one round trip. */
    private static final String READ = "var v = function (id) { return document.getElementById(id).value; };"
            + " var t = function (id) { return document.getElementById(id).textContent; };"
            + " return [v('name1'), v('name2'), v('name3'), v('z1'), v('z2'), v('z3'), v('z1-slider'),"
            + " String(document.getElementById('target1').checked), String(document.getElementById('target2').checked),"
            + " v('temperature'), v('eps'), t('loss'), t('predicted'), t('summary'),"
            + " getComputedStyle(document.body).visibility];";

    /**
     * What {@link #READ} reads on the default first screen in Japanese: the words of ja.properties
     * (inputs.class.default-name, results.predicted.right, results.summary) around the numbers of
     * the English test below.
     */
    private static final List<String> JAPANESE = List.of("クラス1", "クラス2", "クラス3", "2", "1", "0", "2", "true",
            "false", "1", "0", "0.407606", "クラス1 \u2713",
            "予測は クラス1（確率 66.5%）。正解クラス クラス1 の確率は 66.5%、損失は 0.408。", "visible");

    @TempDir
    Path folder;

    @Test
    void theHtmlAloneShowsTheDefaultFirstScreen() throws IOException {
        String html = Files.readString(Browser.siteFile("index.html"), StandardCharsets.UTF_8);
        List<String> before = openWithoutScript("");
        // softmax([2, 1, 0]) at T = 1: p1 = e^2 / (e^2 + e + 1) = 0.665241, so the loss is -ln p1 = 0.407606;
        // p2 = e / (e^2 + e + 1) = 24.5 %.
        assertEquals(List.of("Class 1", "Class 2", "Class 3", "2", "1", "0", "2", "true", "false", "1", "0",
                "0.407606", "Class 1 \u2713",
                "Predicted Class 1 with probability 66.5%; true class Class 1 has 66.5%; loss 0.408.", "visible"), before);

        browser.load("");
        @SuppressWarnings("unchecked")
        List<String> after = (List<String>) browser.script(READ);
        assertEquals(before, after, "the script's first frames change nothing the build wrote");
        assertEquals(rowStructure(), rowStructureOf(html), "the rows the script builds are the build's");
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void aLinkInJapaneseShowsTheJapaneseFirstScreenFromTheHtmlAlone() throws IOException {
        List<String> before = openWithoutScript("lang=ja");
        assertEquals(JAPANESE, before);
        assertEquals(List.of("ja", "ja", "入力", "温度 T", "hidden",
                "Softmax Explorer：ロジット、温度、確率と交差エントロピー誤差"), browser.script("return [document.documentElement.lang,"
                + " document.getElementById('language').value, document.getElementById('inputs-title').textContent,"
                + " document.getElementById('t-label').textContent,"
                + " getComputedStyle(document.getElementById('views')).visibility, document.title];"),
                "Japanese on the first screen; below it the page (English until the script) waits");
        // Every word the build wrote on the first screen (the script adds the charts, and the step
        // table with its caption's numbers).
        String firstScreen = "return Array.prototype.map.call(document.querySelectorAll('.masthead [data-i18n],"
                + " main [data-i18n]:not(#steps-caption)'), function (e) { return e.textContent; }).join('|');";
        Object words = browser.script(firstScreen);

        browser.load("lang=ja");
        @SuppressWarnings("unchecked")
        List<String> after = (List<String>) browser.script(READ);
        assertEquals(before, after, "the script's first frames change nothing the build wrote");
        assertEquals(words, browser.script(firstScreen));
        assertEquals("visible", browser.script("return getComputedStyle(document.getElementById('views')).visibility;"));
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void aBrowserInJapaneseShowsTheJapaneseFirstScreenFromTheHtmlAlone() throws IOException {
        String userAgent = (String) browser.script("return navigator.userAgent;");
        String language = (String) browser.script("return navigator.language;");
        browser.driver.executeCdpCommand("Emulation.setUserAgentOverride",
                Map.of("userAgent", userAgent, "acceptLanguage", "ja-JP"));
        try {
            assertEquals(JAPANESE, openWithoutScript(""), "no link: the browser's language chooses");
            assertEquals("ja", browser.script("return document.documentElement.lang;"));
        } finally {
            browser.driver.executeCdpCommand("Emulation.setUserAgentOverride",
                    Map.of("userAgent", userAgent, "acceptLanguage", language));
        }
    }

    @Test
    void whatAPersonDidBeforeTheScriptLoadedIsKept() throws IOException {
        openWithoutScript("");
        // A person on a slow phone types T = 2.5 and chooses Class 2 as the true class, with real
        // keys and a click, before the script has arrived.
        browser.driver.findElement(By.id("temperature")).sendKeys(Keys.chord(Keys.CONTROL, "a"), "2.5");
        browser.driver.findElement(By.id("target2")).click();
        // The script arrives (as the deferred one would, once the page is parsed).
        browser.script("var s = document.createElement('script'); s.src = 'app.js'; document.head.appendChild(s);");
        browser.waiting().until(d -> (Boolean) browser.script(
                "return performance.getEntriesByName('softmax-explorer-settled').length > 0;"));
        @SuppressWarnings("unchecked")
        List<String> after = (List<String>) browser.script(READ);
        // z / T = [0.8, 0.4, 0]: S = e^0.8 + e^0.4 + 1 = 4.717366, p1 = e^0.8 / S = 47.2 %, p2 = e^0.4 / S
        // = 31.6 %, and the loss of Class 2 is ln S - 0.4 = 1.151251 (mpmath: 1.1512505137...).
        assertEquals(List.of("Class 1", "Class 2", "Class 3", "2", "1", "0", "2", "false", "true", "2.5", "0",
                "1.15125", "Class 1 \u2717",
                "Predicted Class 1 with probability 47.2%; true class Class 2 has 31.6%; loss 1.15.", "visible"), after);
        // The address follows when the page is idle.
        browser.waiting().until(d -> {
            String hash = (String) browser.script("return location.hash;");
            return hash.contains("t=2.5") && hash.contains("c=1");
        });
        assertEquals(List.of(), browser.consoleErrors());
    }

    /** Opens the page as the browser has it before its script has loaded; what {@link #READ} reads there. */
    @SuppressWarnings("unchecked")
    private List<String> openWithoutScript(String hash) throws IOException {
        Path page = Browser.copyOfSite(folder, "<script src=\"app.js\" defer></script>", "");
        browser.driver.get("about:blank");
        browser.open(page, hash);
        browser.waiting().until(d -> browser.script("return document.readyState;").equals("complete"));
        return (List<String>) browser.script(READ);
    }

    /** The class rows' elements (tag, id, type, class) in the running page, after K went to 4 and back to 3. */
    private static String rowStructure() {
        browser.choose("k", "4");
        browser.waitForValue("z4", "-1");
        browser.choose("k", "3");
        browser.waitForValue("k", "3");
        browser.choose("k", "4");
        browser.waitForValue("z4", "-1");
        return (String) browser.script("var r = document.querySelectorAll('#classes .class-row')[3];"
                + " return Array.from(r.querySelectorAll('*')).map(function (e) { return e.tagName.toLowerCase() + '#'"
                + " + e.id + '.' + e.className + ':' + (e.getAttribute('type') || ''); }).join(' ');")
                + "";
    }

    /** The same for the build's first row, with the index of the fourth. */
    private static String rowStructureOf(String html) {
        return (String) browser.script("var d = new DOMParser().parseFromString(arguments[0], 'text/html');"
                + " var r = d.querySelectorAll('#classes .class-row')[0];"
                + " return Array.from(r.querySelectorAll('*')).map(function (e) { return e.tagName.toLowerCase() + '#'"
                + " + e.id.replace(/1/, '4') + '.' + e.className + ':' + (e.getAttribute('type') || ''); }).join(' ');",
                html);
    }
}
