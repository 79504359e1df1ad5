package dev.softmaxexplorer.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.softmaxexplorer.core.Format;
import dev.softmaxexplorer.core.InverseSoftmax;
import dev.softmaxexplorer.core.Softmax;
import dev.softmaxexplorer.web.state.TemperatureScale;
import dev.softmaxexplorer.web.text.Numbers;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.interactions.PointerInput;

/**
 * Grabbing the charts as a person does, with real pointer input (down, moves, up) from a mouse
 * and, on a 360 px wide screen, from a finger: a probability bar, a logit bar and the temperature
 * sweep. Geometry is the charts' (ProbabilityChart: plot from 30 px below the top to 40 px above
 * the bottom, 36 px left margin; LogitChart: -10 to 10 from 18 px below the top to 22 px above
 * the bottom; SweepChart: log T axis from 36 px to the right gutter of min(110, max(64, 20%))).
 */
class DragTest extends BrowserTest {
    private static final double[] DEFAULT_LOGITS = {2, 1, 0};

    @BeforeEach
    void openPage() {
        browser.consoleErrors();
        browser.load("");
    }

    @AfterEach
    void restoreScreen() {
        browser.stopEmulating();
        browser.driver.executeCdpCommand("Emulation.setTouchEmulationEnabled", Map.of("enabled", false));
    }

    @Test
    void draggingAProbabilityBarSetsItsLogitSoThatItsProbabilityFollows() {
        dragProbabilityBarOfClassTwoTo(0.75, PointerInput.Kind.MOUSE);
    }

    @Test
    void aFingerDragsAProbabilityBarOnAPhoneWithoutScrollingThePage() {
        browser.emulate(360, 640, 2);
        browser.driver.executeCdpCommand("Emulation.setTouchEmulationEnabled", Map.of("enabled", true, "maxTouchPoints", 5));
        browser.load("");
        dragProbabilityBarOfClassTwoTo(0.6, PointerInput.Kind.TOUCH);
    }

