package dev.softmaxexplorer.web;

import dev.softmaxexplorer.core.Softmax;
import dev.softmaxexplorer.core.SoftmaxResult;
import dev.softmaxexplorer.web.state.HashCodec;
import dev.softmaxexplorer.web.state.State;
import dev.softmaxexplorer.web.text.EmbedCode;
import dev.softmaxexplorer.web.text.Export;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.dom.html.HTMLElement;

/** The toolbar's copy buttons: the link to this exact view, and the numbers as CSV or JSON. */
final class Actions {
    private Actions() {
    }

    static void wire(Page page) {
        HTMLElement status = Dom.byId("copy-status");
        Dom.byId("copy-link").addEventListener("click",
                e -> copy(link(HashCodec.encode(page.state())), "Link copied.", status));
        Dom.byId("copy-embed").addEventListener("click",
                e -> copy(EmbedCode.iframe(pageAddress(), page.state()), "Embed code copied.", status));
        Dom.byId("copy-csv").addEventListener("click",
                e -> copy(Export.csv(page.state(), exact(page.state())), "Numbers copied as CSV.", status));
        Dom.byId("copy-json").addEventListener("click",
                e -> copy(Export.json(page.state(), exact(page.state())), "Numbers copied as JSON.", status));
    }

    private static SoftmaxResult exact(State state) {
        return Softmax.evaluate(state.logits(), state.temperature(), state.target(), state.labelSmoothing());
    }

    private static String link(String hash) {
        return pageAddress() + (hash.isEmpty() ? "" : "#" + hash);
    }

    private static void copy(String text, String done, HTMLElement status) {
        writeClipboard(text, () -> status.setTextContent(done),
                () -> status.setTextContent("This browser refused the clipboard here; the text is selected"
                        + " below so you can copy it yourself."), Dom.byId("copy-fallback"));
    }

    @JSFunctor
    interface Callback extends JSObject {
        void run();
    }

    @JSBody(script = "return location.href.split('#')[0];")
    private static native String pageAddress();

    /**
     * The asynchronous Clipboard API where allowed; where it is not (an iframe without the
     * clipboard permission, an old browser) the text is shown selected for a manual copy.
     */
    @JSBody(params = {"text", "done", "failed", "fallback"}, script = ""
            + "function manual() { fallback.hidden = false; fallback.value = text; fallback.focus();"
            + " fallback.select(); failed(); }"
            + "try { if (navigator.clipboard && navigator.clipboard.writeText) {"
            + " navigator.clipboard.writeText(text).then(function () { fallback.hidden = true; done(); }, manual);"
            + " } else { manual(); } } catch (e) { manual(); }")
    private static native void writeClipboard(String text, Callback done, Callback failed, HTMLElement fallback);
}
