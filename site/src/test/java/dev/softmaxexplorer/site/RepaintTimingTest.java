package dev.softmaxexplorer.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.softmaxexplorer.core.Pipeline.Mode;
import dev.softmaxexplorer.core.Pipeline;
import dev.softmaxexplorer.core.Precision;
import dev.softmaxexplorer.web.state.Fields;
import dev.softmaxexplorer.web.state.State;
import dev.softmaxexplorer.web.text.Numbers;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * Input to repaint, measured, not asserted: 50 keyboard moves of a logit slider, each waited for
 * until the table shows the new probability, then the page's own render measure (User Timing
 * "softmax-explorer-render", the work of one frame: results, charts, table, controls) is read.
 * Also recorded in the page: the time from the input event to the end of the animation frame that
 * rendered it (a requestAnimationFrame callback queued after the page's own). Headless Chromium
 * paints at 60 Hz, so that second figure includes waiting for the next frame.
 */
class RepaintTimingTest extends BrowserTest {
    private static final int MOVES = 50;
    @BeforeEach
    void clearLog() {
        browser.consoleErrors();
    }

    @ParameterizedTest(name = "K = {0}")
    @ValueSource(ints = {3, 10})
    void measureInputToRepaint(int k) {
        browser.load(k == State.DEFAULT_CLASSES ? "" : "k=" + k);
        browser.script("window.frameLatency = [];"
                + " document.addEventListener('input', function (e) { var t0 = e.timeStamp;"
                + " requestAnimationFrame(function () { window.frameLatency.push(performance.now() - t0); }); });");
        State state = State.defaults().with(Fields.CLASS_COUNT, k);
        WebElement slider = browser.element("z1-slider");
        List<Double> render = new ArrayList<>();
        BigDecimal z = new BigDecimal("2");
        for (int move = 1; move <= MOVES; move++) {
            slider.sendKeys(Keys.ARROW_RIGHT);
            z = z.add(new BigDecimal("0.01"));
            String shown = z.stripTrailingZeros().toPlainString();
            // One round trip a poll: the render measure, read as soon as the logit's field shows the
            // new value (its row is on screen, so the input's own frame writes it).
            Number millis = browser.waiting().until(d -> (Number) browser.script(
                    "return document.getElementById('z1').value === arguments[0]"
                            + " ? performance.getEntriesByName('softmax-explorer-render')[0].duration : null;", shown));
            render.add(millis.doubleValue());
        }
        // The step table, below the screen, catches up with the last move.
        double[] logits = state.with(Fields.LOGITS, 0, z.doubleValue()).get(Fields.LOGITS);
        browser.waitForText("p1", Numbers.compact(Pipeline.trace(logits, 1, Precision.FLOAT64, Mode.STABLE)
                .probabilities()[0]));
        @SuppressWarnings("unchecked")
        List<Number> frames = (List<Number>) browser.script("return window.frameLatency;");
        List<Double> frame = frames.stream().map(Number::doubleValue).toList();
        assertEquals(MOVES, frame.size(), "one input event per key press");
        System.out.println(String.format(Locale.ROOT, "INPUT-TO-REPAINT K=%d, %d slider moves by keyboard:"
                + " page render work (User Timing softmax-explorer-render) median %.2f ms, p95 %.2f ms, max %.2f ms;"
                + " input event to end of its rendering frame median %.2f ms, p95 %.2f ms", k, MOVES,
                percentile(render, 50), percentile(render, 95), percentile(render, 100), percentile(frame, 50),
                percentile(frame, 95)));
        assertEquals(List.of(), browser.consoleErrors());
    }

    /** Nearest-rank percentile. */
    private static double percentile(List<Double> values, int percent) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
