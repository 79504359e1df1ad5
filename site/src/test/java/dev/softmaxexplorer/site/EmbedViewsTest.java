package dev.softmaxexplorer.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Embedded, the page shows only the views its link chooses, laid out without gaps. */
class EmbedViewsTest extends BrowserTest {
    private static final List<String> PARTS = List.of("inputs", "bars-part", "multiples-part", "steps-part",
            "loss-part", "smoothing-part", "gradient-part", "two-class-part", "sweep-view", "sampling-view",
            "distillation-view", "code-view", "quiz-view");

    @BeforeEach
    void clearConsole() {
        browser.consoleErrors();
    }

    @Test
    void anEmbeddingShowsOnlyTheChosenViews() {
        browser.load("embed&views=bars,sweep&z=1,3,0");
        assertEquals(List.of("bars-part", "sweep-view"), displayed(PARTS));
        assertEquals(List.of(), displayed(List.of("theory", "faq", "copy-embed", "loss-view")),
                "no page chrome, no theory, no empty block");
        // The chosen views are drawn for this link's logits: class 2 (z = 3) is predicted.
        browser.waitForText("predicted", "Class 2 \u2717");
        browser.waiting().until(d -> !browser.text("sweep-current").isEmpty());
        // Without the inputs, the results take the whole width instead of the narrow inputs column.
        Map<?, ?> widths = (Map<?, ?>) browser.script("return {results: document.getElementById('results')"
                + ".getBoundingClientRect().width, main: document.getElementById('main').clientWidth};");
        double results = ((Number) widths.get("results")).doubleValue();
        double main = ((Number) widths.get("main")).doubleValue();
        assertTrue(results > 0.8 * main, "results " + results + " px of " + main + " px");
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void anEmbeddingWithoutChoiceKeepsTheExplorer() {
        browser.load("embed");
        assertEquals(List.of("inputs", "bars-part", "multiples-part", "steps-part"), displayed(PARTS));
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void theFullPageShowsEveryViewWhateverTheChoice() {
        browser.load("views=quiz");
        assertEquals(PARTS, displayed(PARTS));
        assertTrue(browser.checked("embed-view-quiz"));
        assertEquals(false, browser.checked("embed-view-bars"));
    }

    @Test
    void theLastViewCannotBeUnchosen() {
        browser.load("views=quiz");
        browser.openMenu("share");
        browser.openMenu("embed-options");
        browser.element("embed-view-quiz").click();
        browser.waitForText("input-message", "An embedding must keep at least one view. The last good value is kept.");
        browser.waiting().until(d -> browser.checked("embed-view-quiz"));
        assertTrue(((String) browser.script("return location.hash;")).contains("views=quiz"));
        assertEquals(List.of(), browser.consoleErrors());
    }

    /** The ids, in the order given, of the elements a person can see (laid out, not hidden). */
    @SuppressWarnings("unchecked")
    private static List<String> displayed(List<String> ids) {
        return (List<String>) browser.script("return arguments[0].filter(function (id) {"
                + " var e = document.getElementById(id); return e && e.getClientRects().length > 0; });", ids);
    }
}
