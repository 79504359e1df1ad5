package dev.softmaxexplorer.web.browser;

import org.teavm.jso.JSBody;

/**
 * What the page tells the outside world: a readable message instead of a blank page when
 * something fails, and, inside an iframe, a message to the course page on load and on error
 * (so an embedding page can show its own fallback) and whenever its height changes (so that it can
 * size the iframe). Uses only postMessage: the page never touches
 * or navigates its parent.
 */
public final class Embedding {
    private Embedding() {
    }

    /**
     * Catches every uncaught error and rejected promise from here on and shows it on the page, in
     * the words {@link #wordErrors} last gave; in English if it fails before the page has words.
     */
    @JSBody(script = ""
            + "function report(text) {"
            + "  var box = document.getElementById('fatal');"
            + "  var words = window.softmaxExplorerErrorWords"
            + "    || 'Something went wrong inside Softmax Explorer: {error}. The numbers shown may be out of date;'"
            + "    + ' reloading the page starts afresh.';"
            + "  if (box) { box.hidden = false; box.textContent = words.replace('{error}', function () { return text; }); }"
            + "  document.documentElement.setAttribute('data-rendered', '');"
            + "  if (window.parent !== window) {"
            + "    window.parent.postMessage({source: 'softmax-explorer', type: 'error', message: String(text)}, '*'); }"
            + "}"
            // Not a failure: the browser reports that some size changes wait for the next frame
            // (a canvas resized by a layout that a resize callback caused), and delivers them then.
            + "window.addEventListener('error', function (e) {"
            + "  if (/^ResizeObserver loop/.test(e.message || '')) { return; }"
            + "  report(e.message || 'an unknown error'); });"
            + "window.addEventListener('unhandledrejection', function (e) { report(String(e.reason)); });")
    public static native void catchErrors();

    /** The template (with {@code {error}}) of the message for an uncaught error, in the language shown. */
    @JSBody(params = "template", script = "window.softmaxExplorerErrorWords = template;")
    public static native void wordErrors(String template);

    /** Tells an embedding page that the explorer is ready and which view it shows. */
    @JSBody(params = "hash", script = "if (window.parent !== window) {"
            + " window.parent.postMessage({source: 'softmax-explorer', type: 'ready', hash: hash}, '*'); }")
    public static native void announceReady(String hash);

    /**
     * Inside an iframe, tells the embedding page the document's height whenever it changes (views
     * drawn, K changed, a language with longer words), so that a course page can size the iframe
     * to fit instead of showing a scroll bar or a gap. Sent only on a change of whole pixels: the
     * host's own resizing of the iframe changes no height here, so it starts no loop.
     */
    @JSBody(script = "if (window.parent === window || typeof ResizeObserver === 'undefined') { return; }"
            + " var root = document.documentElement; var sent = -1;"
            + " new ResizeObserver(function () {"
            + "   var height = Math.ceil(root.getBoundingClientRect().height);"
            + "   if (height !== sent) { sent = height;"
            + "     window.parent.postMessage({source: 'softmax-explorer', type: 'resize', height: height}, '*'); }"
            + " }).observe(root);")
    public static native void reportHeight();

    /** Shows the message, and the page if it has not rendered yet (the style sheet hides it until then). */
    @JSBody(params = "text", script = "var box = document.getElementById('fatal');"
            + " if (box) { box.hidden = false; box.textContent = text; }"
            + " document.documentElement.setAttribute('data-rendered', '');")
    public static native void showFatal(String text);
}
