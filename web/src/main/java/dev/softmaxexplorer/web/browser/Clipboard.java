package dev.softmaxexplorer.web.browser;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * Copying text for a person, shared by every copy button on the page: the asynchronous Clipboard
 * API where the browser allows it; where it does not (an iframe without the clipboard permission,
 * an old browser) the text is put, selected, in a read-only text area next to the button so it
 * can be copied by hand. The status element says which of the two happened.
 */
public final class Clipboard {
    private Clipboard() {
    }

    /**
     * Copies {@code text}, then shows {@code done} in {@code status}; on refusal shows the text
     * in {@code fallback} (a hidden {@code <textarea readonly>}), selected, and says so with
     * {@code refused}.
     */
    public static void copy(String text, String done, String refused, HTMLElement status, HTMLElement fallback) {
        writeClipboard(text, () -> status.setTextContent(done), () -> status.setTextContent(refused), fallback);
    }

    @JSFunctor
    interface Callback extends JSObject {
        void run();
    }

    @JSBody(params = {"text", "done", "failed", "fallback"}, script = ""
            + "function manual() { fallback.hidden = false; fallback.value = text; fallback.focus();"
            + " fallback.select(); failed(); }"
            + "try { if (navigator.clipboard && navigator.clipboard.writeText) {"
            + " navigator.clipboard.writeText(text).then(function () { fallback.hidden = true; done(); }, manual);"
            + " } else { manual(); } } catch (e) { manual(); }")
    private static native void writeClipboard(String text, Callback done, Callback failed, HTMLElement fallback);
}
