package dev.softmaxexplorer.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The calibration view as a person uses it: its numbers for the seeded set equal the independent
 * Python references (core's make_calibration_references.py, "seeded set 42"), its own T slider
 * and bins select change ECE and NLL but never the accuracy, and a pasted CSV set is used, or
 * refused row by row while the last good set stays.
 */
class CalibrationViewTest extends BrowserTest {
    // From core's calibration-references.json, "seeded set 42" (60-digit mpmath, each rounded
    // once), with the view's default of 10 bins.
    private static final double ACCURACY = 0.578;
    private static final double FITTED = 2.4953821102273084;
    private static final double ECE_AT_ONE = 0.29615445527957096;
    private static final double NLL_AT_ONE = 2.056446308638557;
    private static final double ECE_AT_FITTED = 0.025890367626588015;
    private static final double NLL_AT_FITTED = 1.3550418427985083;

    @Test
    void seededSetMatchesThePythonReferences() {
        open("views=calibration&embed=1");
        // The summary table: T, ECE, NLL, accuracy at T = 1 | fitted T | your T (1).
        List<List<String>> rows = rows("calibration-summary");
        assertEquals("1", rows.get(0).get(1));
        assertNear(FITTED, Double.parseDouble(rows.get(0).get(2)), 1e-9, "fitted T");
        assertNear(ECE_AT_ONE, Double.parseDouble(rows.get(1).get(1)), 5e-4, "ECE at T = 1");
        assertNear(NLL_AT_ONE, Double.parseDouble(rows.get(2).get(1)), 5e-6, "NLL at T = 1");
        assertNear(ECE_AT_FITTED, Double.parseDouble(rows.get(1).get(2)), 5e-4, "ECE at the fitted T");
        assertNear(NLL_AT_FITTED, Double.parseDouble(rows.get(2).get(2)), 5e-6, "NLL at the fitted T");
        String accuracy = percent(ACCURACY);
        assertEquals(List.of(accuracy, accuracy, accuracy), rows.get(3).subList(1, 4));
        assertTrue(text("calibration-fitted").startsWith("Fitted T = "), text("calibration-fitted"));
        assertTrue(inkedPixels("calibration-chart") > 2000, "the reliability diagram is drawn");
        String verdict = text("calibration-verdict");
        assertEquals(1, verdict.split("T = 1\\b", -1).length - 1, "T = 1 named once: " + verdict);
        assertTrue(verdict.contains(rows.get(1).get(1)) && verdict.contains(rows.get(2).get(1)), verdict);
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void theSliderChangesEceAndNllButNotTheAccuracy() {
        open("views=calibration&embed=1");
        String accuracy = rows("calibration-summary").get(3).get(3);
        String eceAtOne = rows("calibration-summary").get(1).get(3);
        WebElement slider = browser.element("calibration-t-slider");
        new Actions(browser.driver).moveToElement(slider).click().perform();
        for (int i = 0; i < 40; i++) {
            slider.sendKeys(Keys.ARROW_RIGHT);
        }
        browser.waiting().until(d -> !rows("calibration-summary").get(0).get(3).equals("1"));
        List<List<String>> after = rows("calibration-summary");
        assertTrue(Double.parseDouble(after.get(0).get(3)) > 1, "T rose: " + after.get(0).get(3));
        assertEquals(accuracy, after.get(3).get(3), "accuracy is the same at every T");
        assertTrue(!after.get(1).get(3).equals(eceAtOne), "ECE changed");
        assertTrue(text("calibration-verdict").contains("Accuracy is " + accuracy + " at every T"),
                text("calibration-verdict"));
        assertTrue(text("calibration-verdict").contains("at T = " + after.get(0).get(3) + " they are "
                + after.get(1).get(3) + " and " + after.get(2).get(3) + ", against " + eceAtOne), text("calibration-verdict"));
        browser.waiting().until(d -> browser.driver.getCurrentUrl().contains("ct="));
        assertTrue(!browser.driver.getCurrentUrl().contains("&t=") && !browser.driver.getCurrentUrl().contains("#t="),
                "the page's own T is not changed: " + browser.driver.getCurrentUrl());

        browser.element("calibration-fitted").click();
        browser.waiting().until(d -> rows("calibration-summary").get(1).get(3)
                .equals(rows("calibration-summary").get(1).get(2)));
        assertEquals(rows("calibration-summary").get(2).get(2), rows("calibration-summary").get(2).get(3));

        browser.choose("calibration-bins", "15");
        browser.waiting().until(d -> rows("calibration-table").size() == 15);
        browser.waiting().until(d -> browser.driver.getCurrentUrl().contains("bins=15"));
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void aPastedSetIsUsedAndAMangledOneIsRefusedByRow() {
        open("views=calibration&embed=1");
        pasteAndUse("0, 3, 1, 0\n1, 2, 2.5, 0\n2, 0, 1, 4\n0, 1, 3, 0\n");
        browser.waiting().until(d -> text("calibration-paste-status").equals("Using your set of 4 examples with K = 3."));
        // Hand calculation: predictions 0, 1, 2, 1 (argmax); labels 0, 1, 2, 0: 3 of 4 right.
        browser.waiting().until(d -> rows("calibration-summary").get(3).get(1).equals("75.0%"));
        assertEquals("4", rows("calibration-table", "tfoot").get(0).get(1));
        assertTrue(text("calibration-source").contains("not in the link"), text("calibration-source"));

        pasteAndUse("0, 3, 1, 0\n1, 2, abc, 0\n");
        browser.waiting().until(d -> text("calibration-paste-status").startsWith("Row 2, logit 2: abc is not a finite number."));
        assertTrue(text("calibration-paste-status").endsWith("The last good set stays in use."));
        assertEquals("75.0%", rows("calibration-summary").get(3).get(1), "the last good set is kept");

        pasteAndUse("0, 3, 1, 0\n\n7, 1, 2, 0\n");
        browser.waiting().until(d -> text("calibration-paste-status")
                .startsWith("Row 3: the true class 7 is not a whole number from 0 to 2."));
        pasteAndUse("0, 3, 1, 0\n1, 2, 0\n");
        browser.waiting().until(d -> text("calibration-paste-status").startsWith("Row 2 has 2 logits, but row 1 has 3."));

        browser.element("calibration-use-seeded").click();
        browser.waiting().until(d -> rows("calibration-table", "tfoot").get(0).get(1).equals("1000"));
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void worksInJapaneseAndInTheSingleFile() {
        browser.driver.get("about:blank");
        browser.open(Path.of(System.getProperty("single.file", "target/softmax-explorer.html")).toAbsolutePath(),
                "views=calibration&embed=1&lang=ja&ct=2");
        browser.waiting().until(d -> (Boolean) browser.script(
                "return performance.getEntriesByName('softmax-explorer-settled').length > 0;"));
        assertEquals("2", rows("calibration-summary").get(0).get(3));
        assertTrue(text("calibration-verdict").startsWith("正解率はどの T でも " + percent(ACCURACY)),
                text("calibration-verdict"));
        pasteAndUse("0, 1, 2\nx, 1, 2\n");
        browser.waiting().until(d -> text("calibration-paste-status").startsWith("2 行目：正解クラス x は"));
        assertTrue(inkedPixels("calibration-chart") > 2000, "the reliability diagram is drawn");
        assertEquals(List.of(), browser.consoleErrors());
    }

    private static void pasteAndUse(String csv) {
        browser.script("document.getElementById('calibration-paste-part').open = true;");
        WebElement area = browser.element("calibration-paste");
        area.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        area.sendKeys(csv);
        browser.element("calibration-use-paste").click();
    }

    private static void open(String hash) {
        browser.load(hash);
        browser.consoleErrors();
    }

    private static String percent(double fraction) {
        return String.format(java.util.Locale.ROOT, "%.1f%%", fraction * 100);
    }

    private static void assertNear(double expected, double actual, double relative, String what) {
        assertTrue(Math.abs(actual - expected) <= relative * Math.abs(expected),
                what + ": page " + actual + ", reference " + expected);
    }

    private static String text(String id) {
        return (String) browser.script("return document.getElementById(arguments[0]).textContent;", id);
    }

    private static List<List<String>> rows(String table) {
        return rows(table, "tbody");
    }

    @SuppressWarnings("unchecked")
    private static List<List<String>> rows(String table, String section) {
        return (List<List<String>>) browser.script("return Array.from(document.querySelectorAll('#' + arguments[0]"
                + " + ' ' + arguments[1] + ' tr')).map(r => Array.from(r.cells).map(c => c.textContent));",
                table, section);
    }

    private static long inkedPixels(String id) {
        return (Long) browser.script("const c = document.getElementById(arguments[0]);"
                + "const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                + "let n = 0; for (let i = 3; i < d.length; i += 4) { if (d[i] > 0) { n++; } } return n;", id);
    }
}
