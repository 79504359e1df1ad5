package dev.softmaxexplorer.web.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.softmaxexplorer.web.state.Fields;
import dev.softmaxexplorer.web.state.State;
import dev.softmaxexplorer.web.state.View;
import java.util.List;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class EmbedCodeTest {
    @Test
    void theIframeCarriesTheViewInTheEmbeddedLayout() {
        State state = State.defaults().with(Fields.TEMPERATURE, 0.5).with(Fields.NAMES, List.of("cat", "dog", "b\"ird"));
        assertEquals("<iframe src=\"https://example.org/softmax/index.html#names=cat,dog,b%22ird&amp;t=0.5&amp;embed=1"
                + "\" sandbox=\"allow-scripts\" title=\"Softmax Explorer\" width=\"100%\" height=\"970\""
                + " style=\"border:0\"></iframe>",
                EmbedCode.iframe("https://example.org/softmax/index.html", state));
    }

    @Test
    void theIframeKeepsTheChosenViewsAndFitsThem() {
        State state = State.defaults().with(Fields.VIEWS, EnumSet.of(View.BARS, View.SWEEP));
        // 60 (title) + max(0 inputs, 420 bars) + 760 sweep below.
        assertEquals(1240, EmbedCode.height(state));
        assertTrue(EmbedCode.iframe("file:///x.html", state).contains("#embed=1&amp;views=bars,sweep\""));
        // The default embedding: 60 + max(380 inputs, 420 + 190 + 300 results).
        assertEquals(970, EmbedCode.height(State.defaults()));
    }
}
