package dev.softmaxexplorer.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.softmaxexplorer.core.Pipeline.Mode;
import dev.softmaxexplorer.core.Pipeline;
import dev.softmaxexplorer.core.Precision;
import dev.softmaxexplorer.web.state.Fields;
import dev.softmaxexplorer.web.state.State;
import dev.softmaxexplorer.web.text.Numbers;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A thousand classes (stress mode, by link): an input's frame rewrites only the rows near the
 * screen, and the far ones catch up as soon as the browser is idle.
 */
class StressTest extends BrowserTest {
    @Test
    void farRowsCatchUpAfterAnInput() {
        browser.consoleErrors();
        browser.load("stress&k=1000");
        browser.script("performance.clearMarks('softmax-explorer-settled');");
        browser.type("z1", "5");
        browser.waiting().until(d -> (Boolean) browser.script(
                "return performance.getEntriesByName('softmax-explorer-settled').length > 0;"));

        State state = State.defaults().with(Fields.STRESS, true).with(Fields.CLASS_COUNT, 1000).with(Fields.LOGITS, 0, 5.0);
        double[] p = Pipeline.trace(state.get(Fields.LOGITS), 1, Precision.FLOAT64, Mode.STABLE).probabilities();
        // Far down the table, p still changes with z1 (it underflows to 0 only past row 745).
        assertEquals(List.of(Numbers.compact(p[0]), Numbers.compact(p[499]), Numbers.compact(p[699])),
                browser.texts(List.of("p1", "p500", "p700")));
        assertEquals("5", browser.value("z1"));
        assertEquals("-997", browser.value("z1000"));
        assertEquals(List.of(), browser.consoleErrors());
    }
}
