package dev.softmaxexplorer.web.panel;

import dev.softmaxexplorer.web.browser.Clipboard;
import dev.softmaxexplorer.web.browser.Dom;
import dev.softmaxexplorer.web.page.Editor;
import dev.softmaxexplorer.web.state.HashCodec;
import dev.softmaxexplorer.web.text.EmbedCode;
import dev.softmaxexplorer.web.text.Export;
import dev.softmaxexplorer.web.text.Messages;
import org.teavm.jso.JSBody;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * The Share menu's buttons: the link to this exact view, the embed code, the numbers as CSV or
 * JSON, and the printed handout.
 */
final class Actions {
    private Actions() {
    }

    static void wire(Editor editor) {
        HTMLElement status = Dom.byId("copy-status");
        Dom.byId("copy-link").addEventListener("click",
                e -> copy(editor, link(HashCodec.encode(editor.state())), "header.copy-link.done", status));
        Dom.byId("copy-embed").addEventListener("click",
                e -> copy(editor, EmbedCode.iframe(pageAddress(), editor.state()), "header.copy-embed.done", status));
        Dom.byId("copy-csv").addEventListener("click",
                e -> copy(editor, Export.csv(editor.frame().state(), editor.frame().exact()), "header.copy-csv.done", status));
        Dom.byId("copy-json").addEventListener("click",
                e -> copy(editor, Export.json(editor.frame().state(), editor.frame().exact()), "header.copy-json.done", status));
        Dom.byId("print-handout").addEventListener("click", e -> {
            // Closed, so that the handout does not show the menu as the page comes back from print.
            Dom.open(Dom.byId("share"), false);
            print();
        });
    }

    /** The browser's print dialog; the page lays itself out for paper on its beforeprint event. */
    @JSBody(script = "window.print();")
    private static native void print();

    private static String link(String hash) {
        return pageAddress() + (hash.isEmpty() ? "" : "#" + hash);
    }

    private static void copy(Editor editor, String text, String doneKey, HTMLElement status) {
        Messages words = editor.frame().words();
        Clipboard.copy(text, words.text(doneKey), words.text("page.clipboard-refused"), status,
                Dom.byId("copy-fallback"));
    }

    @JSBody(script = "return location.href.split('#')[0];")
    private static native String pageAddress();
}
