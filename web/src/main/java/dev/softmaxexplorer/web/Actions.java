package dev.softmaxexplorer.web;

import dev.softmaxexplorer.web.state.HashCodec;
import dev.softmaxexplorer.web.text.EmbedCode;
import dev.softmaxexplorer.web.text.Export;
import org.teavm.jso.JSBody;
import org.teavm.jso.dom.html.HTMLElement;

/** The toolbar's copy buttons: the link to this exact view, and the numbers as CSV or JSON. */
final class Actions {
    private Actions() {
    }

    static void wire(Page page) {
        HTMLElement status = Dom.byId("copy-status");
        Dom.byId("copy-link").addEventListener("click",
                e -> copy(link(HashCodec.encode(page.state())), "header.copy-link.done", status));
        Dom.byId("copy-embed").addEventListener("click",
                e -> copy(EmbedCode.iframe(pageAddress(), page.state()), "header.copy-embed.done", status));
        Dom.byId("copy-csv").addEventListener("click",
                e -> copy(Export.csv(page.frame().state(), page.frame().exact()), "header.copy-csv.done", status));
        Dom.byId("copy-json").addEventListener("click",
                e -> copy(Export.json(page.frame().state(), page.frame().exact()), "header.copy-json.done", status));
    }

    private static String link(String hash) {
        return pageAddress() + (hash.isEmpty() ? "" : "#" + hash);
    }

    private static void copy(String text, String doneKey, HTMLElement status) {
        Clipboard.copy(text, Translation.words().text(doneKey), status, Dom.byId("copy-fallback"));
    }

    @JSBody(script = "return location.href.split('#')[0];")
    private static native String pageAddress();
}
