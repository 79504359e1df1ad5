package dev.softmaxexplorer.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page against hostile input: hundreds of generated links, random input fired at every
 * control for a minute with the invariant checks on, and markup smuggled in as a class name.
 */
class HardeningTest extends BrowserTest {
    private static final long SEED = 20261124L;
    private static final int HASHES = 300;
    private static final int[] FUZZ_SEEDS = {7, 11, 23, 42};
    private static final long FUZZ_MILLIS_PER_SEED = 15_000;

    /**
     * Every canvas a person can see has paint on it (in the views that have drawn: one far below
     * the screen is drawn as it comes near), and the page shows some text besides the title.
     */
    private static final String RENDERED = "var shown = function (e) { return e.getClientRects().length > 0"
            + " && !e.closest('[aria-busy=\"true\"]'); };"
            + " var canvases = Array.prototype.filter.call(document.querySelectorAll('canvas'), shown);"
            + " var painted = canvases.every(function (c) {"
            + "  var d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
            + "  for (var i = 3; i < d.length; i += 4) { if (d[i] !== 0) return true; } return false; });"
            + " return painted && document.body.innerText.length > 100;";

    @Test
    void generatedLinksNeverBreakThePage() {
        SplittableRandom random = new SplittableRandom(SEED);
        List<String> failures = new ArrayList<>();
        for (int n = 0; n < HASHES; n++) {
            String hash = hostileHash(random);
            // Every twentieth link is read down to the last view; the others as far as the screen and the next.
            if (n % 20 == 0) {
                browser.loadWhole(hash);
            } else {
                browser.load(hash);
            }
            boolean rendered = (Boolean) browser.script(RENDERED);
            List<String> errors = browser.consoleErrors();
            if (!rendered || !errors.isEmpty()) {
                failures.add("#" + hash + " rendered=" + rendered + " errors=" + errors);
            }
        }
        assertEquals(List.of(), failures.subList(0, Math.min(5, failures.size())),
                failures.size() + " of " + HASHES + " links broke the page");
    }

    @Test
    void aMinuteOfRandomInputBreaksNoInvariant() {
        long actions = 0;
        for (int seed : FUZZ_SEEDS) {
            browser.loadUnsettled("fuzz=" + seed + "&check");
            new WebDriverWait(browser.driver, Duration.ofMillis(FUZZ_MILLIS_PER_SEED + 30_000))
                    .pollingEvery(Duration.ofMillis(200))
                    .until(d -> (Boolean) browser.script("return performance.now() >= arguments[0];",
                            FUZZ_MILLIS_PER_SEED));
            @SuppressWarnings("unchecked")
            Map<String, Object> fuzz = (Map<String, Object>) browser.script("return window.softmaxExplorerFuzz;");
            List<String> errors = browser.consoleErrors();
            assertEquals(List.of(), errors, "seed " + seed + " after " + fuzz);
            assertEquals(0L, fuzz.get("violations"), "seed " + seed);
            actions += (Long) fuzz.get("actions");
        }
        System.out.println("Fuzz: " + actions + " random actions over " + FUZZ_SEEDS.length + " seeds x "
                + FUZZ_MILLIS_PER_SEED / 1000 + " s, invariants checked after every update, no violation");
        assertTrue(actions > FUZZ_SEEDS.length * 100L, "the fuzzer acted: " + actions);
    }

    @Test
    void aClassNameIsTextNeverMarkup() {
        browser.load("names=%3Cimg%20src%3Dx%20onerror%3Dwindow.__xss%3D1%3E,b,c");
        assertEquals("<img src=x onerror=window.__xss=1>", browser.value("name1"));
        assertEquals(0L, browser.script("return document.querySelectorAll('main img, .views img').length;"));
        assertEquals(true, browser.script("return typeof window.__xss === 'undefined';"));
        assertTrue(browser.text("steps").contains("<img src=x onerror=window.__xss=1>"));
        assertEquals(List.of(), browser.consoleErrors());
    }

    /** Links as people and attackers write them: valid pieces, garbage, huge, unicode, markup. */
    private static String hostileHash(SplittableRandom random) {
        String[] keys = {"k", "z", "names", "c", "t", "eps", "mode", "prec", "tz", "seed", "n", "topk", "topp",
            "lr", "embed", "views", "scheme", "stress", "check", "%", "", "zz", "K"};
        String[] values = {"3", "10", "2", "1000000000", "-3", "abc", "NaN", "1e999", "-1e999", "Infinity", "0", "-0",
            "1,2,3", "1000,999,998", "1,,2", "%", "%zz", "%E2%82", "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
            "bars,sweep", "quiz", "naive", "float16", "bfloat16", "dark", "projector", "0.05", "20", "1e-320", "5e-324", "1", "true",
            "\u00e9\u4e2d", "%F0%9F%98%80", "x".repeat(300), "1".repeat(400)};
        StringBuilder hash = new StringBuilder();
        int pairs = random.nextInt(12);
        for (int i = 0; i < pairs; i++) {
            hash.append(i > 0 ? (random.nextInt(10) == 0 ? "&&" : "&") : "")
                    .append(keys[random.nextInt(keys.length)]);
            if (random.nextInt(8) != 0) {
                hash.append('=').append(values[random.nextInt(values.length)]);
            }
        }
        if (random.nextInt(20) == 0) {
            hash.append("&z=").append("1,".repeat(5000));
        }
        return hash.toString();
    }
}
