package dev.softmaxexplorer.web.page;

import dev.softmaxexplorer.web.browser.Dom;
import dev.softmaxexplorer.web.state.HashCodec;
import dev.softmaxexplorer.web.state.Message;
import dev.softmaxexplorer.web.state.State;
import dev.softmaxexplorer.web.text.Messages;
import java.util.List;
import org.teavm.jso.JSBody;
import org.teavm.jso.browser.Location;
import org.teavm.jso.browser.Window;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * The page's address: the state is read from the URL hash at start and when the hash changes, and
 * written back once the state has been still for {@link #DELAY_MS}; what a link asked for but the
 * page ignored is listed in the notice above the inputs, in the language shown.
 */
final class Address {
    /** How long the state must be still before the address follows it. */
    private static final int DELAY_MS = 250;

    private final HTMLElement notice = Dom.byId("notice");
    private List<Message> notices = List.of();
    private State pending;
    private int timer;

    /** The state the address describes now; its notices are kept for {@link #showNotices}. */
    State read() {
        HashCodec.Decoded decoded = HashCodec.decode(Location.current().getHash());
        notices = decoded.notices();
        if (!notices.isEmpty()) {
            // The address now says what the page shows; the notice says what was dropped.
            write(decoded.state());
        }
        return decoded.state();
    }

    /**
     * Follows the state once it has been still for {@link #DELAY_MS}: history.replaceState costs
     * milliseconds in Chromium (tens with a thousand logits in the hash), Chromium throttles pages
     * that call it more than 200 times in 10 s, and a dragged slider changes the state every frame.
     */
    void follow(State state) {
        pending = state;
        Window.clearTimeout(timer);
        timer = Window.setTimeout(this::catchUp, DELAY_MS);
    }

    /** Writes the state still waiting, at once (a reload, a bookmark, an invariant check). */
    void catchUp() {
        if (pending != null) {
            write(pending);
            pending = null;
        }
    }

    /** The hash as the address shows it, without '#'. */
    static String hash() {
        String hash = Location.current().getHash();
        return hash.startsWith("#") ? hash.substring(1) : hash;
    }

    private static void write(State shown) {
        String hash = HashCodec.encode(shown);
        replace(hash.isEmpty() ? Location.current().getPathName() : "#" + hash);
    }

    /**
     * replaceState, not assignment: moving a slider must not add a hundred history entries. A
     * document that may not change its address (an {@code <iframe srcdoc>} of a notebook or a
     * local file, whose origin is opaque) shows the state all the same; its address stays as it was.
     */
    @JSBody(params = "url", script = "try { history.replaceState(null, '', url); } catch (e) { }")
    private static native void replace(String url);

    /**
     * Words the link's notices in the language shown, which the same link may have just chosen,
     * followed by the name of a string table file that could not be loaded, if any.
     */
    void showNotices(Messages words, String missingFile) {
        String unavailable = missingFile == null ? "" : words.format("page.words-unavailable", "file", missingFile);
        Dom.hidden(notice, notices.isEmpty() && missingFile == null);
        if (notices.isEmpty()) {
            Dom.text(notice, unavailable);
            return;
        }
        StringBuilder sentences = new StringBuilder();
        for (Message m : notices) {
            sentences.append(sentences.length() > 0 ? " " : "").append(words.sentence(m));
        }
        String linkNotices = words.format("page.link-notices", "notices", sentences.toString());
        Dom.text(notice, unavailable.isEmpty() ? linkNotices : linkNotices + " " + unavailable);
    }
}
