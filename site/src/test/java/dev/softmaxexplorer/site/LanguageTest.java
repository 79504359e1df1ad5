package dev.softmaxexplorer.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * The page in another language (issue 8): Japanese from the link and from the language control,
 * the same numbers in every language, English for a language the page does not have, and no
 * overlapping or clipped words in the pseudo-locales that double every string or run right to left.
 */
class LanguageTest extends BrowserTest {
    /** The cells and metrics whose numbers must not depend on the language. */
    private static final String NUMBERS = "return Array.prototype.map.call(document.querySelectorAll("
            + "'#steps td, #gradient-body td, #sweep-table td, .metric-value'), function (e) { return e.innerText; });";

    @Test
    void aJapaneseLinkShowsJapaneseWordsAndTheSameNumbers() {
        // Typed names: the page words default names in its language (see the test below).
        // Read down to the last view: the numbers of every view are compared.
        browser.loadWhole("names=cat,dog,bird");
        Object english = browser.script(NUMBERS);
        assertEquals("\u00a0\u2713\u00a0true", trueClassMark());
        browser.loadWhole("names=cat,dog,bird&lang=ja");
        assertEquals("\u00a0\u2713\u00a0正解", trueClassMark());
        assertEquals("ja", browser.script("return document.documentElement.lang;"));
        assertEquals("入力", browser.text("inputs-title"));
        assertEquals("温度 T", browser.text("t-label"));
        assertEquals("交差エントロピー誤差", word("theory.cross-entropy-loss"));
        assertTrue(browser.text("summary").startsWith("予測は cat（確率 66.5%）"), browser.text("summary"));
        assertEquals(english, browser.script(NUMBERS));
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void fromTheBuildsJapaneseFirstScreenTheLanguageControlSwitchesToTheBuildsEnglish() {
        String firstScreen = "return document.querySelector('.masthead').innerText + document.querySelector('main').innerText"
                + " + Array.prototype.map.call(document.querySelectorAll('main [aria-label]'),"
                + " function (e) { return e.getAttribute('aria-label'); }).join('|');";
        browser.load("");
        Object english = browser.script(firstScreen);
        // A link that names only the language: the build's Japanese first screen, put in place before the script.
        browser.load("lang=ja");
        assertEquals("入力", browser.text("inputs-title"));
        browser.choose("language", "en");
        browser.waitForText("inputs-title", "Inputs");
        assertEquals("en", browser.script("return document.documentElement.lang;"));
        assertEquals(english, browser.script(firstScreen), "the same words as the build's English page");
        assertEquals("Softmax Explorer: logits, temperature, probabilities and cross-entropy",
                browser.script("return document.title;"));
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void theLanguageControlSwitchesWithoutReloadAndTheLinkFollows() {
        browser.load("z=3,1,0");
        browser.script("window.notReloaded = true;");
        browser.choose("language", "ja");
        browser.waitForText("inputs-title", "入力");
        browser.waiting().until(d -> browser.script("return location.hash;").toString().contains("lang=ja"));
        assertEquals("予測", word("results.predicted"));
        assertEquals(Boolean.TRUE, browser.script("return window.notReloaded === true;"));
        assertEquals("z=3,1,0&lang=ja", browser.script("return location.hash.substring(1);"));

        browser.choose("language", "en");
        browser.waitForText("inputs-title", "Inputs");
        assertEquals("en", browser.script("return document.documentElement.lang;"));
        assertEquals("Predicted", word("results.predicted"));
        assertEquals(Boolean.TRUE, browser.script("return window.notReloaded === true;"));
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void withoutLangTheBrowsersLanguageChoosesAndTheLinkStaysShort() {
        String agent = (String) browser.script("return navigator.userAgent;");
        String language = (String) browser.script("return navigator.language;");
        // A Japanese browser: the accepted languages are what navigator.language reports.
        browser.driver.executeCdpCommand("Emulation.setUserAgentOverride",
                Map.of("userAgent", agent, "acceptLanguage", "ja-JP"));
        try {
            browser.load("z=3,1,0");
            assertEquals("ja-JP", browser.script("return navigator.language;"));
            assertEquals("入力", browser.text("inputs-title"));
            assertEquals("ja", browser.value("language"));
            assertEquals("#z=3,1,0", browser.script("return location.hash;"));
            browser.load("z=3,1,0&lang=en");
            assertEquals("Inputs", browser.text("inputs-title"));
        } finally {
            browser.driver.executeCdpCommand("Emulation.setUserAgentOverride",
                    Map.of("userAgent", agent, "acceptLanguage", language));
        }
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void aLanguageThePageDoesNotHaveIsEnglishWithoutAnyComplaint() {
        browser.load("lang=xx-YY");
        assertEquals("Inputs", browser.text("inputs-title"));
        assertEquals("en", browser.script("return document.documentElement.lang;"));
        assertEquals(Boolean.TRUE, browser.script("return document.getElementById('notice').hidden;"));
        assertEquals("en", browser.value("language"));
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void inputMessagesAndLinkNoticesAreInTheLanguageShown() {
        browser.load("lang=ja&t=abc");
        assertTrue(browser.text("notice").startsWith("リンクに、このページでは使えない設定がありました：リンクの 't=abc' は無視しました："),
                browser.text("notice"));
        browser.type("temperature", "-1");
        browser.waitForText("input-message",
                "温度 Tは0 より大きい数でなければなりません。'-1' はその範囲外です。直前の正しい値のままにしています。");
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void classNamesOfDefaultsAndExamplesAreInTheLanguageShown() {
        browser.load("lang=ja");
        assertEquals(List.of("クラス1", "クラス2", "クラス3"), classNames());
        browser.driver.findElements(By.cssSelector("#classes input.name")).get(1)
                .sendKeys(Keys.chord(Keys.CONTROL, "a"), "犬");
        browser.waiting().until(d -> browser.script("return location.hash;").toString().contains("%E7%8A%AC"));
        assertEquals("#names=,%E7%8A%AC,&lang=ja", browser.script("return location.hash;"));
        assertEquals(List.of("クラス1", "犬", "クラス3"), classNames());

        browser.choose("language", "en");
        browser.waitForText("inputs-title", "Inputs");
        assertEquals(List.of("Class 1", "犬", "Class 3"), classNames());
        assertTrue(browser.text("summary").startsWith("Predicted Class 1 with probability 66.5%"), browser.text("summary"));

        browser.choose("language", "ja");
        browser.waitForText("inputs-title", "入力");
        browser.choose("preset", "CAT_DOG_BIRD");
        browser.waiting().until(d -> List.of("猫", "犬", "鳥").equals(classNames()));
        browser.waiting().until(d -> browser.script("return location.hash;").toString()
                .startsWith("#z=4.5,-1.2,0.8&names=%E7%8C%AB,%E7%8A%AC,%E9%B3%A5"));
        assertTrue(browser.text("summary").startsWith("予測は 猫（確率 97.3%）"), browser.text("summary"));
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void anUnexpectedErrorIsReportedInTheLanguageShown() {
        browser.load("lang=ja");
        // As the browser reports an uncaught error (a script of the test's own would read "Script error.").
        browser.script("window.dispatchEvent(new ErrorEvent('error', {message: 'Uncaught Error: $& boom'}));");
        browser.waiting().until(d -> !browser.text("fatal").isEmpty());
        // The error's own text goes in as it is ("$&" is not a replacement pattern here).
        assertEquals("Softmax Explorer の内部でエラーが起きました：Uncaught Error: $& boom。表示中の数値は古いかもしれません。"
                + "ページを再読み込みするとやり直せます。", browser.text("fatal"));
    }

    @SuppressWarnings("unchecked")
    private List<String> classNames() {
        return (List<String>) browser.script("return Array.prototype.map.call("
                + "document.querySelectorAll('#classes input.name'), function (e) { return e.value; });");
    }

    @Test
    void typedClassNamesStayTextInEveryLanguage() {
        browser.load("lang=ja&names=%3Cem%3Ecat%3C%2Fem%3E,dog,bird");
        assertTrue(browser.text("summary").contains("<em>cat</em>"), browser.text("summary"));
        assertEquals(0L, browser.script("return document.querySelectorAll('#results em').length;"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ja", "en-XA", "ar-XB"})
    void noWordsOverlapOrAreClipped(String language) {
        browser.load("lang=" + language + "&k=4&names=golden%20retriever%20puppy,dog,bird,fish");
        assertEquals(language.startsWith("ar") ? "rtl" : "ltr", browser.script("return document.documentElement.dir;"));
        for (int width : new int[] {1280, 360}) {
            browser.emulate(width, 900, 1);
            try {
                browser.waiting().until(d -> (Long) browser.script("return window.innerWidth;") == width);
                assertEquals(List.of(), browser.script(Geometry.PROBLEMS), language + " at " + width + " px");
            } finally {
                browser.stopEmulating();
            }
        }
        assertEquals(List.of(), browser.consoleErrors());
    }

    /**
     * The folder's page carries the English words only and loads the Japanese table
     * (strings-ja.js) when Japanese is first asked for, so that English readers do not download it.
     */
    @Test
    void theJapaneseTableLoadsOnlyWhenJapaneseIsShown() {
        browser.load("z=3,1,0");
        assertEquals(List.of("app.js"), scriptFiles());
        assertEquals(0L, browser.script("return document.querySelectorAll('#strings-ja').length;"));
        browser.choose("language", "ja");
        browser.waitForText("inputs-title", "入力");
        assertEquals(List.of("app.js", "strings-ja.js"), scriptFiles());
        assertEquals(List.of(), browser.consoleErrors());
    }

    @TempDir
    Path copy;

    /**
     * A folder copied without strings-ja.js: a Japanese link shows the page in English and says
     * which file is missing, also after the build's Japanese first screen (a link naming only the
     * language). The browser logs the missing file; nothing else goes wrong.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // z = [3, 1, 0]: p1 = e^3 / (e^3 + e + 1) = 20.0855369 / 23.8038187 = 0.8437947.
        "lang=ja&z=3,1,0 | 0.843795",
        // z = [2, 1, 0]: p1 = e^2 / (e^2 + e + 1) = 7.3890561 / 11.1073379 = 0.6652410.
        "lang=ja | 0.665241"})
    void aMissingTableFileLeavesThePageInEnglishWithANotice(String hash, String p1) throws IOException {
        for (String name : List.of("index.html", "style.css", "app.js")) {
            Files.copy(Browser.siteFile(name), copy.resolve(name));
        }
        browser.driver.get("about:blank");
        browser.open(copy.resolve("index.html"), hash);
        browser.waiting().until(d -> (Boolean) browser.script(
                "return performance.getEntriesByName('softmax-explorer-settled').length > 0;"));
        assertEquals(List.of("Inputs", "Temperature T"), browser.texts(List.of("inputs-title", "t-label")));
        assertEquals("en", browser.script("return document.documentElement.lang;"));
        assertEquals("The words of this language (strings-ja.js, next to the page) could not be loaded,"
                + " so the page is in English.", browser.text("notice"));
        assertEquals(p1, browser.text("p1"));
        List<String> errors = browser.consoleErrors();
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).contains("strings-ja.js") && errors.get(0).contains("ERR_FILE_NOT_FOUND"),
                errors.get(0));
    }

    @SuppressWarnings("unchecked")
    private static List<String> scriptFiles() {
        return (List<String>) browser.script("return Array.prototype.map.call(document.querySelectorAll("
                + "'script[src]'), function (s) { return s.getAttribute('src'); });");
    }

    /** The words of the static element with this string-table key. */
    private static String word(String key) {
        return (String) browser.script("return document.querySelector('[data-i18n=\"' + arguments[0] + '\"]')"
                + ".textContent;", key);
    }

    /** The mark after the true class's name in the step table (generated content), without quotes. */
    private String trueClassMark() {
        browser.reveal(List.of("steps-body"));
        String content = (String) browser.script("var th = document.querySelector('#steps-body tr.true-class th');"
                + " return getComputedStyle(th, '::after').content;");
        return content.replace("\"", "");
    }
}
