package dev.softmaxexplorer.web.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.softmaxexplorer.web.state.State;
import org.junit.jupiter.api.Test;

class EmbedCodeTest {
    @Test
    void theIframeCarriesTheViewInTheEmbeddedLayout() {
        State state = State.defaults().withTemperature(0.5).withNames(new String[] {"cat", "dog", "b\"ird"});
        assertEquals("<iframe src=\"https://example.org/softmax/index.html#names=cat,dog,b%22ird&amp;t=0.5&amp;embed=1"
                + "\" sandbox=\"allow-scripts\" title=\"Softmax Explorer\" width=\"100%\" height=\"900\""
                + " style=\"border:0\"></iframe>",
                EmbedCode.iframe("https://example.org/softmax/index.html", state));
    }
}