    private void dragProbabilityBarOfClassTwoTo(double wanted, PointerInput.Kind kind) {
        double[] box = scrolledIntoView("probability-chart");
        double plotHeight = box[3] - 30 - 40;
        double slot = (box[2] - 36) / 3;
        double x = box[0] + 36 + slot * 1.5;
        double from = box[1] + box[3] - 40 - 0.245 * plotHeight;
        double to = box[1] + box[3] - 40 - wanted * plotHeight;
        double scrolled = scrollY();
        browser.script("var c = document.getElementById('probability-chart'); c.seen = [];"
                + " ['pointerdown', 'pointerup'].forEach(function (t) {"
                + " c.addEventListener(t, function (e) { c.seen.push(t + ':' + e.pointerType); }); });");
        // chromedriver does not deliver a finger's lift sent in a later action call (no pointerup
        // arrives), so a finger drags in one sequence; the mouse holds the bar between two.
        boolean hold = kind == PointerInput.Kind.MOUSE;
        browser.drag(kind, x, from, x, to, !hold);
        if (hold) {
            // Still holding the bar: the page follows the pointer before it is let go. The sentence
            // above the bars says it (class 2 is then the prediction), without scrolling away.
            browser.waiting().until(d -> {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("Predicted Class 2 with probability ([0-9.]+)%")
                        .matcher((String) browser.script("return document.getElementById('summary').textContent;"));
                return m.find() && Math.abs(Double.parseDouble(m.group(1)) / 100 - wanted) < 0.01;
            });
            browser.release(kind);
        }
        String type = kind.name().toLowerCase();
        assertEquals(List.of("pointerdown:" + type, "pointerup:" + type),
                browser.script("return document.getElementById('probability-chart').seen;"));
        assertEquals(scrolled, scrollY(), "a drag on the chart does not scroll the page");
        assertEquals(List.of("2", "0"), browser.values(List.of("z1", "z3")), "the other logits are kept");
        double z2 = Double.parseDouble(browser.value("z2"));
        double[] z = {2, z2, 0};
        double p2 = Softmax.softmax(z, 1)[1];
        // The logit is core's inverse for the pointer's probability in steps of 0.001.
        double q = Format.parse(Format.fixed(p2, 3));
        assertTrue(Math.abs(q - wanted) < 0.01, "the pointer asked for about " + wanted + ", got " + q);
        assertEquals(Format.shortest(InverseSoftmax.logitFor(DEFAULT_LOGITS, 1, 1, q)), browser.value("z2"));
        assertShows(Softmax.softmax(z, 1));
        assertLinkSays("z=2," + browser.value("z2") + ",0");
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void draggingALogitBarSetsThatLogit() {
        double[] box = scrolledIntoView("logit-chart");
        double half = (box[3] - 18 - 22) / 2;
        double zero = box[1] + 18 + half;
        double x = box[0] + 36 + (box[2] - 36) / 3 * 2.5;
        browser.drag(PointerInput.Kind.MOUSE, x, zero, x, zero - 0.5 * half, true);
        browser.waiting().until(d -> !"0".equals(browser.value("z3")));
        double z3 = Double.parseDouble(browser.value("z3"));
        assertTrue(Math.abs(z3 - 5) < 0.2, "the pointer asked for about 5, got " + z3);
        assertEquals(Format.fixed(z3, 2), Format.fixed(Format.parse(browser.value("z3")), 2), "a logit in the sliders' steps");
        assertEquals(List.of("2", "1"), browser.values(List.of("z1", "z2")));
        assertEquals(browser.value("z3"), browser.value("z3-slider"), "the slider follows the dragged bar");
        assertShows(Softmax.softmax(new double[] {2, 1, z3}, 1));
        assertLinkSays("z=2,1," + browser.value("z3"));
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void draggingAcrossTheSweepAndTheEntropyChartSetsT() {
        double[] box = scrolledIntoView("sweep-chart");
        double gutter = Math.min(110, Math.max(64, box[2] * 0.2));
        double plotWidth = box[2] - 36 - gutter;
        double y = box[1] + box[3] / 2;
        browser.drag(PointerInput.Kind.MOUSE, box[0] + 36 + plotWidth * 0.5, y, xAt(box, plotWidth, 5), y, true);
        browser.waiting().until(d -> !"1".equals(browser.value("temperature")));
        double t = Double.parseDouble(browser.value("temperature"));
        // A pixel is about one of the slider's 1000 steps, a factor 400^(1/1000) each.
        assertTrue(Math.abs(Math.log(t / 5)) < 0.02, "the pointer asked for about T = 5, got " + t);
        assertEquals(t, TemperatureScale.temperature(TemperatureScale.position(t)), "a temperature of the slider's");
        assertEquals(Integer.toString(TemperatureScale.position(t)), browser.value("t-slider"));
        assertShows(Softmax.softmax(DEFAULT_LOGITS, t));
        assertLinkSays("t=" + browser.value("temperature"));
        // The marker moved: drawn at T = 5 over the curves, no trace of it left at T = 1.
        assertTrue(markerPixels("sweep-chart", plotWidth, t) > 20, "the marker at T = " + t);
        assertEquals(0, markerPixels("sweep-chart", plotWidth, 1), "a marker left at T = 1");

        double[] entropy = scrolledIntoView("sweep-entropy-chart");
        double entropyY = entropy[1] + entropy[3] / 2;
        browser.drag(PointerInput.Kind.MOUSE, xAt(entropy, plotWidth, 5), entropyY, xAt(entropy, plotWidth, 0.5), entropyY, true);
        browser.waiting().until(d -> Double.parseDouble(browser.value("temperature")) < 1);
        double cooler = Double.parseDouble(browser.value("temperature"));
        assertTrue(Math.abs(Math.log(cooler / 0.5)) < 0.02, "the pointer asked for about T = 0.5, got " + cooler);
        assertLinkSays("t=" + browser.value("temperature"));
        for (String chart : List.of("sweep-chart", "sweep-entropy-chart")) {
            assertTrue(markerPixels(chart, plotWidth, cooler) > 20, chart + ": the marker at T = " + cooler);
            assertEquals(0, markerPixels(chart, plotWidth, t), chart + ": a marker left at T = " + t);
        }
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void onlyTheDraggableChartsTakeTouchDragsFromScrolling() {
        @SuppressWarnings("unchecked")
        List<String> actions = (List<String>) browser.script("return ['probability-chart', 'logit-chart', 'sweep-chart',"
                + " 'sweep-entropy-chart', 'multiples-chart', 'nll-chart', 'classes']"
                + ".map(function (id) { return getComputedStyle(document.getElementById(id)).touchAction; })"
                + ".concat([getComputedStyle(document.body).touchAction]);");
        assertEquals(List.of("none", "none", "none", "none", "auto", "auto", "auto", "auto"), actions);
        @SuppressWarnings("unchecked")
        List<String> cursors = (List<String>) browser.script("return ['probability-chart', 'logit-chart', 'sweep-chart']"
                + ".map(function (id) { return getComputedStyle(document.getElementById(id)).cursor; });");
        assertEquals(List.of("grab", "grab", "grab"), cursors);
    }

    /** x on a sweep chart for temperature t: the slider position's share of the plot. */
    /**
     * Pixels in the marker's colour (--predicted) within two CSS pixels of the marker's column for
     * T on a sweep chart: the dashed line and, on the entropy chart, the point. The curves, grid and
     * labels use other colours.
     */
    private long markerPixels(String canvas, double plotWidth, double t) {
        double x = Math.floor(36 + plotWidth * TemperatureScale.position(t) / TemperatureScale.STEPS) + 0.5;
        return ((Number) browser.script("var c = document.getElementById(arguments[0]), r = window.devicePixelRatio;"
                + " var probe = document.createElement('canvas').getContext('2d');"
                + " probe.fillStyle = getComputedStyle(c).getPropertyValue('--predicted').trim();"
                + " var want = parseInt(probe.fillStyle.slice(1), 16);"
                + " var left = Math.max(0, Math.floor((arguments[1] - 2) * r)), width = Math.ceil(4 * r);"
                + " var d = c.getContext('2d').getImageData(left, 0, width, c.height).data, n = 0;"
                + " for (var i = 0; i < d.length; i += 4) { if (d[i + 3] > 200"
                + " && Math.abs(d[i] - (want >> 16)) < 12 && Math.abs(d[i + 1] - ((want >> 8) & 255)) < 12"
                + " && Math.abs(d[i + 2] - (want & 255)) < 12) { n++; } }"
                + " return n;", canvas, x)).longValue();
    }

    private static double xAt(double[] box, double plotWidth, double t) {
        return box[0] + 36 + plotWidth * TemperatureScale.position(t) / TemperatureScale.STEPS;
    }

    private double[] scrolledIntoView(String id) {
        browser.script("document.getElementById(arguments[0]).scrollIntoView({block: 'center'});", id);
        return browser.box(id);
    }

    private double scrollY() {
        return ((Number) browser.script("return window.scrollY;")).doubleValue();
    }

    private void assertShows(double[] p) {
        for (int i = 0; i < p.length; i++) {
            String id = "p" + (i + 1);
            browser.waitForText(id, Numbers.compact(p[i]));
        }
    }

    /** Once the drag has ended the link holds the new value (the page writes it when the pointer is let go). */
    private void assertLinkSays(String part) {
        browser.waiting().until(d -> ((String) browser.script("return location.hash;")).contains(part));
    }
}
