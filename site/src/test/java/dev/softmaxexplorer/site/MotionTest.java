package dev.softmaxexplorer.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Motion that explains: a step (here Reset, an example and a gradient step) moves the bars to their
 * new heights over a few frames; typing a value redraws them at once; with prefers-reduced-motion
 * nothing moves. The height of the first class's bar is read from the canvas in every animation
 * frame by a recorder installed before the action, which ends once the action's result is on the
 * page and the chart has been still for 10 frames.
 */
class MotionTest extends BrowserTest {
    /**
     * Records, each frame, the first probability bar's height as a fraction of the axis (the bar
     * top found by scanning the bar's centre column for the --true colour), until the test says
     * the action is done (window.acted) and the page's data-moving mark has been gone 10 frames.
     */
    private static final String RECORD = "var c = document.getElementById('probability-chart');"
            + " var hex = getComputedStyle(c).getPropertyValue('--true').trim();"
            + " var want = [1, 3, 5].map(function (i) { return parseInt(hex.substr(i, 2), 16); });"
            + " var ratio = window.devicePixelRatio, top = 30, bottom = 40;"
            + " window.heights = []; window.recording = true; window.acted = false; var still = 0;"
            + " function height() { var k = 3, slot = (c.clientWidth - 36) / k, x = Math.floor((36 + slot / 2) * ratio);"
            + "  var base = c.clientHeight - bottom, plot = base - top;"
            + "  var d = c.getContext('2d').getImageData(x, 0, 1, c.height).data;"
            + "  for (var y = Math.floor(top * ratio); y < base * ratio; y++) {"
            + "   if (Math.abs(d[4 * y] - want[0]) <= 2 && Math.abs(d[4 * y + 1] - want[1]) <= 2"
            + "    && Math.abs(d[4 * y + 2] - want[2]) <= 2) { return (base - y / ratio) / plot; } }"
            + "  return 0; }"
            + " function frame() { window.heights.push(height());"
            + "  still = document.documentElement.hasAttribute('data-moving') ? 0 : still + 1;"
            + "  if (!window.acted || still < 10) { requestAnimationFrame(frame); } else { window.recording = false; } }"
            + " requestAnimationFrame(frame);";

    @AfterEach
    void motionAsTheSystemSays() {
        browser.driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of()));
    }

    @Test
    void resetMovesTheBarsToTheirNewHeights() {
        // z = (-2, 1, 3): p1 = e^-2 / (e^-2 + e + e^3) = 0.0063; Reset gives (2, 1, 0): p1 = 0.6652.
        List<Double> heights = recordAround("z=-2,1,3", () -> browser.element("reset").click(), "2");
        assertEquals(0.0063, heights.get(0), 0.01);
        assertEquals(0.6652, heights.get(heights.size() - 1), 0.01);
        // At 60 frames a second a 200 ms motion shows about 12 heights on the way; a machine too
        // busy to draw more than one frame in that time still shows one.
        assertTrue(heights.stream().anyMatch(h -> h > 0.03 && h < 0.64),
                "the bar passed through heights on its way: " + heights);
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void anExampleAndAGradientStepMoveTheBarsToo() {
        // [10, 9, 9]: p1 = 1 / (1 + 2/e) = 0.5761; from z = (0, 5, 5): p1 = 1 / (1 + 2e^5) = 0.0034.
        List<Double> heights = recordAround("z=0,5,5", () -> browser.choose("preset", "CLOSE_CALL"), "10");
        assertEquals(0.5761, heights.get(heights.size() - 1), 0.01);
        assertTrue(heights.stream().anyMatch(h -> h > 0.03 && h < 0.55), heights.toString());

        browser.script("document.getElementById('gradient-part').scrollIntoView();");
        // One step at learning rate 10 from z = (0, 5, 5) (p = 0.0034, 0.4983, 0.4983; gradient
        // p - y = -0.9966, 0.4983, 0.4983): z = (9.966, 0.017, 0.017), p1 = 1 / (1 + 2 e^-9.949) = 0.9999.
        List<Double> stepped = recordAround("z=0,5,5&lr=10", () -> browser.element("gradient-step").click(), "9.966");
        assertEquals(0.9999, stepped.get(stepped.size() - 1), 0.01);
        assertTrue(stepped.stream().anyMatch(h -> h > 0.03 && h < 0.97), stepped.toString());
    }

    @Test
    void typingAValueRedrawsAtOnce() {
        List<Double> heights = recordAround("z=-2,1,3", () -> browser.type("z1", "2"), "2");
        // z = (2, 1, 3): p1 = e^2 / (e^2 + e + e^3) = 0.2447, with nothing in between.
        assertEquals(0.2447, heights.get(heights.size() - 1), 0.01);
        assertEquals(List.of(), heights.stream().filter(h -> h > 0.03 && h < 0.23).distinct().toList());
    }

    @Test
    void withReducedMotionAStepJumps() {
        browser.driver.executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-reduced-motion", "value", "reduce"))));
        List<Double> heights = recordAround("z=-2,1,3", () -> browser.element("reset").click(), "2");
        assertEquals(0.6652, heights.get(heights.size() - 1), 0.01);
        assertEquals(List.of(), heights.stream().filter(h -> h > 0.03 && h < 0.64).distinct().toList());
    }

    /** The first bar's heights from before the action until it shows the state whose z1 is {@code z1}. */
    private List<Double> recordAround(String hash, Runnable action, String z1) {
        browser.load(hash);
        browser.script(RECORD);
        action.run();
        browser.waiting().until(d -> browser.value("z1").startsWith(z1));
        browser.script("window.acted = true;");
        browser.waiting().until(d -> Boolean.FALSE.equals(browser.script("return window.recording;")));
        @SuppressWarnings("unchecked")
        List<Number> heights = (List<Number>) browser.script("return window.heights;");
        return heights.stream().map(Number::doubleValue).toList();
    }
}
