package dev.softmaxexplorer.web.text;

import dev.softmaxexplorer.web.state.Fields;
import dev.softmaxexplorer.web.state.HashCodec;
import dev.softmaxexplorer.web.state.State;
import dev.softmaxexplorer.web.state.View;





/**
 * The iframe a teacher pastes into a course page: this state's chosen views in the compact
 * embedded layout, sandboxed to scripts only (the page needs nothing else), with a title for
 * screen readers and a height that fits the views.
 */
public final class EmbedCode {
    private EmbedCode() {
    }

    /** The embedded page's title line and margins, in CSS pixels. */
    private static final int CHROME_HEIGHT = 60;

    /** @param address the page's address without its hash */
    public static String iframe(String address, State state) {
        String hash = HashCodec.encode(state.with(Fields.EMBED, true));
        return "<iframe src=\"" + Html.escape(address + "#" + hash) + "\" sandbox=\"allow-scripts\""
                + " title=\"Softmax Explorer\" width=\"100%\" height=\"" + height(state) + "\" style=\"border:0\"></iframe>";
    }

    /**
     * The iframe height that shows the chosen views without scrolling at a usual course-page width:
     * the inputs sit beside the results (bars, multiples, steps), every other view spans the width.
     */
    static int height(State state) {
        int inputs = 0;
        int results = 0;
        int below = 0;
        for (View v : state.get(Fields.VIEWS)) {
            switch (v) {
                case INPUTS:
                    inputs = v.typicalHeight();
                    break;
                case BARS:
                case MULTIPLES:
                case STEPS:
                    results += v.typicalHeight();
                    break;
                default:
                    below += v.typicalHeight();
            }
        }
        return CHROME_HEIGHT + Math.max(inputs, results) + below;
    }
}
