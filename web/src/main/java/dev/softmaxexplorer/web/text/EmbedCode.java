package dev.softmaxexplorer.web.text;

import dev.softmaxexplorer.web.state.HashCodec;
import dev.softmaxexplorer.web.state.State;

/**
 * The iframe a teacher pastes into a course page: this view in the compact embedded layout,
 * sandboxed to scripts only (the page needs nothing else), with a title for screen readers.
 */
public final class EmbedCode {
    private EmbedCode() {
    }

    /** @param address the page's address without its hash */
    public static String iframe(String address, State state) {
        String hash = HashCodec.encode(state.withEmbed(true));
        return "<iframe src=\"" + attribute(address + "#" + hash) + "\" sandbox=\"allow-scripts\""
                + " title=\"Softmax Explorer\" width=\"100%\" height=\"900\" style=\"border:0\"></iframe>";
    }

    private static String attribute(String text) {
        return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
